// In-process tests of loupe-cli's parsing and dispatch: ArgumentParser's accepted forms and its
// messages, strict number parsing, and that a command registered in one line is dispatched with
// validated arguments and gets --help, --json errors and exit codes for free.

#include "app/cli/ArgumentParser.h"
#include "app/cli/CliApplication.h"
#include "app/cli/CliContext.h"
#include "app/cli/Command.h"
#include "app/cli/NumberParsing.h"
#include "app/cli/TextTable.h"

#include <QtTest>

#include <limits>
#include <sstream>

using namespace loupe::cli;

namespace {

ArgumentParser exampleParser()
{
    ArgumentParser parser(QStringLiteral("loupe-cli example"));
    parser.addPositional(QStringLiteral("FILE"), QStringLiteral("input"));
    parser.addPositional(QStringLiteral("EXTRA"), QStringLiteral("optional"), Requirement::Optional);
    parser.addIntegerOption(QStringLiteral("rows"), QStringLiteral("N"), QStringLiteral("rows"), 1, 100)
        .withShortName(QLatin1Char('n'));
    parser.addNumberOption(QStringLiteral("rate"), QStringLiteral("R"), QStringLiteral("rate"), 0.0, 1.0);
    parser.addTextOption(QStringLiteral("tag"), QStringLiteral("T"), QStringLiteral("tags")).repeatable();
    parser.addTextOption(QStringLiteral("out"), QStringLiteral("FILE"), QStringLiteral("output")).required();
    parser.addFlag(QStringLiteral("json"), QStringLiteral("json"));
    return parser;
}

// Counts its runs and echoes a validated option: the smallest real command.
class EchoCommand : public Command {
public:
    QString name() const override { return QStringLiteral("echo"); }
    QString summary() const override { return QStringLiteral("Print a number"); }
    void declareArguments(ArgumentParser &parser) const override
    {
        parser.addIntegerOption(QStringLiteral("times"), QStringLiteral("K"), QStringLiteral("how often"), 1, 3).required();
    }
    ExitCode run(const ParsedArguments &arguments, CliContext &context) override
    {
        ++runs;
        const auto times = arguments.intValue(QStringLiteral("times"), 0);
        if (context.isJson())
            context.printJson({{"times", times}});
        else
            context.out() << "times=" << times << '\n';
        return times == 3 ? ExitCode::Failures : ExitCode::Success;
    }
    int runs = 0;
};

} // namespace

class TestCliArgumentParser : public QObject {
    Q_OBJECT

private slots:
    void acceptedForms();
    void rejected_data();
    void rejected();
    void integers_data();
    void integers();
    void numbers_data();
    void numbers();
    void helpListsEverything();
    void registeredCommandIsDispatched_data();
    void registeredCommandIsDispatched();
    void textTableCutsLongCells();
};

void TestCliArgumentParser::acceptedForms()
{
    const auto parsed = exampleParser().parse({"a.csv", "-n", "5", "--rate=0.25", "--tag", "x", "--tag=y", "--out",
                                               "-", "--json", "--", "--not-an-option"});
    QVERIFY2(parsed.isOk(), parsed.message().c_str());
    const ParsedArguments &values = parsed.value();
    QCOMPARE(values.positionals(), QStringList({"a.csv", "--not-an-option"}));
    QCOMPARE(values.intValue(QStringLiteral("rows"), 0), 5);
    QCOMPARE(values.doubleValue(QStringLiteral("rate"), 0.0), 0.25);
    QCOMPARE(values.values(QStringLiteral("tag")), QStringList({"x", "y"}));
    QCOMPARE(values.value(QStringLiteral("out")), QStringLiteral("-"));
    QVERIFY(values.isSet(QStringLiteral("json")));
    QVERIFY(!values.isSet(QStringLiteral("missing")));
    QCOMPARE(values.intValue(QStringLiteral("missing"), 7), 7);

    const auto minimal = exampleParser().parse({"--out", "o.csv", "b.csv"});
    QVERIFY(minimal.isOk());
    QCOMPARE(minimal.value().positional(0), QStringLiteral("b.csv"));
    QCOMPARE(minimal.value().intValue(QStringLiteral("rows"), 10), 10);
}

void TestCliArgumentParser::rejected_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QStringList base{"a.csv", "--out", "o.csv"};
    QTest::newRow("unknown long") << base + QStringList{"--bogus"} << "unknown option '--bogus'";
    QTest::newRow("unknown short") << base + QStringList{"-x"} << "unknown option '-x'";
    QTest::newRow("unknown with value") << base + QStringList{"--bogus=3"} << "unknown option '--bogus'";
    QTest::newRow("missing value at end") << base + QStringList{"--rows"} << "option --rows needs a value (N)";
    QTest::newRow("missing value before option") << base + QStringList{"--rate", "--json"}
                                                 << "option --rate needs a value (R)";
    QTest::newRow("not an integer") << base + QStringList{"-n", "abc"} << "option -n: 'abc' is not an integer";
    QTest::newRow("below range") << base + QStringList{"--rows", "-5"}
                                 << "option --rows: -5 is out of range; expected an integer from 1 to 100";
    QTest::newRow("above range") << base + QStringList{"-n=101"} << "option -n: 101 is out of range";
    QTest::newRow("number not a number") << base + QStringList{"--rate", "high"} << "option --rate: 'high' is not a number";
    QTest::newRow("number out of range") << base + QStringList{"--rate", "1.5"}
                                         << "option --rate: 1.5 is out of range; expected a number from 0 to 1";
    QTest::newRow("infinite number") << base + QStringList{"--rate", "inf"} << "option --rate: 'inf' is not a number";
    QTest::newRow("flag with value") << base + QStringList{"--json=1"} << "option --json takes no value (got '1')";
    QTest::newRow("given twice") << base + QStringList{"-n", "1", "--rows", "2"}
                                 << "option --rows was given more than once";
    QTest::newRow("required option missing") << QStringList{"a.csv"} << "option --out FILE is required";
    QTest::newRow("positional missing") << QStringList{"--out", "o.csv"} << "missing argument FILE";
    QTest::newRow("positional surplus") << base + QStringList{"b", "c"} << "unexpected argument 'c'";
}

void TestCliArgumentParser::rejected()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const auto parsed = exampleParser().parse(arguments);
    QVERIFY(!parsed.isOk());
    QCOMPARE(parsed.status().code(), loupe::StatusCode::InvalidInput);
    QVERIFY2(QString::fromStdString(parsed.message()).contains(message), parsed.message().c_str());
}

void TestCliArgumentParser::integers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("value");
    QTest::newRow("plain") << "42" << true << qint64(42);
    QTest::newRow("plus") << "+7" << true << qint64(7);
    QTest::newRow("negative") << "-5" << true << qint64(-5);
    QTest::newRow("int64 max") << "9223372036854775807" << true << std::numeric_limits<qint64>::max();
    QTest::newRow("overflow") << "9223372036854775808" << false << qint64(0);
    QTest::newRow("empty") << "" << false << qint64(0);
    QTest::newRow("space") << " 3" << false << qint64(0);
    QTest::newRow("trailing junk") << "3x" << false << qint64(0);
    QTest::newRow("decimal") << "1.0" << false << qint64(0);
    QTest::newRow("exponent") << "1e3" << false << qint64(0);
    QTest::newRow("double sign") << "+-3" << false << qint64(0);
}

void TestCliArgumentParser::integers()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(qint64, value);
    const auto parsed = parseInteger(text);
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(*parsed, value);
}

void TestCliArgumentParser::numbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("value");
    QTest::newRow("decimal") << "0.25" << true << 0.25;
    QTest::newRow("leading dot") << ".5" << true << 0.5;
    QTest::newRow("exponent") << "1e-3" << true << 1e-3;
    QTest::newRow("integer") << "2" << true << 2.0;
    QTest::newRow("comma") << "1,5" << false << 0.0;
    QTest::newRow("nan") << "nan" << false << 0.0;
    QTest::newRow("infinity") << "-inf" << false << 0.0;
    QTest::newRow("empty") << "" << false << 0.0;
}

void TestCliArgumentParser::numbers()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(double, value);
    const auto parsed = parseNumber(text);
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(*parsed, value);
}

void TestCliArgumentParser::helpListsEverything()
{
    const QString help = exampleParser().helpText();
    QVERIFY2(help.startsWith(QStringLiteral("Usage: loupe-cli example --out FILE FILE [EXTRA] [options]")), qPrintable(help));
    for (const char *piece : {"-n, --rows N", "--rate R", "--tag T", "(repeatable)", "--json", "EXTRA"})
        QVERIFY2(help.contains(QLatin1String(piece)), piece);
}

void TestCliArgumentParser::registeredCommandIsDispatched_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("runs");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("err");
    QTest::newRow("runs") << QStringList{"echo", "--times", "2"} << 0 << 1 << "times=2" << "";
    QTest::newRow("failures exit 1") << QStringList{"echo", "--times=3"} << 1 << 1 << "times=3" << "";
    QTest::newRow("global option first") << QStringList{"--no-workspace", "echo", "--times", "1"} << 0 << 1 << "times=1" << "";
    QTest::newRow("json") << QStringList{"echo", "--json", "--times", "2"} << 0 << 1 << "\"times\": 2" << "";
    QTest::newRow("out of range") << QStringList{"echo", "--times", "9"} << 2 << 0 << ""
                                  << "loupe-cli echo: option --times: 9 is out of range";
    QTest::newRow("json error") << QStringList{"--json", "echo", "--times", "x"} << 2 << 0 << "\"exit_code\": 2"
                                << "'x' is not an integer";
    QTest::newRow("help") << QStringList{"echo", "--help"} << 0 << 0 << "--times K" << "";
    QTest::newRow("listed") << QStringList{"--help"} << 0 << 0 << "echo" << "";
}

void TestCliArgumentParser::registeredCommandIsDispatched()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(int, runs);
    QFETCH(QString, out);
    QFETCH(QString, err);
    std::ostringstream outStream, errStream;
    CliApplication application(outStream, errStream);
    auto echo = std::make_unique<EchoCommand>();
    EchoCommand *command = echo.get();
    application.registry().add(std::move(echo));
    QCOMPARE(application.run(arguments), exitCode);
    QCOMPARE(command->runs, runs);
    QVERIFY2(QString::fromStdString(outStream.str()).contains(out), outStream.str().c_str());
    QVERIFY2(QString::fromStdString(errStream.str()).contains(err), errStream.str().c_str());
    if (err.isEmpty())
        QVERIFY2(errStream.str().empty(), errStream.str().c_str());
}

void TestCliArgumentParser::textTableCutsLongCells()
{
    TextTable table(8);
    table.addRow({"name", "value"});
    table.addSeparator();
    table.addRow({"ééééééééééé", "1"}); // 11 two-byte code points
    std::ostringstream out;
    table.print(out);
    QCOMPARE(QString::fromStdString(out.str()),
             QString::fromUtf8("name      value\n--------  -----\nééééé...  1\n"));
}

QTEST_GUILESS_MAIN(TestCliArgumentParser)
#include "tst_cli_argument_parser.moc"
