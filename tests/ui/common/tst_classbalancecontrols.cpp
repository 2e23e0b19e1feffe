// The class-balance controls of the shared feature table (FeatureSelectionPanel), offscreen on the
// Train page: shown for a class target only, preselecting balanced weights (and saying why) when the
// rarest class is under 10 %, the user's choice reaching the request and the run (its JSON records
// the weighting and the imbalance metrics), and "Save spec…"'s text carrying the plan back into a
// page that reads it.

#include "ui/common/DatasetSession.h"
#include "ui/common/FeaturePlanModel.h"
#include "ui/common/FeatureSelectionPanel.h"
#include "ui/train/TrainPage.h"
#include "ui/train/TrainSetupPanel.h"

#include "core/data/CsvReader.h"
#include "core/train/ModelSpec.h"
#include "jobs/JobRunner.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include "tests/support/TrainFixtures.h"

using namespace loupe;
using namespace loupe::testsupport;

namespace {

constexpr int kTimeoutMs = 60000;

// 200 rows: two numbers, a text column and a flag true in one row of `every` (every 25: 4 %).
LoadedTable flagTable(int every)
{
    std::string csv = "amount,hour,channel,flag\n";
    for (int row = 0; row < 200; ++row) {
        const bool rare = row % every == 0;
        csv += std::to_string(rare ? 500 + row : 10 + row % 13) + "," + std::to_string(row % 24) + ","
               + (row % 3 ? "web" : "shop") + "," + (rare ? "true" : "false") + "\n";
    }
    auto report = CsvReader().readBuffer(csv, "flags.csv");
    if (!report.isOk())
        qFatal("flags.csv: %s", report.message().c_str());
    LoadedTable loaded;
    loaded.table = std::make_shared<const Table>(report.takeValue().table);
    loaded.path = QStringLiteral("flags.csv");
    return loaded;
}

const char *const s_spec = R"({"name": "flags", "layers": [{"type": "dense", "units": 4, "activation": "relu"},
    {"type": "dense", "units": 2, "activation": "softmax"}], "optimizer": {"type": "adam", "learning_rate": 0.01},
    "loss": "categorical_crossentropy", "batch_size": 16, "epochs": 1, "seed": 2})";

} // namespace

class TestClassBalanceControls : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void controlsFollowTheTarget_data();
    void controlsFollowTheTarget();
    void choiceReachesTheRequest_data();
    void choiceReachesTheRequest();
    void trainsWithBalancedWeights();
    void savedSpecCarriesThePlan();

private:
    void load(const LoadedTable &table, const QString &target);

    QTemporaryDir m_dir;
    JobRunner *m_runner = nullptr;
    DatasetSession *m_session = nullptr;
    TrainPage *m_page = nullptr;
};

void TestClassBalanceControls::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("OMP_NUM_THREADS", "1");
}

void TestClassBalanceControls::init()
{
    m_runner = new JobRunner;
    m_session = new DatasetSession;
    const QString workspace = m_dir.filePath(QStringLiteral("%1.sqlite").arg(QTest::currentTestFunction()));
    m_page = new TrainPage(PageContext{m_runner, m_session, workspace});
    m_page->resize(1280, 720);
    m_page->show();
    m_page->setupPanel()->setSpecText(QString::fromUtf8(s_spec));
}

void TestClassBalanceControls::cleanup()
{
    delete m_page;
    delete m_runner;
    delete m_session;
}

void TestClassBalanceControls::load(const LoadedTable &table, const QString &target)
{
    m_session->setCurrent(table);
    TrainSetupPanel *setup = m_page->setupPanel();
    setup->setSource(TrainSetupPanel::Source::LoadedTable);
    setup->setTargetColumn(target);
    QTRY_VERIFY_WITH_TIMEOUT(!setup->featurePanel()->isComputing() && setup->featurePanel()->hasPlan(), kTimeoutMs);
    QCOMPARE(QString::fromStdString(setup->featurePanel()->plan().target), target);
}

void TestClassBalanceControls::controlsFollowTheTarget_data()
{
    QTest::addColumn<int>("every");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("shown");
    QTest::addColumn<QString>("weighting");
    QTest::addColumn<QString>("note");
    QTest::newRow("4 % rare: balanced suggested") << 25 << "flag" << true << "balanced" << "'true' is 4.0 %";
    QTest::newRow("20 % rare: nothing suggested") << 5 << "flag" << true << "none" << "";
    QTest::newRow("number target: hidden") << 25 << "amount" << false << "none" << "";
}

void TestClassBalanceControls::controlsFollowTheTarget()
{
    QFETCH(int, every);
    QFETCH(QString, target);
    QFETCH(bool, shown);
    QFETCH(QString, weighting);
    QFETCH(QString, note);
    load(flagTable(every), target);
    FeatureSelectionPanel *panel = m_page->setupPanel()->featurePanel();
    QCOMPARE(panel->classWeighting()->isVisible(), shown);
    QCOMPARE(panel->resampling()->isVisible(), shown);
    QCOMPARE(panel->classWeighting()->currentText(), weighting);
    QCOMPARE(panel->balanceNoteLabel()->isVisible(), !note.isEmpty());
    if (!note.isEmpty())
        QVERIFY2(panel->balanceNoteLabel()->text().contains(note), qPrintable(panel->balanceNoteLabel()->text()));
    TrainingDataRequest request;
    panel->applyTo(request);
    QCOMPARE(request.classWeighting.has_value(), shown);
    QCOMPARE(request.resampling.has_value(), shown);
}

void TestClassBalanceControls::choiceReachesTheRequest_data()
{
    QTest::addColumn<int>("weightIndex");
    QTest::addColumn<int>("resampleIndex");
    QTest::addColumn<int>("weighting");
    QTest::addColumn<int>("resampling");
    QTest::newRow("none, oversample") << 0 << 1 << int(ClassWeighting::None) << int(Resampling::Oversample);
    QTest::newRow("balanced, undersample") << 1 << 2 << int(ClassWeighting::Balanced) << int(Resampling::Undersample);
    QTest::newRow("none, none") << 0 << 0 << int(ClassWeighting::None) << int(Resampling::None);
}

void TestClassBalanceControls::choiceReachesTheRequest()
{
    QFETCH(int, weightIndex);
    QFETCH(int, resampleIndex);
    QFETCH(int, weighting);
    QFETCH(int, resampling);
    load(flagTable(25), QStringLiteral("flag"));
    FeatureSelectionPanel *panel = m_page->setupPanel()->featurePanel();
    QSignalSpy changed(panel, &FeatureSelectionPanel::planChanged);
    // As a user does: open the combo and pick with the keyboard (activated fires, the choice sticks).
    panel->classWeighting()->setFocus();
    QTest::keyClick(panel->classWeighting(), weightIndex == 0 ? Qt::Key_Home : Qt::Key_End);
    panel->resampling()->setCurrentIndex(resampleIndex);
    QVERIFY(!changed.isEmpty() || (weightIndex == 1 && resampleIndex == 0));
    auto request = m_page->setupPanel()->request(QString());
    QVERIFY2(request.isOk(), request.message().c_str());
    QCOMPARE(int(request.value().classWeighting.value_or(ClassWeighting(-1))), weighting);
    QCOMPARE(int(request.value().resampling.value_or(Resampling(-1))), resampling);
    // A replanned table keeps the user's pick instead of the suggestion.
    panel->levelCap()->setValue(panel->levelCap()->value() + 1);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isComputing(), kTimeoutMs);
    QCOMPARE(panel->classWeighting()->currentIndex(), weightIndex);
}

void TestClassBalanceControls::trainsWithBalancedWeights()
{
    load(flagTable(25), QStringLiteral("flag"));
    FeatureSelectionPanel *panel = m_page->setupPanel()->featurePanel();
    QCOMPARE(panel->classWeighting()->currentText(), QStringLiteral("balanced"));
    QSignalSpy finished(m_page, &TrainPage::trainingFinished);
    QSignalSpy failed(m_page, &TrainPage::trainingFailed);
    QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("startTraining")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, kTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(m_page->messageText()));
    const TrainSummary summary = finished.front().front().value<TrainSummary>();
    QVERIFY2(summary.summaryJson.contains(QStringLiteral("\"class_weight\":\"balanced\"")), qPrintable(summary.summaryJson));
    QVERIFY(summary.summaryJson.contains(QStringLiteral("\"balanced_accuracy\"")));
}

void TestClassBalanceControls::savedSpecCarriesThePlan()
{
    load(flagTable(25), QStringLiteral("flag"));
    TrainSetupPanel *setup = m_page->setupPanel();
    FeatureSelectionPanel *panel = setup->featurePanel();
    QVERIFY(panel->model()->setChoice(QStringLiteral("hour"), FeatureRole::Ignored));
    panel->resampling()->setCurrentIndex(1);
    auto text = setup->specTextWithPlan();
    QVERIFY2(text.isOk(), text.message().c_str());
    auto spec = ModelSpec::parse(text.value().toStdString(), "saved");
    QVERIFY2(spec.isOk(), spec.message().c_str());
    QVERIFY(spec.value().features.has_value());
    const SpecFeatures &features = *spec.value().features;
    QCOMPARE(features.target, std::string("flag"));
    QVERIFY(features.ignored == std::vector<std::string>{"hour"});
    QVERIFY(features.classWeighting == ClassWeighting::Balanced);
    QVERIFY(features.resampling == Resampling::Oversample);

    // Another page (a fresh session) given that spec shows its choices.
    cleanup();
    init();
    load(flagTable(5), QStringLiteral("flag")); // nothing suggested here: the spec's choice must show
    m_page->setupPanel()->setSpecText(text.value());
    FeatureSelectionPanel *again = m_page->setupPanel()->featurePanel();
    QTRY_VERIFY_WITH_TIMEOUT(!again->isComputing(), kTimeoutMs);
    QCOMPARE(again->classWeighting()->currentText(), QStringLiteral("balanced"));
    QCOMPARE(again->resampling()->currentIndex(), 1);
    auto request = m_page->setupPanel()->request(QString());
    QVERIFY2(request.isOk(), request.message().c_str());
    QVERIFY(request.value().excluded == std::vector<std::string>{"hour"});
}

QTEST_MAIN(TestClassBalanceControls)
#include "tst_classbalancecontrols.moc"
