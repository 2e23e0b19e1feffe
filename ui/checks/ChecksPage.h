#pragma once
// The Checks page: edit a data-test suite (SuiteEditor: form and raw JSON), open and save it, run it on
// the current dataset in the background (CheckJob, with progress and Cancel), read the results as a tree
// suite -> test -> failing row (CheckResultsTree) with the selected test's report text and a plot of its
// column (FailurePlot), and export the report as text, JSON, JUnit XML or HTML. Clicking a failure emits
// showFailingCells(); MainWindow forwards it to the Data page.

#include "ui/common/PageContext.h"

#include "core/checks/CheckRunResult.h"

#include <QVector>
#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;

namespace loupe {

class CheckHistoryPanel;
class CheckResultsTree;
struct CheckJobResult;
class FailurePlot;
class MessageBanner;
class SuiteEditor;

class ChecksPage : public QWidget {
    Q_OBJECT
public:
    enum class ReportFormat { Text, Json, Junit, Html };

    // requires: context.runner and context.dataset outlive the page.
    explicit ChecksPage(const PageContext &context, QWidget *parent = nullptr);
    ~ChecksPage() override;

    // Loads a suite file into the editor. ensures: an empty string on success, else the message.
    QString openSuite(const QString &path);
    // Writes the editor's suite. ensures: an empty string on success, else the message. The examples
    // shipped with Loupe are read-only: a path among them is refused.
    QString saveSuite(const QString &path);
    // How messages and the stored run name the suite: the file it came from while the editor holds
    // that file's text, "<editor>" once it was typed or edited.
    QString suiteDisplayName() const;
    // Where "Save suite…" proposes to write: the suite's own file, or for an example (or a suite typed
    // from scratch) the workspace's folder.
    QString proposedSavePath() const;
    // True for files under Loupe's shipped examples (resources/examples).
    static bool isExampleFile(const QString &path);
    // Parses the editor's suite and runs it on the current dataset; a running check is superseded.
    // A bad suite or no dataset shows a message and starts nothing.
    void runChecks();
    void cancelRun();
    bool isRunning() const { return m_run != 0; }

    // Writes the last result. ensures: an empty string on success, else the message.
    QString exportReport(ReportFormat format, const QString &path) const;
    static QString reportText(ReportFormat format, const CheckRunResult &run);

    const std::optional<CheckRunResult> &lastResult() const { return m_result; }
    SuiteEditor *editor() const { return m_editor; }
    CheckResultsTree *resultsTree() const { return m_tree; }
    CheckHistoryPanel *historyPanel() const { return m_history; }
    QTabWidget *resultTabs() const { return m_resultTabs; }
    FailurePlot *failurePlot() const { return m_plot; }
    QString reportShown() const;
    QString messageText() const;

Q_SIGNALS:
    void runFinished();
    void runFailed(const QString &message);
    void runCancelled();
    // The failing cells to show: 0-based data rows in the named columns (no columns: whole rows).
    void showFailingCells(const QStringList &columns, const QVector<quint64> &rows);

private:
    void buildUi();
    QWidget *buildTopBar();
    QWidget *buildResults();
    void setRunningUi(bool running);
    // Shows `problem` as an error, or `done` when there is none (an empty `done` hides the banner).
    void showOutcome(const QString &problem, const QString &done);
    void onDatasetChanged();
    void onRunFinished(const CheckJobResult &result);
    void onRunFailed(const QString &message);
    void onRunCancelled();
    void onTestSelected(int testIndex);
    void showTestInPlot(int testIndex);
    void openWithDialog();
    void saveWithDialog();
    void exportWithDialog(ReportFormat format);

    PageContext m_context;
    quint64 m_run = 0;
    QString m_suitePath;
    QString m_loadedSuiteText; // the text m_suitePath held when it was opened or saved
    std::optional<CheckRunResult> m_result;
    std::shared_ptr<const Table> m_resultTable;
    int m_plotTest = -1; // the test of m_result the failure plot shows

    QLabel *m_datasetLabel = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QProgressBar *m_progress = nullptr;
    MessageBanner *m_message = nullptr;
    SuiteEditor *m_editor = nullptr;
    CheckResultsTree *m_tree = nullptr;
    CheckHistoryPanel *m_history = nullptr;
    QTabWidget *m_resultTabs = nullptr;
    QPlainTextEdit *m_report = nullptr;
    FailurePlot *m_plot = nullptr;
};

} // namespace loupe
