// CsvWriter: quoting, cell formats, atomic file writes, and a round trip through CsvReader.
#include "core/data/CsvReader.h"
#include "core/data/CsvWriter.h"
#include "core/data/DateTime.h"
#include "core/data/TransactionSimulator.h"

#include <QtTest>

#include "StdStringPrinting.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

using namespace loupe;

namespace {

std::string toCsv(const Table &table)
{
    std::ostringstream out;
    CsvWriter::write(table, out);
    return out.str();
}

Table singleStringColumn(const std::string &name, const std::vector<std::optional<std::string>> &values)
{
    Column column(name, ColumnType::String);
    for (const auto &value : values) {
        if (value)
            column.appendString(*value);
        else
            column.appendMissing();
    }
    Table table;
    table.addColumn(std::move(column));
    return table;
}

std::string readWholeFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A scratch directory under the system temp dir, removed when the test ends.
struct ScratchDir {
    std::filesystem::path path;
    ScratchDir()
    {
        path = std::filesystem::temp_directory_path()
            / ("loupe-csvwriter-" + std::to_string(std::random_device{}()) + std::to_string(std::rand()));
        std::filesystem::create_directories(path);
    }
    ~ScratchDir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

} // namespace

class TestCsvWriter : public QObject {
    Q_OBJECT

private slots:
    void quoting_data();
    void quoting();
    void headerIsQuotedToo();
    void missingCellsAreEmpty();
    void oneColumnMissingStaysOnItsLine();
    void cellFormats();
    void floatsRoundTrip();
    void dateTimesMatchFormatDateTime();
    void emptyTable();
    void writeFileReplacesAtomically();
    void writeFileNamesPathOnError();
    void roundTripThroughCsvReader();
    void simulatedTableRoundTrip();
};

void TestCsvWriter::quoting_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("written");
    QTest::newRow("plain") << "plain text" << "plain text";
    QTest::newRow("comma") << "milk, eggs" << "\"milk, eggs\"";
    QTest::newRow("quotes") << "say \"hi\"" << "\"say \"\"hi\"\"\"";
    QTest::newRow("only-a-quote") << "\"" << "\"\"\"\"";
    QTest::newRow("newline") << "line one\nline two" << "\"line one\nline two\"";
    QTest::newRow("carriage-return") << "a\rb" << "\"a\rb\"";
    QTest::newRow("crlf") << "a\r\nb" << "\"a\r\nb\"";
    QTest::newRow("empty-string") << "" << "\"\"";
    QTest::newRow("semicolon-needs-nothing") << "a;b" << "a;b";
    QTest::newRow("utf8") << QString::fromUtf8("M\u00fcller") << QString::fromUtf8("M\u00fcller");
    QTest::newRow("leading-space-kept") << " x " << " x ";
}

void TestCsvWriter::quoting()
{
    QFETCH(QString, field);
    QFETCH(QString, written);
    const Table table = singleStringColumn("s", {field.toStdString()});
    QCOMPARE(toCsv(table), "s\n" + written.toStdString() + "\n");
}

void TestCsvWriter::headerIsQuotedToo()
{
    Column a("amount, USD", ColumnType::Int64);
    a.appendInt(5);
    Column b("the \"id\"", ColumnType::Int64);
    b.appendInt(6);
    Table table;
    table.addColumn(std::move(a));
    table.addColumn(std::move(b));
    QCOMPARE(toCsv(table), std::string("\"amount, USD\",\"the \"\"id\"\"\"\n5,6\n"));
}

void TestCsvWriter::missingCellsAreEmpty()
{
    Table table;
    Column ints("i", ColumnType::Int64);
    Column doubles("d", ColumnType::Float64);
    Column text("s", ColumnType::String);
    Column when("t", ColumnType::DateTime);
    ints.appendMissing();
    doubles.appendMissing();
    text.appendMissing();
    when.appendMissing();
    ints.appendInt(1);
    doubles.appendDouble(2.5);
    text.appendString("x");
    when.appendInt(0);
    table.addColumn(std::move(ints));
    table.addColumn(std::move(doubles));
    table.addColumn(std::move(text));
    table.addColumn(std::move(when));
    QCOMPARE(toCsv(table), std::string("i,d,s,t\n,,,\n1,2.5,x,1970-01-01\n"));
}

void TestCsvWriter::oneColumnMissingStaysOnItsLine()
{
    const Table table = singleStringColumn("s", {std::string("a"), std::nullopt, std::string("b")});
    QCOMPARE(toCsv(table), std::string("s\na\n\"\"\nb\n"));
}

void TestCsvWriter::cellFormats()
{
    Column ints("int", ColumnType::Int64);
    Column doubles("float", ColumnType::Float64);
    Column flags("flag", ColumnType::Bool);
    Column when("when", ColumnType::DateTime);
    Column colour("colour", ColumnType::Categorical);
    const std::int32_t red = colour.addCategory("red");
    const std::int32_t odd = colour.addCategory("red, \"dark\"");
    const std::int64_t jan1 = daysFromCivil(2024, 1, 1) * kNanosPerDay;
    struct Row {
        std::int64_t i;
        double d;
        bool b;
        std::int64_t t;
        std::int32_t c;
    };
    const Row rows[] = {
        {-9223372036854775807LL - 1, 103.27, true, jan1, red},
        {42, 12.5, false, jan1 + 3723 * kNanosPerSecond, odd},
        {0, 1e-300, true, daysFromCivil(1800, 1, 1) * kNanosPerDay, red},
        {7, std::nan(""), false, jan1 + 1, red},
        {8, -INFINITY, true, jan1 + 1500 * 1'000'000LL, red},
    };
    for (const Row &row : rows) {
        ints.appendInt(row.i);
        doubles.appendDouble(row.d);
        flags.appendInt(row.b ? 1 : 0);
        when.appendInt(row.t);
        colour.appendCategoryCode(row.c);
    }
    Table table;
    table.addColumn(std::move(ints));
    table.addColumn(std::move(doubles));
    table.addColumn(std::move(flags));
    table.addColumn(std::move(when));
    table.addColumn(std::move(colour));
    QCOMPARE(toCsv(table), std::string("int,float,flag,when,colour\n"
                                       "-9223372036854775808,103.27,true,2024-01-01,red\n"
                                       "42,12.5,false,2024-01-01 01:02:03,\"red, \"\"dark\"\"\"\n"
                                       "0,1e-300,true,1800-01-01,red\n"
                                       "7,nan,false,2024-01-01 00:00:00.000000001,red\n"
                                       "8,-inf,true,2024-01-01 00:00:01.500,red\n"));
}

void TestCsvWriter::floatsRoundTrip()
{
    // Random bit patterns cover subnormals, huge and tiny exponents; each written text parses back exactly.
    std::mt19937_64 bits(20240101);
    Column column("x", ColumnType::Float64);
    std::vector<double> values;
    while (values.size() < 20000) {
        const std::uint64_t raw = bits();
        double v;
        std::memcpy(&v, &raw, sizeof v);
        if (std::isfinite(v))
            values.push_back(v);
    }
    values.push_back(0.1);
    values.push_back(-0.0);
    values.push_back(5e-324);
    for (double v : values)
        column.appendDouble(v);
    Table table;
    table.addColumn(std::move(column));
    std::istringstream in(toCsv(table));
    std::string line;
    std::getline(in, line);
    QCOMPARE(line, std::string("x"));
    for (double expected : values) {
        QVERIFY(std::getline(in, line));
        double parsed = 0;
        const auto result = std::from_chars(line.data(), line.data() + line.size(), parsed);
        QVERIFY(result.ec == std::errc() && result.ptr == line.data() + line.size());
        QVERIFY2(std::memcmp(&parsed, &expected, sizeof parsed) == 0, line.c_str());
    }
}

void TestCsvWriter::dateTimesMatchFormatDateTime()
{
    // The writer formats datetimes itself (with a per-column day cache); its text must equal formatDateTime's.
    std::mt19937_64 rng(7);
    std::vector<std::int64_t> values;
    for (int i = 0; i < 5000; ++i) {
        const std::int64_t day = static_cast<std::int64_t>(rng() % 200'000) - 100'000; // ~1696..2243
        const std::int64_t kind = static_cast<std::int64_t>(rng() % 4);
        std::int64_t nanos = day * kNanosPerDay;
        if (kind >= 1)
            nanos += static_cast<std::int64_t>(rng() % 86'400) * kNanosPerSecond;
        if (kind == 2)
            nanos += static_cast<std::int64_t>(rng() % 1000) * 1'000'000;
        if (kind == 3)
            nanos += static_cast<std::int64_t>(rng() % kNanosPerSecond);
        values.push_back(nanos);
        if (i % 3 == 0) // repeat days back to back, as sorted timestamps do
            values.push_back(nanos + kNanosPerSecond);
    }
    Column column("t", ColumnType::DateTime);
    for (std::int64_t v : values)
        column.appendInt(v);
    Table table;
    table.addColumn(std::move(column));
    std::string expected = "t\n";
    for (std::int64_t v : values)
        expected += formatDateTime(v) + "\n";
    QCOMPARE(toCsv(table), expected);
}

void TestCsvWriter::emptyTable()
{
    QCOMPARE(toCsv(Table()), std::string());
    Table headerOnly;
    headerOnly.addColumn(Column("a", ColumnType::Int64));
    headerOnly.addColumn(Column("b", ColumnType::String));
    QCOMPARE(toCsv(headerOnly), std::string("a,b\n"));
}

void TestCsvWriter::writeFileReplacesAtomically()
{
    ScratchDir dir;
    const std::string path = (dir.path / "out.csv").string();
    {
        std::ofstream old(path);
        old << "old content that is longer than the new one\n";
    }
    const Table table = singleStringColumn("s", {std::string("new, value")});
    const Status status = CsvWriter::writeFile(table, path);
    QVERIFY2(status.isOk(), status.message().c_str());
    QCOMPARE(readWholeFile(path), std::string("s\n\"new, value\"\n"));
    for (const auto &entry : std::filesystem::directory_iterator(dir.path))
        QVERIFY2(entry.path().filename().string()[0] != '.', entry.path().c_str()); // no temporary file left
}

void TestCsvWriter::writeFileNamesPathOnError()
{
    ScratchDir dir;
    const std::string path = (dir.path / "no-such-dir" / "out.csv").string();
    const Status status = CsvWriter::writeFile(singleStringColumn("s", {std::string("x")}), path);
    QVERIFY(!status.isOk());
    QCOMPARE(status.code(), StatusCode::InvalidInput); // a path to nowhere is the caller's mistake (OutputPlan)
    QVERIFY2(status.message().find(path) != std::string::npos, status.message().c_str());
    QVERIFY(!std::filesystem::exists(path));

    // A directory where the file should go: refused before any temporary file exists.
    const std::string blocked = (dir.path / "blocked").string();
    std::filesystem::create_directories(std::filesystem::path(blocked) / "child");
    const Status renameStatus = CsvWriter::writeFile(singleStringColumn("s", {std::string("x")}), blocked);
    QVERIFY(!renameStatus.isOk());
    QVERIFY2(renameStatus.message().find(blocked) != std::string::npos, renameStatus.message().c_str());
    QVERIFY2(renameStatus.message().find("is a directory") != std::string::npos, renameStatus.message().c_str());
    for (const auto &entry : std::filesystem::directory_iterator(dir.path))
        QVERIFY2(entry.path().filename().string()[0] != '.', entry.path().c_str()); // no temporary file left
    QVERIFY(std::filesystem::is_directory(blocked));
}

namespace {

// Reads `csv` back with every column forced to the type it had, then compares cell by cell.
void expectSameTable(const Table &original, const std::string &csv)
{
    CsvOptions options;
    options.delimiter = ',';
    for (const Column &column : original.columns())
        options.typeOverrides[column.name()] = column.type();
    const Result<CsvReadReport> read = CsvReader(options).readBuffer(csv, "round-trip.csv");
    QVERIFY2(read.isOk(), read.message().c_str());
    const Table &back = read.value().table;
    QCOMPARE(back.columnCount(), original.columnCount());
    QCOMPARE(back.rowCount(), original.rowCount());
    for (std::size_t c = 0; c < original.columnCount(); ++c) {
        const Column &a = original.column(c);
        const Column &b = back.column(c);
        QCOMPARE(b.name(), a.name());
        QCOMPARE(b.type(), a.type());
        for (std::size_t r = 0; r < a.size(); ++r) {
            if (a.isValid(r) != b.isValid(r) || a.displayAt(r) != b.displayAt(r))
                QFAIL(qPrintable(QStringLiteral("column %1 row %2: wrote '%3', read '%4'")
                                     .arg(QString::fromStdString(a.name()))
                                     .arg(r)
                                     .arg(QString::fromStdString(a.displayAt(r)))
                                     .arg(QString::fromStdString(b.displayAt(r)))));
        }
    }
}

} // namespace

void TestCsvWriter::roundTripThroughCsvReader()
{
    Column text("memo", ColumnType::String);
    Column amount("amount", ColumnType::Float64);
    Column count("count", ColumnType::Int64);
    const char *memos[] = {"plain", "a, b", "quote \"inside\"", "two\nlines", "crlf\r\nline", "trailing,", "\"",
                           "M\u00fcller"};
    double value = 0.1;
    std::int64_t n = -3;
    for (const char *memo : memos) {
        text.appendString(memo);
        amount.appendDouble(value);
        count.appendInt(n);
        value = value * 7.3 + 1e-9;
        n = n * 11 + 5;
    }
    text.appendMissing();
    amount.appendMissing();
    count.appendMissing();
    Table table;
    table.addColumn(std::move(text));
    table.addColumn(std::move(amount));
    table.addColumn(std::move(count));
    expectSameTable(table, toCsv(table));
}

void TestCsvWriter::simulatedTableRoundTrip()
{
    SimulationOptions options;
    options.rows = 3000;
    options.seed = 11;
    options.defects = {Defect::PiiInText, Defect::ImpossibleBirthDates, Defect::NegativeAmounts};
    options.defectRate = 0.01;
    const Table table = TransactionSimulator(options).generate();
    expectSameTable(table, toCsv(table));
}

QTEST_APPLESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
