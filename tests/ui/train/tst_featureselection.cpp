// The Train page's feature selection offscreen, as a new user meets it: a transactions CSV (an id,
// a customer id, a customer name, a birth date, free text) loaded, is_fraud chosen as target, the
// proposal computed off the UI thread shows every column with its role and reason and the class
// balance; the chapter's spec (784 inputs, 10 classes) is offered an adaptation; a role changed in
// the table's combo box reaches the request; Start trains to the end without any JSON typed. The
// model is checked by QAbstractItemModelTester throughout.

#include "ui/common/DatasetSession.h"
#include "ui/common/FeaturePlanModel.h"
#include "ui/common/FeatureSelectionPanel.h"
#include "ui/train/SpecFitBar.h"
#include "ui/train/TrainPage.h"
#include "ui/train/TrainSetupPanel.h"

#include "jobs/JobRunner.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include "tests/support/TrainFixtures.h"

using namespace loupe;
using namespace loupe::testsupport;

namespace {

constexpr int kTimeoutMs = 60000;

QString chapterSpec()
{
    return readText(QStringLiteral(LOUPE_SOURCE_DIR "/resources/models/chapter-mlp.json"));
}

// The row of `column` in the feature table, -1 when absent.
int rowOf(const FeaturePlanModel *model, const QString &column)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, FeaturePlanModel::NameColumn).data().toString() == column)
            return row;
    }
    return -1;
}

QString cell(const FeaturePlanModel *model, const QString &column, int field)
{
    return model->index(rowOf(model, column), field).data().toString();
}

} // namespace

class TestFeatureSelection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void proposalShowsRolesReasonsAndBalance();
    void chapterSpecIsOfferedAnAdaptation();
    void specErrorsShowAsTyped();
    void roleChosenInTheTableReachesTheRequest();
    void newUserTrainsTransactionsWithoutJson();

private:
    void loadTransactions();

    QTemporaryDir m_dir;
    JobRunner *m_runner = nullptr;
    DatasetSession *m_session = nullptr;
    TrainPage *m_page = nullptr;
};

void TestFeatureSelection::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("OMP_NUM_THREADS", "1");
}

void TestFeatureSelection::init()
{
    m_runner = new JobRunner;
    m_session = new DatasetSession;
    const QString workspace = m_dir.filePath(QStringLiteral("%1.sqlite").arg(QTest::currentTestFunction()));
    m_page = new TrainPage(PageContext{m_runner, m_session, workspace});
    m_page->resize(1280, 720);
    m_page->show();
}

void TestFeatureSelection::cleanup()
{
    delete m_page;
    delete m_runner;
    delete m_session;
}

void TestFeatureSelection::loadTransactions()
{
    m_session->setCurrent(fixtureTable(QStringLiteral("transactions-300.csv")));
    TrainSetupPanel *setup = m_page->setupPanel();
    setup->setSource(TrainSetupPanel::Source::LoadedTable);
    setup->setTargetColumn(QStringLiteral("is_fraud"));
    QVERIFY(setup->featurePanel()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!setup->featurePanel()->isComputing() && setup->featurePanel()->hasPlan(), kTimeoutMs);
    QCOMPARE(QString::fromStdString(setup->featurePanel()->plan().target), QStringLiteral("is_fraud"));
}

void TestFeatureSelection::proposalShowsRolesReasonsAndBalance()
{
    FeatureSelectionPanel *features = m_page->setupPanel()->featurePanel();
    QAbstractItemModelTester tester(features->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    loadTransactions();
    const FeaturePlanModel *model = features->model();
    QCOMPARE(model->rowCount(), 11);
    QCOMPARE(cell(model, QStringLiteral("transaction_id"), FeaturePlanModel::RoleColumn), QStringLiteral("ignored"));
    QCOMPARE(cell(model, QStringLiteral("transaction_id"), FeaturePlanModel::WhyColumn), QStringLiteral("identifier"));
    QCOMPARE(cell(model, QStringLiteral("customer_name"), FeaturePlanModel::WhyColumn), QStringLiteral("personal data"));
    QCOMPARE(cell(model, QStringLiteral("category"), FeaturePlanModel::RoleColumn), QStringLiteral("feature"));
    QCOMPARE(cell(model, QStringLiteral("category"), FeaturePlanModel::WhyColumn), QStringLiteral("one-hot (12)"));
    // The whole reason: the tooltip, and the line under the table for the selected row.
    const int idRow = rowOf(model, QStringLiteral("transaction_id"));
    QCOMPARE(model->index(idRow, FeaturePlanModel::WhyColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("transaction_id (int64, 300 distinct, none missing): identifier: unique in every row"));
    features->view()->selectRow(idRow);
    QCOMPARE(features->detailLabel()->text(), model->detailText(idRow));
    QCOMPARE(cell(model, QStringLiteral("is_fraud"), FeaturePlanModel::RoleColumn), QStringLiteral("target"));
    QVERIFY(!(model->flags(model->index(rowOf(model, QStringLiteral("is_fraud")), FeaturePlanModel::RoleColumn))
              & Qt::ItemIsEditable));
    const QString balance = features->balanceLabel()->text();
    QVERIFY2(balance.contains(QStringLiteral("false 268")) && balance.contains(QStringLiteral("Imbalanced")),
             qPrintable(balance));
    QVERIFY2(features->summaryLabel()->text().contains(QStringLiteral("4 of 11 columns are features")),
             qPrintable(features->summaryLabel()->text()));

    // Another target: the proposal follows it.
    m_page->setupPanel()->setTargetColumn(QStringLiteral("category"));
    QTRY_VERIFY_WITH_TIMEOUT(!features->isComputing(), kTimeoutMs);
    QCOMPARE(cell(model, QStringLiteral("category"), FeaturePlanModel::RoleColumn), QStringLiteral("target"));
    QCOMPARE(cell(model, QStringLiteral("is_fraud"), FeaturePlanModel::RoleColumn), QStringLiteral("feature"));
}

void TestFeatureSelection::chapterSpecIsOfferedAnAdaptation()
{
    TrainSetupPanel *setup = m_page->setupPanel();
    setup->setSpecText(chapterSpec());
    loadTransactions();
    SpecFitBar *fit = setup->specFitBar();
    QTRY_VERIFY(fit->isMismatch());
    QVERIFY(fit->isVisible());
    QVERIFY2(fit->message().contains(QStringLiteral("784 inputs")) && fit->message().contains(QStringLiteral("2 classes")),
             qPrintable(fit->message()));
    QTest::mouseClick(fit->adaptButton(), Qt::LeftButton);
    QVERIFY(!fit->isMismatch());
    QVERIFY(!fit->isVisible());
    QVERIFY(!setup->specText().contains(QStringLiteral("784")));
    QVERIFY(setup->specText().contains(QStringLiteral("\"units\": 512"))); // the hidden layers stay
}

// Issue 14, item 6: a spec's JSON errors showed only on Start.
void TestFeatureSelection::specErrorsShowAsTyped()
{
    TrainSetupPanel *setup = m_page->setupPanel();
    SpecFitBar *fit = setup->specFitBar();
    setup->setSpecText(QStringLiteral("{\n  \"layers\": [\n    {\"type\": \"dense\", \"units\": 1e999}]\n}"));
    QTRY_VERIFY(fit->isVisible());
    QVERIFY2(fit->message().contains(QStringLiteral("model spec:3:32: the number 1e999 is outside the range of a double")),
             qPrintable(fit->message()));
    QVERIFY(!fit->adaptButton()->isVisible());
    setup->setSpecText(chapterSpec());
    QTRY_VERIFY(!fit->isVisible());
}

void TestFeatureSelection::roleChosenInTheTableReachesTheRequest()
{
    loadTransactions();
    FeatureSelectionPanel *features = m_page->setupPanel()->featurePanel();
    QTableView *view = features->view();
    const int row = rowOf(features->model(), QStringLiteral("customer_id"));
    const QModelIndex role = features->model()->index(row, FeaturePlanModel::RoleColumn);
    view->setCurrentIndex(role);
    view->edit(role);
    auto *editor = view->findChild<QComboBox *>(QStringLiteral("featureRoleEditor"));
    QVERIFY(editor);
    editor->setCurrentIndex(editor->findData(QStringLiteral("feature")));
    Q_EMIT editor->activated(editor->currentIndex());
    QCOMPARE(role.data().toString(), QStringLiteral("feature"));
    QVERIFY(features->model()->hasChoices());

    auto request = m_page->setupPanel()->request(QString());
    QVERIFY2(request.isOk(), request.message().c_str());
    QCOMPARE(request.value().kept, std::vector<std::string>{"customer_id"});
    QVERIFY(request.value().excluded.empty());
    QCOMPARE(request.value().selection, ColumnSelection::Proposed);
    // The next proposal keeps the choice.
    QTRY_VERIFY_WITH_TIMEOUT(!features->isComputing(), kTimeoutMs);
    QCOMPARE(cell(features->model(), QStringLiteral("customer_id"), FeaturePlanModel::RoleColumn), QStringLiteral("feature"));

    QTest::mouseClick(features->findChild<QPushButton *>(QStringLiteral("resetFeatures")), Qt::LeftButton);
    QCOMPARE(cell(features->model(), QStringLiteral("customer_id"), FeaturePlanModel::RoleColumn), QStringLiteral("ignored"));
    QVERIFY(m_page->setupPanel()->request(QString()).value().kept.empty());
}

void TestFeatureSelection::newUserTrainsTransactionsWithoutJson()
{
    TrainSetupPanel *setup = m_page->setupPanel();
    setup->setSpecText(chapterSpec()); // the spec a new user finds in the editor
    loadTransactions();
    QTRY_VERIFY(setup->specFitBar()->isMismatch());
    QTest::mouseClick(setup->specFitBar()->adaptButton(), Qt::LeftButton);
    setup->setEpochs(1);
    QSignalSpy finished(m_page, &TrainPage::trainingFinished);
    QSignalSpy failed(m_page, &TrainPage::trainingFailed);
    QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("startTraining")), Qt::LeftButton);
    QVERIFY2(m_page->isTraining(), qPrintable(m_page->messageText()));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, kTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(m_page->messageText()));
    const TrainSummary summary = finished.front().front().value<TrainSummary>();
    QCOMPARE(summary.status, QStringLiteral("completed"));
    QVERIFY(summary.summaryJson.contains(QStringLiteral("\"feature_plan\"")));
    QVERIFY(summary.summaryJson.contains(QStringLiteral("\"reason\":\"personal_data\"")));
    QVERIFY2(m_page->messageText().contains(QStringLiteral("test accuracy")), qPrintable(m_page->messageText()));
}

QTEST_MAIN(TestFeatureSelection)
#include "tst_featureselection.moc"
