// Column, Table and the civil-date helpers they rest on.
#include "core/data/Column.h"
#include "core/data/DateTime.h"
#include "core/data/Table.h"

#include <QtTest>

#include "StdStringPrinting.h"

#include <cmath>

using namespace loupe;

class TestTable : public QObject {
    Q_OBJECT

private slots:
    void appendTypedValues();
    void missingValues();
    void categoricalColumn();
    void displayText();
    void bulkWritesAndRecount();
    void tableLookup();
    void daysFromCivilKnownDates_data();
    void daysFromCivilKnownDates();
    void civilRoundTripEveryDay();
    void validDates_data();
    void validDates();
    void formatDateTime_data();
    void formatDateTime();
    void columnTypeNames();
};

void TestTable::appendTypedValues()
{
    Column ints("n", ColumnType::Int64);
    ints.appendInt(-3);
    ints.appendInt(7);
    QCOMPARE(ints.size(), std::size_t(2));
    QCOMPARE(ints.intAt(0), std::int64_t(-3));
    QCOMPARE(ints.numericAt(1), 7.0);
    QVERIFY(ints.isNumeric());

    Column doubles("x", ColumnType::Float64);
    doubles.appendDouble(0.25);
    QCOMPARE(doubles.doubleAt(0), 0.25);

    Column text("s", ColumnType::String);
    text.appendString("alpha");
    text.appendString("");
    text.appendString("gamma, delta");
    QCOMPARE(text.size(), std::size_t(3));
    QCOMPARE(text.stringAt(0), std::string_view("alpha"));
    QCOMPARE(text.stringAt(1), std::string_view(""));
    QCOMPARE(text.stringAt(2), std::string_view("gamma, delta"));
    QVERIFY(!text.isNumeric());
    QVERIFY(std::isnan(text.numericAt(0)));
}

void TestTable::missingValues()
{
    Column doubles("x", ColumnType::Float64);
    doubles.appendDouble(1.5);
    doubles.appendMissing();
    doubles.appendDouble(2.5);
    QCOMPARE(doubles.missingCount(), std::size_t(1));
    QVERIFY(!doubles.isValid(1));
    QVERIFY(std::isnan(doubles.numericAt(1)));

    Column text("s", ColumnType::String);
    text.appendString("a");
    text.appendMissing();
    text.appendString("b");
    QCOMPARE(text.missingCount(), std::size_t(1));
    QCOMPARE(text.stringAt(1), std::string_view(""));
    QCOMPARE(text.stringAt(2), std::string_view("b")); // offsets stay aligned after a missing cell

    Column ints("n", ColumnType::Int64);
    ints.appendMissing();
    QVERIFY(std::isnan(ints.numericAt(0)));
    QCOMPARE(ints.displayAt(0), std::string());
}

void TestTable::categoricalColumn()
{
    Column column("colour", ColumnType::Categorical);
    const std::int32_t red = column.addCategory("red");
    const std::int32_t blue = column.addCategory("blue");
    QCOMPARE(red, 0);
    QCOMPARE(blue, 1);
    column.appendCategoryCode(blue);
    column.appendCategoryCode(red);
    column.appendMissing();
    QCOMPARE(column.categoryAt(0), std::string_view("blue"));
    QCOMPARE(column.categoryAt(1), std::string_view("red"));
    QCOMPARE(column.numericAt(0), 1.0); // the code
    QCOMPARE(column.displayAt(1), std::string("red"));
    QCOMPARE(column.missingCount(), std::size_t(1));
}

void TestTable::displayText()
{
    Column flags("f", ColumnType::Bool);
    flags.appendInt(1);
    flags.appendInt(0);
    QCOMPARE(flags.displayAt(0), std::string("true"));
    QCOMPARE(flags.displayAt(1), std::string("false"));

    Column when("t", ColumnType::DateTime);
    when.appendInt(daysFromCivil(2024, 1, 1) * kNanosPerDay + 3723 * kNanosPerSecond);
    when.appendInt(daysFromCivil(1800, 1, 1) * kNanosPerDay);
    QCOMPARE(when.displayAt(0), std::string("2024-01-01 01:02:03"));
    QCOMPARE(when.displayAt(1), std::string("1800-01-01"));

    Column doubles("x", ColumnType::Float64);
    doubles.appendDouble(103.27);
    doubles.appendDouble(12.5);
    doubles.appendDouble(0.1);
    QCOMPARE(doubles.displayAt(0), std::string("103.27"));
    QCOMPARE(doubles.displayAt(1), std::string("12.5"));
    QCOMPARE(doubles.displayAt(2), std::string("0.1"));
}

void TestTable::bulkWritesAndRecount()
{
    Column column("n", ColumnType::Int64);
    column.ints() = {1, 2, 3, 4};
    column.validity() = {1, 0, 1, 0};
    column.recountMissing();
    QCOMPARE(column.size(), std::size_t(4));
    QCOMPARE(column.missingCount(), std::size_t(2));
    QVERIFY(column.isValid(2));
    QVERIFY(!column.isValid(3));
}

void TestTable::tableLookup()
{
    Table table;
    QCOMPARE(table.rowCount(), std::size_t(0));
    Column a("a", ColumnType::Int64);
    a.appendInt(1);
    a.appendInt(2);
    Column b("b", ColumnType::String);
    b.appendString("x");
    b.appendString("y");
    table.addColumn(std::move(a));
    table.addColumn(std::move(b));
    QCOMPARE(table.rowCount(), std::size_t(2));
    QCOMPARE(table.columnCount(), std::size_t(2));
    QCOMPARE(table.indexOf("b").value(), std::size_t(1));
    QVERIFY(!table.indexOf("c").has_value());
    QVERIFY(table.find("c") == nullptr);
    QCOMPARE(table.find("b")->stringAt(1), std::string_view("y"));
    table.column(0).setName("renamed");
    QVERIFY(table.find("renamed") != nullptr);
}

void TestTable::daysFromCivilKnownDates_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<unsigned>("month");
    QTest::addColumn<unsigned>("day");
    QTest::addColumn<qint64>("days");
    // Expected values from Python's datetime.date arithmetic.
    QTest::newRow("epoch") << 1970 << 1u << 1u << qint64(0);
    QTest::newRow("day-before-epoch") << 1969 << 12u << 31u << qint64(-1);
    QTest::newRow("after-2000-leap-day") << 2000 << 3u << 1u << qint64(11017);
    QTest::newRow("ceo-birth-1800") << 1800 << 1u << 1u << qint64(-62091);
    QTest::newRow("leap-day-2024") << 2024 << 2u << 29u << qint64(19782);
    QTest::newRow("leap-day-1600") << 1600 << 2u << 29u << qint64(-135081);
    QTest::newRow("int64-nanos-limit") << 2262 << 4u << 11u << qint64(106751);
    QTest::newRow("year-1") << 1 << 1u << 1u << qint64(-719162);
    QTest::newRow("year-9999") << 9999 << 12u << 31u << qint64(2932896);
}

void TestTable::daysFromCivilKnownDates()
{
    QFETCH(int, year);
    QFETCH(unsigned, month);
    QFETCH(unsigned, day);
    QFETCH(qint64, days);
    QCOMPARE(daysFromCivil(year, month, day), days);
    int y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    QCOMPARE(y, year);
    QCOMPARE(m, month);
    QCOMPARE(d, day);
}

void TestTable::civilRoundTripEveryDay()
{
    // Every day from year -400 to 2800: the day number goes up by one and survives the round trip.
    const std::int64_t first = daysFromCivil(-400, 1, 1);
    const std::int64_t last = daysFromCivil(2800, 12, 31);
    int previousYear = -401;
    unsigned previousMonth = 12, previousDay = 31;
    for (std::int64_t days = first; days <= last; ++days) {
        int y;
        unsigned m, d;
        civilFromDays(days, y, m, d);
        if (!isValidDate(y, m, d) || daysFromCivil(y, m, d) != days)
            QFAIL(qPrintable(QStringLiteral("round trip broke at day %1 (%2-%3-%4)").arg(days).arg(y).arg(m).arg(d)));
        const bool nextDay = (y == previousYear && m == previousMonth && d == previousDay + 1)
            || (y == previousYear && m == previousMonth + 1 && d == 1) || (y == previousYear + 1 && m == 1 && d == 1);
        if (!nextDay)
            QFAIL(qPrintable(QStringLiteral("day %1 does not follow the previous one").arg(days)));
        previousYear = y;
        previousMonth = m;
        previousDay = d;
    }
}

void TestTable::validDates_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<unsigned>("month");
    QTest::addColumn<unsigned>("day");
    QTest::addColumn<bool>("valid");
    QTest::newRow("2024-02-29") << 2024 << 2u << 29u << true;
    QTest::newRow("2023-02-29") << 2023 << 2u << 29u << false;
    QTest::newRow("1900-02-29") << 1900 << 2u << 29u << false;
    QTest::newRow("2000-02-29") << 2000 << 2u << 29u << true;
    QTest::newRow("april-31") << 2024 << 4u << 31u << false;
    QTest::newRow("month-0") << 2024 << 0u << 1u << false;
    QTest::newRow("month-13") << 2024 << 13u << 1u << false;
    QTest::newRow("day-0") << 2024 << 1u << 0u << false;
    QTest::newRow("dec-31") << 2024 << 12u << 31u << true;
}

void TestTable::validDates()
{
    QFETCH(int, year);
    QFETCH(unsigned, month);
    QFETCH(unsigned, day);
    QFETCH(bool, valid);
    QCOMPARE(isValidDate(year, month, day), valid);
}

void TestTable::formatDateTime_data()
{
    QTest::addColumn<qint64>("nanos");
    QTest::addColumn<QString>("text");
    const qint64 jan1 = qint64(daysFromCivil(2024, 1, 1) * kNanosPerDay);
    QTest::newRow("date-only") << jan1 << "2024-01-01";
    QTest::newRow("seconds") << qint64(jan1 + (13 * 3600 + 5 * 60 + 9) * kNanosPerSecond) << "2024-01-01 13:05:09";
    QTest::newRow("milliseconds") << qint64(jan1 + kNanosPerSecond + 250'000'000) << "2024-01-01 00:00:01.250";
    QTest::newRow("nanoseconds") << jan1 + 7 << "2024-01-01 00:00:00.000000007";
    QTest::newRow("before-epoch-date") << qint64(daysFromCivil(1800, 1, 1) * kNanosPerDay) << "1800-01-01";
    QTest::newRow("one-second-before-epoch") << qint64(-kNanosPerSecond) << "1969-12-31 23:59:59";
    QTest::newRow("epoch") << qint64(0) << "1970-01-01";
}

void TestTable::formatDateTime()
{
    QFETCH(qint64, nanos);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(loupe::formatDateTime(nanos)), text);
}

void TestTable::columnTypeNames()
{
    for (ColumnType type : {ColumnType::Int64, ColumnType::Float64, ColumnType::Bool, ColumnType::DateTime,
                            ColumnType::String, ColumnType::Categorical}) {
        const auto back = columnTypeFromName(columnTypeName(type));
        QVERIFY(back.has_value());
        QCOMPARE(*back, type);
    }
    QCOMPARE(columnTypeName(ColumnType::DateTime), std::string_view("datetime"));
    QVERIFY(!columnTypeFromName("decimal").has_value());
}

QTEST_APPLESS_MAIN(TestTable)
#include "tst_table.moc"
