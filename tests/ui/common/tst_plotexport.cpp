// Every plot can be exported to PNG, PDF and SVG and its data copied as CSV (PlotWidget, PlotExporter),
// shown here on the HistogramPlot in both of its forms.

#include "ui/common/HistogramPlot.h"
#include "ui/common/PlotExporter.h"

#include "core/data/DateTime.h"

#include <qcustomplot.h>

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace loupe;

namespace {

ColumnStats numericStats()
{
    ColumnStats stats;
    stats.name = "amount";
    stats.type = ColumnType::Float64;
    stats.rows = 10;
    stats.hasNumeric = true;
    stats.histogram = {{0.0, 1.0, 3}, {1.0, 2.0, 5}, {2.0, 3.0, 2}};
    return stats;
}

ColumnStats categoryStats()
{
    ColumnStats stats;
    stats.name = "city";
    stats.type = ColumnType::String;
    stats.rows = 6;
    stats.distinct = 3;
    stats.topValues = {{"Oslo", 3}, {"Bergen, west", 2}, {"Tromsø", 1}};
    return stats;
}

} // namespace

class TestPlotExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exportsEveryFormat_data();
    void exportsEveryFormat();
    void rejectsUnknownExtension();
    void refusesSpecialFiles();
    void histogramDataAsCsv();
    void topValuesDataAsCsv();
    void dateHistogramUsesDates();
    void contextMenuOffersExportsAndCopy();
    void heavyTailUsesLogarithmicCounts();
    void csvLineQuotes();
};

void TestPlotExport::exportsEveryFormat_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("png") << "plot.png" << QByteArray("\x89PNG");
    QTest::newRow("pdf") << "plot.pdf" << QByteArray("%PDF");
    QTest::newRow("svg") << "plot.SVG" << QByteArray("<?xml");
}

void TestPlotExport::exportsEveryFormat()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, magic);
    QTemporaryDir dir;
    HistogramPlot plot;
    plot.resize(500, 300);
    plot.showStats(numericStats());
    const QString path = dir.filePath(fileName);
    const Status status = plot.exportTo(path, QSize(400, 250));
    QVERIFY2(status.isOk(), status.message().c_str());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY2(content.size() > 500, qPrintable(QString::number(content.size())));
    QVERIFY(content.startsWith(magic));
    if (fileName.endsWith(QLatin1String("png"))) {
        const QImage image(path);
        QCOMPARE(image.size(), QSize(800, 500)); // written at 2x
    } else if (fileName.endsWith(QLatin1String("SVG"))) {
        QVERIFY(content.contains("<svg"));
        QVERIFY(content.contains("amount")); // the axis label is text, not pixels
    }
}

void TestPlotExport::rejectsUnknownExtension()
{
    QTemporaryDir dir;
    HistogramPlot plot;
    const Status status = plot.exportTo(dir.filePath(QStringLiteral("plot.bmpx")));
    QVERIFY(!status.isOk());
    QVERIFY(QString::fromStdString(status.message()).contains(QLatin1String("plot.bmpx")));
}

// Issue 13, item 7: an export never replaces a FIFO, a device or a directory with a regular file.
void TestPlotExport::refusesSpecialFiles()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("plot.png"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    HistogramPlot plot;
    plot.showStats(numericStats());
    const Status status = plot.exportTo(fifo, QSize(400, 250));
    QVERIFY(!status.isOk());
    QVERIFY2(QString::fromStdString(status.message()).contains(QLatin1String("is a FIFO")), status.message().c_str());
    QVERIFY(!QFileInfo(fifo).isFile());
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("folder.svg")));
    const Status folder = plot.exportTo(dir.filePath(QStringLiteral("folder.svg")));
    QVERIFY2(QString::fromStdString(folder.message()).contains(QLatin1String("is a directory")), folder.message().c_str());
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("folder.svg"))).isDir());
}

void TestPlotExport::histogramDataAsCsv()
{
    HistogramPlot plot;
    QVERIFY(plot.dataAsCsv().isEmpty());
    plot.showStats(numericStats());
    QCOMPARE(plot.kind(), HistogramPlot::Kind::Histogram);
    QCOMPARE(plot.barCount(), 3);
    QCOMPARE(plot.dataAsCsv(), QStringLiteral("lower,upper,count\n0,1,3\n1,2,5\n2,3,2\n"));
    plot.copyDataToClipboard();
    QCOMPARE(QGuiApplication::clipboard()->text(), plot.dataAsCsv());
    QCOMPARE(plot.customPlot()->xAxis->label(), QStringLiteral("amount"));
    QCOMPARE(plot.customPlot()->yAxis->label(), QStringLiteral("rows"));
    // On the log count axis the bars start at 0.5 but their tops still sit at their counts.
    plot.setCountScale(HistogramPlot::CountScale::Logarithmic);
    QCOMPARE(plot.customPlot()->yAxis->label(), QStringLiteral("rows (log scale)"));
    QCOMPARE(plot.barCount(), 3);
    QCOMPARE(plot.barTop(0), 3.0);
    QCOMPARE(plot.barTop(2), 2.0);
    plot.setCountScale(HistogramPlot::CountScale::Linear);
    QCOMPARE(plot.barTop(0), 3.0);
}

void TestPlotExport::topValuesDataAsCsv()
{
    HistogramPlot plot;
    plot.showStats(categoryStats());
    QCOMPARE(plot.kind(), HistogramPlot::Kind::TopValues);
    QCOMPARE(plot.barCount(), 3);
    QCOMPARE(plot.dataAsCsv(), QStringLiteral("value,count\nOslo,3\n\"Bergen, west\",2\nTromsø,1\n"));
    QCOMPARE(plot.customPlot()->xAxis->label(), QStringLiteral("rows"));
    QCOMPARE(plot.customPlot()->yAxis->label(), QStringLiteral("city"));
    plot.showMessage(QStringLiteral("nothing"));
    QCOMPARE(plot.kind(), HistogramPlot::Kind::Empty);
    QCOMPARE(plot.barCount(), 0);
}

void TestPlotExport::dateHistogramUsesDates()
{
    ColumnStats stats;
    stats.name = "joined";
    stats.type = ColumnType::DateTime;
    const double day0 = double(daysFromCivil(2024, 1, 1) * kNanosPerDay);
    const double day = double(kNanosPerDay);
    stats.histogram = {{day0, day0 + 10 * day, 4}, {day0 + 10 * day, day0 + 20 * day, 6}};
    HistogramPlot plot;
    plot.showStats(stats);
    QVERIFY(!plot.customPlot()->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>().isNull());
    QCOMPARE(plot.customPlot()->xAxis->label(), QStringLiteral("joined (UTC)"));
    QVERIFY2(plot.dataAsCsv().startsWith(QStringLiteral("lower,upper,count\n2024-01-01,2024-01-11,4\n")),
             qPrintable(plot.dataAsCsv()));
}

void TestPlotExport::contextMenuOffersExportsAndCopy()
{
    HistogramPlot plot;
    plot.showStats(numericStats());
    std::unique_ptr<QMenu> menu(plot.createContextMenu(nullptr));
    QStringList texts;
    for (QAction *action : menu->actions()) {
        if (!action->isSeparator())
            texts.append(action->text());
    }
    QCOMPARE(texts, (QStringList{QStringLiteral("Logarithmic count axis"), QStringLiteral("Reset view"), QStringLiteral("Zoom in"),
                                 QStringLiteral("Zoom out"), QStringLiteral("Export as PNG…"), QStringLiteral("Export as PDF…"),
                                 QStringLiteral("Export as SVG…"), QStringLiteral("Copy data as CSV")}));
    QVERIFY(menu->actions().last()->isEnabled());
}

void TestPlotExport::heavyTailUsesLogarithmicCounts()
{
    ColumnStats stats = numericStats();
    stats.histogram = {{0, 10, 980000}, {10, 20, 15000}, {20, 30, 0}, {30, 40, 120}, {40, 50, 3}, {50, 60, 1}};
    HistogramPlot plot;
    plot.showStats(stats);
    QCOMPARE(plot.countScale(), HistogramPlot::CountScale::Logarithmic);
    QCOMPARE(plot.customPlot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    QCOMPARE(plot.customPlot()->yAxis->label(), QStringLiteral("rows (log scale)"));
    QCOMPARE(plot.barCount(), 5); // the empty bin is left out on a log axis
    QVERIFY(plot.dataAsCsv().contains(QStringLiteral("\n20,30,0\n"))); // but not from the data

    std::unique_ptr<QMenu> menu(plot.createContextMenu(nullptr));
    QAction *logarithmic = menu->actions().first();
    QVERIFY(logarithmic->isChecked());
    logarithmic->setChecked(false); // the user switches back
    QCOMPARE(plot.countScale(), HistogramPlot::CountScale::Linear);
    QCOMPARE(plot.customPlot()->yAxis->scaleType(), QCPAxis::stLinear);
    QCOMPARE(plot.customPlot()->yAxis->label(), QStringLiteral("rows"));
    QCOMPARE(plot.barCount(), 6);

    plot.showStats(numericStats()); // a balanced histogram stays linear
    QCOMPARE(plot.countScale(), HistogramPlot::CountScale::Linear);
}

void TestPlotExport::csvLineQuotes()
{
    QCOMPARE(PlotExporter::csvLine({QStringLiteral("a"), QStringLiteral("b,c"), QStringLiteral("say \"hi\"")}),
             QStringLiteral("a,\"b,c\",\"say \"\"hi\"\"\"\n"));
}

QTEST_MAIN(TestPlotExport)
#include "tst_plotexport.moc"
