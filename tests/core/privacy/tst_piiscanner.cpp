// PiiScanner over a Table (counts, capped findings in row order, examples, thread-count independence,
// cancellation, unknown columns), IdentifierDetector, KAnonymity and TableMasking.
#include "core/data/DateTime.h"
#include "core/privacy/IdentifierDetector.h"
#include "core/privacy/KAnonymity.h"
#include "core/privacy/PiiScanner.h"
#include "core/privacy/TableMasking.h"

#include <QtTest>

using namespace loupe;

namespace {

Column strings(const std::string &name, const std::vector<std::string> &values)
{
    Column column(name, ColumnType::String);
    for (const std::string &value : values) {
        if (value == "<NA>")
            column.appendMissing();
        else
            column.appendString(value);
    }
    return column;
}

Column ints(const std::string &name, const std::vector<std::int64_t> &values)
{
    Column column(name, ColumnType::Int64);
    for (std::int64_t value : values)
        column.appendInt(value);
    return column;
}

// 40 rows: a unique id, a repeated customer id, a memo with PII on some rows, ssn ints, birth dates.
Table sampleTable()
{
    Table table;
    std::vector<std::int64_t> ids, customers, ssns;
    std::vector<std::string> memos, zips;
    Column births("date_of_birth", ColumnType::DateTime);
    for (int r = 0; r < 40; ++r) {
        ids.push_back(1000 + r);
        customers.push_back(500 + r % 5);
        ssns.push_back(r == 3 ? 12345678 : 536221097 + r); // row 3 lost its leading zero: 012-34-5678
        if (r % 10 == 1)
            memos.push_back("call (212) 555-0123 or mail ann" + std::to_string(r) + "@example.com");
        else if (r % 10 == 7)
            memos.push_back("card 4111 1111 1111 1111 declined");
        else
            memos.push_back(r % 3 ? "ok" : "<NA>");
        zips.push_back(r < 38 ? (r % 2 ? "10001" : "10002") : "99999");
        births.appendInt(daysFromCivil(1950 + r, 1, 15) * 86400LL * 1000000000LL);
    }
    table.addColumn(ints("transaction_id", ids));
    table.addColumn(ints("customer_id", customers));
    table.addColumn(strings("memo", memos));
    table.addColumn(ints("ssn", ssns));
    table.addColumn(std::move(births));
    table.addColumn(strings("zip", zips));
    return table;
}

std::size_t count(const PiiColumnReport &column, PiiKind kind)
{
    return column.counts[static_cast<std::size_t>(kind)];
}

} // namespace

class TestPiiScanner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void countsPerColumn();
    void findingsAreCappedInRowOrder();
    void sameReportOnAnyThreadCount();
    void unknownColumnIsRefused();
    void cancellationStops();
    void identifiers();
    void kAnonymity();
    void kAnonymityRefusesUnknownColumn();
    void maskingAndDropping();
};

void TestPiiScanner::countsPerColumn()
{
    const Table table = sampleTable();
    auto report = PiiScanner::scan(table, PiiScanOptions{});
    QVERIFY2(report.isOk(), report.message().c_str());
    const auto &columns = report.value().columns;
    QCOMPARE(columns.size(), std::size_t(6));
    QCOMPARE(count(columns[2], PiiKind::Phone), std::size_t(4));
    QCOMPARE(count(columns[2], PiiKind::Email), std::size_t(4));
    QCOMPARE(count(columns[2], PiiKind::CreditCard), std::size_t(4));
    QCOMPARE(columns[2].cellsWithPii, std::size_t(8));
    QCOMPARE(count(columns[3], PiiKind::Ssn), std::size_t(40)); // zero-padded row 3 included
    QCOMPARE(count(columns[4], PiiKind::BirthDate), std::size_t(40));
    QCOMPARE(columns[0].total(), std::size_t(0));
    QCOMPARE(columns[5].scanned, true);
    QCOMPARE(report.value().totalFindings, std::size_t(12 + 40 + 40));
    QCOMPARE(columns[2].examples.size(), std::size_t(3));
    QCOMPARE(columns[2].examples[0], std::string("(***) ***-0123"));
    QCOMPARE(columns[4].examples[0], std::string("19**-**-**"));
}

void TestPiiScanner::findingsAreCappedInRowOrder()
{
    const Table table = sampleTable();
    PiiScanOptions options;
    options.maxFindings = 5;
    options.chunkRows = 7;
    auto report = PiiScanner::scan(table, options);
    QVERIFY(report.isOk());
    const auto &findings = report.value().findings;
    QCOMPARE(findings.size(), std::size_t(5));
    QCOMPARE(report.value().totalFindings, std::size_t(92));
    // Row 0: ssn (column 3), birth date (column 4); row 1: phone, email (column 2), ssn, birth.
    QCOMPARE(findings[0].row, std::size_t(0));
    QCOMPARE(findings[0].column, std::size_t(3));
    QCOMPARE(findings[1].kind, PiiKind::BirthDate);
    QCOMPARE(findings[2].row, std::size_t(1));
    QCOMPARE(findings[2].kind, PiiKind::Phone);
    QCOMPARE(findings[3].kind, PiiKind::Email);
    QCOMPARE(findings[3].masked, std::string("a***@example.com"));

    options.maxFindings = 100;
    options.maxFindingsPerColumn = 2;
    auto perColumn = PiiScanner::scan(table, options);
    QVERIFY(perColumn.isOk());
    QCOMPARE(perColumn.value().findings.size(), std::size_t(6)); // memo, ssn, date_of_birth: two each
    QCOMPARE(perColumn.value().totalFindings, std::size_t(92));
}

void TestPiiScanner::sameReportOnAnyThreadCount()
{
    const Table table = sampleTable();
    PiiScanOptions one;
    one.threads = 1;
    one.chunkRows = 3;
    PiiScanOptions two = one;
    two.threads = 2;
    auto a = PiiScanner::scan(table, one);
    auto b = PiiScanner::scan(table, two);
    QVERIFY(a.isOk() && b.isOk());
    QCOMPARE(a.value().findings.size(), b.value().findings.size());
    for (std::size_t i = 0; i < a.value().findings.size(); ++i) {
        QCOMPARE(a.value().findings[i].row, b.value().findings[i].row);
        QCOMPARE(a.value().findings[i].masked, b.value().findings[i].masked);
    }
    for (std::size_t c = 0; c < a.value().columns.size(); ++c) {
        QVERIFY(a.value().columns[c].counts == b.value().columns[c].counts);
        QCOMPARE(a.value().columns[c].examples, b.value().columns[c].examples);
    }
}

void TestPiiScanner::unknownColumnIsRefused()
{
    PiiScanOptions options;
    options.columns = {"memo", "nope"};
    auto report = PiiScanner::scan(sampleTable(), options);
    QVERIFY(!report.isOk());
    QCOMPARE(report.status().code(), StatusCode::InvalidInput);
    QVERIFY(report.message().find("'nope'") != std::string::npos);
    options.columns = {"memo"};
    auto only = PiiScanner::scan(sampleTable(), options);
    QVERIFY(only.isOk());
    QCOMPARE(only.value().totalFindings, std::size_t(12));
    QCOMPARE(only.value().columns[3].scanned, false);
}

void TestPiiScanner::cancellationStops()
{
    CancellationToken token;
    token.cancel();
    PiiScanOptions options;
    options.cancellation = &token;
    QVERIFY(PiiScanner::scan(sampleTable(), options).status().isCancelled());
    PiiScanOptions stopping;
    stopping.chunkRows = 2;
    stopping.threads = 1;
    int calls = 0;
    stopping.progress = [&calls](const Progress &) {
        ++calls;
        return ProgressAction::Stop;
    };
    QVERIFY(PiiScanner::scan(sampleTable(), stopping).status().isCancelled());
    QCOMPARE(calls, 1);
}

void TestPiiScanner::identifiers()
{
    const Table table = sampleTable();
    auto report = PiiScanner::scan(table, PiiScanOptions{});
    QVERIFY(report.isOk());
    QCOMPARE(report.value().columns[0].identifier, true); // transaction_id: unique
    QCOMPARE(report.value().columns[0].identifierReason, std::string("unique in every row"));
    QCOMPARE(report.value().columns[1].identifier, false); // customer_id: 5 values in 40 rows
    QCOMPARE(report.value().columns[2].identifier, false);
    QCOMPARE(report.value().columns[4].identifier, false); // date-times never are

    std::vector<std::int64_t> nearly;
    for (int r = 0; r < 100; ++r)
        nearly.push_back(r < 95 ? r : 0); // 95% distinct
    QCOMPARE(IdentifierDetector::judge(ints("user_id", nearly)).identifier, true);
    QCOMPARE(IdentifierDetector::judge(ints("amount", nearly)).identifier, false);
    nearly.assign(100, 7);
    QCOMPARE(IdentifierDetector::judge(ints("user_id", nearly)).identifier, false);
    QCOMPARE(IdentifierDetector::judge(strings("name", {"a", "b", "c"})).identifier, false); // fewer than 10 rows
}

void TestPiiScanner::kAnonymity()
{
    const Table table = sampleTable();
    auto report = KAnonymity::audit(table, {"zip"}, 5);
    QVERIFY2(report.isOk(), report.message().c_str());
    QCOMPARE(report.value().groupCount, std::size_t(3));
    QCOMPARE(report.value().k, std::size_t(2));
    QCOMPARE(report.value().groupsBelowK, std::size_t(1));
    QCOMPARE(report.value().rowsBelowK, std::size_t(2));
    QCOMPARE(report.value().smallestGroups.front().values, std::vector<std::string>{"99999"});
    QCOMPARE(report.value().smallestGroups.front().firstRow, std::size_t(38));

    auto pair = KAnonymity::audit(table, {"zip", "customer_id"}, 3);
    QVERIFY(pair.isOk());
    // zip alternates with r % 2 and customer with r % 5: 10 combinations over rows 0..37, plus 99999.
    QCOMPARE(pair.value().groupCount, std::size_t(12));
    QCOMPARE(pair.value().k, std::size_t(1));
    QCOMPARE(pair.value().uniqueRows, std::size_t(2));
}

void TestPiiScanner::kAnonymityRefusesUnknownColumn()
{
    auto report = KAnonymity::audit(sampleTable(), {"zip", "age"}, 2);
    QVERIFY(!report.isOk());
    QVERIFY(report.message().find("'age'") != std::string::npos);
    QVERIFY(!KAnonymity::audit(sampleTable(), {}, 2).isOk());
}

void TestPiiScanner::maskingAndDropping()
{
    const Table table = sampleTable();
    auto cleaned = TableMasking::apply(table, {{"ssn", ColumnTreatment::Drop},
                                               {"memo", ColumnTreatment::MaskFindings},
                                               {"date_of_birth", ColumnTreatment::MaskFindings},
                                               {"customer_id", ColumnTreatment::MaskAll}});
    QVERIFY2(cleaned.isOk(), cleaned.message().c_str());
    const Table &out = cleaned.value();
    QCOMPARE(out.columnCount(), std::size_t(5));
    QVERIFY(!out.find("ssn"));
    QCOMPARE(std::string(out.find("memo")->stringAt(7)), std::string("card 4111 **** **** 1111 declined"));
    QCOMPARE(std::string(out.find("memo")->stringAt(2)), std::string("ok"));
    QCOMPARE(out.find("memo")->isValid(0), false);
    QCOMPARE(std::string(out.find("date_of_birth")->stringAt(0)), std::string("19**-**-**"));
    QCOMPARE(std::string(out.find("customer_id")->stringAt(0)), std::string("***"));
    // The cleaned table holds no finding any more.
    PiiScanOptions options;
    options.identifiers = IdentifierCheck::Skip;
    options.columns = {"memo", "date_of_birth"};
    auto rescan = PiiScanner::scan(out, options);
    QVERIFY(rescan.isOk());
    QCOMPARE(rescan.value().totalFindings, std::size_t(0));
    QVERIFY(!TableMasking::apply(table, {{"nope", ColumnTreatment::Drop}}).isOk());
    QVERIFY(!TableMasking::apply(table, {{"memo", ColumnTreatment::Drop}, {"memo", ColumnTreatment::MaskAll}}).isOk());
}

QTEST_APPLESS_MAIN(TestPiiScanner)

#include "tst_piiscanner.moc"
