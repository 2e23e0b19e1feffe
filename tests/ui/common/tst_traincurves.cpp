// TrainCurves: a checked stored run is drawn unless it is the live run, and comes back as an overlay
// once a new live run replaces it (issue 14, item 2: a checked overlay was not redrawn after a new run).
#include "ui/common/TrainCurves.h"

#include <QtTest>

using namespace loupe;

namespace {

RunCurves stored(qint64 id)
{
    RunCurves run;
    run.storedRunId = id;
    run.label = QStringLiteral("run %1").arg(id);
    run.epochs = {1, 2};
    run.loss = {0.9, 0.5};
    return run;
}

QList<qint64> drawnIds(const TrainCurves &curves)
{
    QList<qint64> ids;
    for (const RunCurves *run : curves.allRuns())
        ids.append(run->live ? -run->storedRunId : run->storedRunId);
    return ids;
}

} // namespace

class TestTrainCurves : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void overlaysFollowTheLiveRun_data();
    void overlaysFollowTheLiveRun();
};

void TestTrainCurves::overlaysFollowTheLiveRun_data()
{
    QTest::addColumn<qint64>("firstLive");
    QTest::addColumn<qint64>("secondLive");
    QTest::addColumn<QList<qint64>>("drawnDuringFirst");  // overlays, then the live run as -id
    QTest::addColumn<QList<qint64>>("drawnDuringSecond");
    QTest::newRow("checked run was the live one") << qint64(5) << qint64(6) << QList<qint64>{4, -5}
                                                  << QList<qint64>{4, 5, -6};
    QTest::newRow("live run not recorded") << qint64(0) << qint64(0) << QList<qint64>{4, 5, 0} << QList<qint64>{4, 5, 0};
    QTest::newRow("other runs only") << qint64(7) << qint64(8) << QList<qint64>{4, 5, -7} << QList<qint64>{4, 5, -8};
}

void TestTrainCurves::overlaysFollowTheLiveRun()
{
    QFETCH(qint64, firstLive);
    QFETCH(qint64, secondLive);
    QFETCH(QList<qint64>, drawnDuringFirst);
    QFETCH(QList<qint64>, drawnDuringSecond);
    TrainCurves curves;
    QSignalSpy changed(&curves, &TrainCurves::changed);
    curves.startLive(QStringLiteral("first"), firstLive, true, 2);
    curves.setOverlays({stored(4), stored(5)});
    QCOMPARE(drawnIds(curves), drawnDuringFirst);
    curves.endLive();
    curves.startLive(QStringLiteral("second"), secondLive, true, 2);
    QCOMPARE(drawnIds(curves), drawnDuringSecond);
    QCOMPARE(changed.count(), 4);
    curves.setOverlays({});
    QCOMPARE(curves.overlays().size(), 0);
}

QTEST_APPLESS_MAIN(TestTrainCurves)
#include "tst_traincurves.moc"
