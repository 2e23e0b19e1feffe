// The Prepare page offscreen: the sufficiency report of a loaded CSV as a coloured verdict table
// (with and without a model spec), a scaler fitted on the training rows with before/after
// histograms, the refusal to fit on every row when a test split exists, and saving the scaled CSV
// and the parameters (which load back and reproduce the scaled values).
// Set LOUPE_SCREENSHOT_DIR to also save the page as prepare-page.png there.

#include "ui/common/DatasetSession.h"
#include "ui/prepare/SufficiencyModel.h"
#include "ui/prepare/PreparePage.h"
#include "ui/prepare/ScalingPanel.h"
#include "ui/prepare/SufficiencyPanel.h"
#include "ui/common/HistogramPlot.h"

#include "jobs/JobRunner.h"
#include "core/data/CsvReader.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace loupe;

namespace {

constexpr int s_timeoutMs = 20000;

QString fixture(const QString &name)
{
    return QStringLiteral(LOUPE_FIXTURES_DIR "/prepare/") + name;
}

LoadedTable customers()
{
    auto report = CsvReader().readFile(fixture(QStringLiteral("customers.csv")).toStdString());
    if (!report.isOk())
        qFatal("customers.csv: %s", report.message().c_str());
    LoadedTable loaded;
    loaded.table = std::make_shared<const Table>(report.takeValue().table);
    loaded.path = fixture(QStringLiteral("customers.csv"));
    return loaded;
}

int rowOf(const SufficiencyModel &model, const std::string &id)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.report().checks[std::size_t(row)].id == id)
            return row;
    }
    return -1;
}

} // namespace

class TestPreparePage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void sufficiencyTableIsColoured();
    void sufficiencyWithSpecCountsParameters();
    void specFieldIsCheckedAsTyped();
    void identifiersAreNotScaledByDefault();
    void scalingFitsOnTrainingRows();
    void fittingOnEveryRowIsRefused();
    void barRingsWhereItsRowsFallOnTheOtherHistogram();
    void savesCsvAndParameters();
    void noDatasetMeansNothingToDo();

private:
    void analyzeAndWait();
    void fitAndWait();

    JobRunner *m_runner = nullptr;
    DatasetSession *m_session = nullptr;
    PreparePage *m_page = nullptr;
};

void TestPreparePage::init()
{
    m_runner = new JobRunner;
    m_session = new DatasetSession;
    PageContext context;
    context.runner = m_runner;
    context.dataset = m_session;
    m_page = new PreparePage(context);
    m_page->resize(1300, 850);
    m_session->setCurrent(customers());
}

void TestPreparePage::cleanup()
{
    delete m_page;
    delete m_runner;
    delete m_session;
}

void TestPreparePage::analyzeAndWait()
{
    QSignalSpy ready(m_page->sufficiencyPanel(), &SufficiencyPanel::reportReady);
    m_page->sufficiencyPanel()->analyze();
    // A spec that cannot be read fails before any job starts, so the signal may already be in.
    QVERIFY(!ready.isEmpty() || ready.wait(s_timeoutMs));
}

void TestPreparePage::fitAndWait()
{
    QSignalSpy ended(m_page->scalingPanel(), &ScalingPanel::fitEnded);
    m_page->scalingPanel()->fit();
    QVERIFY(ended.wait(s_timeoutMs));
}

void TestPreparePage::sufficiencyTableIsColoured()
{
    SufficiencyPanel *panel = m_page->sufficiencyPanel();
    QCOMPARE(panel->target(), QStringLiteral("label")); // the last column is preselected
    analyzeAndWait();
    const SufficiencyModel &model = *panel->model();
    QAbstractItemModelTester tester(const_cast<SufficiencyModel *>(&model),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 6); // no spec: no parameter check
    const int duplicates = rowOf(model, "duplicate_rows");
    QVERIFY(duplicates >= 0);
    QCOMPARE(model.data(model.index(duplicates, SufficiencyModel::VerdictColumn)).toString(), QStringLiteral("warning"));
    QCOMPARE(model.data(model.index(duplicates, SufficiencyModel::VerdictColumn), Qt::BackgroundRole).value<QColor>(),
             SufficiencyModel::verdictColor(Verdict::Warning));
    QCOMPARE(model.data(model.index(duplicates, SufficiencyModel::ValueColumn)).toString(), QStringLiteral("2"));
    QVERIFY(model.data(model.index(duplicates, SufficiencyModel::ReasonColumn)).toString().contains("starting at row 118, 119"));
    const int perClass = rowOf(model, "samples_per_class");
    QCOMPARE(model.data(model.index(perClass, SufficiencyModel::VerdictColumn)).toString(), QStringLiteral("ok"));
    QVERIFY(panel->statusText().contains(QStringLiteral("120 rows")));
    QVERIFY(panel->statusText().contains(QStringLiteral("warning")));
}

// Issue 14, item 6: the spec field wants a path (its label said "model spec (JSON)") and reported
// problems only on Check data.
void TestPreparePage::specFieldIsCheckedAsTyped()
{
    QTemporaryDir dir;
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n  \"layers\": [\n    {\"type\": \"dense\", \"units\": 1e999}\n  ]\n}\n");
    file.close();
    SufficiencyPanel *panel = m_page->sufficiencyPanel();
    panel->setSpecPath(broken);
    QTRY_VERIFY2(panel->statusText().startsWith(broken + QStringLiteral(":3:32: the number 1e999")),
                 qPrintable(panel->statusText()));
    panel->setSpecPath(fixture(QStringLiteral("big-model.json")));
    QTRY_VERIFY2(panel->statusText().contains(QStringLiteral("will be compared")), qPrintable(panel->statusText()));
    panel->setSpecPath(dir.filePath(QStringLiteral("nothing-here.json")));
    QTRY_VERIFY2(panel->statusText().contains(QStringLiteral("cannot open the file")), qPrintable(panel->statusText()));
}

// Issue 14: the scaling panel pre-selected transaction_id and customer_id (and histogrammed them first).
void TestPreparePage::identifiersAreNotScaledByDefault()
{
    const QByteArray csv = "transaction_id,customer_id,amount,age\n1,10004,55.5,30\n2,10015,12.0,41\n3,10004,80.25,29\n"
                           "4,10020,7.5,52\n";
    auto report = CsvReader().readBuffer(std::string_view(csv.constData(), std::size_t(csv.size())), "ids.csv");
    QVERIFY2(report.isOk(), report.message().c_str());
    LoadedTable loaded;
    loaded.table = std::make_shared<const Table>(report.takeValue().table);
    loaded.path = QStringLiteral("ids.csv");
    m_session->setCurrent(loaded);
    ScalingPanel *panel = m_page->scalingPanel();
    QCOMPARE(panel->checkedColumns(), (QStringList{"amount", "age"}));
    QVERIFY2(panel->statusText().contains(QStringLiteral("named like identifiers: transaction_id, customer_id")),
             qPrintable(panel->statusText()));
}

void TestPreparePage::sufficiencyWithSpecCountsParameters()
{
    SufficiencyPanel *panel = m_page->sufficiencyPanel();
    panel->setSpecPath(fixture(QStringLiteral("big-model.json")));
    analyzeAndWait();
    const SufficiencyModel &model = *panel->model();
    QCOMPARE(model.rowCount(), 7);
    const int parameters = rowOf(model, "samples_per_parameter");
    QVERIFY(parameters >= 0);
    QCOMPARE(model.data(model.index(parameters, SufficiencyModel::VerdictColumn)).toString(),
             QStringLiteral("insufficient"));
    QCOMPARE(model.data(model.index(parameters, SufficiencyModel::VerdictColumn), Qt::BackgroundRole).value<QColor>(),
             SufficiencyModel::verdictColor(Verdict::Insufficient));
    QCOMPARE(model.report().parameters, std::size_t(4 * 64 + 64 + 64 * 2 + 2));
    QVERIFY(panel->statusText().contains(QStringLiteral("insufficient")));

    panel->setSpecPath(fixture(QStringLiteral("missing.json")));
    analyzeAndWait();
    QVERIFY(panel->statusText().startsWith(QStringLiteral("Could not check the data")));
    QCOMPARE(panel->model()->rowCount(), 0);
}

void TestPreparePage::scalingFitsOnTrainingRows()
{
    ScalingPanel *panel = m_page->scalingPanel();
    QCOMPARE(panel->checkedColumns(), (QStringList{"amount", "age", "score"}));
    panel->setMethod(ScalingMethod::MinMax);
    panel->setCheckedColumns({"amount", "age"});
    panel->setTestFraction(0.25);
    panel->setSeed(4);
    fitAndWait();
    QVERIFY2(panel->result().has_value(), qPrintable(panel->statusText()));
    const ScaleResult &result = *panel->result();
    QCOMPARE(result.trainRows, std::size_t(90));
    QCOMPARE(result.testRows, std::size_t(30));
    QCOMPARE(result.scaler.columns().size(), std::size_t(2));
    QCOMPARE(result.scaler.fitRowCount(), std::size_t(90));
    QVERIFY(panel->statusText().contains(QStringLiteral("90 training rows")));
    QCOMPARE(panel->beforePlot()->kind(), HistogramPlot::Kind::Histogram);
    QCOMPARE(panel->afterPlot()->kind(), HistogramPlot::Kind::Histogram);
    QVERIFY(panel->beforePlot()->barCount() > 0);
    QVERIFY(panel->afterPlot()->title().contains(QStringLiteral("after minmax scaling")));
    QVERIFY(panel->statusText().contains(QStringLiteral("applied unchanged to 30 test rows")));
    // The training rows span exactly [0, 1]; the after-histogram is over every row.
    const ColumnMoments &moments = result.scaler.columns()[0].moments;
    QCOMPARE(result.scaler.apply(0, moments.min), 0.0);
    QCOMPARE(result.scaler.apply(0, moments.max), 1.0);
    QVERIFY(result.after[0].min <= 0.0 && result.after[0].max >= 1.0);
    panel->showColumn(QStringLiteral("age"));
    QVERIFY(panel->beforePlot()->title().contains(QStringLiteral("age before scaling")));
    QVERIFY(panel->afterPlot()->title().contains(QStringLiteral("age after minmax scaling")));
    QCOMPARE(m_page->findChild<QComboBox *>(QStringLiteral("histogramColumn"))->currentText(), QStringLiteral("age"));

    if (const QByteArray dir = qgetenv("LOUPE_SCREENSHOT_DIR"); !dir.isEmpty()) {
        m_page->sufficiencyPanel()->setSpecPath(fixture(QStringLiteral("big-model.json")));
        analyzeAndWait();
        panel->showColumn(QStringLiteral("amount"));
        m_page->show();
        QTest::qWait(200);
        QVERIFY(m_page->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/prepare-page.png")));
    }
}

void TestPreparePage::barRingsWhereItsRowsFallOnTheOtherHistogram()
{
    // Min-max scaling keeps the order of values: the rows of a bin before scaling fall in bins after
    // scaling whose counts hold them all, and back.
    ScalingPanel *panel = m_page->scalingPanel();
    panel->setMethod(ScalingMethod::MinMax);
    panel->setCheckedColumns({"amount"});
    fitAndWait();
    QVERIFY2(panel->result().has_value(), qPrintable(panel->statusText()));
    panel->showColumn(QStringLiteral("amount"));
    const ColumnStats &before = panel->result()->before[0];
    const ColumnStats &after = panel->result()->after[0];
    for (const auto side : {ScalingPanel::Side::Before, ScalingPanel::Side::After}) {
        const ColumnStats &from = side == ScalingPanel::Side::Before ? before : after;
        const ColumnStats &to = side == ScalingPanel::Side::Before ? after : before;
        HistogramPlot *clicked = side == ScalingPanel::Side::Before ? panel->beforePlot() : panel->afterPlot();
        HistogramPlot *other = side == ScalingPanel::Side::Before ? panel->afterPlot() : panel->beforePlot();
        int bin = 0;
        while (from.histogram[std::size_t(bin)].count == 0)
            ++bin;
        panel->selectBar(side, bin);
        QCOMPARE(clicked->selectedBars(), QVector<int>{bin});
        QVERIFY(!other->selectedBars().isEmpty());
        std::uint64_t held = 0;
        for (int bar : other->selectedBars())
            held += to.histogram[std::size_t(bar)].count;
        QVERIFY(held >= from.histogram[std::size_t(bin)].count);
        QVERIFY2(panel->statusText().contains(QStringLiteral("%1 row").arg(from.histogram[std::size_t(bin)].count)),
                 qPrintable(panel->statusText()));
    }
}

void TestPreparePage::fittingOnEveryRowIsRefused()
{
    ScalingPanel *panel = m_page->scalingPanel();
    panel->setTestFraction(0.25);
    panel->setFitOnAllRows(true);
    fitAndWait();
    QVERIFY(!panel->result().has_value());
    QVERIFY2(panel->statusText().contains(QStringLiteral("refusing to fit on 30 row(s) of the test split")),
             qPrintable(panel->statusText()));
    panel->setTestFraction(0.0); // no test split: every row is a training row
    fitAndWait();
    QVERIFY(panel->result().has_value());
    QCOMPARE(panel->result()->trainRows, std::size_t(120));
}

void TestPreparePage::savesCsvAndParameters()
{
    QTemporaryDir dir;
    ScalingPanel *panel = m_page->scalingPanel();
    panel->setMethod(ScalingMethod::Standardize);
    fitAndWait();
    QVERIFY(panel->result().has_value());
    const QString csv = dir.filePath(QStringLiteral("scaled.csv"));
    const QString parameters = dir.filePath(QStringLiteral("scaler.json"));
    QSignalSpy saved(panel, &ScalingPanel::saveEnded);
    panel->save(csv, parameters);
    QVERIFY(saved.wait(s_timeoutMs));
    QVERIFY2(panel->statusText().startsWith(QStringLiteral("Saved")), qPrintable(panel->statusText()));

    QFile file(parameters);
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto loaded = Scaler::fromJsonText(file.readAll().toStdString());
    QVERIFY2(loaded.isOk(), loaded.message().c_str());
    QCOMPARE(loaded.value().toJson().dump(), panel->result()->scaler.toJson().dump());
    auto reread = CsvReader().readFile(csv.toStdString());
    QVERIFY(reread.isOk());
    auto again = loaded.value().transform(*customers().table);
    QVERIFY(again.isOk());
    const Column &written = *reread.value().table.find("amount");
    const Column &expected = *again.value().find("amount");
    for (std::size_t row = 0; row < expected.size(); ++row)
        QCOMPARE(written.doubleAt(row), expected.doubleAt(row));
    QVERIFY(reread.value().table.find("score")->missingCount() == 3);

    // One file for both outputs is refused before anything is written (issue 13, item 5).
    const QString both = dir.filePath(QStringLiteral("both.csv"));
    panel->save(both, both);
    QVERIFY(saved.wait(s_timeoutMs));
    QVERIFY2(panel->statusText().contains(QStringLiteral("is the same file as")), qPrintable(panel->statusText()));
    QVERIFY(!QFile::exists(both));
}

void TestPreparePage::noDatasetMeansNothingToDo()
{
    m_session->clear();
    QCOMPARE(m_page->sufficiencyPanel()->model()->rowCount(), 0);
    QVERIFY(m_page->scalingPanel()->checkedColumns().isEmpty());
    m_page->scalingPanel()->fit();
    m_page->sufficiencyPanel()->analyze();
    QVERIFY(!m_page->scalingPanel()->result().has_value());
    QVERIFY(!m_page->sufficiencyPanel()->isRunning());
}

QTEST_MAIN(TestPreparePage)
#include "tst_preparepage.moc"
