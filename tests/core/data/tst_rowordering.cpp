// RowOrdering and RowPredicate: the rows the Data page shows for a sort and a filter (RowQuery.h's rules),
// the same on any number of threads and chunk sizes, cancellable, and refusing unreadable operands.
#include "core/data/RowOrdering.h"
#include "core/data/RowPredicate.h"

#include <QtTest>

#include "CsvTestSupport.h"
#include "StdStringPrinting.h"

#include <numeric>
#include <random>

using namespace loupe;

Q_DECLARE_METATYPE(loupe::SortDirection)
Q_DECLARE_METATYPE(loupe::FilterCondition)

namespace {

// Rows 0..6. n: ints with a missing cell; x: floats; s: text; b: bools; d: dates; c: categorical.
const QByteArray kTable = "n,x,s,b,d,c\n"
                          "3,2.5,pear,true,2024-01-03,low\n"
                          ",-1,apple,false,2024-01-01,high\n"
                          "1,2.5,Zebra,true,,mid\n"
                          "3,NA,äpfel,false,2024-01-02,low\n"
                          "-7,10,apple pie,,2023-12-31,\n"
                          "2,0.1,,true,2024-01-03,high\n"
                          "1,1e3,pear,false,2024-01-05T10:00:00,mid\n";

Table makeTable()
{
    CsvOptions options;
    options.typeOverrides["c"] = ColumnType::Categorical;
    auto read = test::readCsv(kTable, options);
    Q_ASSERT(read.isOk());
    return read.takeValue().table;
}

QString joined(const std::vector<std::size_t> &rows)
{
    QStringList parts;
    for (std::size_t row : rows)
        parts << QString::number(row);
    return parts.join(QLatin1Char(','));
}

constexpr int kNone = -1;

} // namespace

class TestRowOrdering : public QObject {
    Q_OBJECT

private slots:
    void query_data();
    void query();
    void unreadableOperand_data();
    void unreadableOperand();
    void unknownColumn();
    void sameOnAnyThreadsAndChunks_data();
    void sameOnAnyThreadsAndChunks();
    void cancelledByToken();
    void stoppedBySink();
    void progressEndsAtOne();
};

void TestRowOrdering::query_data()
{
    QTest::addColumn<int>("sortColumn");
    QTest::addColumn<SortDirection>("direction");
    QTest::addColumn<int>("filterColumn");
    QTest::addColumn<FilterCondition>("condition");
    QTest::addColumn<QString>("operand");
    QTest::addColumn<QString>("rows");
    const auto asc = SortDirection::Ascending;
    const auto desc = SortDirection::Descending;
    const auto contains = FilterCondition::Contains;
    const auto eq = FilterCondition::Equals;
    const auto lt = FilterCondition::Less;
    const auto gt = FilterCondition::Greater;
    const auto missing = FilterCondition::IsMissing;
    const auto present = FilterCondition::IsPresent;

    QTest::newRow("identity") << kNone << asc << kNone << eq << "" << "0,1,2,3,4,5,6";
    // Ties keep table order; missing last in both directions.
    QTest::newRow("int asc") << 0 << asc << kNone << eq << "" << "4,2,6,5,0,3,1";
    QTest::newRow("int desc") << 0 << desc << kNone << eq << "" << "0,3,5,2,6,4,1";
    QTest::newRow("float asc") << 1 << asc << kNone << eq << "" << "1,5,0,2,4,6,3";
    QTest::newRow("float desc") << 1 << desc << kNone << eq << "" << "6,4,0,2,5,1,3";
    // UTF-8 byte order: upper case before lower case, 'ä' (0xC3) after every ASCII letter.
    QTest::newRow("text asc") << 2 << asc << kNone << eq << "" << "2,1,4,0,6,3,5";
    QTest::newRow("text desc") << 2 << desc << kNone << eq << "" << "3,0,6,4,1,2,5";
    QTest::newRow("bool asc") << 3 << asc << kNone << eq << "" << "1,3,6,0,2,5,4";
    QTest::newRow("date asc") << 4 << asc << kNone << eq << "" << "4,1,3,0,5,6,2";
    // Categorical by label, not by code: high < low < mid.
    QTest::newRow("categorical asc") << 5 << asc << kNone << eq << "" << "1,5,0,3,2,6,4";

    QTest::newRow("int = 3") << kNone << asc << 0 << eq << "3" << "0,3";
    QTest::newRow("int = 3.0") << kNone << asc << 0 << eq << "3.0" << "0,3";
    QTest::newRow("int < 2.5") << kNone << asc << 0 << lt << "2.5" << "2,4,5,6";
    QTest::newRow("int > 1 spaces") << kNone << asc << 0 << gt << " 1 " << "0,3,5";
    QTest::newRow("int missing") << kNone << asc << 0 << missing << "" << "1";
    QTest::newRow("int present") << kNone << asc << 0 << present << "" << "0,2,3,4,5,6";
    QTest::newRow("int contains digit") << kNone << asc << 0 << contains << "7" << "4";
    QTest::newRow("float = 2.5") << kNone << asc << 1 << eq << "2.5" << "0,2";
    QTest::newRow("float > 2") << kNone << asc << 1 << gt << "2" << "0,2,4,6";
    QTest::newRow("float contains as shown") << kNone << asc << 1 << contains << "1000" << "6";
    QTest::newRow("text = exact") << kNone << asc << 2 << eq << "apple" << "1";
    QTest::newRow("text = case-sensitive") << kNone << asc << 2 << eq << "Apple" << "";
    QTest::newRow("text contains") << kNone << asc << 2 << contains << "apple" << "1,4";
    QTest::newRow("text contains utf-8") << kNone << asc << 2 << contains << "äp" << "3";
    QTest::newRow("text < bytes") << kNone << asc << 2 << lt << "b" << "1,2,4";
    QTest::newRow("text missing") << kNone << asc << 2 << missing << "" << "5";
    QTest::newRow("bool = true") << kNone << asc << 3 << eq << "true" << "0,2,5";
    QTest::newRow("bool = 0") << kNone << asc << 3 << eq << "0" << "1,3,6";
    QTest::newRow("date = day") << kNone << asc << 4 << eq << "2024-01-03" << "0,5";
    QTest::newRow("date > day") << kNone << asc << 4 << gt << "2024-01-03" << "6";
    QTest::newRow("date contains month") << kNone << asc << 4 << contains << "2023-12" << "4";
    QTest::newRow("categorical = label") << kNone << asc << 5 << eq << "mid" << "2,6";
    QTest::newRow("categorical > label") << kNone << asc << 5 << gt << "high" << "0,2,3,6";

    QTest::newRow("filter then sort") << 1 << desc << 2 << contains << "p" << "6,4,0,1,3";
    QTest::newRow("nothing passes") << 0 << asc << 0 << gt << "100" << "";
}

void TestRowOrdering::query()
{
    QFETCH(int, sortColumn);
    QFETCH(SortDirection, direction);
    QFETCH(int, filterColumn);
    QFETCH(FilterCondition, condition);
    QFETCH(QString, operand);
    QFETCH(QString, rows);
    const Table table = makeTable();
    RowQuery query;
    if (sortColumn != kNone)
        query.sort = SortKey{std::size_t(sortColumn), direction};
    if (filterColumn != kNone)
        query.filter = RowFilter{std::size_t(filterColumn), condition, operand.toStdString()};
    RowOrderingOptions options;
    options.chunkRows = 2; // several chunks and merge rounds even on seven rows
    auto result = RowOrdering::compute(table, query, options);
    QVERIFY2(result.isOk(), result.message().c_str());
    QCOMPARE(joined(result.value()), rows);
}

void TestRowOrdering::unreadableOperand_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("operand");
    QTest::addColumn<QString>("message");
    QTest::newRow("int") << 0 << "three" << "filter on 'n' (int64): 'three' is not a number";
    QTest::newRow("float comma") << 1 << "2,5" << "filter on 'x' (float64): '2,5' is not a number";
    QTest::newRow("bool") << 3 << "yes" << "filter on 'b' (bool): 'yes' is not true, false, 1 or 0";
    QTest::newRow("date") << 4 << "03/01/2024"
                          << "filter on 'd' (datetime): '03/01/2024' is not a date (YYYY-MM-DD, optionally with HH:MM[:SS])";
}

void TestRowOrdering::unreadableOperand()
{
    QFETCH(int, column);
    QFETCH(QString, operand);
    QFETCH(QString, message);
    const Table table = makeTable();
    RowQuery query;
    query.filter = RowFilter{std::size_t(column), FilterCondition::Equals, operand.toStdString()};
    auto result = RowOrdering::compute(table, query);
    QVERIFY(!result.isOk());
    QCOMPARE(result.status().code(), StatusCode::InvalidInput);
    QCOMPARE(QString::fromStdString(result.message()), message);
    // "contains" reads any operand as text.
    query.filter->condition = FilterCondition::Contains;
    QVERIFY(RowOrdering::compute(table, query).isOk());
}

void TestRowOrdering::unknownColumn()
{
    const Table table = makeTable();
    RowQuery query;
    query.sort = SortKey{6, SortDirection::Ascending};
    auto result = RowOrdering::compute(table, query);
    QVERIFY(!result.isOk());
    QCOMPARE(result.message(), std::string("sort: the table has no column 6 (it has 6)"));
}

void TestRowOrdering::sameOnAnyThreadsAndChunks_data()
{
    QTest::addColumn<int>("type"); // 0 int with ties, 1 float, 2 text
    QTest::newRow("int ties") << 0;
    QTest::newRow("float") << 1;
    QTest::newRow("text") << 2;
}

void TestRowOrdering::sameOnAnyThreadsAndChunks()
{
    QFETCH(int, type);
    std::mt19937_64 rng(7);
    Column column("v", type == 0 ? ColumnType::Int64 : type == 1 ? ColumnType::Float64 : ColumnType::String);
    const std::size_t rows = 20000;
    std::vector<std::size_t> presentRows;
    for (std::size_t i = 0; i < rows; ++i) {
        if (rng() % 10 == 0) {
            column.appendMissing();
            continue;
        }
        presentRows.push_back(i);
        if (type == 0)
            column.appendInt(std::int64_t(rng() % 50));
        else if (type == 1)
            column.appendDouble(double(rng() % 100000) / 7.0);
        else
            column.appendString(std::to_string(rng() % 3000));
    }
    Table table;
    table.addColumn(std::move(column));
    const Column &values = table.column(0);
    // The reference: one stable sort of the present rows, then the missing ones in table order.
    std::vector<std::size_t> expected = presentRows;
    std::stable_sort(expected.begin(), expected.end(), [&](std::size_t a, std::size_t b) {
        if (type == 0)
            return values.intAt(b) < values.intAt(a);
        if (type == 1)
            return values.doubleAt(b) < values.doubleAt(a);
        return values.stringAt(b) < values.stringAt(a);
    });
    for (std::size_t i = 0; i < rows; ++i)
        if (!values.isValid(i))
            expected.push_back(i);

    RowQuery query;
    query.sort = SortKey{0, SortDirection::Descending};
    for (int threads : {1, 4})
        for (std::size_t chunk : {std::size_t(1), std::size_t(333), std::size_t(4096), std::size_t(1) << 20}) {
            RowOrderingOptions options;
            options.threads = threads;
            options.chunkRows = chunk;
            auto result = RowOrdering::compute(table, query, options);
            QVERIFY(result.isOk());
            QVERIFY2(result.value() == expected, qPrintable(QStringLiteral("threads %1, chunk %2").arg(threads).arg(chunk)));
        }
}

void TestRowOrdering::cancelledByToken()
{
    const Table table = makeTable();
    CancellationToken token;
    token.cancel();
    RowOrderingOptions options;
    options.cancellation = &token;
    RowQuery query;
    query.sort = SortKey{2, SortDirection::Ascending};
    auto result = RowOrdering::compute(table, query, options);
    QVERIFY(!result.isOk());
    QVERIFY(result.status().isCancelled());
}

void TestRowOrdering::stoppedBySink()
{
    const Table table = makeTable();
    RowOrderingOptions options;
    options.threads = 1;
    options.chunkRows = 1;
    int calls = 0;
    options.progress = [&calls](const Progress &) { return ++calls >= 3 ? ProgressAction::Stop : ProgressAction::Continue; };
    RowQuery query;
    query.filter = RowFilter{2, FilterCondition::IsPresent, {}};
    query.sort = SortKey{2, SortDirection::Ascending};
    auto result = RowOrdering::compute(table, query, options);
    QVERIFY(result.status().isCancelled());
    QCOMPARE(calls, 3);
}

void TestRowOrdering::progressEndsAtOne()
{
    const Table table = makeTable();
    RowOrderingOptions options;
    options.threads = 1;
    options.chunkRows = 2;
    std::vector<double> fractions;
    options.progress = [&fractions](const Progress &progress) {
        fractions.push_back(progress.fraction);
        return ProgressAction::Continue;
    };
    RowQuery query;
    query.filter = RowFilter{0, FilterCondition::IsPresent, {}};
    query.sort = SortKey{0, SortDirection::Ascending};
    QVERIFY(RowOrdering::compute(table, query, options).isOk());
    QVERIFY(fractions.size() > 3);
    QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
    QCOMPARE(fractions.back(), 1.0);
}

QTEST_APPLESS_MAIN(TestRowOrdering)
#include "tst_rowordering.moc"
