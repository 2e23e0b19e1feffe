// Text assertions: the pattern engine (RE2 syntax and options, rejected patterns with RE2's message and
// position, UTF-8), regex / not_regex, a bad pattern reported by the runner with its test, and the time-zone
// checks on datetime text. Exact failing rows each way; bad parameters are named.
#include "core/checks/AssertionRegistry.h"
#include "core/checks/CheckRunner.h"
#include "core/checks/Pattern.h"
#include "core/checks/SuiteParser.h"
#include "core/checks/assertions/TimeZoneAssertion.h"

#include "AssertionTestKit.h"

using namespace loupe;
using namespace loupe::testkit;

class TestAssertionsText : public QObject {
    Q_OBJECT

private:
    Table m_memos;
    Table m_zones;
    Table m_personal;

    void runCase(const Table &table)
    {
        QFETCH(QString, spec);
        QFETCH(QString, error);
        QFETCH(bool, passed);
        QFETCH(Rows, rows);
        const std::string text = spec.toStdString();
        const std::string name = nlohmann::json::parse(text)["assert"].get<std::string>();
        const Assertion *assertion = AssertionRegistry::builtin().find(name);
        QVERIFY2(assertion, name.c_str());
        verify(run(*assertion, table, text), error, passed, rows);
    }

    static void addColumns()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("error");
        QTest::addColumn<bool>("passed");
        QTest::addColumn<Rows>("rows");
    }

private slots:
    void initTestCase()
    {
        m_memos.addColumn(stringColumn("memo", {"ssn 123-45-6789", "no digits", std::nullopt, "x 12-34-5678", "987-65-4321"}));
        m_memos.addColumn(categoricalColumn("state", {"NY", "ca", "NY", "TX", "ca"}));
        m_memos.addColumn(stringColumn("name", {"Müller", "Smith", "O'Neil", "li", "Ngô"}));
        m_memos.addColumn(intColumn("n", {1, 2, 3, 4, 5}));

        m_personal.addColumn(stringColumn("memo", {"call 536-22-1948", "mail john@example.com", "nothing here", std::nullopt,
                                                   "card 4111 1111 1111 1111"}));
        m_personal.addColumn(categoricalColumn("contact", {"a@b.org", "none", "a@b.org", "none", "none"}));
        m_personal.addColumn(intColumn("n", {1, 2, 3, 4, 5}));

        m_zones.addColumn(stringColumn("ts", {"2024-01-01T10:00:00Z", "2024-01-01 10:00:00+02:00", "2024-01-01T10:00",
                                              std::nullopt, "2024-01-01T10:00:00.5+0000", "not a date"}));
        m_zones.addColumn(stringColumn("utc", {"2024-01-01T00:00:00Z", "2024-02-01T00:00:00+00:00", "2024-03-01 00:00Z",
                                               "2024-04-01T00:00:00-00", std::nullopt, "2024-05-01T00:00:00Z"}));
        m_zones.addColumn(dateColumn("parsed", {"2024-01-01", "2024-01-01", "2024-01-01", "2024-01-01", "2024-01-01", "2024-01-01"}));
    }

    void pattern_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("search");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("matches");

        QTest::newRow("literal full") << "abc" << false << "abc" << true;
        QTest::newRow("literal full longer") << "abc" << false << "abcd" << false;
        QTest::newRow("literal search") << "abc" << true << "xxabcx" << true;
        QTest::newRow("ssn search") << "\\d{3}-\\d{2}-\\d{4}" << true << "id 123-45-6789." << true;
        QTest::newRow("ssn near miss") << "\\d{3}-\\d{2}-\\d{4}" << true << "id 12-345-6789" << false;
        QTest::newRow("class range") << "[a-c]+" << false << "abcab" << true;
        QTest::newRow("negated class") << "[^0-9]*" << false << "ab1" << false;
        QTest::newRow("alternation") << "cat|dog" << false << "dog" << true;
        QTest::newRow("group repeat") << "(ab){2,3}" << false << "ababab" << true;
        QTest::newRow("group repeat too many") << "(ab){2,3}" << false << "abababab" << false;
        QTest::newRow("optional") << "colou?r" << false << "color" << true;
        QTest::newRow("anchored search start") << "^ab" << true << "cab" << false;
        QTest::newRow("anchored search end") << "ab$" << true << "cab" << true;
        QTest::newRow("anchored search end fails") << "ab$" << true << "abc" << false;
        QTest::newRow("empty pattern full") << "" << false << "" << true;
        QTest::newRow("empty pattern search") << "" << true << "xyz" << true;
        QTest::newRow("dot is one code point") << "M.ller" << false << "Müller" << true;
        QTest::newRow("utf8 class") << "[A-Z][a-zäöü]+" << false << "Müller" << true;
        QTest::newRow("word and space") << "\\w+\\s\\w+" << false << "ab_1 cd" << true;
        QTest::newRow("not digit") << "\\D+" << false << "abc" << true;
        QTest::newRow("escaped dot") << "a\\.b" << false << "axb" << false;
        QTest::newRow("non-capturing") << "(?:ab)+c" << false << "ababc" << true;
        QTest::newRow("nested stars stay linear") << "(a*)*b" << false << std::string(5000, 'a').c_str() << false;
        QTest::newRow("star of empty-able group") << "(a|)*b" << false << "aab" << true;
        // RE2 syntax the former hand-written engine rejected.
        QTest::newRow("word boundary") << "\\bcat\\b" << true << "the cat sat" << true;
        QTest::newRow("word boundary inside a word") << "\\bcat\\b" << true << "concat" << false;
        QTest::newRow("not a word boundary") << "\\Bcat" << true << "concat" << true;
        QTest::newRow("case-insensitive flag") << "(?i)abc" << false << "AbC" << true;
        QTest::newRow("case-insensitive group") << "(?i:ab)c" << false << "ABC" << false;
        QTest::newRow("case-sensitive by default") << "abc" << false << "ABC" << false;
        QTest::newRow("lazy plus") << "a+?b" << false << "aaab" << true;
        QTest::newRow("lazy star search") << "<.*?>" << true << "x <b> y" << true;
        QTest::newRow("lazy counted") << "a{2,3}?" << false << "aaaa" << false;
        QTest::newRow("unicode letters") << "\\p{L}+" << false << "Ngô" << true;
        QTest::newRow("unicode letters reject digits") << "\\p{L}+" << false << "ab1" << false;
        QTest::newRow("unicode short class") << "\\pL\\PL" << false << "é5" << true;
        QTest::newRow("unicode script") << "\\p{Greek}+" << false << "αβγ" << true;
        QTest::newRow("posix class") << "[[:alpha:]]+" << false << "abc" << true;
        QTest::newRow("digit class is ASCII") << "\\d" << false << "٣" << false;
        QTest::newRow("named group") << "(?P<year>\\d{4})-\\d{2}" << false << "2024-01" << true;
        QTest::newRow("quoted literal") << "\\Q.*\\E" << false << ".*" << true;
        QTest::newRow("start anchor in full match") << "^abc$" << false << "abc" << true;
        QTest::newRow("end of text") << "ab\\z" << true << "cab" << true;
        QTest::newRow("anchors are the text's ends") << "^b$" << true << "a\nb\nc" << false;
        QTest::newRow("multi-line anchors") << "(?m)^b$" << true << "a\nb\nc" << true;
        QTest::newRow("caret inside never matches") << "a^b" << true << "a^b" << false;
        QTest::newRow("dot matches newline") << "a.b" << false << "a\nb" << true;
        QTest::newRow("dot without newline") << "(?-s)a.b" << false << "a\nb" << false;
    }

    void pattern()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, search);
        QFETCH(QString, text);
        QFETCH(bool, matches);
        Result<Pattern> compiled = Pattern::compile(pattern.toStdString(), search ? PatternMode::Search : PatternMode::FullMatch);
        QVERIFY2(compiled.isOk(), compiled.message().c_str());
        QCOMPARE(compiled.value().matches(text.toStdString()), matches);
        // A second call goes through RE2's warm DFA cache, and a copy shares the program: both must agree.
        const Pattern copy = compiled.value();
        QCOMPARE(copy.matches(text.toStdString()), matches);
    }

    void rejectedPattern_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("error");
        QTest::newRow("unclosed group") << "(ab" << "pattern position 1: missing ): (ab";
        QTest::newRow("stray paren") << "ab)" << "pattern position 1: unexpected ): ab)";
        QTest::newRow("unclosed class") << "[ab" << "pattern position 1: missing ]: [ab";
        QTest::newRow("backreference") << "(a)\\1" << "pattern position 4: invalid escape sequence: \\1";
        QTest::newRow("lookahead") << "a(?=b)" << "pattern position 2: invalid perl operator: (?=";
        QTest::newRow("unknown flag") << "(?z)a" << "pattern position 1: invalid perl operator: (?z";
        QTest::newRow("possessive") << "a++" << "pattern position 2: bad repetition operator: ++";
        QTest::newRow("nothing to repeat") << "*a" << "pattern position 1: no argument for repetition operator: *";
        QTest::newRow("nothing to repeat after a valid star") << "a*|*b"
                                                              << "pattern position 4: no argument for repetition operator: *";
        QTest::newRow("bad range") << "[z-a]" << "pattern position 2: invalid character class range: z-a";
        QTest::newRow("unknown unicode class") << "x\\p{Foo}" << "pattern position 2: invalid character class range: \\p{Foo}";
        QTest::newRow("count too large") << "a{1001}" << "pattern position 2: invalid repetition size: {1001}";
        QTest::newRow("count order") << "a{3,2}" << "pattern position 2: invalid repetition size: {3,2}";
        QTest::newRow("nested counts too large") << "(a{1000}){1000}" << "pattern position 10: invalid repetition size: {1000}";
        QTest::newRow("program too large") << "\\pL{1000}" << "pattern: pattern too large";
        QTest::newRow("lone backslash") << "ab\\" << "pattern position 3: trailing \\";
    }

    void rejectedPattern()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, error);
        Result<Pattern> compiled = Pattern::compile(pattern.toStdString(), PatternMode::FullMatch);
        QVERIFY(!compiled.isOk());
        QVERIFY2(QString::fromStdString(compiled.message()).contains(error), compiled.message().c_str());
    }

    void badPatternNamesTheTest_data()
    {
        QTest::addColumn<QString>("test");
        QTest::addColumn<QString>("error");
        QTest::newRow("regex")
            << "{\"name\": \"ssn\", \"assert\": \"not_regex\", \"column\": \"memo\", \"pattern\": \"\\\\d{3}(?=-)\"}"
            << "t.json:2: test 'ssn' (not_regex): parameter 'pattern': pattern position 6: invalid perl operator: (?=";
        QTest::newRow("search")
            << "{\"name\": \"has\", \"assert\": \"regex\", \"column\": \"name\", \"pattern\": \"(?i)m(\", \"match\": \"search\"}"
            << "t.json:2: test 'has' (regex): parameter 'pattern': pattern position 1: missing ): (?i)m(";
        QTest::newRow("file name")
            << "{\"name\": \"named\", \"assert\": \"file_name_matches\", \"pattern\": \"data[.csv\"}"
            << "t.json:2: test 'named' (file_name_matches): parameter 'pattern': pattern position 5: missing ]: [.csv";
    }

    void badPatternNamesTheTest()
    {
        QFETCH(QString, test);
        QFETCH(QString, error);
        const std::string text = "{\"tests\": [\n" + test.toStdString() + "]}";
        Result<CheckSuite> suite = SuiteParser::parseText(text, "t.json");
        QVERIFY2(suite.isOk(), suite.message().c_str()); // the pattern is checked against the data, not by the parser
        Result<CheckRunResult> run = CheckRunner::run(suite.value(), m_memos, CheckRunOptions());
        QVERIFY(!run.isOk());
        QCOMPARE(run.status().code(), StatusCode::InvalidInput);
        QCOMPARE(QString::fromStdString(run.message()), error);
    }

    void regex_data()
    {
        addColumns();
        QTest::newRow("not_regex ssn") << "{\"assert\":\"not_regex\",\"column\":\"memo\",\"pattern\":\"\\\\d{3}-\\\\d{2}-\\\\d{4}\"}" << "" << false << Rows{0, 4};
        QTest::newRow("not_regex passes") << "{\"assert\":\"not_regex\",\"column\":\"memo\",\"pattern\":\"\\\\d{5}\"}" << "" << true << Rows{};
        QTest::newRow("regex full") << "{\"assert\":\"regex\",\"column\":\"memo\",\"pattern\":\"[a-z ]+\"}" << "" << false << Rows{0, 3, 4};
        QTest::newRow("regex search") << "{\"assert\":\"regex\",\"column\":\"memo\",\"pattern\":\"\\\\d\",\"match\":\"search\"}" << "" << false << Rows{1};
        QTest::newRow("regex categorical") << "{\"assert\":\"regex\",\"column\":\"state\",\"pattern\":\"[A-Z]{2}\"}" << "" << false << Rows{1, 4};
        QTest::newRow("regex utf8 names") << "{\"assert\":\"regex\",\"column\":\"name\",\"pattern\":\"[A-Z][a-zA-Z'üô]+\"}" << "" << false << Rows{3};
        QTest::newRow("regex bad pattern") << "{\"assert\":\"regex\",\"column\":\"memo\",\"pattern\":\"(ab\"}" << "parameter 'pattern': pattern position 1" << false << Rows{};
        QTest::newRow("regex bad match") << "{\"assert\":\"regex\",\"column\":\"memo\",\"pattern\":\"a\",\"match\":\"fuzzy\"}" << "parameter 'match'" << false << Rows{};
        QTest::newRow("regex number column") << "{\"assert\":\"regex\",\"column\":\"n\",\"pattern\":\"\\\\d\"}" << "parameter 'column'" << false << Rows{};
        QTest::newRow("regex no pattern") << "{\"assert\":\"regex\",\"column\":\"memo\"}" << "parameter 'pattern'" << false << Rows{};
    }

    void regex() { runCase(m_memos); }

    void timeZone_data()
    {
        addColumns();
        QTest::newRow("present") << "{\"assert\":\"timezone_present\",\"column\":\"ts\"}" << "" << false << Rows{2, 5};
        QTest::newRow("absent") << "{\"assert\":\"timezone_absent\",\"column\":\"ts\"}" << "" << false << Rows{0, 1, 4, 5};
        QTest::newRow("utc") << "{\"assert\":\"timezone_utc\",\"column\":\"ts\"}" << "" << false << Rows{1, 2, 5};
        QTest::newRow("utc passes") << "{\"assert\":\"timezone_utc\",\"column\":\"utc\"}" << "" << true << Rows{};
        QTest::newRow("equal") << "{\"assert\":\"timezone_equal\",\"column\":\"ts\",\"zone\":\"+02:00\"}" << "" << false << Rows{0, 2, 4, 5};
        QTest::newRow("equal compact") << "{\"assert\":\"timezone_equal\",\"column\":\"utc\",\"zone\":\"+0000\"}" << "" << true << Rows{};
        QTest::newRow("not equal") << "{\"assert\":\"timezone_not_equal\",\"column\":\"ts\",\"zone\":\"UTC\"}" << "" << false << Rows{0, 4, 5};
        QTest::newRow("consistent") << "{\"assert\":\"timezone_consistent\",\"column\":\"ts\"}" << "" << false << Rows{1, 2, 5};
        QTest::newRow("consistent passes") << "{\"assert\":\"timezone_consistent\",\"column\":\"utc\"}" << "" << true << Rows{};
        QTest::newRow("bad zone") << "{\"assert\":\"timezone_equal\",\"column\":\"ts\",\"zone\":\"CET\"}" << "parameter 'zone'" << false << Rows{};
        QTest::newRow("no zone") << "{\"assert\":\"timezone_equal\",\"column\":\"ts\"}" << "parameter 'zone'" << false << Rows{};
        QTest::newRow("parsed column") << "{\"assert\":\"timezone_present\",\"column\":\"parsed\"}" << "load it as string" << false << Rows{};
    }

    void timeZone() { runCase(m_zones); }

    void noPii_data()
    {
        addColumns();
        QTest::newRow("all kinds") << "{\"assert\":\"no_pii\",\"column\":\"memo\"}" << "" << false << Rows{0, 1, 4};
        QTest::newRow("email only") << "{\"assert\":\"no_pii\",\"column\":\"memo\",\"kinds\":[\"email\"]}" << "" << false << Rows{1};
        QTest::newRow("iban only") << "{\"assert\":\"no_pii\",\"column\":\"memo\",\"kinds\":[\"iban\"]}" << "" << true << Rows{};
        QTest::newRow("categorical") << "{\"assert\":\"no_pii\",\"column\":\"contact\"}" << "" << false << Rows{0, 2};
        QTest::newRow("unknown kind") << "{\"assert\":\"no_pii\",\"column\":\"memo\",\"kinds\":[\"dna\"]}" << "parameter 'kinds'" << false << Rows{};
        QTest::newRow("person_name is per column") << "{\"assert\":\"no_pii\",\"column\":\"memo\",\"kinds\":[\"person_name\"]}" << "judged per column" << false << Rows{};
        QTest::newRow("number column") << "{\"assert\":\"no_pii\",\"column\":\"n\"}" << "parameter 'column'" << false << Rows{};
    }

    void noPii() { runCase(m_personal); }

    void noPiiShowsMaskedValues()
    {
        const Run result = run(*AssertionRegistry::builtin().find("no_pii"), m_personal, "{\"column\":\"memo\"}");
        QCOMPARE(result.outcome.offendingValues.size(), std::size_t(3));
        QCOMPARE(QString::fromStdString(result.outcome.offendingValues[0]), QString("ssn ***-**-1948"));
        for (const std::string &value : result.outcome.offendingValues) {
            QVERIFY2(value.find("536-22") == std::string::npos && value.find("john@") == std::string::npos
                         && value.find("1111 1111 1111 1111") == std::string::npos,
                     value.c_str());
        }
    }

    void offsetsAreRead()
    {
        QCOMPARE(TimeZoneAssertion::offsetMinutes("2024-01-01T10:00:00-05:30").value_or(9999), -330);
        QCOMPARE(TimeZoneAssertion::offsetMinutes("2024-01-01 10:00+01").value_or(9999), 60);
        QCOMPARE(TimeZoneAssertion::offsetMinutes("2024-01-01").value_or(9999), 9999);
    }
};

QTEST_APPLESS_MAIN(TestAssertionsText)
#include "tst_assertions_text.moc"
