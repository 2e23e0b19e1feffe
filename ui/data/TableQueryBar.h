#pragma once
// The bar above the Data page's table that sorts and filters it. Sorting: click a column header (ascending,
// descending, then table order again). Filtering: a column, a condition (contains / = / < / > / is missing /
// is not missing; RowQuery.h gives the exact rules) and a value, checked as typed against the column's type;
// Apply (or Enter) filters, Clear filter shows every row again.
// The rows are computed by RowOrderJob on the shared JobRunner, so a million rows never block the window:
// the bar shows the job's progress and a Cancel button, and a new sort or filter supersedes a running one
// (its late result is dropped). The result goes to the TableModel as a row order; the status line then
// says how many rows are shown and how they are sorted.

#include "core/data/RowQuery.h"
#include "core/data/Table.h"
#include "jobs/RowOrder.h"

#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace loupe {

class JobRunner;
class TableModel;

class TableQueryBar : public QWidget {
    Q_OBJECT
public:
    // requires: runner, model and view outlive the bar; view shows model.
    TableQueryBar(JobRunner *runner, TableModel *model, QTableView *view, QWidget *parent = nullptr);
    ~TableQueryBar() override;

    // A new table was put in the model: no sort, no filter, the filter's column list refilled.
    void resetForTable();

    // The filter fields, as if typed (tests and scripted use).
    void setFilterFields(int column, FilterCondition condition, const QString &operand);
    // Filters with the fields' condition (no-op while they do not read: see filterError()).
    void applyFilter();
    void clearFilter();
    // Sorts by `column` (-1: table order), as a header click does.
    void sortBy(int column, SortDirection direction);
    void cancel();

    bool isBusy() const { return m_run != 0; }
    // The query asked for last (the table shows it once the running job ends), and the one it shows.
    const RowQuery &query() const { return m_query; }
    const RowQuery &shownQuery() const { return m_shown; }
    // Why the filter fields do not read ("filter on 'amount' (float64): 'x' is not a number"); empty when they do.
    QString filterError() const { return m_filterError; }
    QString statusText() const;

Q_SIGNALS:
    // Around the model reset that shows a new order (DataPage keeps its current column across it).
    void orderAboutToChange();
    void orderApplied();
    void orderFailed(const QString &message);

private:
    void buildUi();
    void validateFields();
    std::optional<RowFilter> fieldFilter() const;
    void onSortIndicatorChanged(int column, Qt::SortOrder order);
    void start();
    void applyOrder(std::shared_ptr<const std::vector<std::size_t>> rows);
    void setBusy(bool busy);
    void updateStatus();
    QString queryText() const;

    JobRunner *m_runner;
    TableModel *m_model;
    QTableView *m_view;
    RowQuery m_query;
    RowQuery m_shown;
    quint64 m_run = 0;
    QString m_filterError;

    QComboBox *m_column = nullptr;
    QComboBox *m_condition = nullptr;
    QLineEdit *m_operand = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_clear = nullptr;
    QStackedWidget *m_statusArea = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace loupe
