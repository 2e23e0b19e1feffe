// RunRepository: run life cycle, epoch and step metrics (batched, non-finite values, replace),
// listing, atomicity of batches, deletion. Interrupted runs: tst_interruptedruns.

#include "db/runs/DatasetRepository.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"
#include "db/store/Transaction.h"

#include <QSqlQuery>
#include <QTest>

#include <cmath>
#include <limits>

using namespace loupe;

namespace {

constexpr double s_nan = std::numeric_limits<double>::quiet_NaN();

int count(Store &store, const QString &sql)
{
    QSqlQuery query = store.query();
    return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
}

std::vector<StepMetric> makeSteps(qint64 first, int n)
{
    std::vector<StepMetric> steps;
    for (int i = 0; i < n; ++i) {
        const qint64 step = first + i;
        steps.push_back({step, 1.0 / double(step + 1), 1e-5 * std::pow(1.01, double(step))});
    }
    return steps;
}

} // namespace

class TestRunRepository : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void createAndFinishRun();
    void createRunWithDataset();
    void createRunWithUnknownDatasetFails();
    void finishUnknownRunFails();
    void epochMetricsRoundTrip();
    void epochMetricsReplaceSameEpoch();
    void stepMetricsBatches_data();
    void stepMetricsBatches();
    void stepMetricsNonFiniteAreNaN();
    void failedBatchWritesNothing();
    void callerTransactionCoversBatch();
    void listRunsFiltersAndLimits();
    void deleteRunCascades();

private:
    std::unique_ptr<Store> m_store;
};

void TestRunRepository::init()
{
    auto store = Store::open(QStringLiteral(":memory:"));
    QVERIFY2(store.isOk(), store.message().c_str());
    m_store = store.takeValue();
}

void TestRunRepository::cleanup()
{
    m_store.reset();
}

void TestRunRepository::createAndFinishRun()
{
    RunRepository runs(*m_store);
    auto id = runs.createRun(RunKind::Train, std::nullopt, QStringLiteral(R"({"epochs":3})"));
    QVERIFY2(id.isOk(), id.message().c_str());
    auto started = runs.findRun(id.value());
    QVERIFY(started.isOk() && started.value());
    QCOMPARE(started.value()->kind, RunKind::Train);
    QCOMPARE(started.value()->status, RunStatus::Running);
    QVERIFY(!started.value()->datasetId);
    QCOMPARE(started.value()->configJson, QStringLiteral(R"({"epochs":3})"));
    QVERIFY(started.value()->startedAt.isValid());
    QCOMPARE(started.value()->heartbeatAt, started.value()->startedAt);
    QVERIFY(!started.value()->finishedAt.isValid());
    QVERIFY(!started.value()->seconds);

    QVERIFY(runs.finishRun(id.value(), RunStatus::Completed, 12.5, QStringLiteral(R"({"loss":0.1})")).isOk());
    auto finished = runs.findRun(id.value());
    QVERIFY(finished.isOk() && finished.value());
    QCOMPARE(finished.value()->status, RunStatus::Completed);
    QVERIFY(finished.value()->finishedAt.isValid());
    QVERIFY(finished.value()->finishedAt >= finished.value()->startedAt);
    QCOMPARE(finished.value()->seconds.value_or(-1), 12.5);
    QCOMPARE(finished.value()->summaryJson, QStringLiteral(R"({"loss":0.1})"));
    QVERIFY(finished.value()->error.isEmpty());

    // A summary known at the start is stored with the running run and replaced when it finishes.
    auto described = runs.createRun(RunKind::Train, std::nullopt, QString(), QStringLiteral(R"({"data":{"source":"x.csv"}})"));
    QVERIFY2(described.isOk(), described.message().c_str());
    QCOMPARE(runs.findRun(described.value()).value()->summaryJson, QStringLiteral(R"({"data":{"source":"x.csv"}})"));
    QCOMPARE(runs.findRun(described.value()).value()->status, RunStatus::Running);
    QVERIFY(runs.finishRun(described.value(), RunStatus::Completed, 1.0, QStringLiteral(R"({"loss":0.2})")).isOk());
    QCOMPARE(runs.findRun(described.value()).value()->summaryJson, QStringLiteral(R"({"loss":0.2})"));

    auto failed = runs.createRun(RunKind::LrFind, std::nullopt, QString());
    QVERIFY(failed.isOk());
    QVERIFY(runs.finishRun(failed.value(), RunStatus::Diverged, 1.0, QString(), QStringLiteral("loss became NaN at step 17")).isOk());
    auto record = runs.findRun(failed.value());
    QCOMPARE(record.value()->status, RunStatus::Diverged);
    QCOMPARE(record.value()->error, QStringLiteral("loss became NaN at step 17"));
    QCOMPARE(record.value()->configJson, QStringLiteral("{}"));
}

void TestRunRepository::createRunWithDataset()
{
    DatasetRepository datasets(*m_store);
    DatasetRecord dataset;
    dataset.path = QStringLiteral("/d/x.csv");
    dataset.contentHash = QStringLiteral("fnv1a64:1");
    auto datasetId = datasets.upsert(dataset);
    QVERIFY(datasetId.isOk());
    RunRepository runs(*m_store);
    auto id = runs.createRun(RunKind::Check, datasetId.value(), QString());
    QVERIFY(id.isOk());
    QCOMPARE(runs.findRun(id.value()).value()->datasetId.value_or(-1), datasetId.value());
}

void TestRunRepository::createRunWithUnknownDatasetFails()
{
    RunRepository runs(*m_store);
    auto id = runs.createRun(RunKind::Train, qint64(777), QString());
    QVERIFY(!id.isOk());
    QVERIFY2(QString::fromStdString(id.message()).contains(QStringLiteral("FOREIGN KEY"), Qt::CaseInsensitive),
             id.message().c_str());
    QCOMPARE(count(*m_store, QStringLiteral("SELECT count(*) FROM runs")), 0);
}

void TestRunRepository::finishUnknownRunFails()
{
    RunRepository runs(*m_store);
    const Status status = runs.finishRun(31337, RunStatus::Completed, 1.0, QString());
    QVERIFY(!status.isOk());
    QCOMPARE(status.code(), StatusCode::InvalidInput);
    QVERIFY(QString::fromStdString(status.message()).contains(QStringLiteral("31337")));
    QVERIFY(!runs.touchRun(31337).isOk());
}

void TestRunRepository::epochMetricsRoundTrip()
{
    RunRepository runs(*m_store);
    auto id = runs.createRun(RunKind::Train, std::nullopt, QString());
    QVERIFY(id.isOk());
    std::vector<EpochMetrics> epochs(3);
    for (int e = 0; e < 3; ++e) {
        epochs[e].epoch = e;
        epochs[e].loss = 1.0 / (e + 1);
        epochs[e].accuracy = 0.5 + 0.1 * e;
        epochs[e].valLoss = 1.2 / (e + 1);
        epochs[e].learningRate = 0.01;
        epochs[e].seconds = 0.25;
        epochs[e].extra = {{QStringLiteral("grad_norm"), 3.0 - e}};
    }
    epochs[2].valAccuracy = 0.75;
    epochs[2].loss = std::numeric_limits<double>::infinity(); // diverged: stored, read back as NaN
    QVERIFY(runs.addEpochMetrics(id.value(), std::vector<EpochMetrics>(epochs.begin(), epochs.begin() + 2)).isOk());
    QVERIFY(runs.addEpochMetrics(id.value(), epochs[2]).isOk());

    auto stored = runs.epochMetrics(id.value());
    QVERIFY2(stored.isOk(), stored.message().c_str());
    QCOMPARE(stored.value().size(), std::size_t(3));
    for (int e = 0; e < 3; ++e) {
        const EpochMetrics &m = stored.value()[e];
        QCOMPARE(m.epoch, e);
        QCOMPARE(*m.accuracy, 0.5 + 0.1 * e);
        QCOMPARE(*m.valLoss, 1.2 / (e + 1));
        QCOMPARE(*m.learningRate, 0.01);
        QCOMPARE(*m.seconds, 0.25);
        QCOMPARE(m.extra.size(), std::size_t(1));
        QCOMPARE(m.extra[0].first, QStringLiteral("grad_norm"));
        QCOMPARE(m.extra[0].second, 3.0 - e);
    }
    QCOMPARE(*stored.value()[0].loss, 1.0);
    QVERIFY(!stored.value()[0].valAccuracy); // never measured
    QCOMPARE(*stored.value()[2].valAccuracy, 0.75);
    QVERIFY(stored.value()[2].loss.has_value());
    QVERIFY(std::isnan(*stored.value()[2].loss));
    QCOMPARE(count(*m_store, QStringLiteral("SELECT count(*) FROM epoch_metrics")), 3 * 6 + 1);
}

void TestRunRepository::epochMetricsReplaceSameEpoch()
{
    RunRepository runs(*m_store);
    auto id = runs.createRun(RunKind::Train, std::nullopt, QString());
    EpochMetrics metrics;
    metrics.epoch = 4;
    metrics.loss = 2.0;
    QVERIFY(runs.addEpochMetrics(id.value(), metrics).isOk());
    metrics.loss = 1.5;
    metrics.accuracy = 0.9;
    QVERIFY(runs.addEpochMetrics(id.value(), metrics).isOk());
    auto stored = runs.epochMetrics(id.value());
    QVERIFY(stored.isOk());
    QCOMPARE(stored.value().size(), std::size_t(1));
    QCOMPARE(*stored.value()[0].loss, 1.5);
    QCOMPARE(*stored.value()[0].accuracy, 0.9);
}

void TestRunRepository::stepMetricsBatches_data()
{
    QTest::addColumn<int>("steps");
    QTest::newRow("empty") << 0;
    QTest::newRow("one") << 1;
    QTest::newRow("one chunk") << 250;
    QTest::newRow("chunk plus one") << 251;
    QTest::newRow("thousands") << 2345;
}

void TestRunRepository::stepMetricsBatches()
{
    QFETCH(int, steps);
    RunRepository runs(*m_store);
    auto id = runs.createRun(RunKind::LrFind, std::nullopt, QString());
    QVERIFY(id.isOk());
    const auto written = makeSteps(0, steps);
    const Status status = runs.addStepMetrics(id.value(), written);
    QVERIFY2(status.isOk(), status.message().c_str());
    auto stored = runs.stepMetrics(id.value());
    QVERIFY(stored.isOk());
    QCOMPARE(stored.value().size(), written.size());
    for (std::size_t i = 0; i < written.size(); ++i) {
        QCOMPARE(stored.value()[i].step, written[i].step);
        QCOMPARE(stored.value()[i].loss, written[i].loss);
        QCOMPARE(stored.value()[i].learningRate, written[i].learningRate);
    }
    // Writing steps again replaces them instead of failing.
    QVERIFY(runs.addStepMetrics(id.value(), written).isOk());
    QCOMPARE(count(*m_store, QStringLiteral("SELECT count(*) FROM step_metrics")), steps);
}

void TestRunRepository::stepMetricsNonFiniteAreNaN()
{
    RunRepository runs(*m_store);
    auto id = runs.createRun(RunKind::LrFind, std::nullopt, QString());
    std::vector<StepMetric> steps{{0, 0.5, 1e-4}, {1, s_nan, 1e-3}, {2, -std::numeric_limits<double>::infinity(), 1e-2}};
    QVERIFY(runs.addStepMetrics(id.value(), steps).isOk());
    auto stored = runs.stepMetrics(id.value());
    QVERIFY(stored.isOk());
    QCOMPARE(stored.value().size(), std::size_t(3));
    QCOMPARE(stored.value()[0].loss, 0.5);
    QVERIFY(std::isnan(stored.value()[1].loss));
    QVERIFY(std::isnan(stored.value()[2].loss));
    QCOMPARE(stored.value()[2].learningRate, 1e-2);
}

void TestRunRepository::failedBatchWritesNothing()
{
    RunRepository runs(*m_store);
    // An unknown run: the heartbeat update fails first and nothing is written.
    QVERIFY(!runs.addStepMetrics(4040, makeSteps(0, 600)).isOk());
    QCOMPARE(count(*m_store, QStringLiteral("SELECT count(*) FROM step_metrics")), 0);
    QVERIFY(!m_store->inTransaction());

    // A failure in the third chunk (injected by a temporary trigger) rolls back the first two.
    auto id = runs.createRun(RunKind::Train, std::nullopt, QString());
    QVERIFY(id.isOk());
    QVERIFY(m_store->exec(QStringLiteral("CREATE TEMP TRIGGER fail_at_step_600 BEFORE INSERT ON step_metrics "
                                         "WHEN NEW.step = 600 BEGIN SELECT RAISE(ABORT, 'injected failure'); END")).isOk());
    const Status failed = runs.addStepMetrics(id.value(), makeSteps(0, 700));
    QVERIFY(!failed.isOk());
    QVERIFY2(QString::fromStdString(failed.message()).contains(QStringLiteral("injected failure")), failed.message().c_str());
    QCOMPARE(count(*m_store, QStringLiteral("SELECT count(*) FROM step_metrics")), 0);
    QVERIFY(!m_store->inTransaction());
    QVERIFY(m_store->exec(QStringLiteral("DROP TRIGGER fail_at_step_600")).isOk());

    // A caller's rollback drops a whole batch that succeeded inside its transaction.
    {
        auto tx = Transaction::begin(*m_store);
        QVERIFY(tx.isOk());
        QVERIFY(runs.addStepMetrics(id.value(), makeSteps(0, 600)).isOk());
        QCOMPARE(count(*m_store, QStringLiteral("SELECT count(*) FROM step_metrics")), 600);
    } // rolled back
    QCOMPARE(count(*m_store, QStringLiteral("SELECT count(*) FROM step_metrics")), 0);
}

void TestRunRepository::callerTransactionCoversBatch()
{
    RunRepository runs(*m_store);
    auto tx = Transaction::begin(*m_store);
    QVERIFY(tx.isOk());
    auto id = runs.createRun(RunKind::Snapshot, std::nullopt, QString());
    QVERIFY(id.isOk());
    QVERIFY(runs.addStepMetrics(id.value(), makeSteps(0, 10)).isOk());
    EpochMetrics epoch;
    epoch.loss = 1.0;
    QVERIFY(runs.addEpochMetrics(id.value(), epoch).isOk());
    QVERIFY(runs.finishRun(id.value(), RunStatus::Completed, 0.1, QString()).isOk());
    QVERIFY(m_store->inTransaction());
    QVERIFY(tx.value().commit().isOk());
    QCOMPARE(runs.stepMetrics(id.value()).value().size(), std::size_t(10));
    QCOMPARE(runs.findRun(id.value()).value()->status, RunStatus::Completed);
}

void TestRunRepository::listRunsFiltersAndLimits()
{
    RunRepository runs(*m_store);
    const RunKind kinds[] = {RunKind::Train, RunKind::Check, RunKind::Train, RunKind::Search, RunKind::Train};
    std::vector<qint64> ids;
    for (RunKind kind : kinds) {
        auto id = runs.createRun(kind, std::nullopt, QString());
        QVERIFY(id.isOk());
        ids.push_back(id.value());
    }
    auto all = runs.listRuns();
    QVERIFY(all.isOk());
    QCOMPARE(all.value().size(), std::size_t(5));
    QCOMPARE(all.value().front().id, ids.back()); // newest first
    QCOMPARE(all.value().back().id, ids.front());

    auto train = runs.listRuns(RunKind::Train);
    QVERIFY(train.isOk());
    QCOMPARE(train.value().size(), std::size_t(3));
    for (const RunRecord &run : train.value())
        QCOMPARE(run.kind, RunKind::Train);
    QCOMPARE(train.value()[0].id, ids[4]);
    QCOMPARE(train.value()[2].id, ids[0]);

    auto limited = runs.listRuns(RunKind::Train, 2);
    QVERIFY(limited.isOk());
    QCOMPARE(limited.value().size(), std::size_t(2));
    QCOMPARE(limited.value()[0].id, ids[4]);
    auto none = runs.listRuns(RunKind::Scan);
    QVERIFY(none.isOk() && none.value().empty());

    // A search trial's training run (ids[2]) is left out on request, and only then.
    QSqlQuery link = m_store->query();
    QVERIFY(link.exec(QStringLiteral("INSERT INTO studies (name, direction, space_json, sampler, created_at) "
                                     "VALUES ('s', 'minimize', '{}', 'tpe', '2026-01-01T00:00:00.000Z')")));
    QVERIFY(link.exec(QStringLiteral("INSERT INTO trials (study_id, number, state, run_id, started_at) "
                                     "VALUES ((SELECT id FROM studies WHERE name = 's'), 0, 'COMPLETE', %1, "
                                     "'2026-01-01T00:00:00.000Z')").arg(ids[2])));
    auto own = runs.listRuns(RunKind::Train, 0, RunRepository::TrialRuns::Exclude);
    QVERIFY(own.isOk());
    QCOMPARE(own.value().size(), std::size_t(2));
    QCOMPARE(own.value()[0].id, ids[4]);
    QCOMPARE(own.value()[1].id, ids[0]);
    QCOMPARE(runs.listRuns(RunKind::Train, 0, RunRepository::TrialRuns::Include).value().size(), std::size_t(3));
}

void TestRunRepository::deleteRunCascades()
{
    RunRepository runs(*m_store);
    auto id = runs.createRun(RunKind::Train, std::nullopt, QString());
    auto other = runs.createRun(RunKind::Train, std::nullopt, QString());
    QVERIFY(runs.addStepMetrics(id.value(), makeSteps(0, 300)).isOk());
    QVERIFY(runs.addStepMetrics(other.value(), makeSteps(0, 5)).isOk());
    EpochMetrics epoch;
    epoch.loss = 0.3;
    QVERIFY(runs.addEpochMetrics(id.value(), epoch).isOk());
    QVERIFY(runs.deleteRun(id.value()).isOk());
    QVERIFY(!runs.findRun(id.value()).value());
    QCOMPARE(count(*m_store, QStringLiteral("SELECT count(*) FROM step_metrics")), 5);
    QCOMPARE(count(*m_store, QStringLiteral("SELECT count(*) FROM epoch_metrics")), 0);
    QVERIFY(!runs.deleteRun(id.value()).isOk());
}

QTEST_GUILESS_MAIN(TestRunRepository)
#include "tst_runrepository.moc"
