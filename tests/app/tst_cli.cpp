// End-to-end tests of the loupe-cli binary: every command's happy path, every kind of bad argument
// (exit 2 with a message naming the option and the value), bad files, determinism and the demo tour.
// The binary runs with LOUPE_DB pointing into a temporary directory, so no test touches the user's workspace.

#include "app/cli/DemoSuite.h"
#include "tests/support/CliProcess.h"

#include <QElapsedTimer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using loupe::testsupport::CliRun;

QString fixture(const QString &name)
{
    return QStringLiteral(LOUPE_FIXTURES_DIR "/cli/") + name;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private:
    CliRun run(const QStringList &arguments, int timeoutMs = 120000);
    QJsonObject runJsonObject(const QStringList &arguments);
    QString temp(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;

private slots:
    void initTestCase();

    void version();
    void help_data();
    void help();
    void badArguments_data();
    void badArguments();
    void badArgumentsWithJsonPrintOneErrorObject();
    void badCsvNamesLineAndColumn_data();
    void badCsvNamesLineAndColumn();

    void loadJsonShape();
    void loadText();
    void loadOptions_data();
    void loadOptions();
    void loadRecordsDatasetAndRuns();
    void loadWithoutWorkspace();

    void headTypedJson();
    void headNoInferGivesRawStrings();
    void headText();

    void simulateIsDeterministic();
    void simulateWithDefects();
    void demoWritesItsFiles();
    void demoSuiteMatchesTheShippedFile();
};

CliRun TestCli::run(const QStringList &arguments, int timeoutMs)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LOUPE_DB"), temp(QStringLiteral("default-workspace.sqlite")));
    return loupe::testsupport::runCli(arguments, environment, m_dir.path(), timeoutMs);
}

QJsonObject TestCli::runJsonObject(const QStringList &arguments)
{
    const CliRun result = run(arguments);
    if (result.exitCode != 0)
        qWarning().noquote() << "exit" << result.exitCode << result.err;
    return loupe::testsupport::cliJson(result);
}

void TestCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo::exists(QStringLiteral(LOUPE_CLI_PATH)), LOUPE_CLI_PATH);
    QVERIFY(QFileInfo::exists(fixture(QStringLiteral("typed.csv"))));
}

void TestCli::version()
{
    const CliRun result = run({QStringLiteral("--version")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.startsWith("loupe-cli "), result.out.constData());
}

void TestCli::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("global --help") << QStringList{"--help"} << "Commands:";
    QTest::newRow("help command") << QStringList{"help"} << "simulate";
    QTest::newRow("load --help") << QStringList{"load", "--help"} << "--skip-bad-rows";
    QTest::newRow("help simulate") << QStringList{"help", "simulate"} << "--fraud-rate";
    QTest::newRow("head -h despite a bad option") << QStringList{"head", "--bogus", "-h"} << "--no-infer";
    QTest::newRow("demo --help lists the steps") << QStringList{"demo", "--help"} << "summarise";
    QTest::newRow("demo --help lists the debugging steps") << QStringList{"demo", "--help"} << "sufficiency";
}

void TestCli::help()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const CliRun result = run(arguments);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(QString::fromUtf8(result.out).contains(expected), result.out.constData());
}

void TestCli::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expected"); // every piece must appear in stderr

    const QString typed = fixture(QStringLiteral("typed.csv"));
    const QString out = temp(QStringLiteral("bad-args.csv"));
    const QString missing = temp(QStringLiteral("no/such/dir/out.csv"));
    auto row = [](const char *name, QStringList arguments, QStringList expected) {
        QTest::newRow(name) << arguments << expected;
    };
    row("no command", {}, {"missing COMMAND"});
    row("unknown command", {"frobnicate"}, {"unknown command 'frobnicate'", "load, head, simulate, demo"});
    row("unknown global option", {"--frob", "load", typed}, {"unknown option '--frob'"});
    row("help for unknown command", {"help", "nope"}, {"unknown command 'nope'"});

    row("load: unknown option", {"load", typed, "--frob"}, {"unknown option '--frob'", "loupe-cli load --help"});
    row("load: no FILE", {"load"}, {"missing argument FILE"});
    row("load: two files", {"load", typed, typed}, {"unexpected argument"});
    row("load: missing file", {"load", temp("nope.csv")}, {temp("nope.csv"), "no such file"});
    row("load: a directory", {"load", m_dir.path()}, {m_dir.path(), "is a directory"});
    row("load: --delimiter without value", {"load", typed, "--delimiter"}, {"option --delimiter needs a value"});
    row("load: --delimiter followed by option", {"load", typed, "--delimiter", "--skip-bad-rows"},
        {"option --delimiter needs a value"});
    row("load: two-character delimiter", {"load", typed, "--delimiter", "ab"}, {"option --delimiter", "'ab'"});
    row("load: quote as delimiter", {"load", typed, "--delimiter", "\""}, {"option --delimiter", "'\"'"});
    row("load: --type without =", {"load", typed, "--type", "amount"}, {"option --type", "'amount'", "COLUMN=TYPE"});
    row("load: unknown type", {"load", typed, "--type", "amount=money"}, {"option --type", "'money'", "float64"});
    row("load: --type of absent column", {"load", typed, "--type", "nope=int64"},
        {"typed.csv", "'nope'", "not in the header"});
    row("load: flag given a value", {"load", typed, "--skip-bad-rows=yes"}, {"--skip-bad-rows takes no value"});
    row("load: negative categorical levels", {"load", typed, "--categorical-levels", "-1"},
        {"option --categorical-levels: -1 is out of range"});
    row("load: empty --db", {"load", typed, "--db", ""}, {"option --db", "empty"});

    row("head: -n 0", {"head", typed, "-n", "0"}, {"option -n: 0 is out of range", "an integer from 1"});
    row("head: -n abc", {"head", typed, "-n", "abc"}, {"option -n: 'abc' is not an integer"});
    row("head: --rows -5", {"head", typed, "--rows", "-5"}, {"option --rows: -5 is out of range"});
    row("head: -n 2.5", {"head", typed, "-n", "2.5"}, {"option -n: '2.5' is not an integer"});
    row("head: -n twice", {"head", typed, "-n", "2", "-n", "3"}, {"option -n was given more than once"});
    row("head: -n without value", {"head", typed, "-n"}, {"option -n needs a value (N)"});
    row("head: missing file", {"head", temp("gone.csv")}, {temp("gone.csv"), "no such file"});

    row("simulate: no --rows", {"simulate", "-o", out}, {"option --rows N is required"});
    row("simulate: no output", {"simulate", "--rows", "10"}, {"option --output FILE is required"});
    row("simulate: --rows -5", {"simulate", "--rows", "-5", "-o", out},
        {"option --rows: -5 is out of range", "an integer from 1 to 50000000"});
    row("simulate: --rows abc", {"simulate", "--rows", "abc", "-o", out}, {"option --rows: 'abc' is not an integer"});
    row("simulate: --rows 1e3", {"simulate", "--rows", "1e3", "-o", out}, {"option --rows: '1e3' is not an integer"});
    row("simulate: --rows=", {"simulate", "--rows=", "-o", out}, {"option --rows: '' is not an integer"});
    row("simulate: --rows too large", {"simulate", "--rows", "99999999999999999999", "-o", out},
        {"option --rows: '99999999999999999999' is not an integer"});
    row("simulate: --fraud-rate 1.5", {"simulate", "--rows", "10", "--fraud-rate", "1.5", "-o", out},
        {"option --fraud-rate: 1.5 is out of range", "a number from 0 to 1"});
    row("simulate: --fraud-rate nan", {"simulate", "--rows", "10", "--fraud-rate", "nan", "-o", out},
        {"option --fraud-rate: 'nan' is not a number"});
    row("simulate: --seed -1", {"simulate", "--rows", "10", "--seed", "-1", "-o", out},
        {"option --seed: -1 is out of range"});
    row("simulate: unknown defect", {"simulate", "--rows", "10", "--defects", "birth-dates,gremlins", "-o", out},
        {"option --defects", "'gremlins' is not a defect", "valid names:", "birth-dates", "pii-text"});
    row("simulate: empty defect list", {"simulate", "--rows", "10", "--defects", "", "-o", out},
        {"option --defects: '' is not a defect"});
    row("simulate: output directory missing", {"simulate", "--rows", "10", "-o", missing},
        {missing, "does not exist"});
    row("simulate: output is a directory", {"simulate", "--rows", "10", "-o", m_dir.path()}, {"is a directory"});

    row("demo: --rows 0", {"demo", "--out", temp("demo-bad"), "--rows", "0"}, {"option --rows: 0 is out of range"});
    row("demo: --out is a file", {"demo", "--out", typed}, {typed, "not a directory"});
}

void TestCli::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);
    const CliRun result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    const QString err = QString::fromUtf8(result.err);
    for (const QString &piece : expected)
        QVERIFY2(err.contains(piece), qPrintable(QStringLiteral("'%1' not in: %2").arg(piece, err)));
    if (!arguments.isEmpty() && arguments.first() != QLatin1String("help"))
        QVERIFY2(result.out.isEmpty(), result.out.constData()); // text mode: errors go to stderr only
    QVERIFY(!QFileInfo::exists(temp(QStringLiteral("bad-args.csv"))));
}

void TestCli::badArgumentsWithJsonPrintOneErrorObject()
{
    const CliRun result = run({QStringLiteral("simulate"), QStringLiteral("--rows"), QStringLiteral("abc"),
                               QStringLiteral("-o"), temp(QStringLiteral("x.csv")), QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains("'abc' is not an integer"));
    const QJsonObject error = QJsonDocument::fromJson(result.out).object();
    QVERIFY2(error.value(QStringLiteral("error")).toString().contains(QStringLiteral("--rows")), result.out.constData());
    QCOMPARE(error.value(QStringLiteral("exit_code")).toInt(), 2);
}

void TestCli::badCsvNamesLineAndColumn_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("location"); // FILE:LINE:COL
    QTest::newRow("ragged row") << QStringList{"load", fixture("ragged.csv")} << "ragged.csv:3:4:";
    QTest::newRow("unterminated quote") << QStringList{"load", fixture("bad_quote.csv")} << "bad_quote.csv:3:2:";
    QTest::newRow("forced type that does not fit")
        << QStringList{"load", fixture("typed.csv"), "--type", "name=int64"} << "typed.csv:2:2:";
    QTest::newRow("head reads the bad line too") << QStringList{"head", fixture("ragged.csv")} << "ragged.csv:3:4:";
}

void TestCli::badCsvNamesLineAndColumn()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, location);
    const CliRun result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(location), result.err.constData());
}

void TestCli::loadJsonShape()
{
    QElapsedTimer wall;
    wall.start();
    const QJsonObject load = runJsonObject({QStringLiteral("load"), fixture(QStringLiteral("typed.csv")), QStringLiteral("--json")});
    const double wallSeconds = static_cast<double>(wall.nsecsElapsed()) * 1e-9;
    QCOMPARE(load.value(QStringLiteral("rows")).toInt(), 5);
    QVERIFY(load.value(QStringLiteral("seconds")).isDouble());
    // The parse and the recording were timed: some time each, and together less than the whole
    // process took as the test saw it.
    const double seconds = load.value(QStringLiteral("seconds")).toDouble();
    const double recordSeconds = load.value(QStringLiteral("record_seconds")).toDouble();
    QVERIFY(load.value(QStringLiteral("record_seconds")).isDouble());
    QVERIFY2(seconds > 0.0 && recordSeconds > 0.0 && seconds + recordSeconds <= wallSeconds,
             qPrintable(QString("parse %1 s, record %2 s, process %3 s").arg(seconds).arg(recordSeconds).arg(wallSeconds)));
    const QJsonArray columns = load.value(QStringLiteral("columns")).toArray();
    const QStringList names{"id", "name", "amount", "active", "when", "code"};
    const QStringList types{"int64", "string", "float64", "bool", "datetime", "int64"};
    const QList<int> missing{0, 1, 1, 0, 1, 0};
    QCOMPARE(columns.size(), names.size());
    for (int i = 0; i < columns.size(); ++i) {
        const QJsonObject column = columns[i].toObject();
        QCOMPARE(column.value(QStringLiteral("name")).toString(), names[i]);
        QCOMPARE(column.value(QStringLiteral("type")).toString(), types[i]);
        QCOMPARE(column.value(QStringLiteral("missing")).toInt(), missing[i]);
    }
    QCOMPARE(load.value(QStringLiteral("delimiter")).toString(), QStringLiteral(","));
    QCOMPARE(load.value(QStringLiteral("skipped_rows")).toInt(), 0);
}

void TestCli::loadText()
{
    const CliRun result = run({QStringLiteral("load"), fixture(QStringLiteral("typed.csv"))});
    QCOMPARE(result.exitCode, 0);
    const QString out = QString::fromUtf8(result.out);
    QVERIFY2(out.contains(QStringLiteral("5 rows, 6 columns")), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("datetime")));
    QVERIFY(out.contains(QStringLiteral("recorded as dataset")));
}

void TestCli::loadOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("skipped");
    QTest::newRow("sniffed semicolon") << QStringList{"load", fixture("semicolon.csv")} << 3 << "capital" << "bool" << 0;
    QTest::newRow("given semicolon") << QStringList{"load", fixture("semicolon.csv"), "--delimiter", ";"} << 3
                                     << "population" << "int64" << 0;
    QTest::newRow("type override") << QStringList{"load", fixture("typed.csv"), "--type", "id=float64", "--type",
                                                  "code=string"}
                                   << 5 << "code" << "string" << 0;
    QTest::newRow("skip bad rows") << QStringList{"load", fixture("ragged.csv"), "--skip-bad-rows"} << 2 << "c"
                                   << "int64" << 1;
    QTest::newRow("categorical levels") << QStringList{"load", fixture("semicolon.csv"), "--categorical-levels=5"} << 3
                                        << "population" << "int64" << 0;
}

void TestCli::loadOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, rows);
    QFETCH(QString, column);
    QFETCH(QString, type);
    QFETCH(int, skipped);
    const QJsonObject load = runJsonObject(arguments << QStringLiteral("--json") << QStringLiteral("--no-workspace"));
    QCOMPARE(load.value(QStringLiteral("rows")).toInt(), rows);
    QCOMPARE(load.value(QStringLiteral("skipped_rows")).toInt(), skipped);
    QString found;
    for (const QJsonValue &value : load.value(QStringLiteral("columns")).toArray())
        if (value.toObject().value(QStringLiteral("name")).toString() == column)
            found = value.toObject().value(QStringLiteral("type")).toString();
    QCOMPARE(found, type);
}

void TestCli::loadRecordsDatasetAndRuns()
{
    const QString workspace = temp(QStringLiteral("records.sqlite"));
    const QStringList arguments{"load", fixture("typed.csv"), "--json", "--db", workspace};
    const QJsonObject first = runJsonObject(arguments).value(QStringLiteral("workspace")).toObject();
    const QJsonObject second = runJsonObject(arguments).value(QStringLiteral("workspace")).toObject();
    QVERIFY(QFileInfo::exists(workspace));
    QCOMPARE(first.value(QStringLiteral("location")).toString(), workspace);
    QVERIFY(first.value(QStringLiteral("run_id")).toInteger() > 0);
    QCOMPARE(second.value(QStringLiteral("dataset_id")), first.value(QStringLiteral("dataset_id")));
    QCOMPARE(second.value(QStringLiteral("run_id")).toInteger(), first.value(QStringLiteral("run_id")).toInteger() + 1);
}

void TestCli::loadWithoutWorkspace()
{
    const QString workspace = temp(QStringLiteral("never.sqlite"));
    const QJsonObject load = runJsonObject({"load", fixture("typed.csv"), "--json", "--no-workspace", "--db", workspace});
    QVERIFY(load.value(QStringLiteral("workspace")).isNull());
    QCOMPARE(load.value(QStringLiteral("rows")).toInt(), 5);
    QVERIFY(!QFileInfo::exists(workspace));
}

void TestCli::headTypedJson()
{
    const CliRun result = run({"head", fixture("typed.csv"), "-n", "3", "--json"});
    QCOMPARE(result.exitCode, 0);
    const QJsonArray rows = QJsonDocument::fromJson(result.out).array();
    QCOMPARE(rows.size(), 3);
    const QJsonObject first = rows[0].toObject();
    QCOMPARE(first.value(QStringLiteral("id")).toInteger(), 1);
    QCOMPARE(first.value(QStringLiteral("amount")).toDouble(), 12.5);
    QCOMPARE(first.value(QStringLiteral("active")).toBool(), true);
    QCOMPARE(first.value(QStringLiteral("when")).toString(), QStringLiteral("2024-01-15"));
    const QJsonObject second = rows[1].toObject();
    QCOMPARE(second.value(QStringLiteral("name")).toString(), QStringLiteral("Bob, Jr."));
    QVERIFY(second.value(QStringLiteral("amount")).isNull());
    QCOMPARE(second.value(QStringLiteral("active")).toBool(true), false);
    QCOMPARE(second.value(QStringLiteral("when")).toString(), QStringLiteral("2024-02-01T10:30:00"));
    QCOMPARE(first.keys().size(), 6);

    const QJsonArray all = QJsonDocument::fromJson(run({"head", fixture("typed.csv"), "--json"}).out).array();
    QCOMPARE(all.size(), 5); // the default of 10 rows on a 5-row file
}

void TestCli::headNoInferGivesRawStrings()
{
    const CliRun result = run({"head", fixture("typed.csv"), "--no-infer", "--json", "-n", "5"});
    QCOMPARE(result.exitCode, 0);
    const QJsonArray rows = QJsonDocument::fromJson(result.out).array();
    QCOMPARE(rows.size(), 5);
    for (const QJsonValue &row : rows)
        for (const QJsonValue &value : row.toObject())
            QVERIFY2(value.isString(), result.out.constData());
    QCOMPARE(rows[0].toObject().value(QStringLiteral("code")).toString(), QStringLiteral("007"));
    QCOMPARE(rows[4].toObject().value(QStringLiteral("amount")).toString(), QStringLiteral("1e3"));
    QCOMPARE(rows[1].toObject().value(QStringLiteral("amount")).toString(), QString()); // empty field: ""
    QCOMPARE(rows[1].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Bob, Jr."));
}

void TestCli::headText()
{
    const CliRun result = run({"head", fixture("semicolon.csv"), "-n", "2"});
    QCOMPARE(result.exitCode, 0);
    const QStringList lines = QString::fromUtf8(result.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5); // names, types, separator, 2 rows
    QVERIFY(lines[0].startsWith(QStringLiteral("city")));
    QVERIFY(lines[3].startsWith(QStringLiteral("Paris")));
    QVERIFY(!result.out.contains("Nice"));
}

void TestCli::simulateIsDeterministic()
{
    auto simulate = [this](const QString &seed, const QString &file) {
        const CliRun result = run({"simulate", "--rows", "2000", "--seed", seed, "--fraud-rate", "0.05", "-o", temp(file)});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("wrote 2000 rows"), result.out.constData());
    };
    simulate(QStringLiteral("7"), QStringLiteral("a.csv"));
    simulate(QStringLiteral("7"), QStringLiteral("b.csv"));
    simulate(QStringLiteral("8"), QStringLiteral("c.csv"));
    const QByteArray a = fileBytes(temp(QStringLiteral("a.csv")));
    QCOMPARE(a.count('\n'), 2001);
    QCOMPARE(QCryptographicHash::hash(fileBytes(temp(QStringLiteral("b.csv"))), QCryptographicHash::Sha256),
             QCryptographicHash::hash(a, QCryptographicHash::Sha256));
    QVERIFY(fileBytes(temp(QStringLiteral("c.csv"))) != a);
}

void TestCli::simulateWithDefects()
{
    const QString path = temp(QStringLiteral("defects.csv"));
    const QJsonObject simulated = runJsonObject({"simulate", "--rows", "500", "--defects", "pii-text, birth-dates",
                                                 "--defect-rate", "0.1", "-o", path, "--json"});
    QCOMPARE(simulated.value(QStringLiteral("rows")).toInt(), 500);
    QCOMPARE(simulated.value(QStringLiteral("path")).toString(), path);
    QCOMPARE(simulated.value(QStringLiteral("defects")).toArray().size(), 2);
    const QJsonObject loaded = runJsonObject({"load", path, "--json", "--no-workspace"});
    QCOMPARE(loaded.value(QStringLiteral("rows")).toInt(), 500);
}

void TestCli::demoWritesItsFiles()
{
    const QString out = temp(QStringLiteral("demo"));
    const CliRun result = run({"demo", "--out", out});
    QCOMPARE(result.exitCode, 0);
    const QString text = QString::fromUtf8(result.out);
    QVERIFY2(text.contains(QStringLiteral("[5/9] record")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("[9/9] search: best loss")), qPrintable(text));
    for (const char *name : {"transactions.csv", "summary.json", "summary.txt", "workspace.sqlite", "suite.json",
                             "check-report.txt", "check-report.json", "check-report.html", "pii.json",
                             "sufficiency.json", "search.json"}) {
        const QString path = QDir(out).filePath(QLatin1String(name));
        QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path));
        QVERIFY2(text.contains(path), qPrintable(path));
    }
    const QJsonObject summary = QJsonDocument::fromJson(fileBytes(QDir(out).filePath(QStringLiteral("summary.json")))).object();
    QCOMPARE(summary.value(QStringLiteral("rows")).toInt(), 100000);
    const QJsonArray columns = summary.value(QStringLiteral("columns")).toArray();
    QVERIFY(columns.size() >= 10);
    for (const QJsonValue &column : columns) {
        const QJsonObject stats = column.toObject();
        QVERIFY(stats.contains(QStringLiteral("missing")) && stats.contains(QStringLiteral("distinct")));
        QVERIFY2(stats.contains(QStringLiteral("mean")) || stats.contains(QStringLiteral("top_values")),
                 qPrintable(stats.value(QStringLiteral("name")).toString()));
    }
    QVERIFY(fileBytes(QDir(out).filePath(QStringLiteral("summary.txt"))).contains("amount"));

    // The planted defects fail their data tests; the tests on clean columns pass.
    const QJsonObject checks = QJsonDocument::fromJson(fileBytes(QDir(out).filePath(QStringLiteral("check-report.json")))).object();
    QHash<QString, QString> status;
    for (const QJsonValue &test : checks.value(QStringLiteral("tests")).toArray())
        status.insert(test.toObject().value(QStringLiteral("name")).toString(),
                      test.toObject().value(QStringLiteral("status")).toString());
    for (const char *name : {"birth_within_130_years", "birth_in_past", "transaction_id_unique", "timestamp_in_order",
                             "memo_without_pii", "amount_positive"})
        QCOMPARE(status.value(QLatin1String(name)), QStringLiteral("failed"));
    for (const char *name : {"transaction_id_present", "category_known"})
        QCOMPARE(status.value(QLatin1String(name)), QStringLiteral("passed"));
    QVERIFY(fileBytes(QDir(out).filePath(QStringLiteral("check-report.txt"))).contains("FAIL: transaction_id_unique"));
    QVERIFY(fileBytes(QDir(out).filePath(QStringLiteral("check-report.html"))).contains("birth_in_past"));

    const QJsonObject pii = QJsonDocument::fromJson(fileBytes(QDir(out).filePath(QStringLiteral("pii.json")))).object();
    QVERIFY(pii.value(QStringLiteral("total_findings")).toInt() > 0);
    QVERIFY(pii.value(QStringLiteral("kinds")).toObject().value(QStringLiteral("ssn")).toInt() > 0);
    QVERIFY(!pii.value(QStringLiteral("findings")).toArray().isEmpty());

    const QJsonObject sufficiency = QJsonDocument::fromJson(fileBytes(QDir(out).filePath(QStringLiteral("sufficiency.json")))).object();
    QCOMPARE(sufficiency.value(QStringLiteral("rows")).toInt(), 100000);
    QVERIFY(!sufficiency.value(QStringLiteral("verdict")).toString().isEmpty());

    const QJsonObject search = QJsonDocument::fromJson(fileBytes(QDir(out).filePath(QStringLiteral("search.json")))).object();
    QCOMPARE(search.value(QStringLiteral("losses")).toArray().size(), 40);
    const double bestLoss = search.value(QStringLiteral("best_loss")).toDouble();
    QVERIFY2(bestLoss >= 0.397887 - 1e-6 && bestLoss - 0.397887 < 0.5, qPrintable(QString::number(bestLoss)));

    const QJsonObject again = runJsonObject({"demo", "--out", out, "--rows", "1000", "--json"});
    QCOMPARE(again.value(QStringLiteral("steps")).toArray().size(), 9);
    QCOMPARE(again.value(QStringLiteral("rows")).toInt(), 1000);
}

void TestCli::demoSuiteMatchesTheShippedFile()
{
    // The tour's compiled-in suite and resources/examples/transactions/suite.json must not drift apart.
    const QByteArray shipped = fileBytes(QStringLiteral(LOUPE_SOURCE_DIR "/resources/examples/transactions/suite.json"));
    QVERIFY(!shipped.isEmpty());
    const std::string_view embedded = loupe::cli::DemoSuite::text();
    QCOMPARE(QByteArray(embedded.data(), static_cast<qsizetype>(embedded.size())), shipped);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
