#pragma once
// The Checks page's history: the data-test runs stored in the workspace (newest first: when,
// suite, data, tests, failures, warnings) and, for the chosen run, its tests with their status and
// failing-row count; a test shows its stored report (message, first failing rows with values,
// Locals, Note). Reads off the UI thread (two WorkspaceReaders: the runs, the chosen run's tests);
// the header says "reading the workspace…" until a read replies, and a superseded read's reply is
// dropped.
#include "core/util/Status.h"

#include <QWidget>

#include <vector>

class QPlainTextEdit;
class QTableWidget;
class QTreeWidget;

namespace loupe {

class StoredRunsHeader;
class WorkspaceReader;
struct StoredCheckRun;
struct StoredCheckTest;

class CheckHistoryPanel : public QWidget {
    Q_OBJECT
public:
    // workspace: a Store location; empty shows that there is no workspace to read.
    explicit CheckHistoryPanel(const QString &workspace, QWidget *parent = nullptr);
    ~CheckHistoryPanel() override;

    QTableWidget *runsTable() const { return m_runs; }
    QTreeWidget *testsTree() const { return m_tests; }
    QString detailsShown() const;
    // What the header says of the runs ("reading the workspace…", "2 run(s), newest first", ...).
    QString statusText() const;
    // A read (of the runs or of the chosen run's tests) has not replied yet.
    bool isLoading() const;
    WorkspaceReader *runsReader() const { return m_runsReader; }

public Q_SLOTS:
    // Re-reads the list of runs (after a run was stored); keeps the chosen run when it is still there.
    void refresh();

Q_SIGNALS:
    // A read of the runs replied and the table shows it.
    void runsShown();

private:
    // The stored run shown in `row` of the runs table, -1 for none.
    qint64 runIdOfRow(int row) const;
    void showRuns(const Result<std::vector<StoredCheckRun>> &runs);
    void showRun(int row);
    void showTests(const Result<std::vector<StoredCheckTest>> &tests);
    void showTest(int index);

    WorkspaceReader *m_runsReader = nullptr;
    WorkspaceReader *m_testsReader = nullptr;
    StoredRunsHeader *m_header = nullptr;
    QTableWidget *m_runs = nullptr;
    QTreeWidget *m_tests = nullptr;
    QPlainTextEdit *m_details = nullptr;
    std::vector<StoredCheckTest> m_shownTests; // of the chosen run
};

} // namespace loupe
