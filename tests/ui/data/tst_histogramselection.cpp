// A click on a bar of the Data page's distribution plot (issue 25): the bar is ringed, its rows are
// highlighted in the table and selected (at most DataPage::kMaxSelectedRows), and the message says
// which bar and how many rows; for a histogram bin and for a top value. Synthetic mouse events on a
// generated CSV, offscreen.

#include "ui/common/DatasetSession.h"
#include "ui/common/HistogramPlot.h"
#include "ui/common/PlotHighlight.h"
#include "ui/common/PlotReadout.h"
#include "ui/data/ColumnPanel.h"
#include "ui/data/DataPage.h"
#include "ui/data/TableModel.h"

#include "jobs/JobRunner.h"

#include "tests/support/PlotEvents.h"

#include <QFile>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

using namespace loupe;
using namespace loupe::plotevents;

namespace {

constexpr int kRows = 1500;
const char *const kTeams[] = {"red", "blue", "green"};

// amount: row % 100 (a flat histogram over 0..99); team: red, blue, green in turn, red every 5th too.
QString writeCsv(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("amounts.csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write("id,amount,team\n");
    for (int row = 0; row < kRows; ++row)
        file.write(QStringLiteral("%1,%2,%3\n").arg(row).arg(row % 100).arg(QLatin1String(row % 5 == 0 ? "red" : kTeams[row % 3])).toUtf8());
    return path;
}

} // namespace

class TestHistogramSelection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void clickOnABinSelectsItsRows_data();
    void clickOnABinSelectsItsRows();
    void clickOnATopValueSelectsItsRows();

private:
    void showColumn(int column);

    QTemporaryDir m_dir;
    std::unique_ptr<JobRunner> m_runner;
    std::unique_ptr<DatasetSession> m_session;
    std::unique_ptr<DataPage> m_page;
};

void TestHistogramSelection::init()
{
    m_runner = std::make_unique<JobRunner>();
    m_session = std::make_unique<DatasetSession>();
    m_page = std::make_unique<DataPage>(PageContext {m_runner.get(), m_session.get(), QString()});
    m_page->resize(1300, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QSignalSpy finished(m_page.get(), &DataPage::loadFinished);
    m_page->loadFile(writeCsv(m_dir));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
}

void TestHistogramSelection::cleanup()
{
    m_page.reset();
    m_session.reset();
    m_runner.reset();
}

void TestHistogramSelection::showColumn(int column)
{
    QSignalSpy shown(m_page.get(), &DataPage::columnStatsShown);
    m_page->selectColumn(column);
    QTRY_VERIFY(!shown.isEmpty() && shown.back().front().toInt() == column);
    m_page->columnPanel()->plot()->customPlot()->replot(QCustomPlot::rpImmediateRefresh);
}

void TestHistogramSelection::clickOnABinSelectsItsRows_data()
{
    QTest::addColumn<int>("bin");
    QTest::newRow("first") << 0;
    QTest::newRow("middle") << 14;
    QTest::newRow("last") << 29;
}

void TestHistogramSelection::clickOnABinSelectsItsRows()
{
    QFETCH(int, bin);
    showColumn(1);
    HistogramPlot *plot = m_page->columnPanel()->plot();
    QCOMPARE(plot->kind(), HistogramPlot::Kind::Histogram);
    const HistogramBin &b = plot->stats().histogram[std::size_t(bin)];
    const QPointF pixel = pixelOf(*plot, 0.5 * (b.lower + b.upper), double(b.count) / 2);
    hover(*plot, pixel);
    QVERIFY2(plot->readout()->text().endsWith(QStringLiteral("click: select these rows in the table")),
             qPrintable(plot->readout()->text()));
    QSignalSpy clicked(plot, &HistogramPlot::barClicked);
    click(*plot, pixel);
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.front().front().toInt(), bin);
    QCOMPARE(plot->selectedBars(), QVector<int>{bin});
    QCOMPARE(plot->highlight()->marks(), (QVector<QPointF>{QPointF(0.5 * (b.lower + b.upper), double(b.count))}));
    // Every row of the bin is highlighted in the amount column and selected there.
    TableModel *model = m_page->tableModel();
    QCOMPARE(model->highlightedRows().size(), std::size_t(b.count));
    const QModelIndexList selected = m_page->tableView()->selectionModel()->selectedIndexes();
    QCOMPARE(selected.size(), int(b.count));
    for (const QModelIndex &index : selected) {
        QCOMPARE(index.column(), 1);
        const double amount = index.data().toDouble();
        QVERIFY2(amount >= b.lower && amount <= b.upper, qPrintable(index.data().toString()));
        QVERIFY(model->isHighlighted(index.row(), 1));
    }
    QVERIFY2(m_page->messageText().contains(QStringLiteral("%1 rows highlighted and selected").arg(b.count)),
             qPrintable(m_page->messageText()));
}

void TestHistogramSelection::clickOnATopValueSelectsItsRows()
{
    showColumn(2);
    HistogramPlot *plot = m_page->columnPanel()->plot();
    QCOMPARE(plot->kind(), HistogramPlot::Kind::TopValues);
    const CategoryCount &top = plot->stats().topValues.front(); // red: the most frequent, the top bar
    QCOMPARE(top.label, std::string("red"));
    const QPointF pixel(plot->customPlot()->xAxis->coordToPixel(double(top.count) / 2), plot->customPlot()->yAxis->coordToPixel(1));
    click(*plot, pixel);
    QCOMPARE(plot->selectedBars(), QVector<int>{0});
    QCOMPARE(m_page->tableModel()->highlightedRows().size(), std::size_t(top.count));
    const QModelIndexList selected = m_page->tableView()->selectionModel()->selectedIndexes();
    QCOMPARE(selected.size(), int(top.count));
    for (const QModelIndex &index : selected)
        QCOMPARE(index.data().toString(), QStringLiteral("red"));
    QVERIFY2(m_page->messageText().contains(QStringLiteral("team = “red”")), qPrintable(m_page->messageText()));
}

QTEST_MAIN(TestHistogramSelection)
#include "tst_histogramselection.moc"
