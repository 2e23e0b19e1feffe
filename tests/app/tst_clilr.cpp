// End-to-end tests of the learning-rate commands of loupe-cli: schedule, lr-find, snapshot. Their
// JSON shapes and values, what they store in the workspace, and every kind of bad argument (exit 2
// with a message naming the option). The binary runs with LOUPE_DB in a temporary directory.
#include "tests/support/CliProcess.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"

#include <QElapsedTimer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace loupe;

namespace {

using testsupport::CliRun;

QString fixture(const QString &name)
{
    return QStringLiteral(LOUPE_FIXTURES_DIR "/lr/") + name;
}

// The blobs fixture as lr-find / snapshot data arguments.
QStringList blobData()
{
    return {fixture(QStringLiteral("blob-spec.json")), QStringLiteral("--data"), fixture(QStringLiteral("blobs.csv")),
            QStringLiteral("--target"), QStringLiteral("label")};
}

} // namespace

class TestCliLr : public QObject {
    Q_OBJECT

private:
    CliRun run(const QStringList &arguments, int timeoutMs = 300000);
    QJsonObject runJson(const QStringList &arguments, int expectedExit = 0);
    QString temp(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;

private slots:
    void initTestCase();

    void scheduleJsonIsTheChapterCosine();
    void scheduleKinds_data();
    void scheduleKinds();
    void scheduleText();
    void badArguments_data();
    void badArguments();
    void badArgumentsWithJsonPrintOneErrorObject();

    void rangeTestJsonAndWorkspace();
    void onePassJson();
    void lrFindWithoutWorkspace();
    void lrFindAllDivergedExitsOne();
    void lrFindText();

    void snapshotJsonAndWorkspace();
    void lrVerifyJsonAndWorkspace();
    void lrVerifyText();
};

CliRun TestCliLr::run(const QStringList &arguments, int timeoutMs)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LOUPE_DB"), temp(QStringLiteral("default-workspace.sqlite")));
    return testsupport::runCli(arguments, environment, m_dir.path(), timeoutMs);
}

QJsonObject TestCliLr::runJson(const QStringList &arguments, int expectedExit)
{
    const CliRun result = run(arguments + QStringList{QStringLiteral("--json")});
    if (result.exitCode != expectedExit)
        qWarning().noquote() << "exit" << result.exitCode << "expected" << expectedExit << result.err;
    const QJsonObject document = testsupport::cliJson(result);
    return result.exitCode == expectedExit ? document : QJsonObject();
}

void TestCliLr::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo::exists(QStringLiteral(LOUPE_CLI_PATH)), LOUPE_CLI_PATH);
    QVERIFY(QFileInfo::exists(fixture(QStringLiteral("blobs.csv"))));
}

void TestCliLr::scheduleJsonIsTheChapterCosine()
{
    const QJsonObject document = runJson({"schedule", "cosine", "--lr0", "0.01", "--length", "5"});
    QCOMPARE(document.value("name").toString(), QStringLiteral("cosine"));
    const QJsonObject params = document.value("params").toObject();
    QCOMPARE(params.value("lr0").toDouble(), 0.01);
    QCOMPARE(params.value("length").toInt(), 5);
    QCOMPARE(params.value("per").toString(), QStringLiteral("epoch"));
    const QJsonArray lr = document.value("lr").toArray();
    QCOMPARE(lr.size(), 10); // 10 epochs by default
    // 0.005 (cos(pi t/5) + 1), t clamped to 4.
    const double expected[10] = {0.01, 0.00904508497187, 0.00654508497187, 0.00345491502813, 0.000954915028125,
                                 0.000954915028125, 0.000954915028125, 0.000954915028125, 0.000954915028125,
                                 0.000954915028125};
    for (int t = 0; t < 10; ++t)
        QVERIFY2(std::fabs(lr[t].toDouble() - expected[t]) < 1e-12, qPrintable(QString::number(t)));
}

void TestCliLr::scheduleKinds_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("t");
    QTest::addColumn<double>("expected");
    QTest::newRow("sgdr restart at 2") << QStringList{"sgdr", "--lr0", "0.1", "--t0", "2", "--t-mult", "2",
                                                      "--eta-min", "0.01", "--epochs", "8"}
                                       << 8 << 3 << 0.0868198051534;
    QTest::newRow("step") << QStringList{"step", "--lr0", "0.1", "--step-size", "3", "--gamma", "0.5"} << 10 << 6
                          << 0.025;
    QTest::newRow("exponential per step") << QStringList{"exponential", "--lr0", "0.1", "--gamma", "0.9", "--steps",
                                                         "20"}
                                          << 20 << 2 << 0.081;
    QTest::newRow("one-cycle peak") << QStringList{"one-cycle", "--max-lr", "0.1", "--steps", "100"} << 100 << 29
                                    << 0.1;
    QTest::newRow("one-cycle end") << QStringList{"one-cycle", "--max-lr", "0.1", "--steps", "100"} << 100 << 99
                                   << 4e-7;
    QTest::newRow("three-phase linear") << QStringList{"one-cycle", "--max-lr", "0.1", "--steps", "100",
                                                       "--three-phase", "--anneal", "linear"}
                                        << 100 << 58 << 0.004;
    QTest::newRow("warm-up") << QStringList{"constant", "--lr0", "0.1", "--warmup", "4"} << 10 << 1 << 0.04;
    QTest::newRow("cosine-cyclic restarts") << QStringList{"cosine-cyclic", "--length", "5"} << 10 << 5 << 0.01;
}

void TestCliLr::scheduleKinds()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, count);
    QFETCH(int, t);
    QFETCH(double, expected);
    const QJsonArray lr = runJson(QStringList{"schedule"} + arguments).value("lr").toArray();
    QCOMPARE(lr.size(), count);
    QVERIFY2(std::fabs(lr[t].toDouble() - expected) < 1e-9 * std::max(1.0, expected),
             qPrintable(QString::number(lr[t].toDouble(), 'g', 15)));
}

void TestCliLr::scheduleText()
{
    const CliRun result = run({"schedule", "step", "--steps", "4", "--step-size", "2"});
    QCOMPARE(result.exitCode, 0);
    const QString text = QString::fromUtf8(result.out);
    QVERIFY2(text.contains("schedule step (lr0=0.01, step_size=2, gamma=0.1, warmup=0), per step"), result.out);
    QVERIFY(text.contains(QRegularExpression("step\\s+lr")));
    QVERIFY(text.contains(QRegularExpression("\\n3\\s+0\\.001\\n")));
}

void TestCliLr::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown schedule") << QStringList{"schedule", "cyclic"} << "unknown schedule 'cyclic'";
    QTest::newRow("option of another schedule") << QStringList{"schedule", "cosine", "--t0", "3"}
                                                << "option --t0 does not apply to the cosine schedule";
    QTest::newRow("lr0 negative") << QStringList{"schedule", "cosine", "--lr0", "-1"} << "option --lr0: expected";
    QTest::newRow("length not a number") << QStringList{"schedule", "cosine", "--length", "abc"} << "--length";
    QTest::newRow("length zero") << QStringList{"schedule", "cosine-cyclic", "--length", "0"} << "option --length:";
    QTest::newRow("t-mult zero") << QStringList{"schedule", "sgdr", "--t-mult", "0"} << "option --t-mult:";
    QTest::newRow("eta-min above lr0") << QStringList{"schedule", "sgdr", "--lr0", "0.1", "--eta-min", "0.5"}
                                       << "option --eta-min:";
    QTest::newRow("gamma above 1") << QStringList{"schedule", "exponential", "--gamma", "1.5"} << "option --gamma:";
    QTest::newRow("step-size zero") << QStringList{"schedule", "step", "--step-size", "0"} << "option --step-size:";
    QTest::newRow("max-lr zero") << QStringList{"schedule", "one-cycle", "--max-lr", "0"} << "option --max-lr:";
    QTest::newRow("pct-start 1") << QStringList{"schedule", "one-cycle", "--pct-start", "1"} << "option --pct-start:";
    QTest::newRow("anneal shape") << QStringList{"schedule", "one-cycle", "--anneal", "cosine"} << "option --anneal:";
    QTest::newRow("one-cycle of one step") << QStringList{"schedule", "one-cycle", "--steps", "1"}
                                           << "option --steps: one-cycle needs at least 2";
    QTest::newRow("warmup negative") << QStringList{"schedule", "constant", "--warmup", "-2"} << "option --warmup:";
    QTest::newRow("epochs and steps") << QStringList{"schedule", "cosine", "--epochs", "3", "--steps", "3"}
                                      << "--epochs and --steps exclude each other";
    QTest::newRow("epochs zero") << QStringList{"schedule", "cosine", "--epochs", "0"} << "--epochs";
    QTest::newRow("schedule without NAME") << QStringList{"schedule"} << "NAME";

    const QStringList data = blobData();
    QTest::newRow("lr-find without --mode") << QStringList{"lr-find"} + data << "--mode";
    QTest::newRow("lr-find bad mode") << QStringList{"lr-find"} + data + QStringList{"--mode", "sideways"}
                                      << "option --mode: 'sideways' is not one of range, onepass";
    QTest::newRow("lr-find --factor with onepass") << QStringList{"lr-find"} + data
                                                          + QStringList{"--mode", "onepass", "--factor", "3"}
                                                   << "option --factor does not apply to --mode onepass";
    QTest::newRow("lr-find --end with range") << QStringList{"lr-find"} + data
                                                     + QStringList{"--mode", "range", "--end", "3"}
                                              << "option --end does not apply to --mode range";
    QTest::newRow("lr-find --epochs with onepass") << QStringList{"lr-find"} + data
                                                          + QStringList{"--mode", "onepass", "--epochs", "2"}
                                                   << "option --epochs does not apply to --mode onepass";
    QTest::newRow("lr-find fraction 0") << QStringList{"lr-find"} + data
                                               + QStringList{"--mode", "range", "--fraction", "0"}
                                        << "option --fraction:";
    QTest::newRow("lr-find factor 1") << QStringList{"lr-find"} + data + QStringList{"--mode", "range", "--factor", "1"}
                                      << "option --factor:";
    QTest::newRow("lr-find range of 1 step") << QStringList{"lr-find"} + data
                                                    + QStringList{"--mode", "range", "--steps", "1"}
                                             << "option --steps:";
    QTest::newRow("lr-find onepass of 3 steps") << QStringList{"lr-find"} + data
                                                       + QStringList{"--mode", "onepass", "--steps", "3"}
                                                << "option --steps:";
    QTest::newRow("lr-find start above end") << QStringList{"lr-find"} + data
                                                    + QStringList{"--mode", "onepass", "--start", "100"}
                                             << "option --end:";
    QTest::newRow("lr-find start zero") << QStringList{"lr-find"} + data + QStringList{"--mode", "range", "--start", "0"}
                                        << "option --start:";
    QTest::newRow("lr-verify without rates") << QStringList{"lr-verify"} + data << "give either --rates or --around";
    QTest::newRow("lr-verify rates and around") << QStringList{"lr-verify"} + data
                                                       + QStringList{"--rates", "0.1", "--around", "0.1"}
                                                << "give either --rates or --around";
    QTest::newRow("lr-verify bad rate item") << QStringList{"lr-verify"} + data + QStringList{"--rates", "0.1,abc"}
                                             << "option --rates: 'abc' is not a number";
    QTest::newRow("lr-verify zero rate") << QStringList{"lr-verify"} + data + QStringList{"--rates", "0.1,0"}
                                         << "option --rates: expected each";
    QTest::newRow("lr-verify negative around") << QStringList{"lr-verify"} + data + QStringList{"--around", "-1"}
                                               << "option --around, rates: expected each";
    QTest::newRow("lr-verify factor with rates") << QStringList{"lr-verify"} + data
                                                        + QStringList{"--rates", "0.1", "--factor", "2"}
                                                 << "option --factor applies to --around, not to --rates";
    QTest::newRow("lr-verify factor 1") << QStringList{"lr-verify"} + data + QStringList{"--around", "0.1", "--factor", "1"}
                                        << "option --factor: expected a finite number > 1";
    QTest::newRow("lr-verify each 6") << QStringList{"lr-verify"} + data + QStringList{"--around", "0.1", "--each", "6"}
                                      << "--each";
    QTest::newRow("lr-verify bad seed") << QStringList{"lr-verify"} + data + QStringList{"--rates", "0.1", "--seeds", "1,-2"}
                                        << "option --seeds: '-2' is not a seed";
    QTest::newRow("lr-verify seed and seeds") << QStringList{"lr-verify"} + data
                                                     + QStringList{"--rates", "0.1", "--seeds", "1", "--seed", "2"}
                                              << "options --seed and --seeds contradict each other";
    QTest::newRow("lr-find without --data") << QStringList{"lr-find", fixture("blob-spec.json"), "--mode", "range"}
                                            << "--data";
    QTest::newRow("lr-find missing spec") << QStringList{"lr-find", "no-such-spec.json", "--data",
                                                         fixture("blobs.csv"), "--target", "label", "--mode", "range"}
                                          << "no-such-spec.json";
    QTest::newRow("lr-find missing target column") << QStringList{"lr-find", fixture("blob-spec.json"), "--data",
                                                                  fixture("blobs.csv"), "--target", "nope", "--mode",
                                                                  "range"}
                                                   << "nope";
    QTest::newRow("snapshot without --cycles") << QStringList{"snapshot"} + data + QStringList{"--epochs", "4"}
                                               << "--cycles";
    QTest::newRow("snapshot cycles 0") << QStringList{"snapshot"} + data + QStringList{"--cycles", "0", "--epochs", "4"}
                                       << "--cycles";
    QTest::newRow("snapshot more cycles than steps")
        << QStringList{"snapshot"} + data + QStringList{"--cycles", "500", "--epochs", "1"}
        << "option --cycles: 500 cycles need at least as many training steps";
    QTest::newRow("snapshot lr0 0") << QStringList{"snapshot"} + data
                                           + QStringList{"--cycles", "2", "--epochs", "2", "--lr0", "0"}
                                    << "--lr0";
}

void TestCliLr::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun result = run(arguments << QStringLiteral("--no-workspace"));
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
    QVERIFY2(result.out.isEmpty(), result.out.constData());
}

void TestCliLr::badArgumentsWithJsonPrintOneErrorObject()
{
    const CliRun result = run({"schedule", "sgdr", "--t-mult", "0", "--json"});
    QCOMPARE(result.exitCode, 2);
    const QJsonObject error = QJsonDocument::fromJson(result.out).object();
    QVERIFY2(error.value("error").toString().startsWith("option --t-mult:"), result.out.constData());
    QCOMPARE(error.value("exit_code").toInt(), 2);
}

void TestCliLr::rangeTestJsonAndWorkspace()
{
    const QString workspace = temp(QStringLiteral("range.sqlite"));
    QElapsedTimer wall;
    wall.start();
    const QJsonObject document
        = runJson(QStringList{"lr-find"} + blobData()
                  + QStringList{"--mode", "range", "--start", "1e-4", "--factor", "4", "--steps", "7", "--db", workspace});
    const double wallSeconds = static_cast<double>(wall.nsecsElapsed()) * 1e-9;
    QCOMPARE(document.value("mode").toString(), QStringLiteral("range"));
    const QJsonArray points = document.value("points").toArray();
    QCOMPARE(points.size(), 7);
    for (int i = 0; i < 7; ++i) {
        const QJsonObject point = points[i].toObject();
        QVERIFY(std::fabs(point.value("lr").toDouble() / (1e-4 * std::pow(4.0, i)) - 1.0) < 1e-12);
        QVERIFY(point.value("loss").isDouble());
        QCOMPARE(point.value("diverged").toBool(), false);
    }
    const QJsonObject suggestions = document.value("suggestions").toObject();
    QCOMPARE(suggestions.value("method").toString(), QStringLiteral("lowest-loss"));
    QVERIFY(suggestions.value("recommended").isDouble());
    QCOMPARE(suggestions.value("minimum").toDouble(), suggestions.value("loss_minimum_lr").toDouble() / 10);
    QVERIFY(suggestions.value("steep").isDouble());
    QVERIFY(suggestions.value("valley").isNull());
    // Seven training steps were timed: some time, less than the whole process took.
    const double seconds = document.value("seconds").toDouble();
    QVERIFY2(seconds > 0.0 && seconds <= wallSeconds, qPrintable(QString("%1 s of %2 s").arg(seconds).arg(wallSeconds)));
    QCOMPARE(document.value("status").toString(), QStringLiteral("completed"));
    const qint64 runId = document.value("run_id").toInteger();
    QVERIFY(runId > 0);

    auto store = Store::open(workspace);
    QVERIFY2(store.isOk(), store.message().c_str());
    RunRepository runs(*store.value());
    const auto record = runs.findRun(runId);
    QVERIFY(record.isOk() && record.value().has_value());
    QCOMPARE(record.value()->kind, RunKind::LrFind);
    QCOMPARE(record.value()->status, RunStatus::Completed);
    QCOMPARE(record.value()->seconds, std::optional<double>(seconds)); // the stored run is the reported one
    QVERIFY(record.value()->datasetId.has_value());
    QVERIFY(record.value()->configJson.contains("\"mode\":\"range\""));
    const auto steps = runs.stepMetrics(runId);
    QVERIFY(steps.isOk());
    QCOMPARE(steps.value().size(), std::size_t(7));
    QCOMPARE(steps.value()[0].step, qint64(1));
    QCOMPARE(steps.value()[6].learningRate, points[6].toObject().value("lr").toDouble());
    QCOMPARE(steps.value()[3].loss, points[3].toObject().value("loss").toDouble());

    // Same seed, same curve.
    const QJsonObject again
        = runJson(QStringList{"lr-find"} + blobData()
                  + QStringList{"--mode", "range", "--start", "1e-4", "--factor", "4", "--steps", "7", "--db", workspace});
    QCOMPARE(again.value("points"), document.value("points"));
    QCOMPARE(again.value("run_id").toInteger(), runId + 1);
}

void TestCliLr::onePassJson()
{
    const QJsonObject document
        = runJson(QStringList{"lr-find"} + blobData()
                  + QStringList{"--mode", "onepass", "--start", "1e-5", "--end", "1e3", "--steps", "60"});
    QCOMPARE(document.value("mode").toString(), QStringLiteral("onepass"));
    const QJsonArray points = document.value("points").toArray();
    QVERIFY(points.size() > 10 && points.size() <= 60);
    QCOMPARE(points[0].toObject().value("lr").toDouble(), 1e-5);
    for (int i = 1; i < points.size(); ++i) {
        QVERIFY(points[i].toObject().value("lr").toDouble() > points[i - 1].toObject().value("lr").toDouble());
        QVERIFY(points[i].toObject().contains("raw_loss"));
    }
    const QJsonObject suggestions = document.value("suggestions").toObject();
    QCOMPARE(suggestions.value("method").toString(), QStringLiteral("minimum"));
    QCOMPARE(suggestions.value("recommended"), suggestions.value("minimum"));
    QVERIFY(suggestions.value("steep").isDouble() && suggestions.value("minimum").isDouble());
    QVERIFY(document.value("run_id").toInteger() > 0);
}

void TestCliLr::lrFindWithoutWorkspace()
{
    const QString workspace = temp(QStringLiteral("never.sqlite"));
    const QJsonObject document
        = runJson(QStringList{"lr-find"} + blobData()
                  + QStringList{"--mode", "range", "--steps", "3", "--start", "0.01", "--no-workspace", "--db", workspace});
    QCOMPARE(document.value("points").toArray().size(), 3);
    QVERIFY(document.value("run_id").isNull());
    QVERIFY(!QFileInfo::exists(workspace));
}

void TestCliLr::lrFindAllDivergedExitsOne()
{
    // Plain SGD at 1e4 and above blows every run up: nothing to recommend.
    const QJsonObject document
        = runJson(QStringList{"lr-find"} + blobData()
                      + QStringList{"--mode", "range", "--start", "1e4", "--factor", "10", "--steps", "3"},
                  1);
    const QJsonArray points = document.value("points").toArray();
    QCOMPARE(points.size(), 3);
    for (const QJsonValue &point : points) {
        QVERIFY(point.toObject().value("diverged").toBool());
        QVERIFY(point.toObject().value("loss").isNull());
    }
    QVERIFY(document.value("suggestions").toObject().value("recommended").isNull());
}

void TestCliLr::lrFindText()
{
    const CliRun result = run(QStringList{"lr-find"} + blobData()
                              + QStringList{"--mode", "range", "--steps", "4", "--start", "0.001", "--factor", "10"});
    QCOMPARE(result.exitCode, 0);
    const QString text = QString::fromUtf8(result.out);
    QVERIFY2(text.contains("lr-find (range) blob-mlp on blobs.csv"), result.out);
    QVERIFY(text.contains("recommended learning rate"));
    QVERIFY(text.contains("recorded as run"));
}

void TestCliLr::snapshotJsonAndWorkspace()
{
    const QString workspace = temp(QStringLiteral("snapshot.sqlite"));
    const QJsonObject document = runJson(QStringList{"snapshot"} + blobData()
                                         + QStringList{"--cycles", "3", "--epochs", "6", "--lr0", "0.5", "--db",
                                                       workspace});
    const QJsonArray snapshots = document.value("snapshots").toArray();
    QCOMPARE(snapshots.size(), 3);
    const qint64 cycle = document.value("cycle_length").toInteger();
    QCOMPARE(document.value("iterations").toInteger(), 3 * cycle);
    for (int i = 0; i < 3; ++i) {
        const QJsonObject snapshot = snapshots[i].toObject();
        QCOMPARE(snapshot.value("index").toInt(), i + 1);
        QCOMPARE(snapshot.value("iteration").toInteger(), cycle * (i + 1));
        QVERIFY(snapshot.value("complete_cycle").toBool());
        QVERIFY(snapshot.value("val_accuracy").toDouble() > 0.4);
        QVERIFY(snapshot.value("test_accuracy").isDouble());
    }
    const QJsonObject ensemble = document.value("ensemble").toObject();
    QVERIFY(ensemble.value("size").toInt() >= 1 && ensemble.value("size").toInt() <= 3);
    QCOMPARE(ensemble.value("candidates").toArray().size(), 3);
    QVERIFY(ensemble.value("test_accuracy").toDouble() > 0.4);
    QVERIFY(document.value("single_model").toObject().value("test_accuracy").isDouble());
    QCOMPARE(document.value("lr0").toDouble(), 0.5);
    QCOMPARE(document.value("status").toString(), QStringLiteral("completed"));

    auto store = Store::open(workspace);
    QVERIFY(store.isOk());
    RunRepository runs(*store.value());
    const auto record = runs.findRun(document.value("run_id").toInteger());
    QVERIFY(record.isOk() && record.value().has_value());
    QCOMPARE(record.value()->kind, RunKind::Snapshot);
    QCOMPARE(record.value()->status, RunStatus::Completed);
    const auto epochs = runs.epochMetrics(record.value()->id);
    QVERIFY(epochs.isOk());
    QCOMPARE(epochs.value().size(), std::size_t(3));
    QCOMPARE(*epochs.value()[1].valAccuracy, snapshots[1].toObject().value("val_accuracy").toDouble());
}

void TestCliLr::lrVerifyJsonAndWorkspace()
{
    const QString workspace = temp(QStringLiteral("verify.sqlite"));
    const QJsonObject document = runJson(QStringList{"lr-verify"} + blobData()
                                         + QStringList{"--around", "0.1", "--seeds", "1,2", "--db", workspace});
    QCOMPARE(document.value("mode").toString(), QStringLiteral("verify"));
    QCOMPARE(document.value("measured_on").toString(), QStringLiteral("test"));
    const QJsonArray runs = document.value("runs").toArray();
    QCOMPARE(runs.size(), 6); // 0.1/3, 0.1, 0.3 x seeds 1, 2
    QVERIFY(std::fabs(runs[0].toObject().value("lr").toDouble() - 0.1 / 3) < 1e-12);
    QCOMPARE(runs[1].toObject().value("seed").toInt(), 2);
    for (const QJsonValue &run : runs) {
        const QJsonObject object = run.toObject();
        QVERIFY(object.value("accuracy").isDouble());
        QVERIFY(object.value("balanced_accuracy").isDouble());
        QVERIFY(object.value("average_precision").isNull()); // three classes
    }
    const QJsonArray rates = document.value("rates").toArray();
    QCOMPARE(rates.size(), 3);
    QCOMPARE(rates[1].toObject().value("runs").toInt(), 2);
    QCOMPARE(document.value("status").toString(), QStringLiteral("completed"));
    const qint64 runId = document.value("run_id").toInteger();
    QVERIFY(runId > 0);

    auto store = Store::open(workspace);
    QVERIFY2(store.isOk(), store.message().c_str());
    const auto record = RunRepository(*store.value()).findRun(runId);
    QVERIFY(record.isOk() && record.value().has_value());
    QCOMPARE(record.value()->kind, RunKind::LrFind);
    QCOMPARE(record.value()->status, RunStatus::Completed);
    QVERIFY(record.value()->configJson.contains("\"mode\":\"verify\""));
    QVERIFY(record.value()->summaryJson.contains("\"balanced_accuracy\""));
}

void TestCliLr::lrVerifyText()
{
    const CliRun result = run(QStringList{"lr-verify"} + blobData()
                              + QStringList{"--rates", "0.01,0.1", "--no-workspace"});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains("2 rates x 1 seeds"), result.out.constData());
    QVERIFY2(result.out.contains("balanced"), result.out.constData());
    QVERIFY2(result.out.contains("measured on the test rows"), result.out.constData());
}

QTEST_GUILESS_MAIN(TestCliLr)
#include "tst_clilr.moc"
