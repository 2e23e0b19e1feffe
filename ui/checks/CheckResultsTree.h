#pragma once
// The result of a suite run as a tree: suite (verdict) -> test (status, failing count and percent) ->
// failure (one item per failing row, the first kMaxRowItems, then a "… N more" item). Selecting an item
// tells the page which test it belongs to; activating (clicking) a test or a failure asks to show the
// failing cells in the Data page: every failing row of the test, or that one row. The current failure
// item and the point ringed on the Checks page's failure plot are kept in step (rowSelected, selectRow).

#include "core/checks/CheckRunResult.h"

#include <QTreeWidget>
#include <QVector>

#include <memory>

namespace loupe {

class Table;

class CheckResultsTree : public QTreeWidget {
    Q_OBJECT
public:
    static constexpr int kMaxRowItems = 500;
    enum ItemRole { TestIndexRole = Qt::UserRole + 1, RowRole, KindRole };
    enum class ItemKind { Suite, Test, Failure, More };

    explicit CheckResultsTree(QWidget *parent = nullptr);

    // Shows run; table (may be nullptr) supplies the text of failing cells beyond the first 20.
    void showRun(const CheckRunResult &run, std::shared_ptr<const Table> table);
    void clearRun();

    QTreeWidgetItem *testItem(int testIndex) const;
    // The first failure item under the test, or nullptr.
    QTreeWidgetItem *firstFailureItem(int testIndex) const;
    // The failure item of `row` under the test, or nullptr (a passing row, or one past kMaxRowItems).
    QTreeWidgetItem *failureItem(int testIndex, quint64 row) const;
    // Makes the failure item of `row` current (its test expanded), or the test item when the row has
    // none; emits nothing (the caller already knows). Returns true when the row has an item.
    bool selectRow(int testIndex, quint64 row);

Q_SIGNALS:
    // -1: the suite item.
    void testSelected(int testIndex);
    // The current item is the failure of `row` (0-based data row) of the test; -1: another kind of item.
    void rowSelected(int testIndex, qint64 row);
    // The columns of the failing cells and the rows to highlight (0-based data rows).
    void failureActivated(int testIndex, const QStringList &columns, const QVector<quint64> &rows);

private:
    void addTest(QTreeWidgetItem *suiteItem, int index, const CheckTestResult &test, const Table *table);
    void onCurrentItemChanged(QTreeWidgetItem *current);
    void onItemActivated(QTreeWidgetItem *item);

    CheckRunResult m_run;
};

} // namespace loupe
