// JobRunner and the Job contract: a job finishes, cancels, turns exceptions into failed(), and the
// signals of a superseded run never reach a connectCurrent() receiver. Plus LoadCsvJob and
// ColumnStatsJob end to end, with the load recorded in a temporary workspace.

#include "jobs/ColumnStatsJob.h"
#include "jobs/JobRunner.h"
#include "jobs/LoadCsvJob.h"
#include "jobs/ProgressThrottle.h"

#include "db/runs/DatasetRepository.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"

#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <stdexcept>

using namespace loupe;

namespace {

// Sums 1..n and reports it.
class SumJob : public Job {
    Q_OBJECT
public:
    explicit SumJob(qint64 n) : m_n(n) {}
Q_SIGNALS:
    void finished(quint64 runId, qint64 sum);

protected:
    Status execute() override
    {
        for (qint64 i = 1; i <= m_n; ++i) {
            m_sum += i;
            reportProgress(double(i) / double(m_n), QStringLiteral("summing"));
        }
        return Status::ok();
    }
    void emitFinished() override { Q_EMIT finished(runId(), m_sum); }

private:
    qint64 m_n;
    qint64 m_sum = 0;
};

// Runs until cancelled, then reports one last progress update (a "late" signal) and stops.
class UntilCancelledJob : public Job {
    Q_OBJECT
public:
    static inline std::atomic<int> s_alive{0};
    UntilCancelledJob() { ++s_alive; }
    ~UntilCancelledJob() override { --s_alive; }
    std::atomic<bool> started{false};
Q_SIGNALS:
    void finished(quint64 runId, int value);

protected:
    Status execute() override
    {
        reportProgress(0.0, QStringLiteral("waiting"));
        started = true;
        while (!isCancelled())
            QThread::msleep(2);
        reportProgress(0.5, QStringLiteral("stopping"));
        return Status::cancelled();
    }
    void emitFinished() override { Q_EMIT finished(runId(), 1); }
};

class ThrowingJob : public Job {
    Q_OBJECT
protected:
    Status execute() override { throw std::runtime_error("boom in the worker"); }
    void emitFinished() override {}
};

class FailingJob : public Job {
    Q_OBJECT
protected:
    Status execute() override { return Status::invalidInput("data.csv: line 3, column 2: not a number"); }
    void emitFinished() override {}
};

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestJobRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jobFinishesWithItsValue();
    void cancelStopsTheJob();
    void exceptionBecomesFailed();
    void failedStatusBecomesFailed();
    void supersededRunIsDropped();
    void destructorCancelsAndWaits();
    void throttleLimitsUpdates();
    void loadCsvJobReadsAndRecords();
    void loadCsvJobReportsBadInput();
    void columnStatsJobComputesStats();
};

void TestJobRunner::jobFinishesWithItsValue()
{
    JobRunner runner;
    auto *job = new SumJob(100000);
    QSignalSpy finished(job, &SumJob::finished);
    QSignalSpy progress(job, &Job::progress);
    QSignalSpy ended(&runner, &JobRunner::runEnded);
    const quint64 runId = runner.start(job);
    QVERIFY(runId != 0);
    QVERIFY(runner.isCurrent(runId));
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toULongLong(), runId);
    QCOMPARE(finished.at(0).at(1).toLongLong(), qint64(100000) * 100001 / 2);
    QTRY_COMPARE(ended.count(), 1);
    QCOMPARE(runner.runningCount(), 0);
    // 100000 updates were offered; the throttle lets through a handful (first, ~1 % steps, last).
    QVERIFY2(progress.count() >= 2 && progress.count() <= 102, qPrintable(QString::number(progress.count())));
    QCOMPARE(progress.last().at(1).toDouble(), 1.0);
}

void TestJobRunner::cancelStopsTheJob()
{
    JobRunner runner;
    auto *job = new UntilCancelledJob;
    QSignalSpy cancelled(job, &Job::cancelled);
    QSignalSpy finished(job, &UntilCancelledJob::finished);
    QSignalSpy ended(&runner, &JobRunner::runEnded);
    const quint64 runId = runner.start(job);
    QTRY_VERIFY(job->started.load());
    QVERIFY(runner.isRunning(runId));
    runner.cancel(runId);
    QVERIFY(!runner.isCurrent(runId));
    QTRY_COMPARE(ended.count(), 1);
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(UntilCancelledJob::s_alive.load(), 0);
}

void TestJobRunner::exceptionBecomesFailed()
{
    JobRunner runner;
    auto *job = new ThrowingJob;
    QSignalSpy failed(job, &Job::failed);
    QSignalSpy ended(&runner, &JobRunner::runEnded);
    runner.start(job);
    QTRY_COMPARE(ended.count(), 1);
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.at(0).at(1).toString().contains(QLatin1String("boom in the worker")),
             qPrintable(failed.at(0).at(1).toString()));
}

void TestJobRunner::failedStatusBecomesFailed()
{
    JobRunner runner;
    auto *job = new FailingJob;
    QSignalSpy failed(job, &Job::failed);
    QSignalSpy cancelled(job, &Job::cancelled);
    runner.start(job);
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("data.csv: line 3, column 2: not a number"));
    QCOMPARE(cancelled.count(), 0);
}

void TestJobRunner::supersededRunIsDropped()
{
    JobRunner runner;
    QObject receiver;
    int deliveredFromFirst = 0;
    int deliveredFromSecond = 0;

    auto *first = new UntilCancelledJob;
    QSignalSpy firstProgress(first, &Job::progress); // sees everything, including late signals
    QSignalSpy firstCancelled(first, &Job::cancelled);
    runner.connectCurrent(first, &Job::progress, &receiver, [&](double, const QString &) { ++deliveredFromFirst; });
    runner.connectCurrent(first, &Job::cancelled, &receiver, [&] { ++deliveredFromFirst; });
    const quint64 firstRun = runner.start(first, QStringLiteral("slot"));
    QTRY_COMPARE(firstProgress.count(), 1); // "waiting", delivered while current
    QCOMPARE(deliveredFromFirst, 1);

    auto *second = new SumJob(10);
    runner.connectCurrent(second, &SumJob::finished, &receiver, [&](qint64 sum) { deliveredFromSecond = int(sum); });
    const quint64 secondRun = runner.start(second, QStringLiteral("slot"));
    QVERIFY(!runner.isCurrent(firstRun));
    QVERIFY(runner.isCurrent(secondRun));
    QCOMPARE(runner.currentRun(QStringLiteral("slot")), secondRun);

    QTRY_COMPARE(firstCancelled.count(), 1);   // the superseded run was cancelled ...
    QCOMPARE(firstProgress.count(), 2);        // ... and still emitted a late "stopping" update,
    QCOMPARE(deliveredFromFirst, 1);           // which the receiver never saw.
    QTRY_COMPARE(deliveredFromSecond, 55);
    QTRY_COMPARE(runner.runningCount(), 0);
}

void TestJobRunner::destructorCancelsAndWaits()
{
    QPointer<UntilCancelledJob> job;
    {
        JobRunner runner;
        job = new UntilCancelledJob;
        runner.start(job);
        runner.start(new UntilCancelledJob);
        QTRY_VERIFY(job->started.load());
    }
    QCOMPARE(UntilCancelledJob::s_alive.load(), 0);
}

void TestJobRunner::throttleLimitsUpdates()
{
    ProgressThrottle throttle(40, 0.01);
    QVERIFY(throttle.shouldEmit(0.0, QStringLiteral("a")));     // first
    QVERIFY(!throttle.shouldEmit(0.5, QStringLiteral("a")));    // too soon
    QVERIFY(throttle.shouldEmit(0.5, QStringLiteral("b")));     // new stage
    QVERIFY(throttle.shouldEmit(1.0, QStringLiteral("b")));     // final
    QTest::qSleep(50);
    QVERIFY(!throttle.shouldEmit(1.0, QStringLiteral("b")));    // time passed, fraction did not move
    throttle.reset();
    QVERIFY(throttle.shouldEmit(0.0, QStringLiteral("b")));
    QTest::qSleep(50);
    QVERIFY(!throttle.shouldEmit(0.005, QStringLiteral("b")));  // moved less than 1 %
    QVERIFY(throttle.shouldEmit(0.02, QStringLiteral("b")));
}

void TestJobRunner::loadCsvJobReadsAndRecords()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString csv = dir.filePath(QStringLiteral("small.csv"));
    QVERIFY(writeFile(csv, "id;amount;city\n1;2.5;Oslo\n2;;Bergen\n3;-1;Oslo\n"));
    const QString workspace = dir.filePath(QStringLiteral("workspace.sqlite"));

    JobRunner runner;
    auto *job = new LoadCsvJob(csv, CsvOptions(), workspace);
    QSignalSpy finished(job, &LoadCsvJob::finished);
    QSignalSpy failed(job, &Job::failed);
    QElapsedTimer wall;
    wall.start();
    runner.start(job);
    QTRY_COMPARE(finished.count() + failed.count(), 1);
    const double wallSeconds = static_cast<double>(wall.nsecsElapsed()) * 1e-9;
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.at(0).at(1).toString()));
    const auto loaded = finished.at(0).at(1).value<LoadedTable>();
    QVERIFY(loaded.table);
    QCOMPARE(loaded.table->rowCount(), std::size_t(3));
    QCOMPARE(loaded.table->columnCount(), std::size_t(3));
    QCOMPARE(loaded.delimiter, ';');
    QCOMPARE(loaded.table->column(1).missingCount(), std::size_t(1));
    // The parse was timed: some time, less than the job took as the test saw it.
    QVERIFY2(loaded.seconds > 0.0 && loaded.seconds <= wallSeconds,
             qPrintable(QString("%1 s of %2 s").arg(loaded.seconds).arg(wallSeconds)));
    QVERIFY2(loaded.workspaceNote.isEmpty(), qPrintable(loaded.workspaceNote));
    QVERIFY(loaded.datasetId > 0);

    auto store = Store::open(workspace);
    QVERIFY2(store.isOk(), store.message().c_str());
    auto dataset = DatasetRepository(*store.value()).find(loaded.datasetId);
    QVERIFY(dataset.isOk() && dataset.value().has_value());
    QCOMPARE(dataset.value()->rowCount, qint64(3));
    QCOMPARE(dataset.value()->columnCount, 3);
    QVERIFY(dataset.value()->schemaJson.contains(QLatin1String("\"amount\"")));
    auto runs = RunRepository(*store.value()).listRuns(RunKind::Load);
    QVERIFY(runs.isOk());
    QCOMPARE(runs.value().size(), std::size_t(1));
    QCOMPARE(runs.value().front().status, RunStatus::Completed);
    QCOMPARE(runs.value().front().datasetId, std::optional<qint64>(loaded.datasetId));
    QCOMPARE(runs.value().front().seconds, std::optional<double>(loaded.seconds)); // the load run is the reported one
}

void TestJobRunner::loadCsvJobReportsBadInput()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("bad.csv"));
    QVERIFY(writeFile(csv, "a,b\n1,2\n3,4,5\n"));
    JobRunner runner;
    auto *job = new LoadCsvJob(csv, CsvOptions());
    QSignalSpy finished(job, &LoadCsvJob::finished);
    QSignalSpy failed(job, &Job::failed);
    runner.start(job);
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(finished.count(), 0);
    const QString message = failed.at(0).at(1).toString();
    // The reader's "FILE:LINE:COL: what" form.
    QVERIFY2(message.contains(QLatin1String("bad.csv:3:")), qPrintable(message));
}

void TestJobRunner::columnStatsJobComputesStats()
{
    auto table = std::make_shared<Table>();
    Column values("x", ColumnType::Float64);
    for (double v : {1.0, 2.0, 3.0, 4.0})
        values.appendDouble(v);
    values.appendMissing();
    table->addColumn(std::move(values));

    JobRunner runner;
    auto *job = new ColumnStatsJob(table, 0, 4, 5);
    QSignalSpy finished(job, &ColumnStatsJob::finished);
    runner.start(job);
    QTRY_COMPARE(finished.count(), 1);
    const auto summary = finished.at(0).at(1).value<ColumnSummary>();
    QCOMPARE(summary.column, 0);
    QCOMPARE(summary.stats.rows, std::size_t(5));
    QCOMPARE(summary.stats.missing, std::size_t(1));
    QCOMPARE(summary.stats.min, 1.0);
    QCOMPARE(summary.stats.max, 4.0);
    QCOMPARE(summary.stats.mean, 2.5);
}

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_jobrunner.moc"
