// CheckRunner: locals in order, every failing row of every test, mostly, severity, notes only on failure,
// bad suites found before anything runs (file:line), cancellation.
#include "core/checks/CheckRunner.h"
#include "core/checks/SuiteParser.h"

#include "AssertionTestKit.h"

using namespace loupe;
using namespace loupe::testkit;

namespace {

Table sampleTable()
{
    Table table;
    table.addColumn(intColumn("x", {5, -1, 7, std::nullopt, 12, 3}));
    table.addColumn(dateColumn("born", {"1990-05-01", "1800-01-01", "1975-02-02", "1850-06-06", std::nullopt, "2001-01-01"}));
    return table;
}

Result<CheckRunResult> runText(const std::string &text, const Table &table, int threads = 0,
                               const CancellationToken *cancel = nullptr)
{
    auto suite = SuiteParser::parseText(text, "t.json");
    if (!suite.isOk())
        return suite.status();
    CheckRunOptions options;
    options.nowNanos = at("2024-06-01");
    options.threads = threads;
    options.cancel = cancel;
    return CheckRunner::run(suite.value(), table, options);
}

const char *kSuite = R"JSON({
  "suite": "sample",
  "locals": {"_hi": "10"},
  "tests": [
    {"name": "range", "assert": "between", "column": "x", "min": 0, "max": "{_hi}", "note": "x above {_hi}"},
    {"name": "age", "assert": "after", "column": "born", "target": "{earliest}",
     "locals": {"span": "days(365*130)", "earliest": "today() - span"},
     "note": "No one is born before {earliest}"},
    {"name": "soft", "assert": "between", "column": "x", "min": 4, "severity": "warn"},
    {"name": "tolerant", "assert": "between", "column": "x", "max": 10, "mostly": 0.75},
    {"name": "fine", "assert": "between", "column": "x", "min": -5, "max": 20, "note": "never shown {_hi}"}
  ]
})JSON";

} // namespace

class TestCheckRunner : public QObject {
    Q_OBJECT

private slots:
    void runsEveryTest()
    {
        const Table table = sampleTable();
        auto run = runText(kSuite, table);
        QVERIFY2(run.isOk(), run.message().c_str());
        const CheckRunResult &r = run.value();
        QCOMPARE(r.tests.size(), std::size_t(5));
        QCOMPARE(r.rowCount, std::uint64_t(6));
        QCOMPARE(r.suiteName, std::string("sample"));

        const CheckTestResult &range = r.tests[0];
        QCOMPARE(range.status, CheckTestStatus::Failed);
        QCOMPARE(rowsOf(range.outcome), (Rows{1, 4}));
        QCOMPARE(range.outcome.checkedCount, std::uint64_t(5));
        QCOMPARE(range.note, std::string("x above 10"));
        QCOMPARE(range.line, std::size_t(5));

        const CheckTestResult &age = r.tests[1];
        QCOMPARE(age.status, CheckTestStatus::Failed);
        QCOMPARE(rowsOf(age.outcome), (Rows{1, 3}));
        QCOMPARE(age.outcome.offendingValues, (std::vector<std::string>{"1800-01-01", "1850-06-06"}));
        QCOMPARE(age.locals.size(), std::size_t(3)); // _hi, span, earliest in order
        QCOMPARE(age.locals[1].first, std::string("span"));
        QCOMPARE(age.locals[1].second.display(), std::string("47450 days, 0:00:00"));
        QCOMPARE(age.locals[2].second.display(), std::string("1894-07-03"));
        QCOMPARE(age.note, std::string("No one is born before 1894-07-03"));
        QVERIFY(age.outcome.message.find("1 of") == std::string::npos);
        QCOMPARE(age.outcome.message, std::string("2 of 5 values in born are not strictly after 1894-07-03"));

        QCOMPARE(r.tests[2].status, CheckTestStatus::Warning);
        QCOMPARE(rowsOf(r.tests[2].outcome), (Rows{1, 5}));
        // mostly 0.75: one of five values fails (20% <= 25%), so the test passes but keeps its failing row.
        QCOMPARE(r.tests[3].status, CheckTestStatus::Passed);
        QCOMPARE(rowsOf(r.tests[3].outcome), (Rows{4}));
        QCOMPARE(r.tests[4].status, CheckTestStatus::Passed);
        QCOMPARE(r.tests[4].note, std::string()); // notes are formatted only for failures

        QCOMPARE(r.failureCount(), std::size_t(2));
        QCOMPARE(r.warningCount(), std::size_t(1));
        QVERIFY(!r.ok());
    }

    void sameResultOnOneThread()
    {
        const Table table = sampleTable();
        auto parallel = runText(kSuite, table, 4);
        auto serial = runText(kSuite, table, 1);
        QVERIFY(parallel.isOk() && serial.isOk());
        for (std::size_t i = 0; i < serial.value().tests.size(); ++i) {
            QCOMPARE(parallel.value().tests[i].name, serial.value().tests[i].name);
            QCOMPARE(parallel.value().tests[i].outcome.failingRows, serial.value().tests[i].outcome.failingRows);
        }
    }

    void mostlyBoundary()
    {
        const Table table = sampleTable();
        // 2 of 5 fail (40%): mostly 0.6 allows exactly 40%, mostly 0.61 does not.
        auto allowed = runText(R"({"tests":[{"name":"m","assert":"between","column":"x","min":0,"max":10,"mostly":0.6}]})", table);
        auto refused = runText(R"({"tests":[{"name":"m","assert":"between","column":"x","min":0,"max":10,"mostly":0.61}]})", table);
        QVERIFY(allowed.isOk() && refused.isOk());
        QCOMPARE(allowed.value().tests[0].status, CheckTestStatus::Passed);
        QCOMPARE(refused.value().tests[0].status, CheckTestStatus::Failed);
    }

    void badSuitesBeforeRunning_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing column")
            << "{\"tests\": [\n{\"name\": \"a\", \"assert\": \"between\", \"column\": \"y\", \"min\": 1}]}"
            << "t.json:2: test 'a' (between): parameter 'column': no column 'y' (columns: x, born)";
        QTest::newRow("unknown local")
            << "{\"tests\": [{\"name\": \"a\", \"assert\": \"between\", \"column\": \"x\", \"min\": \"{nope}\"}]}"
            << "parameter 'min': no local named 'nope'";
        QTest::newRow("wrong kind")
            << "{\"tests\": [{\"name\": \"a\", \"assert\": \"after\", \"column\": \"born\", \"target\": 3}]}"
            << "parameter 'target': expected a datetime, got number 3";
        QTest::newRow("local type error")
            << "{\"tests\": [\n{\"name\": \"a\", \"assert\": \"after\", \"column\": \"born\", \"target\": \"2000-01-01\",\n"
               " \"locals\": {\"bad\": \"today() + 1\"}}]}"
            << "t.json:3: test 'a': local 'bad': expression 'today() + 1'";
        QTest::newRow("aggregate on missing column")
            << "{\"locals\": {\"m\": \"max(nothing)\"}, \"tests\": []}" << "t.json:1: local 'm'";
    }

    void badSuitesBeforeRunning()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const Table table = sampleTable();
        auto run = runText(text.toStdString(), table);
        QVERIFY(!run.isOk());
        QCOMPARE(run.status().code(), StatusCode::InvalidInput);
        QVERIFY2(QString::fromStdString(run.message()).contains(expected), run.message().c_str());
    }

    void localsUseAggregates()
    {
        const Table table = sampleTable();
        auto run = runText(R"({"tests":[{"name":"a","assert":"between","column":"x","max":"{top}","strict":false,
                              "locals":{"top":"max(x) - 1"}}]})",
                           table);
        QVERIFY2(run.isOk(), run.message().c_str());
        QCOMPARE(rowsOf(run.value().tests[0].outcome), (Rows{4}));
    }

    void cancelledRunReturnsCancelled()
    {
        const Table table = sampleTable();
        CancellationToken cancel;
        cancel.cancel();
        auto run = runText(kSuite, table, 2, &cancel);
        QVERIFY(!run.isOk());
        QVERIFY(run.status().isCancelled());
    }

    void progressReachesOne()
    {
        const Table table = sampleTable();
        auto suite = SuiteParser::parseText(kSuite, "t.json");
        QVERIFY(suite.isOk());
        CheckRunOptions options;
        options.nowNanos = at("2024-06-01");
        double last = 0.0;
        int calls = 0;
        options.progress = [&](const Progress &p) {
            last = p.fraction;
            ++calls;
            return ProgressAction::Continue;
        };
        auto run = CheckRunner::run(suite.value(), table, options);
        QVERIFY(run.isOk());
        QCOMPARE(calls, 5);
        QCOMPARE(last, 1.0);
    }
};

QTEST_APPLESS_MAIN(TestCheckRunner)
#include "tst_checkrunner.moc"
