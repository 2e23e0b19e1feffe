// SuiteParser: positions (file:line of each test and local), the test's definition as written, and every
// kind of bad suite with its hint (closest assertion, closest key, bad expression with its column).
#include "core/checks/JsonPositionIndex.h"
#include "core/checks/SuiteParser.h"

#include <QtTest>

using namespace loupe;

namespace {

const char *kSuite = R"JSON({
  "suite": "demo",
  "locals": {"_limit": "10"},
  "tests": [
    {
      "name": "positive",
      "assert": "between",
      "column": "x",
      "min": 0,
      "max": "{_limit}"
    },
    {"name": "recent", "assert": "after", "column": "t", "target": "{start}",
     "locals": {"span": "days(3)", "start": "today() - span"},
     "note": "before {start} ({_limit})", "severity": "warn", "mostly": 0.5}
  ]
})JSON";

} // namespace

class TestSuiteParser : public QObject {
    Q_OBJECT

private slots:
    void parsesTestsWithLines()
    {
        auto suite = SuiteParser::parseText(kSuite, "demo.json");
        QVERIFY2(suite.isOk(), suite.message().c_str());
        const CheckSuite &s = suite.value();
        QCOMPARE(s.name, std::string("demo"));
        QCOMPARE(s.locals.size(), std::size_t(1));
        QCOMPARE(s.locals[0].line, std::size_t(3));
        QCOMPARE(s.tests.size(), std::size_t(2));
        QCOMPARE(s.tests[0].line, std::size_t(5));
        QCOMPARE(s.tests[0].assertion, std::string("between"));
        QVERIFY(s.tests[0].definition.rfind("    {", 0) == 0);
        QVERIFY(s.tests[0].definition.find("\"max\": \"{_limit}\"") != std::string::npos);
        QVERIFY(s.tests[0].definition.find("    },") != std::string::npos); // whole lines, as written
        QCOMPARE(s.tests[1].line, std::size_t(12));
        QCOMPARE(s.tests[1].severity, CheckSeverity::Warn);
        QCOMPARE(*s.tests[1].mostly, 0.5);
        QCOMPARE(s.tests[1].locals.size(), std::size_t(2));
        QCOMPARE(s.tests[1].locals[0].name, std::string("span")); // definition order, not alphabetical
        QCOMPARE(s.tests[1].locals[1].line, std::size_t(13));
        QCOMPARE(s.location(12), std::string("demo.json:12"));
    }

    void rejectsBadSuites_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("json syntax") << "{\n  \"tests\": [\n    {\"name\": 1,,}\n  ]\n}" << "s.json:3:";
        QTest::newRow("not an object") << "[1]" << "s.json:1: a suite is a JSON object";
        QTest::newRow("no tests") << "{\"suite\": \"x\"}" << "needs a \"tests\" array";
        QTest::newRow("unknown assertion")
            << "{\"tests\": [\n {\"name\": \"a\", \"assert\": \"aftr\", \"column\": \"t\"}]}"
            << "s.json:2: test 'a': unknown assertion 'aftr' (did you mean 'after'?)";
        QTest::newRow("unknown key")
            << "{\"tests\": [\n\n {\"name\": \"a\", \"assert\": \"between\", \"column\": \"x\", \"maxx\": 3}]}"
            << "s.json:3: test 'a' (between): unknown key 'maxx' (did you mean 'max'?)";
        QTest::newRow("unknown suite key") << "{\"test\": [], \"tests\": []}" << "unknown key 'test' (did you mean 'tests'?)";
        QTest::newRow("missing name") << "{\"tests\": [{\"assert\": \"between\"}]}" << "needs a \"name\"";
        QTest::newRow("duplicate name")
            << "{\"tests\": [{\"name\": \"a\", \"assert\": \"after\"},\n{\"name\": \"a\", \"assert\": \"after\"}]}"
            << "s.json:2: test name 'a' is already used at s.json:1";
        QTest::newRow("duplicate key") << "{\"tests\": [],\n \"tests\": []}" << "line 2, column 2: duplicate key 'tests'";
        QTest::newRow("bad severity")
            << "{\"tests\": [{\"name\": \"a\", \"assert\": \"after\", \"severity\": \"fatal\"}]}"
            << "severity must be \"error\" or \"warn\"";
        QTest::newRow("bad mostly") << "{\"tests\": [{\"name\": \"a\", \"assert\": \"after\", \"mostly\": 1.5}]}"
                                    << "mostly must be a number from 0 to 1";
        QTest::newRow("bad expression")
            << "{\"tests\": [{\"name\": \"a\", \"assert\": \"after\",\n \"locals\": {\"x\": \"days(3\"}}]}"
            << "s.json:2: test 'a' (after)";
        QTest::newRow("expression column")
            << "{\"tests\": [{\"name\": \"a\", \"assert\": \"after\",\n \"locals\": {\"x\": \"1 + * 2\"}}]}"
            << "column 5";
        QTest::newRow("local used before defined")
            << "{\"tests\": [{\"name\": \"a\", \"assert\": \"after\", \"locals\": {\"b\": \"c + 1\", \"c\": \"2\"}}]}"
            << "local 'b' uses 'c', which is not defined before it";
        QTest::newRow("note field unknown")
            << "{\"tests\": [{\"name\": \"a\", \"assert\": \"after\", \"note\": \"see {nothing}\"}]}"
            << "note field {nothing} is not a local";
        QTest::newRow("note brace") << "{\"tests\": [{\"name\": \"a\", \"assert\": \"after\", \"note\": \"x {y\"}]}"
                                    << "is never closed";
    }

    void rejectsBadSuites()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        auto suite = SuiteParser::parseText(text.toStdString(), "s.json");
        QVERIFY(!suite.isOk());
        QVERIFY2(QString::fromStdString(suite.message()).contains(expected), suite.message().c_str());
    }


    void missingFileIsAnIoError()
    {
        auto suite = SuiteParser::parseFile("/nonexistent/suite.json");
        QVERIFY(!suite.isOk());
        QCOMPARE(suite.status().code(), StatusCode::IoError);
    }

    void noteFormatting()
    {
        auto fields = noteFields("a {x} {{literal}} {y}");
        QVERIFY(fields.isOk());
        QCOMPARE(fields.value(), (std::vector<std::string>{"x", "y"}));
        QCOMPARE(formatNote("a {x} {{literal}} {y}", {{"x", "1"}, {"y", "two"}}), std::string("a 1 {literal} two"));
        QVERIFY(!noteFields("a } b").isOk());
    }

    void positionIndex()
    {
        const std::string text = "{\n \"a\": [1,\n  {\"b\": \"x\\\"y\"}],\n \"c\": 2}";
        auto index = JsonPositionIndex::build(text);
        QVERIFY(index.isOk());
        QCOMPARE(index.value().lineFor("/a/1/b"), std::size_t(3));
        QCOMPARE(index.value().lineFor("/c"), std::size_t(4));
        QCOMPARE(index.value().lineFor("/a/1/missing"), std::size_t(3));
        QCOMPARE(index.value().lineFor("/a/0"), std::size_t(2));
        const JsonSpan *c = index.value().find("/c");
        QVERIFY(c);
        QCOMPARE(text.substr(c->begin, c->end - c->begin), std::string("\"c\": 2"));
    }
};

QTEST_APPLESS_MAIN(TestSuiteParser)
#include "tst_suiteparser.moc"
