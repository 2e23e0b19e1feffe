// End-to-end tests of `loupe-cli search`: the --json shape on branin (best == the lowest completed
// loss, hyperas-style indices for choices), determinism by seed, --jobs, a template whose trials
// partly diverge (FAIL with the reason, the search goes on) or all diverge (exit 1), bad arguments
// (exit 2), an existing study without --resume, and resume after SIGKILL of the search process
// (no completed trial lost, exactly the budget of counted trials, no half-written training run);
// a training search (search and worker) stores each trial's training as a run with its epochs and
// gives its "run_id".

#include "tests/support/CliProcess.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"
#include "db/studies/StudyRepository.h"
#include "db/studies/TrialRepository.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

using namespace loupe;

namespace {

using testsupport::CliRun;

QString tinyCsv()
{
    return QStringLiteral(LOUPE_FIXTURES_DIR "/train/tiny.csv");
}

// A small classifier template for tiny.csv: `rates` is the JSON list of SGD learning rates to choose
// from; `epochs` sets the time per trial.
QByteArray tinyTemplate(const char *rates, int epochs)
{
    return QStringLiteral(R"({
  "name": "tiny-search",
  "layers": [
    {"type": "dense", "units": {"choice": [4, 8, 16], "name": "units"}, "activation": "relu"},
    {"type": "dropout", "rate": {"uniform": [0, 0.3], "name": "dropout"}},
    {"type": "dense", "units": 3, "activation": "softmax"}
  ],
  "optimizer": {"type": "sgd", "learning_rate": {"choice": %1, "name": "lr"}},
  "loss": "categorical_crossentropy",
  "batch_size": 8,
  "epochs": %2,
  "seed": 7
})").arg(QLatin1String(rates)).arg(epochs).toUtf8();
}

} // namespace

class TestCliSearch : public QObject {
    Q_OBJECT

private:
    QProcessEnvironment environment() const;
    CliRun run(const QStringList &arguments, int timeoutMs = 120000);
    QJsonObject jsonOf(const CliRun &result);
    QString temp(const QString &name) const { return m_dir.filePath(name); }
    QString writeFile(const QString &name, const QByteArray &content);

    QTemporaryDir m_dir;

private slots:
    void braninJsonShape();
    void determinismBySeed_data();
    void determinismBySeed();
    void parallelJobsReachBudget();
    void conditionalBestHasIndices();
    void textOutputHasTrialLines();
    void failingTrialsAreRecorded();
    void trainedTrialsHaveRuns();
    void allTrialsFailingExitsOne();
    void badArguments_data();
    void badArguments();
    void existingStudyNeedsResume();
    void resumeAfterKill();
};

QProcessEnvironment TestCliSearch::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LOUPE_DB"), temp(QStringLiteral("default.sqlite")));
    environment.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
    return environment;
}

CliRun TestCliSearch::run(const QStringList &arguments, int timeoutMs)
{
    return testsupport::runCli(arguments, environment(), m_dir.path(), timeoutMs);
}

QJsonObject TestCliSearch::jsonOf(const CliRun &result)
{
    return testsupport::cliJson(result);
}

QString TestCliSearch::writeFile(const QString &name, const QByteArray &content)
{
    QFile file(temp(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(file.fileName()));
    return file.fileName();
}

void TestCliSearch::braninJsonShape()
{
    QElapsedTimer wall;
    wall.start();
    const CliRun result = run({QStringLiteral("search"), QStringLiteral("--objective"), QStringLiteral("branin"),
                               QStringLiteral("--algo"), QStringLiteral("tpe"), QStringLiteral("--max-evals"),
                               QStringLiteral("30"), QStringLiteral("--seed"), QStringLiteral("3"),
                               QStringLiteral("--storage"), temp(QStringLiteral("shape.sqlite")), QStringLiteral("--json")});
    const double wallMs = static_cast<double>(wall.nsecsElapsed()) * 1e-6;
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject json = jsonOf(result);
    for (const char *key : {"best", "trials", "suggest_ms_mean"})
        QVERIFY2(json.contains(QLatin1String(key)), key);
    const QJsonArray trials = json[QStringLiteral("trials")].toArray();
    QCOMPARE(trials.size(), 30);
    double lowest = std::numeric_limits<double>::infinity();
    int lowestNumber = -1;
    for (int i = 0; i < trials.size(); ++i) {
        const QJsonObject trial = trials[i].toObject();
        QCOMPARE(trial[QStringLiteral("number")].toInt(), i);
        QCOMPARE(trial[QStringLiteral("state")].toString(), QStringLiteral("COMPLETE"));
        for (const char *key : {"params", "loss", "seconds"})
            QVERIFY2(trial.contains(QLatin1String(key)), key);
        QVERIFY(!trial.contains(QStringLiteral("run_id"))); // a test function trains nothing
        const QJsonObject params = trial[QStringLiteral("params")].toObject();
        const double x1 = params[QStringLiteral("x1")].toDouble();
        const double x2 = params[QStringLiteral("x2")].toDouble();
        QVERIFY(x1 >= -5 && x1 <= 10 && x2 >= 0 && x2 <= 15);
        const double loss = trial[QStringLiteral("loss")].toDouble();
        QVERIFY(loss >= 0.397 && loss < 400);
        if (loss < lowest) {
            lowest = loss;
            lowestNumber = i;
        }
    }
    const QJsonObject best = json[QStringLiteral("best")].toObject();
    QCOMPARE(best[QStringLiteral("loss")].toDouble(), lowest);
    QCOMPARE(best[QStringLiteral("number")].toInt(), lowestNumber);
    QVERIFY(best[QStringLiteral("params")].toObject().contains(QStringLiteral("x1")));
    QVERIFY(best[QStringLiteral("indices")].isObject());
    // 30 suggestions and 30 evaluations were timed: some time each, and all of it less than the
    // whole process took as the test saw it.
    const double suggestMs = json[QStringLiteral("suggest_ms_mean")].toDouble();
    double evaluationMs = 0.0;
    for (const QJsonValue trial : trials) {
        const double seconds = trial.toObject()[QStringLiteral("seconds")].toDouble();
        QVERIFY2(seconds > 0.0, qPrintable(QString::number(seconds)));
        evaluationMs += seconds * 1e3;
    }
    QVERIFY2(suggestMs > 0.0 && 30 * suggestMs + evaluationMs <= wallMs,
             qPrintable(QString("suggest %1 ms x 30, evaluations %2 ms, process %3 ms").arg(suggestMs).arg(evaluationMs).arg(wallMs)));
}

void TestCliSearch::determinismBySeed_data()
{
    QTest::addColumn<QString>("algo");
    QTest::newRow("tpe") << QStringLiteral("tpe");
    QTest::newRow("random") << QStringLiteral("random");
    QTest::newRow("tpe-hyperopt") << QStringLiteral("tpe-hyperopt");
}

void TestCliSearch::determinismBySeed()
{
    QFETCH(QString, algo);
    auto trialsOf = [&](const QString &storage, const QString &seed) {
        const CliRun result = run({QStringLiteral("search"), QStringLiteral("--objective"), QStringLiteral("hartmann6"),
                                   QStringLiteral("--algo"), algo, QStringLiteral("--max-evals"), QStringLiteral("25"),
                                   QStringLiteral("--seed"), seed, QStringLiteral("--storage"), temp(storage),
                                   QStringLiteral("--json")});
        if (result.exitCode != 0)
            qWarning() << result.err;
        QJsonArray trials = jsonOf(result)[QStringLiteral("trials")].toArray();
        QJsonArray stripped; // seconds differ from run to run
        for (const QJsonValue &trial : trials) {
            QJsonObject object = trial.toObject();
            object.remove(QStringLiteral("seconds"));
            stripped.append(object);
        }
        return stripped;
    };
    const QJsonArray first = trialsOf(algo + QStringLiteral("-a.sqlite"), QStringLiteral("11"));
    const QJsonArray second = trialsOf(algo + QStringLiteral("-b.sqlite"), QStringLiteral("11"));
    const QJsonArray other = trialsOf(algo + QStringLiteral("-c.sqlite"), QStringLiteral("12"));
    QCOMPARE(first.size(), 25);
    QCOMPARE(first, second);
    QVERIFY(first != other);
}

void TestCliSearch::parallelJobsReachBudget()
{
    const CliRun result = run({QStringLiteral("search"), QStringLiteral("--objective"), QStringLiteral("rosenbrock"),
                               QStringLiteral("--max-evals"), QStringLiteral("40"), QStringLiteral("--jobs"),
                               QStringLiteral("4"), QStringLiteral("--storage"), temp(QStringLiteral("jobs.sqlite")),
                               QStringLiteral("--json")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonArray trials = jsonOf(result)[QStringLiteral("trials")].toArray();
    QCOMPARE(trials.size(), 40);
    for (int i = 0; i < trials.size(); ++i) {
        QCOMPARE(trials[i].toObject()[QStringLiteral("number")].toInt(), i);
        QCOMPARE(trials[i].toObject()[QStringLiteral("state")].toString(), QStringLiteral("COMPLETE"));
    }
}

void TestCliSearch::conditionalBestHasIndices()
{
    const CliRun result = run({QStringLiteral("search"), QStringLiteral("--objective"), QStringLiteral("conditional"),
                               QStringLiteral("--algo"), QStringLiteral("random"), QStringLiteral("--max-evals"),
                               QStringLiteral("20"), QStringLiteral("--storage"), temp(QStringLiteral("cond.sqlite")),
                               QStringLiteral("--json")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject best = jsonOf(result)[QStringLiteral("best")].toObject();
    const QJsonObject indices = best[QStringLiteral("indices")].toObject();
    QVERIFY2(indices.contains(QStringLiteral("kind")), result.out.constData());
    const int kind = indices[QStringLiteral("kind")].toInt();
    QVERIFY(kind == 0 || kind == 1);
    const QJsonObject params = best[QStringLiteral("params")].toObject();
    // Only the chosen branch's parameters are present.
    QCOMPARE(params.contains(QStringLiteral("x")), kind == 0);
    QCOMPARE(params.contains(QStringLiteral("y")), kind == 1);
}

void TestCliSearch::textOutputHasTrialLines()
{
    const CliRun result = run({QStringLiteral("search"), QStringLiteral("--objective"), QStringLiteral("branin"),
                               QStringLiteral("--max-evals"), QStringLiteral("5"), QStringLiteral("--study"),
                               QStringLiteral("text")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QString out = QString::fromUtf8(result.out);
    for (int i = 0; i < 5; ++i)
        QVERIFY2(out.contains(QStringLiteral("trial %1 ").arg(i, 4)), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("best loss")), qPrintable(out));
    // Without --storage the workspace holds the study.
    auto store = Store::open(temp(QStringLiteral("default.sqlite")));
    QVERIFY(store.isOk());
    auto study = StudyRepository(*store.value()).find(QStringLiteral("text"));
    QVERIFY(study.isOk() && study.value());
    QCOMPARE(TrialRepository(*store.value()).counts(study.value()->id).value().complete, 5);
}

void TestCliSearch::failingTrialsAreRecorded()
{
    const QString space = writeFile(QStringLiteral("mixed.json"), tinyTemplate("[0.05, 100000]", 2));
    const CliRun result = run({QStringLiteral("search"), space, QStringLiteral("--data"), tinyCsv(),
                               QStringLiteral("--target"), QStringLiteral("label"), QStringLiteral("--algo"),
                               QStringLiteral("random"), QStringLiteral("--max-evals"), QStringLiteral("8"),
                               QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--storage"),
                               temp(QStringLiteral("mixed.sqlite")), QStringLiteral("--json")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject json = jsonOf(result);
    const QJsonArray trials = json[QStringLiteral("trials")].toArray();
    QCOMPARE(trials.size(), 8);
    int failed = 0;
    int complete = 0;
    for (const QJsonValue &value : trials) {
        const QJsonObject trial = value.toObject();
        const double lr = trial[QStringLiteral("params")].toObject()[QStringLiteral("lr")].toDouble();
        if (lr > 1.0) {
            QCOMPARE(trial[QStringLiteral("state")].toString(), QStringLiteral("FAIL"));
            QVERIFY2(trial[QStringLiteral("error")].toString().contains(QStringLiteral("diverged")),
                     qPrintable(trial[QStringLiteral("error")].toString()));
            QVERIFY(trial[QStringLiteral("loss")].isNull());
            ++failed;
        } else {
            QCOMPARE(trial[QStringLiteral("state")].toString(), QStringLiteral("COMPLETE"));
            ++complete;
        }
    }
    QVERIFY2(failed > 0 && complete > 0, result.out.constData());
    const QJsonObject best = json[QStringLiteral("best")].toObject();
    QCOMPARE(best[QStringLiteral("params")].toObject()[QStringLiteral("lr")].toDouble(), 0.05);
    QCOMPARE(best[QStringLiteral("indices")].toObject()[QStringLiteral("lr")].toInt(), 0);
}

void TestCliSearch::trainedTrialsHaveRuns()
{
    const QString space = writeFile(QStringLiteral("runs.json"), tinyTemplate("[0.05, 0.1]", 2));
    const QString storage = temp(QStringLiteral("runs.sqlite"));
    const QStringList data{QStringLiteral("--data"), tinyCsv(), QStringLiteral("--target"), QStringLiteral("label")};
    const CliRun result = run(QStringList{QStringLiteral("search"), space} + data
                              + QStringList{QStringLiteral("--max-evals"), QStringLiteral("3"), QStringLiteral("--jobs"),
                                            QStringLiteral("2"), QStringLiteral("--study"), QStringLiteral("runs"),
                                            QStringLiteral("--storage"), QStringLiteral("sqlite://") + storage,
                                            QStringLiteral("--json")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonArray trials = jsonOf(result)[QStringLiteral("trials")].toArray();
    QCOMPARE(trials.size(), 3);
    auto store = Store::open(storage);
    QVERIFY(store.isOk());
    RunRepository runs(*store.value());
    std::set<qint64> runIds;
    for (const QJsonValue &value : trials) {
        const QJsonObject trial = value.toObject();
        for (const char *key : {"number", "state", "params", "loss", "seconds", "run_id"})
            QVERIFY2(trial.contains(QLatin1String(key)), key);
        const qint64 runId = trial[QStringLiteral("run_id")].toInteger();
        runIds.insert(runId);
        auto run = runs.findRun(runId);
        QVERIFY(run.isOk() && run.value());
        QCOMPARE(run.value()->kind, RunKind::Train);
        auto epochs = runs.epochMetrics(runId);
        QVERIFY(epochs.isOk());
        QCOMPARE(int(epochs.value().size()), 2);
        QVERIFY(epochs.value().back().valLoss.has_value());
        QCOMPARE(trial[QStringLiteral("loss")].toDouble(), *epochs.value().back().valLoss);
    }
    QCOMPARE(int(runIds.size()), 3);

    // A worker on a stored training study records its trials' runs the same way.
    const CliRun created = run(QStringList{QStringLiteral("search"), space} + data
                               + QStringList{QStringLiteral("--max-evals"), QStringLiteral("2"), QStringLiteral("--study"),
                                             QStringLiteral("by-worker"), QStringLiteral("--storage"), storage,
                                             QStringLiteral("--create-only")});
    QVERIFY2(created.exitCode == 0, created.err.constData());
    const CliRun worker = run({QStringLiteral("worker"), QStringLiteral("--storage"), storage, QStringLiteral("--study"),
                               QStringLiteral("by-worker"), QStringLiteral("--json")});
    QVERIFY2(worker.exitCode == 0, worker.err.constData());
    auto study = StudyRepository(*store.value()).find(QStringLiteral("by-worker"));
    QVERIFY(study.isOk() && study.value());
    auto rows = TrialRepository(*store.value()).list(study.value()->id);
    QVERIFY(rows.isOk());
    QCOMPARE(int(rows.value().size()), 2);
    for (const TrialRecord &trial : rows.value()) {
        QVERIFY(trial.runId.has_value());
        QCOMPARE(int(runs.epochMetrics(*trial.runId).value().size()), 2);
    }
}

void TestCliSearch::allTrialsFailingExitsOne()
{
    const QString space = writeFile(QStringLiteral("bad.json"), tinyTemplate("[50000, 100000]", 2));
    const CliRun result = run({QStringLiteral("search"), space, QStringLiteral("--data"), tinyCsv(),
                               QStringLiteral("--target"), QStringLiteral("label"), QStringLiteral("--max-evals"),
                               QStringLiteral("3"), QStringLiteral("--storage"), temp(QStringLiteral("bad.sqlite")),
                               QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 1);
    const QJsonObject json = jsonOf(result);
    QVERIFY(json[QStringLiteral("best")].isNull());
    const QJsonArray trials = json[QStringLiteral("trials")].toArray();
    QCOMPARE(trials.size(), 3);
    for (const QJsonValue &trial : trials)
        QCOMPARE(trial.toObject()[QStringLiteral("state")].toString(), QStringLiteral("FAIL"));
}

void TestCliSearch::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString space = QStringLiteral(LOUPE_SOURCE_DIR "/resources/searches/chapter-hyperas.json");
    QTest::newRow("nothing to search") << QStringList{QStringLiteral("--max-evals"), QStringLiteral("5")}
                                       << QStringLiteral("either a SPACE.json");
    QTest::newRow("both") << QStringList{space, QStringLiteral("--objective"), QStringLiteral("branin"),
                                         QStringLiteral("--max-evals"), QStringLiteral("5")}
                          << QStringLiteral("either a SPACE.json");
    QTest::newRow("unknown objective") << QStringList{QStringLiteral("--objective"), QStringLiteral("sphere"),
                                                      QStringLiteral("--max-evals"), QStringLiteral("5")}
                                       << QStringLiteral("--objective");
    QTest::newRow("unknown algo") << QStringList{QStringLiteral("--objective"), QStringLiteral("branin"),
                                                 QStringLiteral("--algo"), QStringLiteral("anneal"),
                                                 QStringLiteral("--max-evals"), QStringLiteral("5")}
                                  << QStringLiteral("--algo");
    QTest::newRow("no budget") << QStringList{QStringLiteral("--objective"), QStringLiteral("branin")}
                               << QStringLiteral("--max-evals");
    QTest::newRow("zero budget") << QStringList{QStringLiteral("--objective"), QStringLiteral("branin"),
                                                QStringLiteral("--max-evals"), QStringLiteral("0")}
                                 << QStringLiteral("--max-evals");
    QTest::newRow("zero jobs") << QStringList{QStringLiteral("--objective"), QStringLiteral("branin"),
                                              QStringLiteral("--max-evals"), QStringLiteral("5"),
                                              QStringLiteral("--jobs"), QStringLiteral("0")}
                               << QStringLiteral("--jobs");
    QTest::newRow("resume without study") << QStringList{QStringLiteral("--objective"), QStringLiteral("branin"),
                                                         QStringLiteral("--resume")}
                                          << QStringLiteral("--study");
    QTest::newRow("data with objective") << QStringList{QStringLiteral("--objective"), QStringLiteral("branin"),
                                                        QStringLiteral("--max-evals"), QStringLiteral("5"),
                                                        QStringLiteral("--data"), QStringLiteral("fashion-mnist")}
                                         << QStringLiteral("--data");
    QTest::newRow("space without data") << QStringList{space, QStringLiteral("--max-evals"), QStringLiteral("5")}
                                        << QStringLiteral("--data");
    QTest::newRow("bad loss") << QStringList{space, QStringLiteral("--data"), QStringLiteral("fashion-mnist"),
                                             QStringLiteral("--loss"), QStringLiteral("accuracy"),
                                             QStringLiteral("--max-evals"), QStringLiteral("5")}
                              << QStringLiteral("--loss");
    QTest::newRow("missing space file") << QStringList{QStringLiteral("nope.json"), QStringLiteral("--data"),
                                                       QStringLiteral("fashion-mnist"), QStringLiteral("--max-evals"),
                                                       QStringLiteral("5")}
                                        << QStringLiteral("nope.json");
    QTest::newRow("memory storage") << QStringList{QStringLiteral("--objective"), QStringLiteral("branin"),
                                                   QStringLiteral("--max-evals"), QStringLiteral("5"),
                                                   QStringLiteral("--storage"), QStringLiteral(":memory:")}
                                    << QStringLiteral("--storage");
    QTest::newRow("resume unknown study") << QStringList{QStringLiteral("--objective"), QStringLiteral("branin"),
                                                         QStringLiteral("--resume"), QStringLiteral("--study"),
                                                         QStringLiteral("never-made")}
                                          << QStringLiteral("never-made");
}

void TestCliSearch::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun result = run(QStringList{QStringLiteral("search")} + arguments + QStringList{QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 2);
    const QJsonObject json = jsonOf(result);
    QVERIFY2(json[QStringLiteral("error")].toString().contains(message), result.out.constData());
    QCOMPARE(json[QStringLiteral("exit_code")].toInt(), 2);
}

void TestCliSearch::existingStudyNeedsResume()
{
    const QStringList arguments{QStringLiteral("search"), QStringLiteral("--objective"), QStringLiteral("branin"),
                                QStringLiteral("--max-evals"), QStringLiteral("4"), QStringLiteral("--storage"),
                                temp(QStringLiteral("again.sqlite")), QStringLiteral("--study"), QStringLiteral("s")};
    QCOMPARE(run(arguments).exitCode, 0);
    const CliRun again = run(arguments);
    QCOMPARE(again.exitCode, 2);
    QVERIFY2(again.err.contains("--resume"), again.err.constData());
    // Another objective under the same name is refused even with --resume.
    QStringList other = arguments;
    other[2] = QStringLiteral("rosenbrock");
    const CliRun mismatch = run(other + QStringList{QStringLiteral("--resume")});
    QCOMPARE(mismatch.exitCode, 2);
    QVERIFY2(mismatch.err.contains("different"), mismatch.err.constData());
    // --resume with a larger budget continues the numbering.
    QStringList larger = arguments;
    larger[4] = QStringLiteral("6");
    const CliRun resumed = run(larger + QStringList{QStringLiteral("--resume"), QStringLiteral("--json")});
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    const QJsonObject json = jsonOf(resumed);
    QCOMPARE(json[QStringLiteral("trials")].toArray().size(), 6);
    QCOMPARE(json[QStringLiteral("trials_run")].toInt(), 2);
}

void TestCliSearch::resumeAfterKill()
{
    constexpr int budget = 60;
    const QString storage = temp(QStringLiteral("killed.sqlite"));
    const QString space = writeFile(QStringLiteral("slow.json"), tinyTemplate("[0.01, 0.05, 0.1]", 40));
    const QStringList common{QStringLiteral("search"), space, QStringLiteral("--data"), tinyCsv(),
                             QStringLiteral("--target"), QStringLiteral("label"), QStringLiteral("--max-evals"),
                             QString::number(budget), QStringLiteral("--storage"), storage, QStringLiteral("--study"),
                             QStringLiteral("k"), QStringLiteral("--grace"), QStringLiteral("1")};
    QProcess process;
    process.setProcessEnvironment(environment());
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral(LOUPE_CLI_PATH), common);
    QVERIFY(process.waitForStarted());
    // Kill after a few trials have been reported (text mode prints a line per finished trial).
    QByteArray seen;
    while (seen.count("\ntrial ") < 5 && process.state() == QProcess::Running) {
        process.waitForReadyRead(200);
        seen += process.readAllStandardOutput();
    }
    QVERIFY2(process.state() == QProcess::Running, "the search ended before it could be killed");
    process.kill(); // SIGKILL
    QVERIFY(process.waitForFinished());

    std::map<int, std::pair<double, QString>> completedBefore;
    {
        auto store = Store::open(storage);
        QVERIFY(store.isOk());
        auto study = StudyRepository(*store.value()).find(QStringLiteral("k"));
        QVERIFY(study.isOk() && study.value());
        const auto trials = TrialRepository(*store.value()).list(study.value()->id).value();
        for (const TrialRecord &trial : trials) {
            if (trial.state == TrialState::Complete)
                completedBefore[trial.number] = {*trial.loss, trial.paramsJson};
        }
        QVERIFY(completedBefore.size() >= 5);
        QVERIFY(int(trials.size()) < budget);
        // No half-written training run: every stored run is finished, linked to one trial, and
        // holds all the epochs its summary counts (a completed trial: all 40).
        std::map<qint64, const TrialRecord *> trialOfRun;
        for (const TrialRecord &trial : trials) {
            if (trial.runId)
                QVERIFY(trialOfRun.emplace(*trial.runId, &trial).second);
            if (trial.state == TrialState::Complete)
                QVERIFY2(trial.runId.has_value(), qPrintable(QStringLiteral("trial %1").arg(trial.number)));
        }
        RunRepository runs(*store.value());
        const auto stored = runs.listRuns(RunKind::Train).value();
        QVERIFY(stored.size() >= completedBefore.size());
        for (const RunRecord &run : stored) {
            QVERIFY(run.status != RunStatus::Running);
            QVERIFY2(trialOfRun.count(run.id) == 1, qPrintable(QStringLiteral("run %1 is not linked").arg(run.id)));
            const QJsonObject summary = QJsonDocument::fromJson(run.summaryJson.toUtf8()).object();
            const int epochs = int(runs.epochMetrics(run.id).value().size());
            QCOMPARE(epochs, summary[QStringLiteral("epochs_completed")].toInt());
            if (trialOfRun[run.id]->state == TrialState::Complete)
                QCOMPARE(epochs, 40);
        }
    }

    const CliRun resumed = run(common + QStringList{QStringLiteral("--resume"), QStringLiteral("--json")});
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    auto store = Store::open(storage);
    QVERIFY(store.isOk());
    const qint64 studyId = StudyRepository(*store.value()).find(QStringLiteral("k")).value()->id;
    TrialRepository repository(*store.value());
    const TrialCounts counts = repository.counts(studyId).value();
    QCOMPARE(counts.running, 0);
    QCOMPARE(counts.counted(), budget);
    const auto trials = repository.list(studyId).value();
    std::set<int> numbers;
    for (const TrialRecord &trial : trials) {
        numbers.insert(trial.number);
        if (trial.abandoned) {
            QCOMPARE(trial.state, TrialState::Fail);
            QVERIFY2(trial.error.startsWith(QStringLiteral("worker lost (no heartbeat since ")), qPrintable(trial.error));
        }
    }
    QCOMPARE(numbers.size(), trials.size());
    for (const auto &[number, before] : completedBefore) {
        const auto after = std::find_if(trials.begin(), trials.end(),
                                        [number = number](const TrialRecord &trial) { return trial.number == number; });
        QVERIFY(after != trials.end());
        QCOMPARE(after->state, TrialState::Complete);
        QCOMPARE(*after->loss, before.first);
        QCOMPARE(after->paramsJson, before.second);
    }
    QCOMPARE(jsonOf(resumed)[QStringLiteral("trials")].toArray().size(), int(trials.size()));
}

QTEST_GUILESS_MAIN(TestCliSearch)
#include "tst_clisearch.moc"
