// End-to-end tests of `loupe-cli train`: the JSON shape and the stored run (spec as config, epoch
// and step metrics, status), human output, Fashion-MNIST (a tiny IDX directory) with
// --save-weights, bad specs (exit 2 with the JSON path), missing --target, divergence (exit 1
// with "diverged at epoch E, step S, loss L") and Ctrl-C (stored as cancelled).

#include "tests/support/CliProcess.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace loupe;

namespace {

using testsupport::CliRun;

QString fixture(const QString &name)
{
    return QStringLiteral(LOUPE_FIXTURES_DIR "/train/") + name;
}

QString chapterSpec()
{
    return QStringLiteral(LOUPE_SOURCE_DIR "/resources/models/chapter-mlp.json");
}

} // namespace

class TestCliTrain : public QObject {
    Q_OBJECT

private:
    QProcessEnvironment environment() const;
    CliRun run(const QStringList &arguments, int timeoutMs = 120000);
    QJsonObject jsonOf(const CliRun &result);
    QString temp(const QString &name) const { return m_dir.filePath(name); }
    QString writeSpec(const QString &name, const QByteArray &json);
    QStringList tinyArguments(const QString &db) const;

    QTemporaryDir m_dir;

private slots:
    void initTestCase();
    void jsonShapeAndStoredRun();
    void textOutputHasEpochLines();
    void fashionMnistWithWeights();
    void badSpecNamesJsonPath_data();
    void badSpecNamesJsonPath();
    void badSpecWithJsonPrintsOneErrorObject();
    void missingTargetIsBadUsage();
    void targetForFashionMnistIsBadUsage();
    void divergenceExitsOne();
    void interruptStoresCancelledRun();
};

QProcessEnvironment TestCliTrain::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LOUPE_DB"), temp(QStringLiteral("default.sqlite")));
    environment.insert(QStringLiteral("LOUPE_FASHION_MNIST_DIR"), fixture(QStringLiteral("fmnist-tiny")));
    environment.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
    return environment;
}

CliRun TestCliTrain::run(const QStringList &arguments, int timeoutMs)
{
    return testsupport::runCli(arguments, environment(), m_dir.path(), timeoutMs);
}

QJsonObject TestCliTrain::jsonOf(const CliRun &result)
{
    return testsupport::cliJson(result);
}

QString TestCliTrain::writeSpec(const QString &name, const QByteArray &json)
{
    QFile file(temp(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size())
        qFatal("cannot write %s", qPrintable(file.fileName()));
    return file.fileName();
}

QStringList TestCliTrain::tinyArguments(const QString &db) const
{
    return {QStringLiteral("train"), fixture(QStringLiteral("tiny-spec.json")), QStringLiteral("--data"),
            fixture(QStringLiteral("tiny.csv")), QStringLiteral("--target"), QStringLiteral("label"),
            QStringLiteral("--db"), temp(db)};
}

void TestCliTrain::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo::exists(QStringLiteral(LOUPE_CLI_PATH)), LOUPE_CLI_PATH);
    QVERIFY(QFileInfo::exists(fixture(QStringLiteral("tiny.csv"))));
}

void TestCliTrain::jsonShapeAndStoredRun()
{
    const CliRun result = run(tinyArguments(QStringLiteral("shape.sqlite")) << QStringLiteral("--json"));
    QCOMPARE(result.exitCode, 0);
    const QJsonObject json = jsonOf(result);
    const QJsonArray epochs = json.value(QStringLiteral("epochs")).toArray();
    QCOMPARE(epochs.size(), 3);
    for (const QJsonValue &value : epochs) {
        const QJsonObject epoch = value.toObject();
        for (const char *key : {"epoch", "loss", "accuracy", "val_loss", "val_accuracy", "lr", "seconds"})
            QVERIFY2(epoch.value(QLatin1String(key)).isDouble(), key);
    }
    QCOMPARE(epochs.at(2).toObject().value(QStringLiteral("epoch")).toInt(), 3);
    QCOMPARE(epochs.at(0).toObject().value(QStringLiteral("lr")).toDouble(), 0.02);
    QVERIFY(json.value(QStringLiteral("test_accuracy")).isDouble());
    QCOMPARE(json.value(QStringLiteral("diverged")).toBool(true), false);
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    const qint64 runId = json.value(QStringLiteral("run_id")).toInteger();
    QVERIFY(runId > 0);

    auto store = Store::open(temp(QStringLiteral("shape.sqlite")));
    QVERIFY2(store.isOk(), store.message().c_str());
    RunRepository runs(*store.value());
    auto record = runs.findRun(runId);
    QVERIFY(record.isOk() && record.value().has_value());
    QCOMPARE(record.value()->kind, RunKind::Train);
    QCOMPARE(record.value()->status, RunStatus::Completed);
    QVERIFY(record.value()->datasetId.has_value()); // the CSV is stored as a dataset
    const QJsonObject config = QJsonDocument::fromJson(record.value()->configJson.toUtf8()).object();
    QCOMPARE(config.value(QStringLiteral("name")).toString(), QStringLiteral("tiny-mlp"));
    const QJsonObject summary = QJsonDocument::fromJson(record.value()->summaryJson.toUtf8()).object();
    QCOMPARE(summary.value(QStringLiteral("test_accuracy")), json.value(QStringLiteral("test_accuracy")));
    auto epochMetrics = runs.epochMetrics(runId);
    QVERIFY(epochMetrics.isOk());
    QCOMPARE(int(epochMetrics.value().size()), 3);
    QCOMPARE(epochMetrics.value().front().epoch, 1);
    QVERIFY(epochMetrics.value().back().valAccuracy.has_value());
    auto steps = runs.stepMetrics(runId);
    QVERIFY(steps.isOk());
    QCOMPARE(int(steps.value().size()), 3 * 6); // 48 training rows in batches of 8
    QCOMPARE(steps.value().front().step, qint64(1));
}

void TestCliTrain::textOutputHasEpochLines()
{
    const CliRun result = run(tinyArguments(QStringLiteral("text.sqlite")) << QStringLiteral("--epochs")
                                                                            << QStringLiteral("2"));
    QCOMPARE(result.exitCode, 0);
    const QString out = QString::fromUtf8(result.out);
    QVERIFY2(out.contains(QStringLiteral("epoch 1/2  loss ")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("epoch 2/2  loss ")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("val_accuracy")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("test accuracy ")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("recorded as run ")), qPrintable(out));
}

void TestCliTrain::fashionMnistWithWeights()
{
    const QString weights = temp(QStringLiteral("chapter.weights"));
    const CliRun result = run({QStringLiteral("train"), chapterSpec(), QStringLiteral("--data"),
                               QStringLiteral("fashion-mnist"), QStringLiteral("--epochs"), QStringLiteral("2"),
                               QStringLiteral("--batch-size"), QStringLiteral("32"), QStringLiteral("--json"),
                               QStringLiteral("--db"), temp(QStringLiteral("fmnist.sqlite")),
                               QStringLiteral("--save-weights"), weights});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject json = jsonOf(result);
    QCOMPARE(json.value(QStringLiteral("epochs")).toArray().size(), 2);
    QVERIFY(json.value(QStringLiteral("test_accuracy")).isDouble());
    const QJsonObject data = json.value(QStringLiteral("data")).toObject();
    QCOMPARE(data.value(QStringLiteral("source")).toString(), QStringLiteral("fashion-mnist"));
    QCOMPARE(data.value(QStringLiteral("train_rows")).toInt(), 108); // 120 minus 10 % validation
    QCOMPARE(data.value(QStringLiteral("test_rows")).toInt(), 30);
    QCOMPARE(json.value(QStringLiteral("classes")).toArray().size(), 10);
    QVERIFY(QFileInfo(weights).size() > 784 * 512 * 4);
}

void TestCliTrain::badSpecNamesJsonPath_data()
{
    QTest::addColumn<QByteArray>("spec");
    QTest::addColumn<QString>("expected");
    QTest::newRow("negative units") << QByteArray(R"({"layers":[{"type":"dense","units":-3,"activation":"relu"},
        {"type":"dense","units":3,"activation":"softmax"}],"loss":"categorical_crossentropy"})") << "layers[0].units";
    QTest::newRow("unknown key") << QByteArray(R"({"layers":[{"type":"dense","units":3,"activation":"softmax"}],
        "loss":"categorical_crossentropy","epochz":3})") << "epochz";
    QTest::newRow("outputs do not match the classes") << QByteArray(R"({"layers":[
        {"type":"dense","units":4,"activation":"relu"},{"type":"dense","units":5,"activation":"softmax"}],
        "loss":"categorical_crossentropy"})")
                                                      << "layers[1].units: the model outputs 5";
    QTest::newRow("not JSON") << QByteArray("{\"layers\": [") << "bad-spec.json";
}

void TestCliTrain::badSpecNamesJsonPath()
{
    QFETCH(QByteArray, spec);
    QFETCH(QString, expected);
    const QString path = writeSpec(QStringLiteral("bad-spec.json"), spec);
    QStringList arguments = tinyArguments(QStringLiteral("bad.sqlite"));
    arguments[1] = path;
    const CliRun result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(expected), result.err.constData());
}

void TestCliTrain::badSpecWithJsonPrintsOneErrorObject()
{
    const QString path = writeSpec(QStringLiteral("bad-units.json"),
                                   R"({"layers":[{"type":"dense","units":0,"activation":"softmax"}],"loss":"mse"})");
    QStringList arguments = tinyArguments(QStringLiteral("bad.sqlite")) << QStringLiteral("--json");
    arguments[1] = path;
    const CliRun result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    const QJsonObject json = jsonOf(result);
    QVERIFY2(json.value(QStringLiteral("error")).toString().contains(QStringLiteral("layers[0].units")),
             result.out.constData());
    QCOMPARE(json.value(QStringLiteral("exit_code")).toInt(), 2);
}

void TestCliTrain::missingTargetIsBadUsage()
{
    const CliRun result = run({QStringLiteral("train"), fixture(QStringLiteral("tiny-spec.json")),
                               QStringLiteral("--data"), fixture(QStringLiteral("tiny.csv")), QStringLiteral("--db"),
                               temp(QStringLiteral("target.sqlite"))});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("--target"), result.err.constData());
    QStringList unknown = tinyArguments(QStringLiteral("target.sqlite"));
    unknown[5] = QStringLiteral("nope");
    const CliRun wrong = run(unknown);
    QCOMPARE(wrong.exitCode, 2);
    QVERIFY2(wrong.err.contains("target column 'nope'"), wrong.err.constData());
}

void TestCliTrain::targetForFashionMnistIsBadUsage()
{
    const CliRun result = run({QStringLiteral("train"), chapterSpec(), QStringLiteral("--data"),
                               QStringLiteral("fashion-mnist"), QStringLiteral("--target"), QStringLiteral("x"),
                               QStringLiteral("--no-workspace")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("--target"), result.err.constData());
}

void TestCliTrain::divergenceExitsOne()
{
    const CliRun result = run(tinyArguments(QStringLiteral("diverge.sqlite"))
                              << QStringLiteral("--learning-rate") << QStringLiteral("1e4") << QStringLiteral("--json"));
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("diverged at epoch 1, step "), result.err.constData());
    QVERIFY2(result.err.contains(", loss "), result.err.constData());
    const QJsonObject json = jsonOf(result);
    QCOMPARE(json.value(QStringLiteral("diverged")).toBool(), true);
    QVERIFY(json.value(QStringLiteral("test_accuracy")).isNull());
    QVERIFY(json.value(QStringLiteral("message")).toString().startsWith(QStringLiteral("diverged at epoch ")));
    auto store = Store::open(temp(QStringLiteral("diverge.sqlite")));
    QVERIFY(store.isOk());
    auto record = RunRepository(*store.value()).findRun(json.value(QStringLiteral("run_id")).toInteger());
    QVERIFY(record.isOk() && record.value().has_value());
    QCOMPARE(record.value()->status, RunStatus::Diverged);
    QVERIFY(record.value()->error.startsWith(QStringLiteral("diverged at epoch ")));
}

void TestCliTrain::interruptStoresCancelledRun()
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(LOUPE_CLI_PATH), tinyArguments(QStringLiteral("interrupt.sqlite"))
                                                      << QStringLiteral("--epochs") << QStringLiteral("1000000"));
    QVERIFY(process.waitForStarted());
    QByteArray out;
    QElapsedTimer clock;
    clock.start();
    while (!out.contains("epoch 1/1000000") && clock.elapsed() < 60000) {
        process.waitForReadyRead(1000);
        out += process.readAllStandardOutput();
    }
    QVERIFY2(out.contains("epoch 1/1000000"), out.constData());
    {
        // While it runs, the stored run already says what it trains on (and would after a kill).
        auto running = Store::open(temp(QStringLiteral("interrupt.sqlite")));
        QVERIFY(running.isOk());
        auto listed = RunRepository(*running.value()).listRuns(RunKind::Train);
        QVERIFY(listed.isOk() && listed.value().size() == 1);
        QCOMPARE(listed.value().front().status, RunStatus::Running);
        const QJsonObject started = QJsonDocument::fromJson(listed.value().front().summaryJson.toUtf8()).object();
        const QString source = started.value(QStringLiteral("data")).toObject().value(QStringLiteral("source")).toString();
        QVERIFY2(source.contains(QStringLiteral("tiny.csv")), qPrintable(listed.value().front().summaryJson));
        QCOMPARE(started.value(QStringLiteral("task")).toString(), QStringLiteral("classification"));
        QVERIFY(started.value(QStringLiteral("scaling")).isObject());
    }
    QCOMPARE(::kill(pid_t(process.processId()), SIGINT), 0);
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 1);
    QVERIFY2(process.readAllStandardError().contains("cancelled"), "no cancellation message");

    auto store = Store::open(temp(QStringLiteral("interrupt.sqlite")));
    QVERIFY(store.isOk());
    auto runs = RunRepository(*store.value()).listRuns(RunKind::Train);
    QVERIFY(runs.isOk());
    QCOMPARE(int(runs.value().size()), 1);
    QCOMPARE(runs.value().front().status, RunStatus::Cancelled);
    QVERIFY(runs.value().front().finishedAt.isValid());
}

QTEST_GUILESS_MAIN(TestCliTrain)
#include "tst_clitrain.moc"
