#pragma once
// The Checks page's history: the data-test runs stored in the workspace (newest first: when,
// suite, data, tests, failures, warnings) and, for the chosen run, its tests with their status and
// failing-row count; a test shows its stored report (message, first failing rows with values,
// Locals, Note). Reads on the UI thread through StoredCheckRuns (a few indexed queries).
#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QPlainTextEdit;
class QTableWidget;
class QTreeWidget;

namespace loupe {

class StoredCheckRuns;
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

public Q_SLOTS:
    // Re-reads the list of runs (after a run was stored); keeps the chosen run when it is still there.
    void refresh();

private:
    // The stored run shown in `row` of the runs table, -1 for none.
    qint64 runIdOfRow(int row) const;
    void showRun(int row);
    void showTest(int index);

    std::unique_ptr<StoredCheckRuns> m_store;
    QLabel *m_status = nullptr;
    QTableWidget *m_runs = nullptr;
    QTreeWidget *m_tests = nullptr;
    QPlainTextEdit *m_details = nullptr;
    std::vector<StoredCheckTest> m_shownTests; // of the chosen run
};

} // namespace loupe
