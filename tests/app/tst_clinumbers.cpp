// Numbers on loupe-cli's command line and in its JSON options that no run can use (issue 13, item 10):
// rates the model spec would refuse (1e308, 9e18), double denormals (1e-320) that the optimizers'
// float turns into 0 or that make a derived rate infinite, NaN and infinity typed as text. Each is
// refused before any work with exit 2, nothing on stdout and a message on stderr that names the
// option ("option --lr0") or, inside JSON, the key ("lr0").
#include "tests/support/CliProcess.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace loupe;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(LOUPE_FIXTURES_DIR "/") + name;
}

// `command` (train, lr-find, snapshot) on the blobs fixture.
QStringList onBlobs(const QString &command)
{
    return {command, fixture(QStringLiteral("lr/blob-spec.json")), QStringLiteral("--data"),
            fixture(QStringLiteral("lr/blobs.csv")), QStringLiteral("--target"), QStringLiteral("label")};
}

} // namespace

class TestCliNumbers : public QObject {
    Q_OBJECT

private slots:
    void refusedWithExitTwo_data();
    void refusedWithExitTwo();
    void refusedWithJsonErrorObject();
    void theCapItselfIsAccepted();

private:
    testsupport::CliRun run(const QStringList &arguments);

    QTemporaryDir m_dir;
};

testsupport::CliRun TestCliNumbers::run(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LOUPE_DB"), m_dir.filePath(QStringLiteral("workspace.sqlite")));
    return testsupport::runCli(arguments, environment, m_dir.path(), 120000);
}

void TestCliNumbers::refusedWithExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    // The issue's reproducers, one row each.
    QTest::newRow("schedule sgdr --lr0 1e308")
        << QStringList{"schedule", "sgdr", "--lr0", "1e308"}
        << "option --lr0: expected a learning rate in [1.17549e-38, 1e+06], got 1e+308";
    QTest::newRow("schedule one-cycle --div-factor 1e-320")
        << QStringList{"schedule", "one-cycle", "--div-factor", "1e-320"}
        << "option --div-factor: the initial rate max_lr / div_factor = inf is not a learning rate in [0, 1e+06]";
    QTest::newRow("train --schedule JSON lr0 1e308")
        << onBlobs("train") + QStringList{"--schedule", R"({"name":"sgdr","lr0":1e308})"}
        << "option --schedule: lr0: expected a learning rate in [1.17549e-38, 1e+06], got 1e+308";
    QTest::newRow("lr-find --start 1e-320 (onepass)")
        << onBlobs("lr-find") + QStringList{"--mode", "onepass", "--start", "1e-320"}
        << "option --start: expected a learning rate in [1.17549e-38, 1e+06], got 9.99989e-321";
    QTest::newRow("train --learning-rate 9e18")
        << onBlobs("train") + QStringList{"--learning-rate", "9e18"}
        << "option --learning-rate: 9e18 is out of range; expected a number from 0 to 1e+06";

    // The same class of gap in the other numeric options.
    QTest::newRow("schedule one-cycle --final-div-factor 1e-320")
        << QStringList{"schedule", "one-cycle", "--final-div-factor", "1e-320"}
        << "option --final-div-factor: the final rate";
    QTest::newRow("schedule one-cycle --max-lr 1e308")
        << QStringList{"schedule", "one-cycle", "--max-lr", "1e308"} << "option --max-lr: expected a learning rate";
    QTest::newRow("schedule cosine --lr0 1e-320") << QStringList{"schedule", "cosine", "--lr0", "1e-320"}
                                                  << "option --lr0: expected a learning rate";
    QTest::newRow("schedule --lr0 nan") << QStringList{"schedule", "constant", "--lr0", "nan"}
                                        << "option --lr0: 'nan' is not a number";
    QTest::newRow("schedule --gamma inf") << QStringList{"schedule", "exponential", "--gamma", "inf"}
                                          << "option --gamma: 'inf' is not a number";
    QTest::newRow("train --schedule JSON one-cycle div_factor 1e-320")
        << onBlobs("train")
               + QStringList{"--schedule", R"({"name":"one-cycle","total_steps":10,"div_factor":1e-320})"}
        << "option --schedule: div_factor: the initial rate";
    QTest::newRow("train --learning-rate nan") << onBlobs("train") + QStringList{"--learning-rate", "nan"}
                                               << "option --learning-rate: 'nan' is not a number";
    QTest::newRow("train --learning-rate -1") << onBlobs("train") + QStringList{"--learning-rate", "-1"}
                                              << "option --learning-rate: -1 is out of range";
    QTest::newRow("lr-find --start 1e-320 (range)")
        << onBlobs("lr-find") + QStringList{"--mode", "range", "--start", "1e-320"}
        << "option --start: expected a learning rate";
    QTest::newRow("lr-find --end 1e308") << onBlobs("lr-find") + QStringList{"--mode", "onepass", "--end", "1e308"}
                                         << "option --end: expected a learning rate";
    QTest::newRow("lr-find last rate above the cap")
        << onBlobs("lr-find") + QStringList{"--mode", "range", "--start", "1", "--factor", "1e308"}
        << "option --steps: the last rate start * factor^(steps - 1) = inf is not a learning rate";
    QTest::newRow("lr-find --factor inf") << onBlobs("lr-find") + QStringList{"--mode", "range", "--factor", "inf"}
                                          << "option --factor: 'inf' is not a number";
    QTest::newRow("snapshot --lr0 1e-320")
        << onBlobs("snapshot") + QStringList{"--cycles", "2", "--epochs", "2", "--lr0", "1e-320"}
        << "option --lr0: 1e-320 is out of range";
    QTest::newRow("scale --range -1e308,1e308")
        << QStringList{"scale", fixture("lr/blobs.csv"), "--method", "minmax", "--range=-1e308,1e308", "-o",
                       "scaled.csv"}
        << "option --range: expected LOW,HIGH, two finite numbers";
    QTest::newRow("scale --range 0,inf") << QStringList{"scale", fixture("lr/blobs.csv"), "--method", "minmax",
                                                        "--range", "0,inf", "-o", "scaled.csv"}
                                         << "option --range: expected LOW,HIGH";
    QTest::newRow("simulate --fraud-rate nan") << QStringList{"simulate", "--rows", "5", "--fraud-rate", "nan", "-o",
                                                              "sim.csv"}
                                               << "option --fraud-rate: 'nan' is not a number";
    QTest::newRow("search --grace 1e308") << QStringList{"search", "--objective", "branin", "--max-evals", "2",
                                                         "--grace", "1e308"}
                                          << "option --grace: 1e308 is out of range";
}

void TestCliNumbers::refusedWithExitTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const testsupport::CliRun result = run(arguments << QStringLiteral("--no-workspace"));
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
    QVERIFY2(result.out.isEmpty(), result.out.constData());
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("scaled.csv"))));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("sim.csv"))));
}

void TestCliNumbers::refusedWithJsonErrorObject()
{
    const testsupport::CliRun result = run({"schedule", "sgdr", "--lr0", "1e308", "--json"});
    QCOMPARE(result.exitCode, 2);
    const QJsonObject error = testsupport::cliJson(result);
    QVERIFY2(error.value("error").toString().startsWith("option --lr0: expected a learning rate"), result.out.constData());
    QCOMPARE(error.value("exit_code").toInt(), 2);
}

void TestCliNumbers::theCapItselfIsAccepted()
{
    // The model spec's largest learning rate is a schedule's largest lr0 too: one limit, not two.
    const testsupport::CliRun result = run({"schedule", "constant", "--lr0", "1e6", "--epochs", "2", "--json"});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject document = testsupport::cliJson(result);
    QCOMPARE(document.value("lr").toArray().at(0).toDouble(), 1e6);
}

QTEST_GUILESS_MAIN(TestCliNumbers)
#include "tst_clinumbers.moc"
