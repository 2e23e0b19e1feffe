// The Checks page's failure plot as a user explores it (FailurePlot on PlotWidget): its legend never
// hides the outlier that failed (issue 14), the readout gives the row and value, and a click on a
// point emits rowClicked and rings it; on the page, that click selects the row on the Data page, as
// a failure clicked in the tree does (checked on the chapter's CEO example), and the results tree and
// the plot keep one selection: a point clicked selects its failure in the tree, a failure selected in
// the tree is ringed on the plot, and a passing point selects its test.

#include "ui/checks/CheckResultsTree.h"
#include "ui/checks/ChecksPage.h"
#include "ui/checks/FailurePlot.h"
#include "ui/common/DatasetSession.h"
#include "ui/common/PageContext.h"
#include "ui/common/PlotHighlight.h"
#include "ui/common/PlotPointFinder.h"
#include "ui/common/PlotReadout.h"
#include "ui/data/DataPage.h"
#include "ui/data/TableModel.h"

#include "core/checks/CheckRunResult.h"
#include "core/data/Table.h"

#include "jobs/JobRunner.h"

#include "tests/support/PlotEvents.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTableView>
#include <QTreeWidget>
#include <QTest>
#include <qcustomplot.h>

using namespace loupe;
using namespace loupe::plotevents;

namespace {

constexpr int kRows = 200;
constexpr int kOutlierRow = kRows - 1;

// amount: 0 .. 99.5 in a saw, then one outlier (1000) in the last row: the top right corner.
Table amounts()
{
    Column amount("amount", ColumnType::Float64);
    for (int row = 0; row < kRows - 1; ++row)
        amount.appendDouble((row * 37) % 200 * 0.5);
    amount.appendDouble(1000.0);
    Table table;
    table.addColumn(std::move(amount));
    return table;
}

CheckTestResult outlierTest()
{
    CheckTestResult test;
    test.name = "amount below 100";
    test.status = CheckTestStatus::Failed;
    test.outcome.passed = false;
    test.outcome.columns = {"amount"};
    test.outcome.failingRows = {kOutlierRow};
    test.outcome.upperBound = 100.0;
    return test;
}

} // namespace

class TestFailurePlot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void legendDoesNotHideTheOutlier();
    void clickOnAPointEmitsItsRow();
    void clickOnThePageSelectsTheRowOnTheDataPage();
    void treeAndPlotKeepOneSelection();
};

void TestFailurePlot::legendDoesNotHideTheOutlier()
{
    const Table table = amounts();
    FailurePlot plot;
    plot.showTest(table, outlierTest());
    QVERIFY(showAt(plot, QSize(520, 300)));
    const QRectF legend = plot.customPlot()->legend->outerRect();
    const QPointF outlier = pixelOf(plot, kOutlierRow, 1000.0);
    QVERIFY2(!legend.adjusted(-4, -4, 4, 4).contains(outlier), "the legend covers the failing value");
    QCOMPARE(PlotPointFinder::countInside(*plot.customPlot(), legend, 1000), 0);
    // Inside the frame with a margin, not on its edge.
    QVERIFY(plot.customPlot()->yAxis->range().upper > 1000.0);
    QVERIFY(plot.customPlot()->xAxis->range().upper > kOutlierRow);
}

void TestFailurePlot::clickOnAPointEmitsItsRow()
{
    const Table table = amounts();
    FailurePlot plot;
    plot.showTest(table, outlierTest());
    QVERIFY(showAt(plot, QSize(520, 300)));
    hover(plot, pixelOf(plot, kOutlierRow, 1000.0));
    QCOMPARE(plot.readout()->text(), QStringLiteral("failing values\nrow: 199\namount: 1,000\nclick: show row 199 on the Data page"));
    QSignalSpy clicked(&plot, &FailurePlot::rowClicked);
    click(plot, pixelOf(plot, kOutlierRow, 1000.0));
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.front().at(0).toString(), QStringLiteral("amount"));
    QCOMPARE(clicked.front().at(1).toULongLong(), quint64(kOutlierRow));
    QCOMPARE(plot.selectedRow(), qint64(kOutlierRow));
    QCOMPARE(plot.highlight()->marks(), (QVector<QPointF>{QPointF(kOutlierRow, 1000.0)}));
    plot.showTest(table, outlierTest()); // another test shown: the ring goes
    QVERIFY(plot.highlight()->isEmpty());
}

void TestFailurePlot::clickOnThePageSelectsTheRowOnTheDataPage()
{
    JobRunner runner;
    DatasetSession dataset;
    PageContext context;
    context.runner = &runner;
    context.dataset = &dataset;
    DataPage dataPage(context);
    ChecksPage page(context);
    connect(&page, &ChecksPage::showFailingCells, &dataPage,
            [&dataPage](const QStringList &columns, const QVector<quint64> &rows) { dataPage.highlightCells(columns, rows); });
    QSignalSpy loaded(&dataPage, &DataPage::loadFinished);
    dataPage.loadFile(QStringLiteral(LOUPE_SOURCE_DIR "/resources/examples/ceo/ceo.csv"));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    QCOMPARE(page.openSuite(QStringLiteral(LOUPE_SOURCE_DIR "/resources/examples/ceo/suite.json")), QString());
    QSignalSpy finished(&page, &ChecksPage::runFinished);
    page.runChecks();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    FailurePlot *plot = page.failurePlot();
    QCOMPARE(plot->failingPointCount(), 1);
    page.resize(1000, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    plot->customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    // The failing value (row 0 of ceo_birth) is the red cross; click it.
    const QCPGraph *failing = plot->customPlot()->graph(1);
    const double key = failing->data()->constBegin()->key;
    const double value = failing->data()->constBegin()->value;
    QSignalSpy shown(&page, &ChecksPage::showFailingCells);
    click(*plot, pixelOf(*plot, key, value));
    QCOMPARE(shown.count(), 1);
    TableModel *model = dataPage.tableModel();
    QVERIFY(model->isHighlighted(0, 1));
    QVERIFY(dataPage.tableView()->selectionModel()->isSelected(model->index(0, 1)));
}

void TestFailurePlot::treeAndPlotKeepOneSelection()
{
    // 200 amounts below 100 but in rows 10, 50 and 199 (1000): a suite that wants them below 100.
    QTemporaryDir dir;
    QFile csv(dir.filePath(QStringLiteral("amounts.csv")));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("amount\n");
    for (int row = 0; row < kRows; ++row)
        csv.write(QByteArray::number(row == 10 || row == 50 || row == kOutlierRow ? 1000.0 : (row * 37) % 200 * 0.5) + "\n");
    csv.close();
    QFile suite(dir.filePath(QStringLiteral("suite.json")));
    QVERIFY(suite.open(QIODevice::WriteOnly));
    suite.write(R"({"suite": "amounts", "tests": [{"name": "small", "assert": "between", "column": "amount", "max": 100}]})");
    suite.close();

    JobRunner runner;
    DatasetSession dataset;
    PageContext context;
    context.runner = &runner;
    context.dataset = &dataset;
    DataPage dataPage(context);
    ChecksPage page(context);
    QSignalSpy loaded(&dataPage, &DataPage::loadFinished);
    dataPage.loadFile(csv.fileName());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    QCOMPARE(page.openSuite(suite.fileName()), QString());
    QSignalSpy finished(&page, &ChecksPage::runFinished);
    page.runChecks();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    page.resize(1000, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    FailurePlot *plot = page.failurePlot();
    CheckResultsTree *tree = page.resultsTree();
    QCOMPARE(plot->failingPointCount(), 3);
    plot->customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(plot->selectedRow(), qint64(-1));

    const QString suiteReport = page.reportShown();
    // Plot -> tree: the failing value of row 50 selects the failure item "row 50".
    click(*plot, pixelOf(*plot, 50, 1000.0));
    QVERIFY(tree->currentItem());
    QCOMPARE(tree->currentItem(), tree->failureItem(0, 50));
    QCOMPARE(tree->currentItem()->text(0), QStringLiteral("row 50"));
    QCOMPARE(plot->selectedRow(), qint64(50));
    QCOMPARE(plot->highlight()->marks(), (QVector<QPointF>{QPointF(50, 1000.0)}));
    QVERIFY(page.reportShown() != suiteReport); // the test's report now, as a click in the tree shows it

    // A passing value has no failure item: its test becomes current, the ring moves to the point.
    const QPointF passingPixel = pixelOf(*plot, 120, (120 * 37) % 200 * 0.5);
    const PlotPoint found = plot->pointAt(passingPixel);
    QCOMPARE(found.key, 120.0);
    click(*plot, passingPixel);
    QCOMPARE(tree->currentItem(), tree->testItem(0));
    QCOMPARE(plot->selectedRow(), qint64(120));

    // Tree -> plot: selecting a failure item rings its point; the test item clears the ring.
    tree->setCurrentItem(tree->failureItem(0, kOutlierRow));
    QCOMPARE(plot->selectedRow(), qint64(kOutlierRow));
    QCOMPARE(plot->highlight()->marks(), (QVector<QPointF>{QPointF(kOutlierRow, 1000.0)}));
    tree->setCurrentItem(tree->testItem(0));
    QCOMPARE(plot->selectedRow(), qint64(-1));
    QVERIFY(plot->highlight()->isEmpty());
    QCOMPARE(plot->failingPointCount(), 3); // still the same test on the plot, not drawn again
}

QTEST_MAIN(TestFailurePlot)
#include "tst_failureplot.moc"
