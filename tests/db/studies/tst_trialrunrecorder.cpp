// TrialRunRecorder on SQLite and PostgreSQL (a throw-away cluster; skipped where none can start):
// a training search run by StudyRunner (1 and 2 threads) stores each
// trained trial's training as a 'train' run linked to the trial, with every completed epoch's
// loss, accuracy, val_loss, val_accuracy and lr; a diverged trial keeps its run with status
// 'diverged' and the epochs it finished; recording needs a trial reserved on the calling thread;
// the objective forgets the recorder when it is destroyed.

#include "core/data/CsvReader.h"
#include "core/search/RandomSampler.h"
#include "core/search/SearchSpace.h"
#include "core/search/Study.h"
#include "core/train/TrainingData.h"
#include "core/train/TrainingObjective.h"
#include "core/train/TrainingSession.h"
#include "db/runs/RunRepository.h"
#include "db/studies/SqlTrialStore.h"
#include "db/store/Store.h"
#include "db/studies/StudyRepository.h"
#include "db/studies/StudyRunner.h"
#include "db/studies/TrialRepository.h"
#include "db/studies/TrialRunRecorder.h"
#include "tests/support/TemporaryPostgres.h"

#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <set>

using namespace loupe;

namespace {

// tiny.csv's classifier; the learning rate is either sane (0.05) or diverging (1e5).
const char *const kTemplate = R"({
  "name": "tiny-trials",
  "layers": [
    {"type": "dense", "units": {"choice": [4, 8], "name": "units"}, "activation": "relu"},
    {"type": "dense", "units": 3, "activation": "softmax"}
  ],
  "optimizer": {"type": "sgd", "learning_rate": {"choice": [0.05, 100000], "name": "lr"}},
  "loss": "categorical_crossentropy",
  "batch_size": 8,
  "epochs": 2,
  "seed": 7
})";

Result<TrainingData> tinyData()
{
    auto report = CsvReader().readFile(LOUPE_FIXTURES_DIR "/train/tiny.csv");
    if (!report.isOk())
        return report.status();
    TableEncodingOptions encoding;
    encoding.target = "label";
    return TrainingData::fromTable(report.value().table, encoding, SplitFractions{0.25, 0.0}, 7, "tiny.csv");
}

} // namespace

class TestTrialRunRecorder : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void trainedTrialsAreLinkedWithTheirEpochs_data();
    void trainedTrialsAreLinkedWithTheirEpochs();
    void recordNeedsAReservedTrial();

private:
    // The location of a fresh database for `backend`; an empty string when PostgreSQL is not
    // installed here (see m_postgres.unavailableReason()). A server that is installed but does
    // not start, or a database that cannot be made, is a failure (QVERIFY in the caller).
    QString freshLocation(const QString &backend, const QString &name);

    QTemporaryDir m_dir;
    test::TemporaryPostgres m_postgres;
    bool m_postgresStarted = false;
    SearchSpace m_space;
    TrainingData m_data;
};

void TestTrialRunRecorder::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto space = SearchSpace::fromTemplate(nlohmann::json::parse(kTemplate));
    QVERIFY2(space.isOk(), space.message().c_str());
    m_space = space.takeValue();
    auto data = tinyData();
    QVERIFY2(data.isOk(), data.message().c_str());
    m_data = data.takeValue();
    QVERIFY(m_data.validation.size() > 0);
}

QString TestTrialRunRecorder::freshLocation(const QString &backend, const QString &name)
{
    if (backend == QLatin1String("sqlite"))
        return m_dir.filePath(name + QStringLiteral(".sqlite"));
    if (!m_postgresStarted) {
        if (!m_postgres.unavailableReason().isEmpty())
            return QString();
        if (!m_postgres.start())
            return QStringLiteral("!PostgreSQL did not start: ") + m_postgres.lastOutput();
        m_postgresStarted = true;
    }
    if (const Status created = m_postgres.createDatabase(name); !created.isOk())
        return QStringLiteral("!cannot create database ") + name + QStringLiteral(": ")
             + QString::fromStdString(created.message());
    return m_postgres.url(name);
}

void TestTrialRunRecorder::trainedTrialsAreLinkedWithTheirEpochs_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("jobs");
    QTest::newRow("sqlite, one thread") << QStringLiteral("sqlite") << 1;
    QTest::newRow("sqlite, two threads") << QStringLiteral("sqlite") << 2;
    QTest::newRow("postgresql, two threads") << QStringLiteral("postgresql") << 2;
}

void TestTrialRunRecorder::trainedTrialsAreLinkedWithTheirEpochs()
{
    QFETCH(QString, backend);
    QFETCH(int, jobs);
    const QString location = freshLocation(backend, QStringLiteral("jobs%1").arg(jobs));
    if (location.isEmpty())
        LOUPE_REQUIRE_RESOURCE(m_postgres.unavailableReason());
    QVERIFY2(!location.startsWith(QLatin1Char('!')), qPrintable(location.mid(1)));
    auto store = Store::open(location);
    QVERIFY2(store.isOk(), store.message().c_str());
    StudyRecord wanted;
    wanted.name = QStringLiteral("tiny");
    wanted.spaceJson = QString::fromStdString(m_space.templateJson().dump());
    wanted.sampler = QStringLiteral("random");
    wanted.seed = 11;
    wanted.maxEvals = 8;
    wanted.objectiveJson = QStringLiteral(R"({"objective": "training"})");
    auto study = StudyRepository(*store.value()).createOrOpen(wanted);
    QVERIFY2(study.isOk(), study.message().c_str());

    TrainingObjective objective(m_space, m_data, TrainingLoss::ValidationLoss);
    SqlTrialStore trials(location, study.value().id, m_space, QStringLiteral("test"));
    const RandomSampler sampler(11);
    StudyOptions options;
    options.maxTrials = 8;
    options.jobs = jobs;
    Study core(m_space, sampler, trials, options);
    StudyRunOptions runOptions;
    runOptions.maxTrials = 8;
    runOptions.jobs = jobs;
    StudyRunSummary summary;
    {
        TrialRunRecorder recorder(objective, trials, m_data);
        CancellationToken token;
        summary = StudyRunner(core, trials, runOptions).run(objective, token);
        QVERIFY2(recorder.firstError().isOk(), recorder.firstError().message().c_str());
        QVERIFY(recorder.runOf(0).has_value());
    }
    QVERIFY2(summary.status.isOk(), summary.status.message().c_str());
    QCOMPARE(summary.trialsRun, 8);

    auto rows = TrialRepository(*store.value()).list(study.value().id);
    QVERIFY(rows.isOk());
    QCOMPARE(int(rows.value().size()), 8);
    RunRepository runs(*store.value());
    int complete = 0;
    int diverged = 0;
    std::set<qint64> runIds;
    for (const TrialRecord &trial : rows.value()) {
        QVERIFY2(trial.runId.has_value(), qPrintable(QStringLiteral("trial %1 has no run").arg(trial.number)));
        runIds.insert(*trial.runId);
        auto run = runs.findRun(*trial.runId);
        QVERIFY(run.isOk() && run.value());
        QCOMPARE(run.value()->kind, RunKind::Train);
        QVERIFY(run.value()->configJson.contains(QStringLiteral("tiny-trials")));
        const nlohmann::json summaryJson = nlohmann::json::parse(run.value()->summaryJson.toStdString());
        QCOMPARE(summaryJson["search"]["trial"].get<int>(), trial.number);
        QCOMPARE(summaryJson["search"]["study_id"].get<qint64>(), study.value().id);
        auto epochs = runs.epochMetrics(*trial.runId);
        QVERIFY(epochs.isOk());
        if (trial.state == TrialState::Complete) {
            ++complete;
            QCOMPARE(run.value()->status, RunStatus::Completed);
            QCOMPARE(int(epochs.value().size()), 2);
            for (int e = 0; e < 2; ++e) {
                const EpochMetrics &epoch = epochs.value()[std::size_t(e)];
                QCOMPARE(epoch.epoch, e + 1);
                QVERIFY(epoch.loss && epoch.accuracy && epoch.valLoss && epoch.valAccuracy && epoch.learningRate);
                QCOMPARE(*epoch.learningRate, double(0.05f));
            }
            // The trial's loss is the last epoch's validation loss.
            QCOMPARE(*trial.loss, *epochs.value().back().valLoss);
            // Every step of both epochs is stored, numbered from 1, with the rate it used.
            auto steps = runs.stepMetrics(*trial.runId);
            QVERIFY(steps.isOk());
            const int perEpoch = int((m_data.train.size() + 7) / 8); // batch_size 8
            QCOMPARE(int(steps.value().size()), 2 * perEpoch);
            for (std::size_t i = 0; i < steps.value().size(); ++i) {
                QCOMPARE(steps.value()[i].step, qint64(i + 1));
                QVERIFY(std::isfinite(steps.value()[i].loss));
                QCOMPARE(steps.value()[i].learningRate, double(0.05f));
            }
        } else {
            QCOMPARE(trial.state, TrialState::Fail);
            ++diverged;
            QCOMPARE(run.value()->status, RunStatus::Diverged);
            QVERIFY(!run.value()->error.isEmpty());
            QVERIFY(epochs.value().size() < 2);
            // The steps up to the divergence are kept, for the curve that shows it.
            auto steps = runs.stepMetrics(*trial.runId);
            QVERIFY(steps.isOk());
            QVERIFY(!steps.value().empty());
        }
    }
    QCOMPARE(int(runIds.size()), 8); // one run per trial
    QVERIFY2(complete > 0 && diverged > 0, qPrintable(QStringLiteral("%1 complete, %2 diverged").arg(complete).arg(diverged)));
}

void TestTrialRunRecorder::recordNeedsAReservedTrial()
{
    const QString location = m_dir.filePath(QStringLiteral("unreserved.sqlite"));
    auto store = Store::open(location);
    QVERIFY(store.isOk());
    StudyRecord wanted;
    wanted.name = QStringLiteral("unreserved");
    wanted.spaceJson = QString::fromStdString(m_space.templateJson().dump());
    wanted.sampler = QStringLiteral("random");
    wanted.maxEvals = 1;
    auto study = StudyRepository(*store.value()).createOrOpen(wanted);
    QVERIFY(study.isOk());
    TrainingObjective objective(m_space, m_data, TrainingLoss::ValidationLoss);
    SqlTrialStore trials(location, study.value().id, m_space, QStringLiteral("test"));
    auto spec = TrainingObjective::referenceSpec(m_space);
    QVERIFY(spec.isOk());
    TrainingOutcome outcome;
    {
        TrialRunRecorder recorder(objective, trials, m_data);
        const Result<qint64> recorded = recorder.record(spec.value(), outcome);
        QVERIFY(!recorded.isOk());
        QVERIFY2(recorded.message().find("no trial") != std::string::npos, recorded.message().c_str());
        // Reserved on this thread: recorded and linked; once finished, the trial is no longer current.
        auto reserved = trials.reserve(RandomSampler(1).sample(m_space, {}, 0), 1, BudgetRule::AllTrials);
        QVERIFY(reserved.isOk() && reserved.value());
        const Result<qint64> linked = recorder.record(spec.value(), outcome);
        QVERIFY2(linked.isOk(), linked.message().c_str());
        QCOMPARE(recorder.runOf(*reserved.value()), std::optional<qint64>(linked.value()));
        QVERIFY(trials.finish(*reserved.value(), TrialState::Fail, std::nullopt, "test", 0.0).isOk());
        QVERIFY(!trials.currentTrial().has_value());
        QVERIFY(!recorder.record(spec.value(), outcome).isOk());
        auto rows = TrialRepository(*store.value()).list(study.value().id);
        QVERIFY(rows.isOk());
        QCOMPARE(rows.value().front().runId, std::optional<qint64>(linked.value()));
    }
    // Without a recorder the objective trains and records nothing (no dangling callback).
    auto reserved = trials.reserve(RandomSampler(2).sample(m_space, {}, 1), -1, BudgetRule::AllTrials);
    QVERIFY(reserved.isOk() && reserved.value());
    CancellationToken token;
    (void)objective.evaluate(RandomSampler(2).sample(m_space, {}, 1), token);
    auto runs = RunRepository(*store.value()).listRuns(RunKind::Train);
    QVERIFY(runs.isOk());
    QCOMPARE(int(runs.value().size()), 1);
}

QTEST_GUILESS_MAIN(TestTrialRunRecorder)
#include "tst_trialrunrecorder.moc"
