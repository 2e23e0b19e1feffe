// TrainJob on its own thread: signals in order (started, epochs, throttled batch points, finished),
// the run recorded through the job's own Store connection, Fashion-MNIST from a tiny IDX directory,
// cancellation (stored as cancelled), divergence (finished with the message) and bad specs (failed).

#include "jobs/JobRunner.h"
#include "jobs/TrainJob.h"

#include "core/data/CsvReader.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace loupe;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(LOUPE_FIXTURES_DIR "/train/") + name;
}

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QString::fromUtf8(file.readAll());
}

std::shared_ptr<const Table> tinyTable()
{
    auto report = CsvReader().readFile(fixture(QStringLiteral("tiny.csv")).toStdString());
    if (!report.isOk())
        qFatal("tiny.csv: %s", report.message().c_str());
    return std::make_shared<const Table>(report.takeValue().table);
}

// Collects a job's signals on the test thread (queued connections).
class Collector : public QObject {
public:
    void watch(TrainJob *job)
    {
        connect(job, &TrainJob::started, this, [this](quint64, const TrainStart &value) { start = value; ++starts; });
        connect(job, &TrainJob::epochFinished, this, [this](quint64, const EpochStats &stats) { epochs.append(stats); });
        connect(job, &TrainJob::batchProgress, this, [this](quint64, const TrainBatchProgress &progress) {
            batches.append(progress);
            points += progress.points.size();
        });
        connect(job, &TrainJob::finished, this, [this](quint64, const TrainSummary &value) {
            summary = value;
            ++finished;
        });
        connect(job, &Job::failed, this, [this](quint64, const QString &message) { failure = message; });
        connect(job, &Job::cancelled, this, [this](quint64) { ++cancelled; });
        connect(job, &Job::ended, this, [this](quint64) { ++ended; });
    }

    TrainStart start;
    int starts = 0;
    QVector<EpochStats> epochs;
    QVector<TrainBatchProgress> batches;
    int points = 0;
    TrainSummary summary;
    int finished = 0;
    QString failure;
    int cancelled = 0;
    int ended = 0;
};

} // namespace

class TestTrainJob : public QObject {
    Q_OBJECT

private:
    TrainRequest tinyRequest(const QString &workspace) const;
    QTemporaryDir m_dir;

private slots:
    void initTestCase();
    void trainsAndRecords();
    void fashionMnistTinyDirectory();
    void cancelStoresCancelledRun();
    void divergenceFinishesWithMessage();
    void badSpecFails();
    void unreachableWorkspaceStillTrains();
};

TrainRequest TestTrainJob::tinyRequest(const QString &workspace) const
{
    TrainRequest request;
    request.specJson = readText(fixture(QStringLiteral("tiny-spec.json")));
    request.source = TrainRequest::Source::Table;
    request.table = tinyTable();
    request.tableName = "tiny.csv";
    request.target = "label";
    request.validationFraction = 0.1;
    request.testFraction = 0.1;
    request.workspace = workspace;
    return request;
}

void TestTrainJob::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("OMP_NUM_THREADS", "1");
}

void TestTrainJob::trainsAndRecords()
{
    const QString workspace = m_dir.filePath(QStringLiteral("job.sqlite"));
    JobRunner runner;
    Collector collector;
    auto *job = new TrainJob(tinyRequest(workspace));
    collector.watch(job);
    runner.start(job, QStringLiteral("train"));
    QTRY_COMPARE_WITH_TIMEOUT(collector.ended, 1, 60000);
    QVERIFY2(collector.failure.isEmpty(), qPrintable(collector.failure));
    QCOMPARE(collector.starts, 1);
    QCOMPARE(collector.start.epochs, 3);
    QCOMPARE(collector.start.totalSteps, qint64(18));
    QCOMPARE(collector.start.classLabels, (QStringList{"high", "low", "mid"}));
    QVERIFY(collector.start.storedRunId > 0);
    QCOMPARE(collector.epochs.size(), 3);
    QCOMPARE(collector.points, 18); // every batch arrives, however throttled
    QVERIFY(collector.batches.size() <= 18);
    QCOMPARE(collector.batches.last().fraction, 1.0);
    QCOMPARE(collector.batches.last().step, qint64(18));
    QCOMPARE(collector.batches.last().points.last().step, qint64(18));
    QVERIFY(std::isfinite(collector.batches.last().smoothedLoss));
    QCOMPARE(collector.finished, 1);
    QCOMPARE(collector.summary.status, QStringLiteral("completed"));
    QVERIFY(std::isfinite(collector.summary.testAccuracy));
    QCOMPARE(collector.summary.storedRunId, collector.start.storedRunId);
    QVERIFY2(collector.summary.workspaceNote.isEmpty(), qPrintable(collector.summary.workspaceNote));

    auto store = Store::open(workspace);
    QVERIFY(store.isOk());
    RunRepository runs(*store.value());
    auto record = runs.findRun(collector.summary.storedRunId);
    QVERIFY(record.isOk() && record.value().has_value());
    QCOMPARE(record.value()->status, RunStatus::Completed);
    QCOMPARE(int(runs.epochMetrics(collector.summary.storedRunId).value().size()), 3);
    QCOMPARE(int(runs.stepMetrics(collector.summary.storedRunId).value().size()), 18);
}

void TestTrainJob::fashionMnistTinyDirectory()
{
    TrainRequest request;
    request.specJson = readText(QStringLiteral(LOUPE_SOURCE_DIR "/resources/models/chapter-mlp.json"));
    request.overrides.epochs = 1;
    request.overrides.batchSize = 30;
    request.source = TrainRequest::Source::FashionMnist;
    request.fashionMnistDirectory = fixture(QStringLiteral("fmnist-tiny")).toStdString();
    JobRunner runner;
    Collector collector;
    auto *job = new TrainJob(request);
    collector.watch(job);
    runner.start(job);
    QTRY_COMPARE_WITH_TIMEOUT(collector.ended, 1, 60000);
    QVERIFY2(collector.failure.isEmpty(), qPrintable(collector.failure));
    QVERIFY2(collector.start.dataDescription.startsWith(QStringLiteral("fashion-mnist: 108 training, 12 validation")),
             qPrintable(collector.start.dataDescription));
    QCOMPARE(collector.start.classLabels.size(), 10);
    QCOMPARE(collector.start.storedRunId, qint64(0)); // no workspace
    QCOMPARE(collector.epochs.size(), 1);
    QCOMPARE(collector.points, 4);
    QCOMPARE(collector.summary.status, QStringLiteral("completed"));
}

void TestTrainJob::cancelStoresCancelledRun()
{
    const QString workspace = m_dir.filePath(QStringLiteral("cancel.sqlite"));
    TrainRequest request = tinyRequest(workspace);
    request.overrides.epochs = 1000000;
    JobRunner runner;
    Collector collector;
    auto *job = new TrainJob(request);
    collector.watch(job);
    const quint64 runId = runner.start(job, QStringLiteral("train"));
    QTRY_VERIFY_WITH_TIMEOUT(collector.epochs.size() >= 1, 60000);
    runner.cancel(runId);
    QTRY_COMPARE_WITH_TIMEOUT(collector.ended, 1, 60000);
    QCOMPARE(collector.cancelled, 1);
    QCOMPARE(collector.finished, 0);
    auto store = Store::open(workspace);
    QVERIFY(store.isOk());
    auto runs = RunRepository(*store.value()).listRuns(RunKind::Train);
    QVERIFY(runs.isOk());
    QCOMPARE(int(runs.value().size()), 1);
    QCOMPARE(runs.value().front().status, RunStatus::Cancelled);
}

void TestTrainJob::divergenceFinishesWithMessage()
{
    TrainRequest request = tinyRequest(m_dir.filePath(QStringLiteral("diverge.sqlite")));
    request.overrides.learningRate = 1e4;
    JobRunner runner;
    Collector collector;
    auto *job = new TrainJob(request);
    collector.watch(job);
    runner.start(job);
    QTRY_COMPARE_WITH_TIMEOUT(collector.ended, 1, 60000);
    QCOMPARE(collector.finished, 1);
    QVERIFY(collector.summary.diverged);
    QCOMPARE(collector.summary.status, QStringLiteral("diverged"));
    QVERIFY2(collector.summary.message.startsWith(QStringLiteral("diverged at epoch 1, step ")),
             qPrintable(collector.summary.message));
    QVERIFY(std::isnan(collector.summary.testAccuracy));
}

void TestTrainJob::badSpecFails()
{
    TrainRequest request = tinyRequest(QString());
    request.specJson = QStringLiteral(R"({"layers":[{"type":"dense","units":0,"activation":"softmax"}],"loss":"mse"})");
    JobRunner runner;
    Collector collector;
    auto *job = new TrainJob(request);
    collector.watch(job);
    runner.start(job);
    QTRY_COMPARE_WITH_TIMEOUT(collector.ended, 1, 60000);
    QCOMPARE(collector.starts, 0);
    QVERIFY2(collector.failure.contains(QStringLiteral("layers[0].units")), qPrintable(collector.failure));
}

void TestTrainJob::unreachableWorkspaceStillTrains()
{
    QFile blocker(m_dir.filePath(QStringLiteral("not-a-dir")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    TrainRequest request = tinyRequest(m_dir.filePath(QStringLiteral("not-a-dir/ws.sqlite")));
    JobRunner runner;
    Collector collector;
    auto *job = new TrainJob(request);
    collector.watch(job);
    runner.start(job);
    QTRY_COMPARE_WITH_TIMEOUT(collector.ended, 1, 60000);
    QCOMPARE(collector.finished, 1);
    QCOMPARE(collector.summary.storedRunId, qint64(0));
    QVERIFY2(collector.summary.workspaceNote.startsWith(QStringLiteral("not recorded")),
             qPrintable(collector.summary.workspaceNote));
}

QTEST_GUILESS_MAIN(TestTrainJob)
#include "tst_trainjob.moc"
