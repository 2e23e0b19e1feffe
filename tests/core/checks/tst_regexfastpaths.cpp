// The regex fast paths give the same answers as asking the pattern on every row:
//   - requiredByte (RE2's prefilter: a byte every match contains) and matchesLocally, on their own;
//   - the String-column paths (the required byte's memchr pass, one search over the whole character buffer,
//     answers remembered per distinct value) against the per-category evaluation of the same values in a
//     categorical column, and against Pattern::matches on every row of seeded random columns: with few and
//     with mostly distinct values, sparse and dense matches, matches that run across rows, missing rows.
#include "core/checks/AssertionRegistry.h"
#include "core/checks/Pattern.h"

#include "AssertionTestKit.h"

#include <random>

using namespace loupe;
using namespace loupe::testkit;

namespace {

using Texts = std::vector<std::optional<std::string>>;

// Seeded random texts over a small alphabet ("ab-1 é" and "x"), every 13th row missing. `distinct`: long
// texts, so that nearly every value is unique; otherwise short ones, so that values repeat.
Texts randomTexts(std::size_t rows, bool distinct, unsigned seed)
{
    const std::vector<std::string> pieces{"a", "b", "-", "1", " ", "é", "x"};
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
    std::uniform_int_distribution<int> length(distinct ? 10 : 0, distinct ? 16 : 4);
    Texts texts;
    for (std::size_t row = 0; row < rows; ++row) {
        if (row % 13 == 7) {
            texts.emplace_back(std::nullopt);
            continue;
        }
        std::string text;
        for (int k = length(rng); k > 0; --k)
            text += pieces[piece(rng)];
        texts.emplace_back(std::move(text));
    }
    return texts;
}

} // namespace

class TestRegexFastPaths : public QObject {
    Q_OBJECT

private slots:
    void requiredByte_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("accepted"); // the bytes the analysis may name; empty: none (-1)
        QTest::newRow("ssn") << R"(\d{3}-\d{2}-\d{4})" << "-";
        QTest::newRow("letters are never named") << "abc" << "";
        QTest::newRow("punctuation preferred") << "ab@c" << "@";
        QTest::newRow("digit when no punctuation") << "ab1c" << "1";
        QTest::newRow("alternation without common byte") << "a|b" << "";
        QTest::newRow("a byte common to alternatives is not found") << "(a-|b-)" << "";
        QTest::newRow("optional literal is not required") << "x?:" << ":";
        QTest::newRow("optional punctuation is not required") << "-?x" << "";
        QTest::newRow("star is not required") << "(-)*:" << ":";
        QTest::newRow("one-member class") << "[.]x" << ".";
        QTest::newRow("two-member class") << "[.,]x" << "";
        QTest::newRow("dot") << ".*" << "";
        QTest::newRow("empty") << "" << "";
        QTest::newRow("non-ASCII literal") << "é" << "";
        QTest::newRow("non-ASCII beside punctuation") << "é-" << "-";
        QTest::newRow("anchored") << "^a:$" << ":";
        QTest::newRow("digit class only") << R"(\d+)" << "";
        QTest::newRow("bounded repeat of zero") << "-{0}:" << ":";
        QTest::newRow("case-insensitive") << "(?i)x-y" << "-";
        QTest::newRow("lazy") << "a+?@" << "@";
        QTest::newRow("word boundary") << R"(\b\d+%)" << "%";
    }

    void requiredByte()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, accepted);
        Result<Pattern> compiled = Pattern::compile(pattern.toStdString(), PatternMode::Search);
        QVERIFY2(compiled.isOk(), compiled.message().c_str());
        const int byte = compiled.value().requiredByte();
        if (accepted.isEmpty())
            QCOMPARE(byte, -1);
        else
            QVERIFY2(byte >= 0 && accepted.contains(QChar(byte)), QByteArray::number(byte).constData());
    }

    void regexStringMatchesCategorical_data()
    {
        QTest::addColumn<QString>("assertName");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("match");
        const char *patterns[] = {R"(\d{3}-\d{2}-\d{4})", "^-", "-$", "a-b|c-d", "é-", R"(x\.)", "[.]"};
        for (const char *pattern : patterns) {
            QTest::newRow(QByteArray("not_regex ") + pattern) << "not_regex" << pattern << "";
            QTest::newRow(QByteArray("regex full ") + pattern) << "regex" << pattern << "full";
            QTest::newRow(QByteArray("regex search ") + pattern) << "regex" << pattern << "search";
        }
    }

    void regexStringMatchesCategorical()
    {
        QFETCH(QString, assertName);
        QFETCH(QString, pattern);
        QFETCH(QString, match);
        // Hits at the first and last byte of the buffer, several per row, in missing-adjacent rows, in
        // non-ASCII text, and rows that are exactly a match.
        const Texts values{"-start", "ssn 123-45-6789 and 987-65-4321", std::nullopt, "", "no dash", "a-b", "c-d",
                           "é-", "x.", "123-45-6789", std::nullopt, "--", "12-34-5678", "tail 555-12-3456", "end-"};
        Table table;
        table.addColumn(stringColumn("text", values));
        table.addColumn(categoricalColumn("code", values));
        nlohmann::json spec{{"assert", assertName.toStdString()}, {"pattern", pattern.toStdString()}};
        if (!match.isEmpty())
            spec["match"] = match.toStdString();
        spec["column"] = "text";
        const Run onText = run(builtinAssertion(assertName.toUtf8().constData()), table, spec.dump());
        spec["column"] = "code";
        const Run onCodes = run(builtinAssertion(assertName.toUtf8().constData()), table, spec.dump());
        QVERIFY2(onText.validation.isOk(), onText.validation.message().c_str());
        QCOMPARE(rowsOf(onText.outcome), rowsOf(onCodes.outcome));
        QCOMPARE(onText.outcome.checkedCount, onCodes.outcome.checkedCount);
        QCOMPARE(onText.outcome.offendingValues, onCodes.outcome.offendingValues);
    }

    void matchesLocally_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("local");
        QTest::newRow("digits") << R"(\d{3})" << true;
        QTest::newRow("flags and classes") << R"((?i)a[b-c]\pL+?)" << true;
        QTest::newRow("negated class counts too") << "[^b]" << false;
        QTest::newRow("escaped backslash then b") << R"(\\b)" << true;
        QTest::newRow("start anchor") << "^a" << false;
        QTest::newRow("end anchor") << "a$" << false;
        QTest::newRow("literal dollar counts too") << R"(\$5)" << false;
        QTest::newRow("word boundary") << R"(\ba)" << false;
        QTest::newRow("not a word boundary") << R"(a\B)" << false;
        QTest::newRow("text start") << R"(\Aa)" << false;
        QTest::newRow("text end") << R"(a\z)" << false;
    }

    void matchesLocally()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, local);
        Result<Pattern> compiled = Pattern::compile(pattern.toStdString(), PatternMode::Search);
        QVERIFY2(compiled.isOk(), compiled.message().c_str());
        QCOMPARE(compiled.value().matchesLocally(), local);
    }

    void fastPathsMatchEveryRow_data()
    {
        QTest::addColumn<bool>("distinct");
        QTest::addColumn<QString>("assertName");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("match");
        // Required byte (-, 1), buffer search (sparse, dense, across rows: "b a" over "...b" + " a..."),
        // assertions that need row by row, no match at all, and a pattern that matches the empty text.
        const char *patterns[] = {"a-1", R"(1\s?-)", "b a", "ab", "(?i)AB", "[ab]", "é", "x{2,}", R"(\ba)", "1$", "^-",
                                  "z", "a*", R"(\d-?\d)"};
        for (const bool distinct : {false, true}) {
            const QByteArray values = distinct ? "distinct " : "repeated ";
            for (const char *pattern : patterns) {
                QTest::newRow(values + "not_regex " + pattern) << distinct << "not_regex" << pattern << "";
                QTest::newRow(values + "regex full " + pattern) << distinct << "regex" << pattern << "full";
                QTest::newRow(values + "regex search " + pattern) << distinct << "regex" << pattern << "search";
            }
        }
    }

    void fastPathsMatchEveryRow()
    {
        QFETCH(bool, distinct);
        QFETCH(QString, assertName);
        QFETCH(QString, pattern);
        QFETCH(QString, match);
        // More rows than the buffer search's and the memo's trials, so both decide.
        const Texts values = randomTexts(40000, distinct, 11);
        Table table;
        table.addColumn(stringColumn("text", values));
        nlohmann::json spec{{"assert", assertName.toStdString()}, {"column", "text"}, {"pattern", pattern.toStdString()}};
        if (!match.isEmpty())
            spec["match"] = match.toStdString();
        const Run run = testkit::run(builtinAssertion(assertName.toUtf8().constData()), table, spec.dump());
        QVERIFY2(run.validation.isOk(), run.validation.message().c_str());

        const bool search = assertName == "not_regex" || match == "search";
        const bool wantMatch = assertName == "regex";
        const Pattern reference
            = Pattern::compile(pattern.toStdString(), search ? PatternMode::Search : PatternMode::FullMatch).takeValue();
        Rows expected;
        std::uint64_t present = 0;
        for (std::size_t row = 0; row < values.size(); ++row) {
            present += values[row] ? 1 : 0;
            if (values[row] && reference.matches(*values[row]) != wantMatch)
                expected.append(row);
        }
        QCOMPARE(rowsOf(run.outcome), expected);
        QCOMPARE(run.outcome.checkedCount, present);
    }
};

QTEST_APPLESS_MAIN(TestRegexFastPaths)
#include "tst_regexfastpaths.moc"
