// The report formats: the text layout exactly (the chapter's CEO example), JSON fields, JUnit structure
// (parsed by hand here: core tests link no Qt XML) and HTML escaping.
#include "core/checks/CheckRunner.h"
#include "core/checks/SuiteParser.h"
#include "core/checks/report/CheckReportText.h"
#include "core/checks/report/HtmlCheckReport.h"
#include "core/checks/report/JsonCheckReport.h"
#include "core/checks/report/JunitCheckReport.h"
#include "core/checks/report/TextCheckReport.h"

#include "AssertionTestKit.h"

using namespace loupe;
using namespace loupe::testkit;

namespace {

const char *kCeoSuite = R"JSON({
  "suite": "ceo",
  "tests": [
    {
      "name": "old_age",
      "assert": "after",
      "column": "ceo_birth",
      "target": "{earliest_birth}",
      "locals": {
        "max_td": "days(365*130)",
        "earliest_birth": "today() - max_td"
      },
      "note": "No CEO can be born before {earliest_birth}"
    },
    {"name": "names <ok>", "assert": "between", "column": "n", "min": 0}
  ]
})JSON";

CheckRunResult ceoRun()
{
    Table table;
    table.addColumn(dateColumn("ceo_birth", {"1800-01-01", "1964-01-12"}));
    table.addColumn(intColumn("n", {1, 2}));
    auto suite = SuiteParser::parseText(kCeoSuite, "ceo/suite.json");
    if (!suite.isOk())
        qFatal("%s", suite.message().c_str());
    CheckRunOptions options;
    options.nowNanos = at("2018-06-01 11:31:21");
    options.dataPath = "ceo.csv";
    auto run = CheckRunner::run(suite.value(), table, options);
    if (!run.isOk())
        qFatal("%s", run.message().c_str());
    CheckRunResult result = run.takeValue();
    result.seconds = 0.02;
    for (CheckTestResult &test : result.tests)
        test.seconds = 0.001;
    return result;
}

// Attribute value of `name` in the first tag starting at `from`.
std::string attribute(const std::string &xml, std::size_t from, const std::string &name)
{
    const std::size_t tagEnd = xml.find('>', from);
    const std::size_t at = xml.find(" " + name + "=\"", from);
    if (at == std::string::npos || at > tagEnd)
        return "<missing>";
    const std::size_t start = at + name.size() + 3;
    return xml.substr(start, xml.find('"', start) - start);
}

} // namespace

class TestCheckReports : public QObject {
    Q_OBJECT

private slots:
    void textLayoutIsExact()
    {
        const std::string expected = "F.\n"
                                     "======================================================================\n"
                                     "FAIL: old_age (after, ceo/suite.json:4)\n"
                                     "----------------------------------------------------------------------\n"
                                     "1 of 2 values in ceo_birth are not strictly after 1888-07-02\n"
                                     "\trow 0: 1800-01-01\n"
                                     "\tfailing: 1 of 2 values (50.0%)\n"
                                     "\n"
                                     "Source (ceo/suite.json):\n"
                                     " >    4 {\n"
                                     "      5   \"name\": \"old_age\",\n"
                                     "      6   \"assert\": \"after\",\n"
                                     "      7   \"column\": \"ceo_birth\",\n"
                                     "      8   \"target\": \"{earliest_birth}\",\n"
                                     "      9   \"locals\": {\n"
                                     "     10     \"max_td\": \"days(365*130)\",\n"
                                     "     11     \"earliest_birth\": \"today() - max_td\"\n"
                                     "     12   },\n"
                                     "     13   \"note\": \"No CEO can be born before {earliest_birth}\"\n"
                                     "     14 },\n"
                                     "Locals:\n"
                                     "\tmax_td = 47450 days, 0:00:00\n"
                                     "\tearliest_birth = 1888-07-02\n"
                                     "Note:\n"
                                     "\tNo CEO can be born before 1888-07-02\n"
                                     "\n"
                                     "----------------------------------------------------------------------\n"
                                     "Ran 2 tests in 0.020s\n"
                                     "\n"
                                     "FAILED (failures=1)\n";
        const std::string text = TextCheckReport::render(ceoRun());
        if (text != expected)
            qWarning("%s", text.c_str());
        QCOMPARE(QString::fromStdString(text), QString::fromStdString(expected));
    }

    void textTruncatesAfterTwentyRowsAndHidesPrivateLocals()
    {
        Table table;
        std::vector<std::optional<std::int64_t>> values;
        for (int i = 0; i < 50; ++i)
            values.push_back(i % 2 == 0 ? -i - 1 : i);
        table.addColumn(intColumn("v", values));
        auto suite = SuiteParser::parseText(R"({"tests":[{"name":"pos","assert":"between","column":"v","min":0,
            "severity":"warn","locals":{"_secret":"42","shown":"1"},"note":"s={_secret}"}]})",
                                            "s.json");
        QVERIFY(suite.isOk());
        auto run = CheckRunner::run(suite.value(), table, CheckRunOptions{});
        QVERIFY(run.isOk());
        const std::string text = TextCheckReport::render(run.value());
        QVERIFY(text.rfind("W\n", 0) == 0);
        QVERIFY(text.find("WARN: pos (between, s.json:1)") != std::string::npos);
        QVERIFY(text.find("\trow 38: -39\n\t... and 5 more rows\n\tfailing: 25 of 50 values (50.0%)\n") != std::string::npos);
        QVERIFY(text.find("\trow 40:") == std::string::npos);
        QVERIFY(text.find("_secret =") == std::string::npos);
        QVERIFY(text.find("\tshown = 1\n") != std::string::npos);
        QVERIFY(text.find("\ts=42\n") != std::string::npos); // notes may use hidden locals
        QVERIFY(text.find("OK (warnings=1)\n") != std::string::npos);
    }

    void jsonCarriesRowsAndCounts()
    {
        const nlohmann::ordered_json j = JsonCheckReport::toJson(ceoRun());
        QCOMPARE(j["suite"].get<std::string>(), std::string("ceo"));
        QCOMPARE(j["tests_run"].get<int>(), 2);
        QCOMPARE(j["failures"].get<int>(), 1);
        QCOMPARE(j["ok"].get<bool>(), false);
        const auto &test = j["tests"][0];
        QCOMPARE(test["status"].get<std::string>(), std::string("failed"));
        QCOMPARE(test["line"].get<int>(), 4);
        QCOMPARE(test["rows"], nlohmann::ordered_json::array({0}));
        QCOMPARE(test["values"][0].get<std::string>(), std::string("1800-01-01"));
        QCOMPARE(test["locals"]["earliest_birth"].get<std::string>(), std::string("1888-07-02"));
        QCOMPARE(test["note"].get<std::string>(), std::string("No CEO can be born before 1888-07-02"));
        QCOMPARE(test["failing_percent"].get<double>(), 50.0);
        QCOMPARE(j["tests"][1]["status"].get<std::string>(), std::string("passed"));
        QVERIFY(j["tests"][1]["mostly"].is_null());
        // The rendered text is the same document.
        QCOMPARE(nlohmann::ordered_json::parse(JsonCheckReport::render(ceoRun())), j);
        const auto capped = JsonCheckReport::testJson(ceoRun().tests[0], 0);
        QCOMPARE(capped["rows"].size(), std::size_t(0));
        QCOMPARE(capped["rows_truncated"].get<bool>(), true);
    }

    void junitStructure()
    {
        const std::string xml = JunitCheckReport::render(ceoRun());
        QVERIFY(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites ", 0) == 0);
        const std::size_t suites = xml.find("<testsuites");
        QCOMPARE(attribute(xml, suites, "tests"), std::string("2"));
        QCOMPARE(attribute(xml, suites, "failures"), std::string("1"));
        QCOMPARE(attribute(xml, suites, "errors"), std::string("0"));
        QCOMPARE(attribute(xml, suites, "time"), std::string("0.020"));
        const std::size_t suite = xml.find("<testsuite ");
        QCOMPARE(attribute(xml, suite, "name"), std::string("ceo"));
        QCOMPARE(attribute(xml, suite, "skipped"), std::string("0"));
        QCOMPARE(attribute(xml, suite, "timestamp"), std::string("2018-06-01T11:31:21"));
        const std::size_t first = xml.find("<testcase ");
        QCOMPARE(attribute(xml, first, "classname"), std::string("ceo"));
        QCOMPARE(attribute(xml, first, "name"), std::string("old_age"));
        QCOMPARE(attribute(xml, first, "time"), std::string("0.001"));
        const std::size_t failure = xml.find("<failure ");
        QVERIFY(failure > first);
        QCOMPARE(attribute(xml, failure, "type"), std::string("after"));
        QCOMPARE(attribute(xml, failure, "message"),
                 std::string("1 of 2 values in ceo_birth are not strictly after 1888-07-02"));
        const std::size_t second = xml.find("<testcase ", failure);
        QCOMPARE(attribute(xml, second, "name"), std::string("names &lt;ok&gt;"));
        QVERIFY(xml.find("/>", second) < xml.find('\n', second));
        QCOMPARE(std::count(xml.begin(), xml.end(), '<') - std::count(xml.begin(), xml.end(), '>'), 0L);
        QVERIFY(xml.find("\"{earliest_birth}\"") == std::string::npos); // quotes in the body are escaped
        QVERIFY(xml.find("&quot;{earliest_birth}&quot;") != std::string::npos);
        QVERIFY(xml.size() > 0 && xml.substr(xml.size() - 14) == "</testsuites>\n");
    }

    void htmlIsSelfContainedAndEscaped()
    {
        const std::string html = HtmlCheckReport::render(ceoRun());
        QVERIFY(html.rfind("<!DOCTYPE html>", 0) == 0);
        QVERIFY(html.find("names &lt;ok&gt;") != std::string::npos);
        QVERIFY(html.find("names <ok>") == std::string::npos);
        QVERIFY(html.find("<script") == std::string::npos);
        QVERIFY(html.find("http") == std::string::npos);
        QVERIFY(html.find("FAILED (failures=1)") != std::string::npos);
        QVERIFY(html.find("No CEO can be born before 1888-07-02") != std::string::npos);
    }

    void escapesControlCharacters()
    {
        QCOMPARE(escapeMarkup(std::string("a\x01<b>&\"'")), std::string("a\xEF\xBF\xBD&lt;b&gt;&amp;&quot;&#39;"));
    }
};

QTEST_APPLESS_MAIN(TestCheckReports)
#include "tst_checkreports.moc"
