// How numbers, counts, durations and column statistics read in the UI.

#include "ui/common/DisplayFormat.h"

#include "core/data/DateTime.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace loupe;

class TestDisplayFormat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void numbers_data();
    void numbers();
    void counts();
    void seconds();
    void durations_data();
    void durations();
    void statistics();
};

void TestDisplayFormat::numbers_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("whole") << 1000000.0 << "1,000,000";
    QTest::newRow("negative whole") << -3.0 << "-3";
    QTest::newRow("fraction") << 0.125 << "0.125";
    QTest::newRow("large fraction") << 500000.5 << "500000.5";
    QTest::newRow("rounded to 7 digits") << 2.0 / 3.0 << "0.6666667";
    QTest::newRow("huge") << 1.5e20 << "1.5e+20";
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << "NaN";
    QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << QStringLiteral("∞");
}

void TestDisplayFormat::numbers()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(formatNumber(value), text);
}

void TestDisplayFormat::counts()
{
    QCOMPARE(formatCount(0), QStringLiteral("0"));
    QCOMPARE(formatCount(1234567), QStringLiteral("1,234,567"));
    QCOMPARE(formatCountWithShare(1, 5), QStringLiteral("1 (20.0 %)"));
    QCOMPARE(formatCountWithShare(1, 100000), QStringLiteral("1 (0.001 %)"));
    QCOMPARE(formatCountWithShare(0, 0), QStringLiteral("0"));
}

void TestDisplayFormat::seconds()
{
    QCOMPARE(displaySeconds(0.0123), QStringLiteral("12 ms"));
    QCOMPARE(displaySeconds(1.5), QStringLiteral("1.50 s"));
    QCOMPARE(displaySeconds(42.24), QStringLiteral("42.2 s"));
}

void TestDisplayFormat::durations_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("seconds") << 12.4 << "12 s";
    QTest::newRow("minutes") << 65.0 << "1:05";
    QTest::newRow("hours") << 3725.0 << "1:02:05";
    QTest::newRow("unknown") << -1.0 << QStringLiteral("—");
}

void TestDisplayFormat::durations()
{
    QFETCH(double, seconds);
    QFETCH(QString, text);
    QCOMPARE(formatDuration(seconds), text);
}

void TestDisplayFormat::statistics()
{
    const double day = double(daysFromCivil(2024, 2, 29) * kNanosPerDay);
    QCOMPARE(formatStatistic(day, ColumnType::DateTime), QStringLiteral("2024-02-29"));
    QCOMPARE(formatStatistic(day + 3600.0 * kNanosPerSecond, ColumnType::DateTime), QStringLiteral("2024-02-29 01:00:00"));
    QCOMPARE(formatStatistic(0.0, ColumnType::Bool), QStringLiteral("false"));
    QCOMPARE(formatStatistic(1.0, ColumnType::Bool), QStringLiteral("true"));
    QCOMPARE(formatStatistic(2.5, ColumnType::Float64), QStringLiteral("2.5"));
    QCOMPARE(formatSpread(2.0 * 86400.0 * kNanosPerSecond, ColumnType::DateTime), QStringLiteral("2 days"));
    QCOMPARE(formatSpread(90.0 * kNanosPerSecond, ColumnType::DateTime), QStringLiteral("1.5 min"));
    QCOMPARE(formatSpread(0.5, ColumnType::Float64), QStringLiteral("0.5"));
}

QTEST_APPLESS_MAIN(TestDisplayFormat)
#include "tst_displayformat.moc"
