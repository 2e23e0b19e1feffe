#pragma once
// The Data page: open a CSV (button, File menu, drop), watch it load with a progress bar and a
// Cancel button, browse it in a virtualized table, sort it by a column and filter it (TableQueryBar),
// and inspect the selected column (ColumnPanel).
// Loading, sorting/filtering and column statistics run as jobs on the shared JobRunner, so the window
// never freezes. A bad file leaves the previous table in place and shows the reader's message (file, line,
// column); with "Skip bad rows" checked, rows with the wrong number of fields are dropped instead, and the
// message area says how many and shows the first few (line and reason).

#include "ui/common/PageContext.h"

#include "jobs/ColumnSummary.h"
#include "jobs/LoadedTable.h"

#include "core/data/CsvOptions.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace loupe {

class ColumnPanel;
class MessageBanner;
class TableModel;
class TableQueryBar;

class DataPage : public QWidget {
    Q_OBJECT
public:
    // requires: context.runner and context.dataset outlive the page.
    explicit DataPage(const PageContext &context, QWidget *parent = nullptr);
    ~DataPage() override;

    // Starts loading `path` with the page's options (Skip bad rows); a load already running is cancelled
    // and superseded.
    void loadFile(const QString &path);
    void loadFile(const QString &path, const CsvOptions &options);
    // The options the page reads files with: the defaults, with Skip bad rows as checked.
    CsvOptions csvOptions() const;
    void setSkipBadRows(bool skip);
    // Asks for a file, then loads it.
    void openWithDialog();
    // Stops the running load at once; its late result is ignored. No-op when idle.
    void cancelLoad();
    bool isLoading() const { return m_loadRun != 0; }

    // Makes `column` current and shows its statistics. requires: 0 <= column < model columns.
    void selectColumn(int column);
    int currentColumn() const { return m_currentColumn; }

    // Highlights the failing cells of a data test: `rows` (0-based data rows) in the named columns (unknown
    // names are skipped; no names: whole rows), selects them (the first kMaxSelectedRows in the view's
    // order), and scrolls to the first one shown. Sorted or filtered, the rows are found where the order
    // put them; rows the filter hides are counted in the message area. An empty `rows` clears the highlight.
    // Returns how many of the rows the filter hides.
    std::size_t highlightCells(const QStringList &columns, const QVector<quint64> &rows);
    // Highlights and selects the rows behind bar `bar` of the column panel's distribution (a histogram
    // bin or a top value; a click on the bar does this) and says how many they are.
    void selectRowsOfBar(int bar);
    static constexpr int kMaxSelectedRows = 1000;

    TableModel *tableModel() const { return m_model; }
    QTableView *tableView() const { return m_view; }
    ColumnPanel *columnPanel() const { return m_columnPanel; }
    TableQueryBar *queryBar() const { return m_queryBar; }
    // The error / notice shown above the table; empty when none.
    QString messageText() const;
    // The reader's "FILE:LINE:COL: what" message as a sentence: "Line 3, column 2: what".
    // Messages of another form are returned unchanged.
    static QString describeLoadError(const QString &readerMessage);
    // "file.csv — 1,000 rows × 5 columns · read in 12 ms · delimiter ','" once a table is shown.
    QString summaryText() const;

Q_SIGNALS:
    void loadStarted(const QString &path);
    void loadFinished(const QString &path);
    void loadFailed(const QString &message);
    void loadCancelled();
    // The statistics of `column` are on screen.
    void columnStatsShown(int column);

private:
    void buildTopBar();
    void buildBody();
    void setLoadingUi(bool loading);
    void onLoadProgress(double fraction, const QString &stage);
    void onLoadFinished(const LoadedTable &loaded);
    void onLoadFailed(const QString &message);
    void onLoadCancelled();
    void onStatsFinished(const ColumnSummary &summary);
    void onCurrentColumnChanged(int column);
    void resizeColumns();
    void showSkippedRows(const LoadedTable &loaded);

    PageContext m_context;
    quint64 m_loadRun = 0;
    QString m_loadingPath;
    int m_currentColumn = -1;
    int m_columnAcrossOrder = -1; // the current column while the view's rows are reordered
    QHash<int, ColumnStats> m_statsCache;

    QPushButton *m_openButton = nullptr;
    QCheckBox *m_skipBadRows = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QLabel *m_loadingLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    MessageBanner *m_message = nullptr;
    QStackedWidget *m_body = nullptr;
    QTableView *m_view = nullptr;
    TableModel *m_model = nullptr;
    TableQueryBar *m_queryBar = nullptr;
    ColumnPanel *m_columnPanel = nullptr;
};

} // namespace loupe
