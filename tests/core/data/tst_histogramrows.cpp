// HistogramRows: the rows behind a bar of a column's distribution. For every column type and bin
// count, the rows of each histogram bin number its count and fall in it, and every present value is
// in exactly one bin; the rows of each top value number its count and hold it.
#include "core/data/ColumnStats.h"
#include "core/data/HistogramRows.h"
#include "core/util/RandomGenerator.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace loupe;

namespace {

enum class Shape { Uniform, Normal, HeavyTail, Constant, ExtremeRange };

// 5,000 rows, every 17th missing, fixed seed.
Column numericColumn(ColumnType type, Shape shape, std::uint64_t seed)
{
    RandomGenerator rng(seed);
    Column column("x", type);
    for (int row = 0; row < 5000; ++row) {
        if (row % 17 == 3) {
            column.appendMissing();
            continue;
        }
        double value = 0.0;
        switch (shape) {
        case Shape::Uniform: value = rng.uniformDouble() * 200.0 - 50.0; break;
        case Shape::Normal: value = rng.normal() * 3.0; break;
        case Shape::HeavyTail: value = std::exp(rng.normal() * 3.0); break;
        case Shape::Constant: value = 7.0; break;
        case Shape::ExtremeRange: value = (rng.uniformDouble() * 2.0 - 1.0) * std::numeric_limits<double>::max(); break;
        }
        if (type == ColumnType::Float64)
            column.appendDouble(row % 101 == 5 ? std::numeric_limits<double>::quiet_NaN() : value);
        else
            column.appendInt(type == ColumnType::DateTime ? std::int64_t(1.7e18 + value * 1e12)
                                                          : std::int64_t(std::clamp(value, -9e15, 9e15)));
    }
    return column;
}

} // namespace

class TestHistogramRows : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void binRowsMatchTheCounts_data();
    void binRowsMatchTheCounts();
    void topValueRowsMatchTheCounts_data();
    void topValueRowsMatchTheCounts();
    void outOfRangeIsEmpty();
};

void TestHistogramRows::binRowsMatchTheCounts_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("shape");
    QTest::addColumn<int>("bins");
    QTest::newRow("float uniform 30") << int(ColumnType::Float64) << int(Shape::Uniform) << 30;
    QTest::newRow("float normal 7") << int(ColumnType::Float64) << int(Shape::Normal) << 7;
    QTest::newRow("float heavy tail 50") << int(ColumnType::Float64) << int(Shape::HeavyTail) << 50;
    QTest::newRow("float constant") << int(ColumnType::Float64) << int(Shape::Constant) << 30;
    QTest::newRow("float extreme range") << int(ColumnType::Float64) << int(Shape::ExtremeRange) << 30;
    QTest::newRow("int uniform 30") << int(ColumnType::Int64) << int(Shape::Uniform) << 30;
    QTest::newRow("int heavy tail 13") << int(ColumnType::Int64) << int(Shape::HeavyTail) << 13;
    QTest::newRow("datetime normal 30") << int(ColumnType::DateTime) << int(Shape::Normal) << 30;
}

void TestHistogramRows::binRowsMatchTheCounts()
{
    QFETCH(int, type);
    QFETCH(int, shape);
    QFETCH(int, bins);
    const Column column = numericColumn(ColumnType(type), Shape(shape), 11);
    const ColumnStats stats = computeColumnStats(column, bins);
    QVERIFY(!stats.histogram.empty());
    std::uint64_t total = 0;
    for (std::size_t bin = 0; bin < stats.histogram.size(); ++bin) {
        const std::vector<std::uint64_t> rows = HistogramRows::inBin(column, stats, bin);
        QCOMPARE(rows.size(), stats.histogram[bin].count);
        QVERIFY(std::is_sorted(rows.begin(), rows.end()));
        for (std::uint64_t row : rows) {
            const auto value = HistogramRows::valueAt(column, row);
            QVERIFY(value.has_value());
            QCOMPARE(HistogramRows::binOf(stats, *value), std::optional<std::size_t>(bin));
        }
        total += rows.size();
    }
    std::uint64_t present = 0;
    for (std::size_t row = 0; row < column.size(); ++row)
        present += HistogramRows::valueAt(column, row).has_value() ? 1 : 0;
    QCOMPARE(total, present);
}

void TestHistogramRows::topValueRowsMatchTheCounts_data()
{
    QTest::addColumn<int>("type");
    QTest::newRow("string") << int(ColumnType::String);
    QTest::newRow("categorical") << int(ColumnType::Categorical);
    QTest::newRow("bool") << int(ColumnType::Bool);
}

void TestHistogramRows::topValueRowsMatchTheCounts()
{
    QFETCH(int, type);
    const std::vector<std::string> labels{"red", "green", "blue", "", "a much longer value than the axis shows"};
    RandomGenerator rng(5);
    Column column("c", ColumnType(type));
    if (ColumnType(type) == ColumnType::Categorical)
        for (const std::string &label : labels)
            column.addCategory(label);
    for (int row = 0; row < 3000; ++row) {
        const auto pick = std::size_t(rng.uniformDouble() * rng.uniformDouble() * double(labels.size()));
        if (row % 13 == 0)
            column.appendMissing();
        else if (ColumnType(type) == ColumnType::String)
            column.appendString(labels[pick]);
        else if (ColumnType(type) == ColumnType::Categorical)
            column.appendCategoryCode(std::int32_t(pick));
        else
            column.appendInt(pick % 2);
    }
    const ColumnStats stats = computeColumnStats(column, 30, 3); // the top 3 only
    QVERIFY(!stats.topValues.empty());
    for (std::size_t index = 0; index < stats.topValues.size(); ++index) {
        const std::vector<std::uint64_t> rows = HistogramRows::withTopValue(column, stats, index);
        QCOMPARE(rows.size(), stats.topValues[index].count);
        const std::string &label = stats.topValues[index].label;
        for (std::uint64_t row : rows) {
            QVERIFY(column.isValid(row));
            if (ColumnType(type) == ColumnType::String)
                QCOMPARE(std::string(column.stringAt(row)), label);
            else if (ColumnType(type) == ColumnType::Categorical)
                QCOMPARE(column.categories()[std::size_t(column.ints()[row])], label);
            else
                QCOMPARE(column.ints()[row] != 0, label == "true");
        }
    }
}

void TestHistogramRows::outOfRangeIsEmpty()
{
    const Column column = numericColumn(ColumnType::Float64, Shape::Uniform, 3);
    const ColumnStats stats = computeColumnStats(column, 10);
    QVERIFY(HistogramRows::inBin(column, stats, 10).empty());
    QVERIFY(HistogramRows::withTopValue(column, stats, 0).empty());
    QCOMPARE(HistogramRows::binOf(stats, std::numeric_limits<double>::quiet_NaN()), std::optional<std::size_t>());
    QCOMPARE(HistogramRows::binOf(stats, -1e300), std::optional<std::size_t>(0));
    QCOMPARE(HistogramRows::binOf(stats, 1e300), std::optional<std::size_t>(9));
}

QTEST_APPLESS_MAIN(TestHistogramRows)
#include "tst_histogramrows.moc"
