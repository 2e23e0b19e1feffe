// The fast paths behind the suite benchmark give the same answers as the plain definitions (the regex ones:
// tst_regexfastpaths):
//   - DuplicateFinder (hash partitions + exact verification) against a map of the key cells, also with
//     hashes cut to a few bits so that different keys collide, with missing key cells, text/float/integer
//     keys and partitioned tables (more rows than one partition holds);
//   - in_set on String columns (two masked words per label) against the same values as a categorical column;
//   - quantile_between's histogram selection against sorting all values;
//   - between's double fast path against the same integers in an Int64 column;
//   - column_pair's per-operator integer loops against the same values as Float64 columns;
//   - the runner starting expensive tests first still reports every test in suite order.
#include "core/checks/AssertionRegistry.h"
#include "core/checks/CheckRunner.h"
#include "core/checks/SuiteParser.h"
#include "core/checks/assertions/DuplicateFinder.h"
#include "core/checks/CheckValue.h"
#include "core/data/DateTime.h"

#include "AssertionTestKit.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>

using namespace loupe;
using namespace loupe::testkit;

namespace {

using Texts = std::vector<std::optional<std::string>>;

// The reference: every row whose (text-rendered) key occurs more than once, ascending.
std::vector<std::uint64_t> duplicatesByMap(const std::vector<const Column *> &columns)
{
    std::map<std::vector<std::string>, std::vector<std::uint64_t>> groups;
    for (std::size_t row = 0; row < columns.front()->size(); ++row) {
        std::vector<std::string> key;
        bool usable = true;
        for (const Column *column : columns) {
            usable = usable && column->isValid(row);
            if (column->type() == ColumnType::Float64) {
                const double v = column->doubleAt(row);
                key.push_back(std::isnan(v) ? "nan" : std::to_string(v == 0.0 ? 0.0 : v));
            } else {
                key.push_back(column->displayAt(row));
            }
        }
        if (usable)
            groups[key].push_back(row);
    }
    std::vector<std::uint64_t> rows;
    for (const auto &[key, members] : groups) {
        if (members.size() > 1)
            rows.insert(rows.end(), members.begin(), members.end());
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

Rows toRows(const std::vector<std::uint64_t> &rows)
{
    Rows list;
    for (const std::uint64_t row : rows)
        list.append(row);
    return list;
}

// Values of a "quantile_between" run's observed text, computed the plain way (sort everything).
QString sortedQuantile(std::vector<double> values, double q)
{
    std::sort(values.begin(), values.end());
    const long double position = q * static_cast<long double>(values.size() - 1);
    const auto lower = static_cast<std::size_t>(std::floor(position));
    const long double low = values[lower];
    const long double high = lower + 1 < values.size() ? values[lower + 1] : low;
    const long double value = lower + 1 < values.size() ? low + (high - low) * (position - lower) : low;
    return QString::fromStdString(CheckValue::number(static_cast<double>(value)).display());
}

} // namespace

class TestCheckFastPaths : public QObject {
    Q_OBJECT

private slots:
    void duplicatesMatchReference_data()
    {
        QTest::addColumn<QString>("keys"); // which columns of the fixture table form the key
        QTest::addColumn<int>("hashBits");
        for (const int bits : {64, 1, 3, 12}) {
            const QByteArray suffix = " hashBits=" + QByteArray::number(bits);
            QTest::newRow("ints with missing" + suffix) << "a,b" << bits;
            QTest::newRow("one int column" + suffix) << "a" << bits;
            QTest::newRow("text" + suffix) << "s" << bits;
            QTest::newRow("categorical" + suffix) << "c" << bits;
            QTest::newRow("text and int" + suffix) << "s,a" << bits;
            QTest::newRow("categorical and int" + suffix) << "c,a" << bits;
            QTest::newRow("floats -0 and NaN" + suffix) << "f,b" << bits;
        }
    }

    void duplicatesMatchReference()
    {
        QFETCH(QString, keys);
        QFETCH(int, hashBits);
        Table table;
        table.addColumn(intColumn("a", {1, 2, 1, std::nullopt, 2, 1, 3, 1, 4, std::nullopt}));
        table.addColumn(intColumn("b", {5, 5, 5, 5, 6, 5, 7, std::nullopt, 8, 5}));
        const Texts text{"x", "y", "x", std::nullopt, "", "x", "", "long label over sixteen bytes", "z",
                         "long label over sixteen bytes"};
        table.addColumn(stringColumn("s", text));
        table.addColumn(categoricalColumn("c", text));
        table.addColumn(doubleColumn("f", {0.0, -0.0, std::nan(""), std::nan(""), 1.5, 0.0, 1.5, 2.0, std::nullopt,
                                           -0.0}));
        std::vector<const Column *> columns;
        for (const QString &name : keys.split(','))
            columns.push_back(table.find(name.toStdString()));
        DuplicateSearchOptions options;
        options.hashBits = static_cast<unsigned>(hashBits);
        const DuplicateSummary found = findDuplicates(columns, nullptr, options);
        QCOMPARE(toRows(found.duplicatedRows), toRows(duplicatesByMap(columns)));
        const DuplicateSummary full = findDuplicates(columns, nullptr);
        QCOMPARE(found.distinctCount, full.distinctCount);
        QCOMPARE(found.repeatedKeys, full.repeatedKeys);
        QCOMPARE(found.checked, full.checked);
    }

    void duplicatesAcrossPartitions_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("hashBits");
        QTest::addColumn<int>("onePercent"); // percent of rows holding one and the same key
        QTest::newRow("20000 rows, partitioned") << 20000 << 64 << 0;
        QTest::newRow("20000 rows, 16-bit hashes") << 20000 << 16 << 0;
        QTest::newRow("3000 rows, one partition") << 3000 << 64 << 0;
        // One key on 60% of the rows overflows its partition's one-pass share: the two-pass scatter runs.
        QTest::newRow("20000 rows, one key on 60%") << 20000 << 64 << 60;
    }

    void duplicatesAcrossPartitions()
    {
        QFETCH(int, rows);
        QFETCH(int, hashBits);
        QFETCH(int, onePercent);
        std::mt19937_64 random(7);
        std::vector<std::optional<std::int64_t>> customer;
        std::vector<std::optional<std::string>> day;
        for (int i = 0; i < rows; ++i) {
            if (i % 100 < onePercent) {
                customer.push_back(42);
                day.push_back("a");
                continue;
            }
            customer.push_back(i % 997 == 0 ? std::nullopt : std::optional<std::int64_t>(random() % (rows / 2)));
            day.push_back(std::string(1, static_cast<char>('a' + random() % 7)));
        }
        Table table;
        table.addColumn(intColumn("customer", customer));
        table.addColumn(stringColumn("day", day));
        table.addColumn(categoricalColumn("dayc", day));
        const std::vector<const Column *> asText{table.find("customer"), table.find("day")};
        const std::vector<const Column *> asCategory{table.find("customer"), table.find("dayc")};
        DuplicateSearchOptions options;
        options.hashBits = static_cast<unsigned>(hashBits);
        const DuplicateSummary text = findDuplicates(asText, nullptr, options);
        const DuplicateSummary category = findDuplicates(asCategory, nullptr, options);
        const Rows expected = toRows(duplicatesByMap(asText));
        QVERIFY(!expected.isEmpty());
        QCOMPARE(toRows(text.duplicatedRows), expected);
        QCOMPARE(toRows(category.duplicatedRows), expected);
        QCOMPARE(text.distinctCount, category.distinctCount);
    }

    void inSetStringMatchesCategorical_data()
    {
        QTest::addColumn<bool>("atBufferEnd");
        QTest::newRow("values with text after them") << false;
        QTest::newRow("last value ends the buffer") << true;
    }

    void inSetStringMatchesCategorical()
    {
        QFETCH(bool, atBufferEnd);
        const std::string sixteen = "abcdefghijklmnop";
        const std::string sixtyFour(64, 'q');
        // Labels of length 0, 7, 8, 9, 16, 17, 63, 64 and 70, and near misses that differ only after byte 8,
        // after byte 16, or in length.
        const std::vector<std::string> levels{"",        "grocery",     "abcdefgh",  "abcdefghi",  sixteen,
                                              sixteen + "q", std::string(63, 'q'), sixtyFour, std::string(70, 'r')};
        Texts values{"grocery", "grocerx", "abcdefgh", "abcdefgX", "abcdefghi", "abcdefghj", sixteen,
                     "abcdefghijklmnoX", sixteen + "q", sixteen + "r", std::string(63, 'q'), sixtyFour,
                     sixtyFour + "q", std::string(70, 'r'), std::string(70, 's'), "", std::nullopt, "Grocery"};
        if (!atBufferEnd)
            values.push_back(std::string(40, 'z'));
        else
            values.push_back("abcdefghi");
        Table table;
        table.addColumn(stringColumn("text", values));
        table.addColumn(categoricalColumn("code", values));
        for (const char *name : {"in_set", "not_in_set"}) {
            nlohmann::json spec{{"assert", name}, {"values", levels}, {"column", "text"}};
            const Run onText = run(builtinAssertion(name), table, spec.dump());
            spec["column"] = "code";
            const Run onCodes = run(builtinAssertion(name), table, spec.dump());
            QVERIFY2(onText.validation.isOk(), onText.validation.message().c_str());
            QCOMPARE(rowsOf(onText.outcome), rowsOf(onCodes.outcome));
            QCOMPARE(onText.outcome.offendingValues, onCodes.outcome.offendingValues);
        }
        // The expected members, spelled out once.
        nlohmann::json spec{{"assert", "in_set"}, {"values", levels}, {"column", "text"}};
        const Rows expected = atBufferEnd ? Rows{1, 3, 5, 7, 9, 12, 14, 17} : Rows{1, 3, 5, 7, 9, 12, 14, 17, 18};
        QCOMPARE(rowsOf(run(builtinAssertion("in_set"), table, spec.dump()).outcome), expected);
    }

    void inSetManyLevels_data()
    {
        QTest::addColumn<int>("levels");
        // Few labels get a table where each has its own slot; hundreds of labels cannot within the size
        // limit and keep linear probing. Both must classify alike.
        QTest::newRow("3 levels") << 3;
        QTest::newRow("40 levels") << 40;
        QTest::newRow("300 levels") << 300;
    }

    void inSetManyLevels()
    {
        QFETCH(int, levels);
        std::vector<std::string> labels;
        for (int i = 0; i < levels; ++i)
            labels.push_back("level-" + std::to_string(i * 7) + std::string(static_cast<std::size_t>(i % 13), 'x'));
        Texts values;
        Rows expected;
        std::mt19937_64 random(3);
        for (int row = 0; row < 2000; ++row) {
            const std::string &label = labels[random() % labels.size()];
            const bool member = random() % 4 != 0;
            values.push_back(member ? label : label + "y");
            if (!member)
                expected.append(row);
        }
        Table table;
        table.addColumn(stringColumn("text", values));
        table.addColumn(categoricalColumn("code", values));
        nlohmann::json spec{{"assert", "in_set"}, {"values", labels}, {"column", "text"}};
        QCOMPARE(rowsOf(run(builtinAssertion("in_set"), table, spec.dump()).outcome), expected);
        spec["column"] = "code";
        QCOMPARE(rowsOf(run(builtinAssertion("in_set"), table, spec.dump()).outcome), expected);
    }

    void quantileMatchesSort_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<double>("q");
        for (const double q : {0.0, 0.01, 0.25, 0.5, 0.99, 1.0}) {
            const QByteArray suffix = " q=" + QByteArray::number(q);
            QTest::newRow("spread" + suffix) << "spread" << q;
            QTest::newRow("one bucket" + suffix) << "narrow" << q;
            QTest::newRow("negatives and zeros" + suffix) << "signed" << q;
            QTest::newRow("gaps between buckets" + suffix) << "gaps" << q;
            QTest::newRow("single value" + suffix) << "single" << q;
        }
    }

    void quantileMatchesSort()
    {
        QFETCH(QString, kind);
        QFETCH(double, q);
        std::mt19937_64 random(11);
        std::vector<std::optional<double>> cells;
        std::vector<double> usable;
        const int count = kind == "single" ? 1 : 5000;
        for (int i = 0; i < count; ++i) {
            double v = 0;
            if (kind == "spread")
                v = std::exp(std::uniform_real_distribution<double>(-5, 12)(random));
            else if (kind == "narrow")
                v = 1000.0 + std::uniform_real_distribution<double>(0, 1)(random);
            else if (kind == "signed")
                v = (i % 3 == 0) ? (i % 2 ? -0.0 : 0.0) : std::uniform_real_distribution<double>(-50, 50)(random);
            else if (kind == "gaps")
                v = (i % 2 ? 1e-3 : 1e6) * static_cast<double>(i % 5 + 1);
            else
                v = 42.5;
            cells.push_back(v);
            usable.push_back(v);
            if (i % 100 == 0) {
                cells.push_back(std::nullopt);
                cells.push_back(std::numeric_limits<double>::quiet_NaN());
            }
        }
        Table table;
        table.addColumn(doubleColumn("x", cells));
        const nlohmann::json spec{{"assert", "quantile_between"}, {"column", "x"}, {"quantile", q},
                                  {"min", -1e300}, {"max", 1e300}};
        const Run result = run(builtinAssertion("quantile_between"), table, spec.dump());
        QVERIFY2(result.validation.isOk(), result.validation.message().c_str());
        const QString expected = "quantile(" + QString::fromStdString(CheckValue::number(q).display())
                                 + ") = " + sortedQuantile(usable, q);
        QCOMPARE(QString::fromStdString(result.outcome.observed), expected);
    }

    void quantileOfDatetimes()
    {
        Table table;
        table.addColumn(dateColumn("t", {"2024-01-05", std::nullopt, "1969-12-31", "2024-01-01", "1900-01-01",
                                         "2024-01-03"}));
        const nlohmann::json spec{{"assert", "quantile_between"}, {"column", "t"}, {"quantile", 0.5},
                                  {"min", "1800-01-01"}, {"max", "2100-01-01"}};
        const Run result = run(builtinAssertion("quantile_between"), table, spec.dump());
        QVERIFY2(result.validation.isOk(), result.validation.message().c_str());
        // Sorted: 1900-01-01, 1969-12-31, 2024-01-01, 2024-01-03, 2024-01-05; the median is the third.
        QCOMPARE(QString::fromStdString(result.outcome.observed),
                 "quantile(0.5) = " + QString::fromStdString(formatDateTime(at("2024-01-01"))));
    }

    void betweenDoublesMatchIntegers_data()
    {
        // The values 1, 2, 3, -, 5, 6, -7, 2, 5 (rows 0-8); the rows outside the bounds, by hand.
        QTest::addColumn<QString>("bounds");
        QTest::addColumn<Rows>("failing");
        QTest::newRow("inclusive") << R"("min": 2, "max": 5, "strict": false)" << Rows{0, 5, 6};
        QTest::newRow("strict by default") << R"("min": 2, "max": 5)" << Rows{0, 1, 4, 5, 6, 7, 8};
        QTest::newRow("strict") << R"("min": 2, "max": 5, "strict": true)" << Rows{0, 1, 4, 5, 6, 7, 8};
        QTest::newRow("strict min only") << R"("min": 2, "max": 5, "strict": false, "strict_min": true)"
                                         << Rows{0, 1, 5, 6, 7};
        QTest::newRow("strict max only") << R"("min": 2, "max": 5, "strict": false, "strict_max": true)"
                                         << Rows{0, 4, 5, 6, 8};
        QTest::newRow("min only") << R"("min": 3, "strict": false)" << Rows{0, 1, 6, 7};
        QTest::newRow("max alone, strict") << R"("max": 3)" << Rows{2, 4, 5, 8};
    }

    void betweenDoublesMatchIntegers()
    {
        QFETCH(QString, bounds);
        QFETCH(Rows, failing);
        Table table;
        const std::vector<std::optional<std::int64_t>> ints{1, 2, 3, std::nullopt, 5, 6, -7, 2, 5};
        std::vector<std::optional<double>> doubles;
        for (const auto &v : ints)
            doubles.push_back(v ? std::optional<double>(static_cast<double>(*v)) : std::nullopt);
        table.addColumn(intColumn("i", ints));
        table.addColumn(doubleColumn("d", doubles));
        const std::string tail = ", " + bounds.toStdString() + "}";
        const Run onInts = run(builtinAssertion("between"), table, R"({"assert": "between", "column": "i")" + tail);
        const Run onDoubles = run(builtinAssertion("between"), table, R"({"assert": "between", "column": "d")" + tail);
        QVERIFY2(onInts.validation.isOk(), onInts.validation.message().c_str());
        QVERIFY2(onDoubles.validation.isOk(), onDoubles.validation.message().c_str());
        QCOMPARE(rowsOf(onDoubles.outcome), failing);
        QCOMPARE(rowsOf(onInts.outcome), failing);
        QCOMPARE(onDoubles.outcome.checkedCount, std::uint64_t(8));
        QCOMPARE(onInts.outcome.checkedCount, std::uint64_t(8));
    }

    void betweenFailsNaN()
    {
        Table table;
        table.addColumn(doubleColumn("d", {1.0, std::numeric_limits<double>::quiet_NaN(), std::nullopt, 2.0}));
        const Run result = run(builtinAssertion("between"), table, R"({"assert": "between", "column": "d", "min": 0})");
        QCOMPARE(rowsOf(result.outcome), (Rows{1}));
        QCOMPARE(result.outcome.checkedCount, std::uint64_t(3));
    }

    void pairIntegersMatchNumbers_data()
    {
        // Pairs (1,2) (2,2) (3,1) (-,4) (5,-) (6,6) (-7,-8) (0,0): the rows where "left op right" is
        // false, by hand (rows 3 and 4 miss a value and are not checked).
        QTest::addColumn<QString>("op");
        QTest::addColumn<Rows>("failing");
        QTest::newRow("<") << "<" << Rows{1, 2, 5, 6, 7};
        QTest::newRow("<=") << "<=" << Rows{2, 6};
        QTest::newRow("==") << "==" << Rows{0, 2, 6};
        QTest::newRow("!=") << "!=" << Rows{1, 5, 7};
        QTest::newRow(">") << ">" << Rows{0, 1, 5, 7};
        QTest::newRow(">=") << ">=" << Rows{0};
    }

    void pairIntegersMatchNumbers()
    {
        QFETCH(QString, op);
        QFETCH(Rows, failing);
        const std::vector<std::optional<std::int64_t>> left{1, 2, 3, std::nullopt, 5, 6, -7, 0};
        const std::vector<std::optional<std::int64_t>> right{2, 2, 1, 4, std::nullopt, 6, -8, 0};
        const auto asDoubles = [](const std::vector<std::optional<std::int64_t>> &values) {
            std::vector<std::optional<double>> doubles;
            for (const auto &v : values)
                doubles.push_back(v ? std::optional<double>(static_cast<double>(*v)) : std::nullopt);
            return doubles;
        };
        Table table;
        table.addColumn(intColumn("i", left));
        table.addColumn(intColumn("j", right));
        table.addColumn(doubleColumn("x", asDoubles(left)));
        table.addColumn(doubleColumn("y", asDoubles(right)));
        nlohmann::json spec{{"assert", "column_pair"}, {"column", "i"}, {"other", "j"}, {"op", op.toStdString()}};
        const Run onInts = run(builtinAssertion("column_pair"), table, spec.dump());
        spec["column"] = "x";
        spec["other"] = "y";
        const Run onDoubles = run(builtinAssertion("column_pair"), table, spec.dump());
        QVERIFY2(onInts.validation.isOk(), onInts.validation.message().c_str());
        QVERIFY2(onDoubles.validation.isOk(), onDoubles.validation.message().c_str());
        QCOMPARE(rowsOf(onInts.outcome), failing);
        QCOMPARE(rowsOf(onDoubles.outcome), failing);
        QCOMPARE(onInts.outcome.checkedCount, std::uint64_t(6));
        QCOMPARE(onDoubles.outcome.checkedCount, std::uint64_t(6));
    }

    void runnerKeepsSuiteOrder_data()
    {
        QTest::addColumn<int>("threads");
        QTest::newRow("one worker") << 1;
        QTest::newRow("two workers") << 2;
        QTest::newRow("four workers") << 4;
    }

    void runnerKeepsSuiteOrder()
    {
        QFETCH(int, threads);
        // The compound_unique test is the most expensive, so it is started first; it must still come last.
        const char *suiteText = R"({"suite": "order", "tests": [
            {"name": "a_between", "assert": "between", "column": "a", "min": 0, "max": 2, "strict": false},
            {"name": "b_not_null", "assert": "not_null", "column": "b"},
            {"name": "a_unique", "assert": "unique", "column": "a"},
            {"name": "pair_unique", "assert": "compound_unique", "columns": ["a", "b"]}]})";
        Result<CheckSuite> suite = SuiteParser::parseText(suiteText, "order.json");
        QVERIFY2(suite.isOk(), suite.message().c_str());
        Table table;
        table.addColumn(intColumn("a", {1, 2, 3, 1, 2}));
        table.addColumn(intColumn("b", {5, std::nullopt, 5, 5, std::nullopt}));
        CheckRunOptions options;
        options.threads = threads;
        options.nowNanos = at("2024-01-01");
        Result<CheckRunResult> result = CheckRunner::run(suite.value(), table, options);
        QVERIFY2(result.isOk(), result.message().c_str());
        QStringList names;
        for (const CheckTestResult &test : result.value().tests)
            names << QString::fromStdString(test.name);
        QCOMPARE(names, (QStringList{"a_between", "b_not_null", "a_unique", "pair_unique"}));
        QCOMPARE(rowsOf(result.value().tests[0].outcome), (Rows{2}));
        QCOMPARE(rowsOf(result.value().tests[1].outcome), (Rows{1, 4}));
        QCOMPARE(rowsOf(result.value().tests[2].outcome), (Rows{0, 1, 3, 4}));
        QCOMPARE(rowsOf(result.value().tests[3].outcome), (Rows{0, 3}));
    }
};

QTEST_APPLESS_MAIN(TestCheckFastPaths)
#include "tst_checkfastpaths.moc"
