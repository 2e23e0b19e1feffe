// "Verify by training" on the Learning-rate page (LrVerifyBox in LrFinderPanel), offscreen: disabled
// until there is a rate; after a finder run on a tiny table it trains at the chosen rate, a third
// and three times it, fills its table (one row per rate), marks the plot (one diamond per rate,
// one best) and stores the verification without adding it to the lr-find run list; a second click
// while it runs cancels it.

#include "ui/common/DatasetSession.h"
#include "ui/learningrate/LrFinderPanel.h"
#include "ui/learningrate/LrFinderPlot.h"
#include "ui/learningrate/LrVerifyBox.h"
#include "ui/train/TrainSetupPanel.h"

#include "db/runs/RunRepository.h"
#include "db/store/Store.h"
#include "jobs/JobRunner.h"

#include "tests/support/TrainFixtures.h"

#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace loupe;
using namespace loupe::testsupport;

class TestLrVerifyBox : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void verifiesTheChosenRateAndItsNeighbours_data();
    void verifiesTheChosenRateAndItsNeighbours();
    void secondClickCancels();

private:
    void prepare(LrFinderPanel &panel);
    QTemporaryDir m_dir;
};

void TestLrVerifyBox::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("OMP_NUM_THREADS", "1");
}

void TestLrVerifyBox::prepare(LrFinderPanel &panel)
{
    panel.setupPanel()->setSource(TrainSetupPanel::Source::LoadedTable);
    panel.setupPanel()->setSpecText(readText(fixture(QStringLiteral("tiny-spec.json"))));
    panel.setMode(LrFindMode::OnePass);
    panel.setSteps(40);
    panel.resize(1100, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
}

void TestLrVerifyBox::verifiesTheChosenRateAndItsNeighbours_data()
{
    QTest::addColumn<bool>("pickFixedRate");
    QTest::newRow("the recommended rate") << false;
    QTest::newRow("a rate picked on the plot") << true;
}

void TestLrVerifyBox::verifiesTheChosenRateAndItsNeighbours()
{
    QFETCH(bool, pickFixedRate);
    JobRunner runner;
    DatasetSession session;
    session.setCurrent(tinyTable());
    const QString workspace = m_dir.filePath(pickFixedRate ? QStringLiteral("picked.sqlite") : QStringLiteral("rec.sqlite"));
    LrFinderPanel panel(PageContext{&runner, &session, workspace});
    prepare(panel);
    LrVerifyBox *box = panel.verifyBox();
    QVERIFY(box);
    QCOMPARE(box->button()->objectName(), QStringLiteral("verifyRate"));
    QVERIFY(!box->button()->isEnabled()); // no rate yet

    QSignalSpy finished(&panel, &LrFinderPanel::runFinished);
    panel.startRun();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(panel.recommendedRate() > 0.0, 10000);
    QVERIFY(box->button()->isEnabled());
    if (pickFixedRate)
        Q_EMIT panel.plot()->rateClicked(0.05);
    const double rate = panel.chosenRate();
    QVERIFY(rate > 0.0);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isLoadingRuns(), 10000);
    const int listedSearches = panel.runList()->count();

    QSignalSpy verified(box, &LrVerifyBox::verified);
    box->button()->click();
    QVERIFY(box->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(verified.count(), 1, 60000);
    QVERIFY(!box->isRunning());
    const auto outcome = verified.front().front().value<LrVerifyOutcome>();
    QCOMPARE(outcome.result.points.size(), std::size_t(3));
    QVERIFY(std::fabs(outcome.result.points[0].learningRate - rate / 3.0) < 1e-12 * rate);
    QVERIFY(std::fabs(outcome.result.points[2].learningRate - rate * 3.0) < 1e-12 * rate);

    QCOMPARE(box->table()->rowCount(), 3);
    QVERIFY(box->table()->isVisible());
    QCOMPARE(box->table()->item(1, 0)->text(), QString::number(rate, 'g', 3));
    QCOMPARE(panel.plot()->verifyMarkCount(), 3);
    int best = 0;
    for (const LrVerifyMark &mark : box->marks())
        best += mark.best ? 1 : 0;
    QCOMPARE(best, 1);
    QVERIFY2(box->statusText().startsWith(QStringLiteral("Verified in")), qPrintable(box->statusText()));

    // Stored as an lr-find run with config mode "verify", and not listed among the searches.
    QVERIFY(outcome.storedRunId > 0);
    auto store = Store::open(workspace);
    QVERIFY(store.isOk());
    const auto record = RunRepository(*store.value()).findRun(outcome.storedRunId);
    QVERIFY(record.isOk() && record.value().has_value());
    QVERIFY(record.value()->configJson.contains("\"mode\":\"verify\""));
    panel.reloadRuns();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isLoadingRuns(), 10000);
    QCOMPARE(panel.runList()->count(), listedSearches);
}

void TestLrVerifyBox::secondClickCancels()
{
    JobRunner runner;
    DatasetSession session;
    session.setCurrent(tinyTable());
    LrFinderPanel panel(PageContext{&runner, &session, QString()});
    prepare(panel);
    // The second click comes before the job's result can be delivered (queued to this thread).
    Q_EMIT panel.plot()->rateClicked(0.01);
    QVERIFY(panel.verifyBox()->button()->isEnabled());
    LrVerifyBox *box = panel.verifyBox();
    QSignalSpy verified(box, &LrVerifyBox::verified);
    box->button()->click();
    QVERIFY(box->isRunning());
    QCOMPARE(box->button()->text(), QStringLiteral("Cancel verification"));
    box->button()->click();
    QVERIFY(!box->isRunning());
    QCOMPARE(box->statusText(), QStringLiteral("Verification cancelled"));
    QCOMPARE(box->button()->text(), QStringLiteral("Verify by training"));
    QTest::qWait(200);
    QCOMPARE(verified.count(), 0); // a cancelled run's result is dropped
}

QTEST_MAIN(TestLrVerifyBox)
#include "tst_lrverifybox.moc"
