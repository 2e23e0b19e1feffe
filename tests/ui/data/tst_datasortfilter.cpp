// Sorting and filtering the Data page's table (offscreen, driving the header and the filter bar) on the
// simulator's transactions, 200,000 rows: the work runs as a job (the click returns before the rows are
// ready), a new query supersedes a running one, Cancel keeps the rows shown, the filter value is checked as
// typed, and highlights (Checks' failing cells, Privacy's findings) land on the right row once reordered.

#include "ui/common/DatasetSession.h"
#include "ui/common/DisplayFormat.h"
#include "ui/data/DataPage.h"
#include "ui/data/TableModel.h"
#include "ui/data/TableQueryBar.h"

#include "core/data/CsvWriter.h"
#include "core/data/TransactionSimulator.h"
#include "jobs/JobRunner.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace loupe;

namespace {

constexpr int kTimeoutMs = 60000;
constexpr std::size_t kRows = 200000;
constexpr int kAmount = 7;   // the simulator's columns: ..., category (6), amount (7), balance (8), ...
constexpr int kCategory = 6;

} // namespace

class TestDataSortFilter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void headerClicksSortOffTheGuiThread();
    void filterFromTheBar();
    void filterValueIsCheckedAsTyped();
    void newQuerySupersedesRunningOne();
    void cancelKeepsTheRowsShown();
    void highlightLandsOnTheRightRow();

private:
    void clickHeader(int section);
    void waitIdle();
    double amountAt(int viewRow) const;

    QTemporaryDir m_dir;
    QString m_path;
    std::shared_ptr<const Table> m_reference;
    JobRunner *m_runner = nullptr;
    DatasetSession *m_session = nullptr;
    DataPage *m_page = nullptr;
    TableQueryBar *m_bar = nullptr;
    TableModel *m_model = nullptr;
};

void TestDataSortFilter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    SimulationOptions options;
    options.rows = kRows;
    options.seed = 7;
    auto table = std::make_shared<Table>(TransactionSimulator(options).generate());
    m_path = m_dir.filePath(QStringLiteral("transactions.csv"));
    QVERIFY(CsvWriter::writeFile(*table, m_path.toStdString()).isOk());
    m_reference = table;
}

void TestDataSortFilter::init()
{
    m_runner = new JobRunner;
    m_session = new DatasetSession;
    m_page = new DataPage(PageContext{m_runner, m_session, QString()});
    m_page->resize(1280, 720);
    m_page->show();
    QSignalSpy finished(m_page, &DataPage::loadFinished);
    m_page->loadFile(m_path);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
    m_bar = m_page->queryBar();
    m_model = m_page->tableModel();
    QCOMPARE(m_model->rowCount(), int(kRows));
}

void TestDataSortFilter::cleanup()
{
    delete m_page;
    delete m_runner;
    delete m_session;
}

void TestDataSortFilter::clickHeader(int section)
{
    QHeaderView *header = m_page->tableView()->horizontalHeader();
    m_page->tableView()->scrollTo(m_model->index(0, section));
    const QPoint at(header->sectionViewportPosition(section) + header->sectionSize(section) / 2, header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, Qt::NoModifier, at);
}

void TestDataSortFilter::waitIdle()
{
    QTRY_VERIFY_WITH_TIMEOUT(!m_bar->isBusy(), kTimeoutMs);
}

double TestDataSortFilter::amountAt(int viewRow) const
{
    return m_model->index(viewRow, kAmount).data(Qt::EditRole).toDouble();
}

void TestDataSortFilter::headerClicksSortOffTheGuiThread()
{
    QSignalSpy applied(m_bar, &TableQueryBar::orderApplied);
    clickHeader(kAmount);
    // The click returned with the job running: the table still shows table order, progress is on screen.
    QVERIFY(m_bar->isBusy());
    QVERIFY(m_bar->findChild<QProgressBar *>(QStringLiteral("queryProgress"))->isVisible());
    QCOMPARE(applied.count(), 0);
    QCOMPARE(m_model->headerData(0, Qt::Vertical).toString(), QStringLiteral("0"));
    waitIdle();
    QCOMPARE(applied.count(), 1);
    QCOMPARE(m_model->rowCount(), int(kRows));
    for (int row = 1; row < 2000; ++row)
        QVERIFY2(amountAt(row - 1) <= amountAt(row), qPrintable(QString::number(row)));
    QVERIFY(amountAt(int(kRows) - 2) <= amountAt(int(kRows) - 1));
    // Each row keeps its data-row number.
    const std::size_t first = m_model->tableRow(0);
    QCOMPARE(m_model->headerData(0, Qt::Vertical).toString(), QString::number(first));
    QCOMPARE(amountAt(0), m_reference->column(kAmount).doubleAt(first));
    QCOMPARE(m_page->currentColumn(), kAmount); // the clicked column is the one inspected
    QCOMPARE(m_bar->statusText(), QStringLiteral("amount ↑"));

    clickHeader(kAmount); // descending
    waitIdle();
    QVERIFY(amountAt(0) >= amountAt(1));
    QVERIFY(amountAt(1) >= amountAt(int(kRows) - 1));
    clickHeader(kAmount); // back to table order, at once
    QVERIFY(!m_bar->isBusy());
    QVERIFY(!m_model->hasRowOrder());
    QCOMPARE(m_page->tableView()->horizontalHeader()->sortIndicatorSection(), -1);

    // The inspected column survives a new order.
    m_page->selectColumn(kCategory);
    m_bar->sortBy(kAmount, SortDirection::Descending);
    waitIdle();
    QCOMPARE(m_page->tableView()->horizontalHeader()->sortIndicatorSection(), kAmount);
    QCOMPARE(m_page->currentColumn(), kCategory);
}

void TestDataSortFilter::filterFromTheBar()
{
    auto *column = m_bar->findChild<QComboBox *>(QStringLiteral("filterColumn"));
    auto *condition = m_bar->findChild<QComboBox *>(QStringLiteral("filterCondition"));
    auto *value = m_bar->findChild<QLineEdit *>(QStringLiteral("filterValue"));
    column->setCurrentIndex(column->findText(QStringLiteral("amount")));
    condition->setCurrentIndex(condition->findText(QStringLiteral(">")));
    QTest::keyClicks(value, QStringLiteral("500"));
    QTest::keyClick(value, Qt::Key_Return);
    QVERIFY(m_bar->isBusy());
    waitIdle();

    const Column &amounts = m_reference->column(kAmount);
    std::size_t expected = 0;
    for (std::size_t row = 0; row < kRows; ++row)
        expected += amounts.isValid(row) && amounts.doubleAt(row) > 500.0 ? 1 : 0;
    QVERIFY(expected > 0 && expected < kRows);
    QCOMPARE(std::size_t(m_model->rowCount()), expected);
    for (int row = 0; row < m_model->rowCount(); ++row)
        QVERIFY(amountAt(row) > 500.0);
    QVERIFY2(m_bar->statusText().startsWith(QStringLiteral("%1 of %2 rows").arg(formatCount(expected), formatCount(kRows))),
             qPrintable(m_bar->statusText()));

    // Sorting keeps the filter.
    clickHeader(kAmount);
    waitIdle();
    QCOMPARE(std::size_t(m_model->rowCount()), expected);
    QVERIFY(amountAt(0) <= amountAt(1));

    QTest::mouseClick(m_bar->findChild<QPushButton *>(QStringLiteral("clearFilter")), Qt::LeftButton);
    waitIdle();
    QCOMPARE(m_model->rowCount(), int(kRows));
    QVERIFY(m_bar->shownQuery().sort.has_value());
    QVERIFY(!m_bar->shownQuery().filter.has_value());
}

void TestDataSortFilter::filterValueIsCheckedAsTyped()
{
    auto *apply = m_bar->findChild<QPushButton *>(QStringLiteral("applyFilter"));
    auto *value = m_bar->findChild<QLineEdit *>(QStringLiteral("filterValue"));
    m_bar->setFilterFields(kAmount, FilterCondition::Equals, QString());
    QTest::keyClicks(value, QStringLiteral("12,5"));
    QVERIFY(!apply->isEnabled());
    QCOMPARE(m_bar->filterError(), QStringLiteral("filter on 'amount' (float64): '12,5' is not a number"));
    QCOMPARE(m_bar->statusText(), m_bar->filterError());
    QTest::keyClick(value, Qt::Key_Return); // refused: nothing starts
    QVERIFY(!m_bar->isBusy());
    QTest::keyClick(value, Qt::Key_Backspace);
    QTest::keyClick(value, Qt::Key_Backspace);
    QTest::keyClick(value, Qt::Key_Backspace);
    QVERIFY(apply->isEnabled());
    QVERIFY(m_bar->filterError().isEmpty());
    // "is missing" takes no value: the field is disabled and any text is fine.
    m_bar->setFilterFields(kAmount, FilterCondition::IsMissing, QStringLiteral("junk"));
    QVERIFY(!value->isEnabled());
    QVERIFY(apply->isEnabled());
}

void TestDataSortFilter::newQuerySupersedesRunningOne()
{
    QSignalSpy applied(m_bar, &TableQueryBar::orderApplied);
    QSignalSpy ended(m_runner, &JobRunner::runEnded);
    clickHeader(kAmount);
    QVERIFY(m_bar->isBusy());
    m_bar->setFilterFields(kCategory, FilterCondition::Equals, QStringLiteral("travel"));
    m_bar->applyFilter();
    waitIdle();
    QTRY_COMPARE_WITH_TIMEOUT(ended.count() >= 2, true, kTimeoutMs); // both jobs are gone
    QCOMPARE(applied.count(), 1); // only the last query reached the table
    QVERIFY(m_bar->shownQuery().sort && m_bar->shownQuery().filter);
    QVERIFY(m_model->rowCount() > 0);
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->index(row, kCategory).data().toString(), QStringLiteral("travel"));
    for (int row = 1; row < m_model->rowCount(); ++row)
        QVERIFY(amountAt(row - 1) <= amountAt(row));
}

void TestDataSortFilter::cancelKeepsTheRowsShown()
{
    clickHeader(kAmount);
    QVERIFY(m_bar->isBusy());
    auto *cancel = m_bar->findChild<QPushButton *>(QStringLiteral("cancelQuery"));
    QVERIFY(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!m_bar->isBusy());
    QVERIFY(!cancel->isVisible());
    QVERIFY(!m_model->hasRowOrder());
    QCOMPARE(m_page->tableView()->horizontalHeader()->sortIndicatorSection(), -1);
    QTest::qWait(200); // a late result of the cancelled job must not arrive
    QVERIFY(!m_model->hasRowOrder());
}

void TestDataSortFilter::highlightLandsOnTheRightRow()
{
    m_bar->sortBy(kAmount, SortDirection::Descending);
    waitIdle();
    const quint64 target = 123456;
    m_page->highlightCells({QStringLiteral("amount")}, {target});
    const QModelIndex current = m_page->tableView()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(m_model->tableRow(current.row()), std::size_t(target));
    QCOMPARE(current.column(), kAmount);
    QVERIFY(m_page->tableView()->selectionModel()->isSelected(current));
    QVERIFY(m_model->index(current.row(), kAmount).data(TableModel::HighlightRole).toBool());
    QCOMPARE(amountAt(current.row()), m_reference->column(kAmount).doubleAt(target));
    // Shown on screen: the view scrolled to it.
    QVERIFY(m_page->tableView()->viewport()->rect().intersects(m_page->tableView()->visualRect(current)));

    // A filter that hides the row: the page says so instead of selecting another row.
    const double amount = m_reference->column(kAmount).doubleAt(target);
    m_bar->setFilterFields(kAmount, FilterCondition::Greater, QString::number(amount + 1.0, 'f', 2));
    m_bar->applyFilter();
    waitIdle();
    m_page->highlightCells({QStringLiteral("amount")}, {target});
    QVERIFY(m_model->viewRow(target) < 0);
    QCOMPARE(m_page->tableView()->selectionModel()->selectedIndexes().size(), 0);
    QVERIFY2(m_page->messageText().contains(QStringLiteral("1 of the 1 highlighted rows are hidden by the filter")),
             qPrintable(m_page->messageText()));
}

QTEST_MAIN(TestDataSortFilter)
#include "tst_datasortfilter.moc"
