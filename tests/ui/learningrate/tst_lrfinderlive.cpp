// The learning-rate finder's curve while it runs: the job sends the new points as they come (at
// most every ~40 ms, all of them, in order, before the end), the panel collects them into a live
// curve drawn with the stored ones, and once the search ends the live curve is gone and the
// finished run is drawn with every point the live curve had.

#include "ui/common/DatasetSession.h"
#include "ui/learningrate/LrFinderPanel.h"
#include "ui/train/TrainSetupPanel.h"
#include "ui/learningrate/LrFinderPlot.h"

#include "jobs/JobRunner.h"
#include "core/data/CsvReader.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include "tests/support/TrainFixtures.h"

using namespace loupe;
using namespace loupe::testsupport;

namespace {

constexpr int kSearchTimeoutMs = 60000;

} // namespace

class TestLrFinderLive : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pointsArriveBeforeTheEnd_data();
    void pointsArriveBeforeTheEnd();

private:
    QTemporaryDir m_dir;
};

void TestLrFinderLive::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("OMP_NUM_THREADS", "1");
}

void TestLrFinderLive::pointsArriveBeforeTheEnd_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("steps");
    QTest::newRow("one pass") << int(LrFindMode::OnePass) << 60;
    QTest::newRow("range") << int(LrFindMode::Range) << 6;
}

void TestLrFinderLive::pointsArriveBeforeTheEnd()
{
    QFETCH(int, mode);
    QFETCH(int, steps);
    JobRunner runner;
    DatasetSession session;
    session.setCurrent(tinyTable());
    LrFinderPanel panel(PageContext {&runner, &session, m_dir.filePath(QStringLiteral("%1.sqlite").arg(mode))});
    panel.setupPanel()->setSource(TrainSetupPanel::Source::LoadedTable);
    panel.setupPanel()->setSpecText(readText(fixture(QStringLiteral("tiny-spec.json"))));
    panel.setMode(LrFindMode(mode));
    panel.setSteps(steps);
    if (LrFindMode(mode) == LrFindMode::Range)
        panel.setField(QStringLiteral("start"), QStringLiteral("1e-4"));

    QVector<int> totals;
    connect(&panel, &LrFinderPanel::livePointsAdded, &panel, [&totals](int total) { totals.append(total); });
    int finishedAfter = -1;
    connect(&panel, &LrFinderPanel::runFinished, &panel, [&](const LrFindOutcome &) { finishedAfter = totals.size(); });
    QSignalSpy finished(&panel, &LrFinderPanel::runFinished);
    panel.startRun();
    QVERIFY2(panel.isRunning(), qPrintable(panel.messageText()));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kSearchTimeoutMs);
    const LrFindOutcome outcome = finished.first().first().value<LrFindOutcome>();
    const int points = int(outcome.result.points.size());
    QVERIFY(points > 0);
    // Every point arrived live, in increasing totals, before the search finished.
    QVERIFY(!totals.isEmpty());
    QCOMPARE(finishedAfter, totals.size());
    QCOMPARE(totals.last(), points);
    for (int i = 1; i < totals.size(); ++i)
        QVERIFY(totals[i] > totals[i - 1]);
    // Afterwards: no live curve; the finished run is drawn in full.
    QVERIFY(panel.liveCurve().result.points.empty());
    QVERIFY(!panel.plot()->curves().isEmpty());
    QCOMPARE(int(panel.plot()->curves().last().result.points.size()), points);
}

QTEST_MAIN(TestLrFinderLive)
#include "tst_lrfinderlive.moc"
