// computeColumnStats: counts, moments, histograms and top values per column type, NaN handling.
#include "core/data/ColumnStats.h"
#include "core/data/DateTime.h"

#include <QtTest>

#include "StdStringPrinting.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <set>

using namespace loupe;

namespace {

Column intColumn(const std::vector<std::optional<std::int64_t>> &values, ColumnType type = ColumnType::Int64)
{
    Column column("n", type);
    for (const auto &v : values) {
        if (v)
            column.appendInt(*v);
        else
            column.appendMissing();
    }
    return column;
}

Column floatColumn(const std::vector<double> &values)
{
    Column column("x", ColumnType::Float64);
    for (double v : values)
        column.appendDouble(v);
    return column;
}

Column stringColumn(const std::vector<std::optional<std::string>> &values)
{
    Column column("s", ColumnType::String);
    for (const auto &v : values) {
        if (v)
            column.appendString(*v);
        else
            column.appendMissing();
    }
    return column;
}

std::uint64_t histogramTotal(const ColumnStats &stats)
{
    std::uint64_t total = 0;
    for (const HistogramBin &bin : stats.histogram)
        total += bin.count;
    return total;
}

} // namespace

class TestColumnStats : public QObject {
    Q_OBJECT

private slots:
    void integerBasics();
    void floatNanAndInfinity();
    void negativeZeroIsZero();
    void histogramEqualWidth();
    void histogramConstantColumn();
    void histogramBinsArgument_data();
    void histogramBinsArgument();
    void dateTimeColumn();
    void largeOffsetKeepsPrecision();
    void boolColumn();
    void categoricalColumn();
    void stringTopValues();
    void topNLimits();
    void emptyAndAllMissing();
    void matchesNaiveComputation_data();
    void matchesNaiveComputation();
    void millionRowColumn();
};

void TestColumnStats::integerBasics()
{
    const ColumnStats stats = computeColumnStats(intColumn({1, 2, std::nullopt, 3, 4, 4}));
    QCOMPARE(stats.name, std::string("n"));
    QCOMPARE(stats.type, ColumnType::Int64);
    QCOMPARE(stats.rows, std::size_t(6));
    QCOMPARE(stats.missing, std::size_t(1));
    QCOMPARE(stats.distinct, std::size_t(4));
    QVERIFY(stats.hasNumeric);
    QCOMPARE(stats.min, 1.0);
    QCOMPARE(stats.max, 4.0);
    QCOMPARE(stats.mean, 2.8);
    QVERIFY(std::fabs(stats.std - std::sqrt(1.7)) < 1e-12); // sample variance of 1,2,3,4,4 is 6.8/4
    QVERIFY(stats.topValues.empty());
    QCOMPARE(histogramTotal(stats), std::uint64_t(5));
}

void TestColumnStats::floatNanAndInfinity()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    Column column = floatColumn({1.0, nan, 3.0, inf, -inf, -nan, 5.0});
    column.appendMissing();
    const ColumnStats stats = computeColumnStats(column, 4);
    QCOMPARE(stats.missing, std::size_t(1));
    QCOMPARE(stats.nonFinite, std::size_t(4));
    QCOMPARE(stats.distinct, std::size_t(6)); // 1, 3, 5, +inf, -inf and one NaN
    QCOMPARE(stats.min, 1.0);
    QCOMPARE(stats.max, 5.0);
    QCOMPARE(stats.mean, 3.0);
    QCOMPARE(stats.std, 2.0);
    QCOMPARE(histogramTotal(stats), std::uint64_t(3));

    const ColumnStats onlyNan = computeColumnStats(floatColumn({nan, nan}));
    QVERIFY(!onlyNan.hasNumeric);
    QCOMPARE(onlyNan.distinct, std::size_t(1));
    QVERIFY(onlyNan.histogram.empty());

    const ColumnStats single = computeColumnStats(floatColumn({2.5}));
    QVERIFY(single.hasNumeric);
    QCOMPARE(single.mean, 2.5);
    QVERIFY(std::isnan(single.std)); // sample std of one value is undefined
}

void TestColumnStats::negativeZeroIsZero()
{
    QCOMPARE(computeColumnStats(floatColumn({0.0, -0.0, 0.0})).distinct, std::size_t(1));
    // Unsorted input takes the hash path; it must agree.
    QCOMPARE(computeColumnStats(floatColumn({1.0, -0.0, 0.0, 1.0})).distinct, std::size_t(2));
}

void TestColumnStats::histogramEqualWidth()
{
    std::vector<double> values;
    for (int i = 0; i < 100; ++i)
        values.push_back(i);
    const ColumnStats stats = computeColumnStats(floatColumn(values), 10);
    QCOMPARE(stats.histogram.size(), std::size_t(10));
    const double width = 99.0 / 10.0;
    for (std::size_t b = 0; b < 10; ++b) {
        const HistogramBin &bin = stats.histogram[b];
        QVERIFY(std::fabs(bin.lower - width * b) < 1e-9);
        QVERIFY(std::fabs(bin.upper - width * (b + 1)) < 1e-9);
        // Bin b holds the integers in [9.9 b, 9.9 (b + 1)), the last one also 99.
        std::uint64_t expected = 0;
        for (int i = 0; i < 100; ++i)
            expected += (i >= bin.lower && (i < bin.upper || b == 9)) ? 1 : 0;
        QCOMPARE(bin.count, expected);
    }
    QCOMPARE(stats.histogram.front().lower, 0.0);
    QCOMPARE(stats.histogram.back().upper, 99.0);
    QCOMPARE(histogramTotal(stats), std::uint64_t(100));
}

void TestColumnStats::histogramConstantColumn()
{
    const ColumnStats stats = computeColumnStats(intColumn({7, 7, 7}), 30);
    QCOMPARE(stats.histogram.size(), std::size_t(1));
    QCOMPARE(stats.histogram[0].lower, 7.0);
    QCOMPARE(stats.histogram[0].upper, 7.0);
    QCOMPARE(stats.histogram[0].count, std::uint64_t(3));
    QCOMPARE(stats.std, 0.0);
    QCOMPARE(stats.distinct, std::size_t(1));
}

void TestColumnStats::histogramBinsArgument_data()
{
    QTest::addColumn<int>("bins");
    QTest::addColumn<int>("expected");
    QTest::newRow("none") << 0 << 0;
    QTest::newRow("negative") << -3 << 0;
    QTest::newRow("one") << 1 << 1;
    QTest::newRow("default-30") << 30 << 30;
    QTest::newRow("many") << 500 << 500;
}

void TestColumnStats::histogramBinsArgument()
{
    QFETCH(int, bins);
    QFETCH(int, expected);
    const ColumnStats stats = computeColumnStats(floatColumn({-1.0, 0.5, 2.0, 8.0}), bins);
    QCOMPARE(static_cast<int>(stats.histogram.size()), expected);
    if (expected > 0)
        QCOMPARE(histogramTotal(stats), std::uint64_t(4));
    QVERIFY(stats.hasNumeric); // moments do not depend on bins
}

void TestColumnStats::dateTimeColumn()
{
    const std::int64_t first = daysFromCivil(2024, 1, 1) * kNanosPerDay;
    const std::int64_t last = daysFromCivil(2024, 12, 31) * kNanosPerDay;
    const ColumnStats stats = computeColumnStats(
        intColumn({first, std::nullopt, last, first + kNanosPerDay, last}, ColumnType::DateTime), 12);
    QCOMPARE(stats.type, ColumnType::DateTime);
    QCOMPARE(stats.missing, std::size_t(1));
    QCOMPARE(stats.distinct, std::size_t(3));
    QCOMPARE(stats.min, static_cast<double>(first));
    QCOMPARE(stats.max, static_cast<double>(last));
    QCOMPARE(stats.histogram.size(), std::size_t(12));
    QCOMPARE(stats.histogram.front().count, std::uint64_t(2));
    QCOMPARE(stats.histogram.back().count, std::uint64_t(2));
    QVERIFY(stats.topValues.empty());
}

void TestColumnStats::largeOffsetKeepsPrecision()
{
    // Timestamps near 1.7e18 ns that differ by whole seconds: a naive sum of squares would lose them all.
    const std::int64_t base = daysFromCivil(2024, 6, 1) * kNanosPerDay;
    std::vector<std::optional<std::int64_t>> values;
    for (int i = 0; i < 1001; ++i)
        values.push_back(base + i * kNanosPerSecond);
    const ColumnStats stats = computeColumnStats(intColumn(values, ColumnType::DateTime));
    QCOMPARE(stats.mean, static_cast<double>(base + 500 * kNanosPerSecond));
    // Sample std of 0..1000 seconds: sqrt(1001 * 1002 / 12) seconds.
    const double expected = std::sqrt(1001.0 * 1002.0 / 12.0) * kNanosPerSecond;
    QVERIFY2(std::fabs(stats.std - expected) / expected < 1e-9, qPrintable(QString::number(stats.std)));
}

void TestColumnStats::boolColumn()
{
    const ColumnStats stats = computeColumnStats(intColumn({1, 0, 1, std::nullopt, 1}, ColumnType::Bool));
    QCOMPARE(stats.distinct, std::size_t(2));
    QCOMPARE(stats.missing, std::size_t(1));
    QCOMPARE(stats.topValues.size(), std::size_t(2));
    QCOMPARE(stats.topValues[0].label, std::string("true"));
    QCOMPARE(stats.topValues[0].count, std::uint64_t(3));
    QCOMPARE(stats.topValues[1].label, std::string("false"));
    QCOMPARE(stats.topValues[1].count, std::uint64_t(1));
    QCOMPARE(stats.mean, 0.75); // share of true
    QVERIFY(stats.histogram.empty());
}

void TestColumnStats::categoricalColumn()
{
    Column column("c", ColumnType::Categorical);
    const std::int32_t a = column.addCategory("apple");
    const std::int32_t b = column.addCategory("banana");
    column.addCategory("cherry"); // never used
    for (std::int32_t code : {b, a, b, b, a})
        column.appendCategoryCode(code);
    column.appendMissing();
    const ColumnStats stats = computeColumnStats(column);
    QCOMPARE(stats.distinct, std::size_t(2));
    QCOMPARE(stats.missing, std::size_t(1));
    QVERIFY(!stats.hasNumeric);
    QCOMPARE(stats.topValues.size(), std::size_t(2));
    QCOMPARE(stats.topValues[0].label, std::string("banana"));
    QCOMPARE(stats.topValues[0].count, std::uint64_t(3));
    QCOMPARE(stats.topValues[1].label, std::string("apple"));
}

void TestColumnStats::stringTopValues()
{
    const ColumnStats stats = computeColumnStats(stringColumn(
        {"pear", "fig", std::nullopt, "fig", "", "apple", "pear", "fig", "kiwi", "apple", std::nullopt, ""}));
    QCOMPARE(stats.missing, std::size_t(2));
    QCOMPARE(stats.distinct, std::size_t(5)); // the empty string is a value
    QVERIFY(!stats.hasNumeric);
    QVERIFY(stats.histogram.empty());
    const std::vector<std::pair<std::string, std::uint64_t>> expected{
        {"fig", 3}, {"", 2}, {"apple", 2}, {"pear", 2}, {"kiwi", 1}}; // ties ordered by label
    QCOMPARE(stats.topValues.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(stats.topValues[i].label, expected[i].first);
        QCOMPARE(stats.topValues[i].count, expected[i].second);
    }
}

void TestColumnStats::topNLimits()
{
    std::vector<std::optional<std::string>> values;
    for (int i = 0; i < 5000; ++i) {
        std::string value = std::to_string(i % 700);
        if (i % 3 == 0)
            value.append(40, 'x');
        values.push_back(std::move(value));
    }
    const ColumnStats stats = computeColumnStats(stringColumn(values), 30, 5);
    QCOMPARE(stats.distinct, std::size_t(1400)); // 700 values, each with and without the long suffix
    QCOMPARE(stats.topValues.size(), std::size_t(5));
    for (std::size_t i = 1; i < stats.topValues.size(); ++i)
        QVERIFY(stats.topValues[i - 1].count >= stats.topValues[i].count);
    QCOMPARE(computeColumnStats(stringColumn(values), 30, 0).topValues.size(), std::size_t(0));
}

void TestColumnStats::emptyAndAllMissing()
{
    const ColumnStats empty = computeColumnStats(Column("e", ColumnType::Float64));
    QCOMPARE(empty.rows, std::size_t(0));
    QCOMPARE(empty.distinct, std::size_t(0));
    QVERIFY(!empty.hasNumeric);
    QVERIFY(empty.histogram.empty());

    const ColumnStats missing = computeColumnStats(intColumn({std::nullopt, std::nullopt}));
    QCOMPARE(missing.missing, std::size_t(2));
    QCOMPARE(missing.distinct, std::size_t(0));
    QVERIFY(!missing.hasNumeric);

    const ColumnStats noStrings = computeColumnStats(stringColumn({std::nullopt}));
    QCOMPARE(noStrings.distinct, std::size_t(0));
    QVERIFY(noStrings.topValues.empty());
}

void TestColumnStats::matchesNaiveComputation_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("levels"); // distinct values to draw from; 0 = continuous
    QTest::addColumn<bool>("sorted");
    QTest::newRow("low-cardinality") << 200000 << 37 << false;
    QTest::newRow("mid-cardinality") << 200000 << 20000 << false;
    QTest::newRow("mostly-unique") << 200000 << 0 << false;
    QTest::newRow("sorted-with-repeats") << 200000 << 5000 << true;
    QTest::newRow("small") << 9 << 4 << false;
}

void TestColumnStats::matchesNaiveComputation()
{
    QFETCH(int, rows);
    QFETCH(int, levels);
    QFETCH(bool, sorted);
    std::mt19937_64 rng(static_cast<std::uint64_t>(rows) * 31 + levels);
    std::vector<double> doubles;
    std::vector<std::int64_t> ints;
    for (int i = 0; i < rows; ++i) {
        const std::uint64_t draw = rng();
        const std::int64_t level = levels ? static_cast<std::int64_t>(draw % levels) : static_cast<std::int64_t>(draw >> 30);
        ints.push_back(level * 1000 - 77);
        doubles.push_back(levels ? level * 0.37 - 3.0 : static_cast<double>(draw >> 11) * 0x1p-53 * 1e6);
    }
    if (sorted) {
        std::sort(ints.begin(), ints.end());
        std::sort(doubles.begin(), doubles.end());
    }
    Column intCol("i", ColumnType::Int64), floatCol("f", ColumnType::Float64);
    for (int i = 0; i < rows; ++i) {
        if (i % 17 == 5) { // some missing cells, whose slots must be ignored
            intCol.appendMissing();
            floatCol.appendMissing();
            continue;
        }
        intCol.appendInt(ints[i]);
        floatCol.appendDouble(doubles[i]);
    }
    for (const Column *column : {&intCol, &floatCol}) {
        std::set<double> distinct;
        long double sum = 0;
        std::size_t count = 0;
        for (std::size_t r = 0; r < column->size(); ++r) {
            if (!column->isValid(r))
                continue;
            distinct.insert(column->numericAt(r));
            sum += column->numericAt(r);
            ++count;
        }
        const long double mean = sum / count;
        long double squares = 0;
        for (std::size_t r = 0; r < column->size(); ++r)
            if (column->isValid(r))
                squares += (column->numericAt(r) - mean) * (column->numericAt(r) - mean);
        const double std = static_cast<double>(std::sqrt(squares / (count - 1)));
        const ColumnStats stats = computeColumnStats(*column);
        QCOMPARE(stats.distinct, distinct.size());
        QCOMPARE(stats.min, *distinct.begin());
        QCOMPARE(stats.max, *distinct.rbegin());
        QVERIFY(std::fabs(stats.mean - static_cast<double>(mean)) <= 1e-9 * (1 + std::fabs(static_cast<double>(mean))));
        QVERIFY(std::fabs(stats.std - std) <= 1e-9 * (1 + std));
        QCOMPARE(histogramTotal(stats), std::uint64_t(count));
    }
}

void TestColumnStats::millionRowColumn()
{
    // One million mostly-unique doubles, unsorted: the worst case for the distinct count.
    // Correctness only; speed is measured by the benchmarks, never asserted in ctest.
    std::mt19937_64 rng(5);
    Column column("x", ColumnType::Float64);
    column.reserve(1'000'000);
    std::uint64_t total = 0;
    for (int i = 0; i < 1'000'000; ++i)
        column.appendDouble(static_cast<double>(rng() >> 11) * 0x1p-53 * 1000.0);
    const ColumnStats stats = computeColumnStats(column);
    QVERIFY(stats.distinct > 999'000);
    total = histogramTotal(stats);
    QCOMPARE(total, std::uint64_t(1'000'000));
}

QTEST_APPLESS_MAIN(TestColumnStats)
#include "tst_columnstats.moc"
