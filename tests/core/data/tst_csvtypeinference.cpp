// Type inference of CsvReader (int64, float64, bool, datetime, string, categorical), missing tokens,
// overrides, AllStrings, and the date/time and number readers it relies on.

#include "CsvTestSupport.h"

#include "core/data/CsvReader.h"
#include "core/data/DateTime.h"
#include "core/data/DateTimeParser.h"
#include "core/data/FieldParser.h"

#include <QtTest>

#include <cmath>

using namespace loupe;
using loupe::test::dumpTable;
using loupe::test::dumpTypes;
using loupe::test::readCsv;

namespace {

// A one-column CSV "v" whose rows are the given cells.
QByteArray column(const QStringList &cells)
{
    return ("v\n" + cells.join('\n') + "\n").toUtf8();
}

} // namespace

class TestCsvTypeInference : public QObject {
    Q_OBJECT

private slots:
    void inferColumn_data();
    void inferColumn();
    void overrides_data();
    void overrides();
    void allStringsKeepsRawText();
    void categorical_data();
    void categorical();
    void wideningBeyondTheSample_data();
    void wideningBeyondTheSample();
    void dateTimeParser_data();
    void dateTimeParser();
    void fieldParserNumbers_data();
    void fieldParserNumbers();
};

void TestCsvTypeInference::inferColumn_data()
{
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("values"); // dumpTable rows after the header, joined by '\n'
    QTest::addColumn<int>("missing");

    QTest::newRow("ints") << QStringList{"1", "-2", "+3", "007"} << "int64" << "1\n-2\n3\n7" << 0;
    QTest::newRow("int64 limits") << QStringList{"9223372036854775807", "-9223372036854775808"} << "int64"
                                  << "9223372036854775807\n-9223372036854775808" << 0;
    QTest::newRow("ints with missing tokens") << QStringList{"1", "", "NA", "N/A", "n/a", "#N/A", "null", "NULL", "3"}
                                              << "int64" << "1\n<NA>\n<NA>\n<NA>\n<NA>\n<NA>\n<NA>\n<NA>\n3" << 7;
    QTest::newRow("quoted numbers are numbers") << QStringList{"\"1\"", "\"2\""} << "int64" << "1\n2" << 0;
    QTest::newRow("spaces around numbers") << QStringList{"\" 5\"", "6 "} << "int64" << "5\n6" << 0;
    QTest::newRow("zero and one stay int") << QStringList{"0", "1", "1", "0"} << "int64" << "0\n1\n1\n0" << 0;
    QTest::newRow("floats") << QStringList{"1.5", "2", "-3e2", ".5", "5."} << "float64" << "1.5\n2\n-300\n0.5\n5" << 0;
    QTest::newRow("int then float") << QStringList{"1", "2", "2.5"} << "float64" << "1\n2\n2.5" << 0;
    QTest::newRow("nan tokens are missing floats") << QStringList{"1.5", "NaN", "nan"} << "float64" << "1.5\n<NA>\n<NA>" << 2;
    QTest::newRow("infinities") << QStringList{"inf", "-Infinity", "+INF", "1.5"} << "float64" << "inf\n-inf\ninf\n1.5" << 0;
    QTest::newRow("beyond int64 is float") << QStringList{"99999999999999999999"} << "float64" << "1e+20" << 0;
    QTest::newRow("float overflow is text") << QStringList{"1e999"} << "string" << "1e999" << 0;
    QTest::newRow("other nan spellings are text") << QStringList{"1.5", "NAN"} << "string" << "1.5\nNAN" << 0;
    QTest::newRow("hex is text") << QStringList{"0x10"} << "string" << "0x10" << 0;
    QTest::newRow("bools") << QStringList{"true", "False", "TRUE", "false", "True", "FALSE"} << "bool"
                           << "true\nfalse\ntrue\nfalse\ntrue\nfalse" << 0;
    QTest::newRow("bool with missing") << QStringList{"true", "", "false"} << "bool" << "true\n<NA>\nfalse" << 1;
    QTest::newRow("other bool spellings are text") << QStringList{"true", "yes"} << "string" << "true\nyes" << 0;
    QTest::newRow("bool and int mix is text") << QStringList{"true", "1"} << "string" << "true\n1" << 0;
    QTest::newRow("dates") << QStringList{"2023-01-05", "2024-02-29", "1900-03-01"} << "datetime"
                           << "2023-01-05\n2024-02-29\n1900-03-01" << 0;
    QTest::newRow("date with space and time") << QStringList{"2023-01-05 10:20:30", "2023-01-05 00:00:00"} << "datetime"
                                              << "2023-01-05 10:20:30\n2023-01-05" << 0;
    QTest::newRow("iso T and Z") << QStringList{"2023-01-05T10:20:30Z", "2023-01-05T10:20Z"} << "datetime"
                                 << "2023-01-05 10:20:30\n2023-01-05 10:20:00" << 0;
    QTest::newRow("positive offset to utc") << QStringList{"2023-01-05T10:20:30+02:00"} << "datetime"
                                            << "2023-01-05 08:20:30" << 0;
    QTest::newRow("negative offset crosses midnight") << QStringList{"2023-01-05T23:30:00-01:30"} << "datetime"
                                                      << "2023-01-06 01:00:00" << 0;
    QTest::newRow("compact offsets") << QStringList{"2023-01-05T10:00:00+0530", "2023-01-05T10:00:00-03"} << "datetime"
                                     << "2023-01-05 04:30:00\n2023-01-05 13:00:00" << 0;
    QTest::newRow("fractions") << QStringList{"2023-01-05 10:20:30.123", "2023-01-05T10:20:30.000000001Z"} << "datetime"
                               << "2023-01-05 10:20:30.123\n2023-01-05 10:20:30.000000001" << 0;
    QTest::newRow("slash dates") << QStringList{"2023/01/05", "2023/12/31 23:59:59"} << "datetime"
                                 << "2023-01-05\n2023-12-31 23:59:59" << 0;
    QTest::newRow("mixed date forms") << QStringList{"2023-01-05", "2023/01/06T01:02", ""} << "datetime"
                                      << "2023-01-05\n2023-01-06 01:02:00\n<NA>" << 1;
    QTest::newRow("invalid date stays text") << QStringList{"2023-01-05", "2023-02-30"} << "string"
                                             << "2023-01-05\n2023-02-30" << 0;
    QTest::newRow("not a leap year") << QStringList{"2023-02-29"} << "string" << "2023-02-29" << 0;
    QTest::newRow("month 13") << QStringList{"2023-13-01"} << "string" << "2023-13-01" << 0;
    QTest::newRow("hour 24") << QStringList{"2023-01-01 24:00:00"} << "string" << "2023-01-01 24:00:00" << 0;
    QTest::newRow("leap second") << QStringList{"2016-12-31 23:59:60"} << "string" << "2016-12-31 23:59:60" << 0;
    QTest::newRow("us dates are text") << QStringList{"01/05/2023", "12/31/2023"} << "string"
                                       << "01/05/2023\n12/31/2023" << 0;
    QTest::newRow("outside int64 nanoseconds") << QStringList{"1500-01-01"} << "string" << "1500-01-01" << 0;
    QTest::newRow("strings") << QStringList{"apple", "banana", ""} << "string" << "apple\nbanana\n<NA>" << 1;
    QTest::newRow("numbers then text") << QStringList{"1", "007", "x"} << "string" << "1\n007\nx" << 0;
    QTest::newRow("all missing") << QStringList{"", "NA"} << "string" << "<NA>\n<NA>" << 2;
    QTest::newRow("quoted empty is missing") << QStringList{"\"\"", "4"} << "int64" << "<NA>\n4" << 1;
}

void TestCsvTypeInference::inferColumn()
{
    QFETCH(QStringList, cells);
    QFETCH(QString, type);
    QFETCH(QString, values);
    QFETCH(int, missing);
    Result<CsvReadReport> result = readCsv(column(cells));
    QVERIFY2(result.isOk(), result.message().c_str());
    const Table &table = result.value().table;
    QCOMPARE(dumpTypes(table), type);
    QCOMPARE(dumpTable(table), "v\n" + values);
    QCOMPARE(table.column(0).missingCount(), std::size_t(missing));
}

void TestCsvTypeInference::overrides_data()
{
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("values");

    QTest::newRow("ints as float") << QStringList{"1", "2", ""} << "float64" << "1\n2\n<NA>";
    QTest::newRow("ints as string keep their text") << QStringList{"007", "1", "NA"} << "string" << "007\n1\n<NA>";
    QTest::newRow("zero/one as bool") << QStringList{"0", "1", "true", ""} << "bool" << "false\ntrue\ntrue\n<NA>";
    QTest::newRow("dates as datetime") << QStringList{"2023-01-05", "2023-01-06 12:00:00"} << "datetime"
                                       << "2023-01-05\n2023-01-06 12:00:00";
    QTest::newRow("dates as string") << QStringList{"2023-01-05"} << "string" << "2023-01-05";
    QTest::newRow("text as categorical") << QStringList{"b", "a", "b", "", "c"} << "categorical" << "b\na\nb\n<NA>\nc";
    QTest::newRow("ints as categorical") << QStringList{"3", "1", "3"} << "categorical" << "3\n1\n3";
}

void TestCsvTypeInference::overrides()
{
    QFETCH(QStringList, cells);
    QFETCH(QString, type);
    QFETCH(QString, values);
    CsvOptions options;
    options.typeOverrides["v"] = *columnTypeFromName(type.toStdString());
    Result<CsvReadReport> result = readCsv(column(cells), options);
    QVERIFY2(result.isOk(), result.message().c_str());
    QCOMPARE(dumpTypes(result.value().table), type);
    QCOMPARE(dumpTable(result.value().table), "v\n" + values);
}

void TestCsvTypeInference::allStringsKeepsRawText()
{
    CsvOptions options = test::allStrings();
    options.typeOverrides["a"] = ColumnType::Int64; // ignored under AllStrings
    Result<CsvReadReport> result = readCsv("a,b,c\n007,NA,\n\" 1.5\",true,2023-01-01\n", options);
    QVERIFY2(result.isOk(), result.message().c_str());
    const Table &table = result.value().table;
    QCOMPARE(dumpTypes(table), QString("string,string,string"));
    QCOMPARE(dumpTable(table), QString("a|b|c\n007|NA|\n 1.5|true|2023-01-01"));
    QCOMPARE(table.column(2).missingCount(), std::size_t(0));
}

void TestCsvTypeInference::categorical_data()
{
    QTest::addColumn<int>("maxLevels");
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("categories");

    const QStringList abc{"b", "a", "c", "a", "b", "c", "a", "", "b", "a"};
    QTest::newRow("three levels allowed") << 3 << abc << "categorical" << "a,b,c";
    QTest::newRow("too many levels") << 2 << abc << "string" << "";
    QTest::newRow("off by default") << 0 << abc << "string" << "";
    QTest::newRow("levels not under half the rows") << 10 << QStringList{"a", "b", "c", "a"} << "string" << "";
    QTest::newRow("numbers are not categorical") << 3 << QStringList{"1", "2", "1", "1", "2", "1", "1"} << "int64" << "";
}

void TestCsvTypeInference::categorical()
{
    QFETCH(int, maxLevels);
    QFETCH(QStringList, cells);
    QFETCH(QString, type);
    QFETCH(QString, categories);
    CsvOptions options;
    options.categoricalMaxLevels = std::size_t(maxLevels);
    Result<CsvReadReport> result = readCsv(column(cells), options);
    QVERIFY2(result.isOk(), result.message().c_str());
    const Column &col = result.value().table.column(0);
    QCOMPARE(dumpTypes(result.value().table), type);
    QStringList labels;
    for (const std::string &label : col.categories())
        labels << QString::fromStdString(label);
    QCOMPARE(labels.join(','), categories);
    // The cells read back unchanged whatever the storage.
    QStringList expected;
    for (const QString &cell : cells)
        expected << (cell.isEmpty() ? "<NA>" : cell);
    QCOMPARE(dumpTable(result.value().table), "v\n" + expected.join('\n'));
}

// Values past the 1000-row type sample, and in later parallel chunks, still widen the column correctly.
void TestCsvTypeInference::wideningBeyondTheSample_data()
{
    QTest::addColumn<QString>("late");
    QTest::addColumn<QString>("type");
    QTest::newRow("float after ints") << "2.5" << "float64";
    QTest::newRow("text after ints") << "x" << "string";
    QTest::newRow("bool after ints") << "true" << "string";
    QTest::newRow("missing after ints") << "" << "int64";
}

void TestCsvTypeInference::wideningBeyondTheSample()
{
    QFETCH(QString, late);
    QFETCH(QString, type);
    QStringList cells;
    for (int i = 0; i < 3000; ++i)
        cells << (i % 7 == 0 ? QString("00%1").arg(i) : QString::number(i));
    cells[2500] = late;
    for (int chunkBytes : {0, 97, 4096}) {
        CsvOptions options;
        options.threads = 2;
        options.chunkBytes = std::size_t(chunkBytes);
        Result<CsvReadReport> result = readCsv(column(cells), options);
        QVERIFY2(result.isOk(), result.message().c_str());
        const Column &col = result.value().table.column(0);
        QCOMPARE(dumpTypes(result.value().table), type);
        QCOMPARE(col.size(), std::size_t(3000));
        if (type == "string") {
            QCOMPARE(col.stringAt(7), std::string_view("007"));
            QCOMPARE(QString::fromStdString(col.displayAt(2500)), late);
        } else if (type == "float64") {
            QCOMPARE(col.doubleAt(2500), 2.5);
            QCOMPARE(col.doubleAt(7), 7.0);
        } else {
            QVERIFY(!col.isValid(2500));
            QCOMPARE(col.intAt(2999), std::int64_t(2999));
        }
    }
}

void TestCsvTypeInference::dateTimeParser_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qlonglong>("nanos");

    const qlonglong day = kNanosPerDay;
    const qlonglong second = kNanosPerSecond;
    QTest::newRow("epoch") << "1970-01-01" << true << 0LL;
    QTest::newRow("day before epoch") << "1969-12-31" << true << -day;
    QTest::newRow("minutes only") << "1970-01-02T00:01" << true << day + 60 * second;
    QTest::newRow("millis") << "1970-01-01 00:00:01.5" << true << second + 500'000'000LL;
    QTest::newRow("zulu") << "1970-01-01T00:00:00Z" << true << 0LL;
    QTest::newRow("offset hours") << "1970-01-01T05:00:00+05" << true << 0LL;
    QTest::newRow("upper bound") << "2262-04-11 23:47:16" << true << 9223372036LL * second;
    QTest::newRow("past upper bound") << "2262-04-11 23:47:17" << false << 0LL;
    QTest::newRow("ten fraction digits") << "1970-01-01 00:00:00.0000000001" << false << 0LL;
    QTest::newRow("empty fraction") << "1970-01-01 00:00:00." << false << 0LL;
    QTest::newRow("mixed separators") << "2023-01/05" << false << 0LL;
    QTest::newRow("short year") << "23-01-05" << false << 0LL;
    QTest::newRow("single-digit month") << "2023-1-05" << false << 0LL;
    QTest::newRow("trailing text") << "2023-01-05x" << false << 0LL;
    QTest::newRow("bad zone") << "2023-01-05T10:00:00+5" << false << 0LL;
    QTest::newRow("zone minutes 60") << "2023-01-05T10:00:00+01:60" << false << 0LL;
    QTest::newRow("T without time") << "2023-01-05T" << false << 0LL;
}

void TestCsvTypeInference::dateTimeParser()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(qlonglong, nanos);
    const std::string bytes = text.toStdString();
    std::int64_t value = 0;
    QCOMPARE(DateTimeParser::parse(bytes, value), valid);
    if (valid)
        QCOMPARE(qlonglong(value), nanos);
}

void TestCsvTypeInference::fieldParserNumbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("isInt");
    QTest::addColumn<bool>("isFloat");
    QTest::addColumn<double>("value");

    QTest::newRow("int") << "42" << true << true << 42.0;
    QTest::newRow("negative") << "-42" << true << true << -42.0;
    QTest::newRow("lone sign") << "-" << false << false << 0.0;
    QTest::newRow("double sign") << "+-1" << false << false << 0.0;
    QTest::newRow("int64 overflow") << "9223372036854775808" << false << true << 9223372036854775808.0;
    QTest::newRow("twenty digits") << "10000000000000000000" << false << true << 1e19;
    QTest::newRow("exponent") << "1e3" << false << true << 1000.0;
    QTest::newRow("dot only") << "." << false << false << 0.0;
    QTest::newRow("trailing garbage") << "1.5x" << false << false << 0.0;
    QTest::newRow("inner space") << "1 5" << false << false << 0.0;
}

void TestCsvTypeInference::fieldParserNumbers()
{
    QFETCH(QString, text);
    QFETCH(bool, isInt);
    QFETCH(bool, isFloat);
    QFETCH(double, value);
    const std::string bytes = text.toStdString();
    std::int64_t asInt = 0;
    double asDouble = 0;
    QCOMPARE(FieldParser::parseInt64(bytes, asInt), isInt);
    QCOMPARE(FieldParser::parseFloat64(bytes, asDouble), isFloat);
    if (isInt)
        QCOMPARE(double(asInt), value);
    if (isFloat)
        QCOMPARE(asDouble, value);
}

QTEST_APPLESS_MAIN(TestCsvTypeInference)
#include "tst_csvtypeinference.moc"
