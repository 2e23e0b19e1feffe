// TransactionSimulator: schema, determinism, fraud signal, clean-data invariants and planted defects.
#include "core/data/CsvWriter.h"
#include "core/data/DateTime.h"
#include "core/data/TransactionSimulator.h"

#include <QtTest>

#include "StdStringPrinting.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace loupe;

namespace {

std::string csvOf(const Table &table)
{
    std::ostringstream out;
    CsvWriter::write(table, out);
    return out.str();
}

Table simulate(std::size_t rows, std::uint64_t seed, double fraudRate = 0.01, std::vector<Defect> defects = {},
               double defectRate = 0.001)
{
    SimulationOptions options;
    options.rows = rows;
    options.seed = seed;
    options.fraudRate = fraudRate;
    options.defects = std::move(defects);
    options.defectRate = defectRate;
    return TransactionSimulator(options).generate();
}

const Column &col(const Table &table, const char *name)
{
    const Column *column = table.find(name);
    Q_ASSERT(column);
    return *column;
}

int hourOf(std::int64_t nanos)
{
    const std::int64_t seconds = nanos / kNanosPerSecond;
    return static_cast<int>(((seconds % 86'400) + 86'400) % 86'400 / 3600);
}

bool luhnValid(const std::string &digits)
{
    int sum = 0;
    bool doubleIt = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int d = *it - '0';
        if (doubleIt) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
}

// Memos holding a valid-format SSN or a Luhn-valid 16-digit card number (with or without separators).
bool containsPii(std::string_view memo)
{
    static const std::regex ssn(R"((^|[^0-9])(\d{3})-(\d{2})-(\d{4})($|[^0-9]))");
    static const std::regex card(R"((^|[^0-9])(\d{4})[ -]?(\d{4})[ -]?(\d{4})[ -]?(\d{4})($|[^0-9]))");
    const std::string text(memo);
    std::smatch match;
    if (std::regex_search(text, match, ssn)) {
        const int area = std::stoi(match[2]), group = std::stoi(match[3]), serial = std::stoi(match[4]);
        if (area != 0 && area != 666 && area < 900 && group != 0 && serial != 0)
            return true;
    }
    if (std::regex_search(text, match, card))
        return luhnValid(match[2].str() + match[3].str() + match[4].str() + match[5].str());
    return false;
}

// How many rows show the defect, by the rule a data test would use.
std::size_t countDefectRows(const Table &table, Defect defect)
{
    std::size_t found = 0;
    switch (defect) {
    case Defect::ImpossibleBirthDates: {
        const Column &birth = col(table, "birth_date");
        const std::int64_t earliest = daysFromCivil(1900, 1, 1) * kNanosPerDay;
        const std::int64_t latest = daysFromCivil(2025, 1, 1) * kNanosPerDay;
        for (std::size_t r = 0; r < birth.size(); ++r)
            found += (birth.intAt(r) < earliest || birth.intAt(r) > latest) ? 1 : 0;
        break;
    }
    case Defect::DuplicateIds: {
        std::set<std::int64_t> seen;
        const Column &ids = col(table, "transaction_id");
        for (std::size_t r = 0; r < ids.size(); ++r)
            found += seen.insert(ids.intAt(r)).second ? 0 : 1;
        break;
    }
    case Defect::OutOfOrderTimestamps: {
        const Column &ts = col(table, "timestamp");
        for (std::size_t r = 1; r < ts.size(); ++r)
            found += ts.intAt(r) < ts.intAt(r - 1) ? 1 : 0;
        break;
    }
    case Defect::PiiInText: {
        const Column &memo = col(table, "memo");
        for (std::size_t r = 0; r < memo.size(); ++r)
            found += (memo.isValid(r) && containsPii(memo.stringAt(r))) ? 1 : 0;
        break;
    }
    case Defect::NegativeAmounts: {
        const Column &amount = col(table, "amount");
        for (std::size_t r = 0; r < amount.size(); ++r)
            found += amount.doubleAt(r) < 0 ? 1 : 0;
        break;
    }
    }
    return found;
}

} // namespace

class TestTransactionSimulator : public QObject {
    Q_OBJECT

private slots:
    void schema();
    void sameSeedSameBytes();
    void differentSeedDifferentData();
    void zeroRows();
    void fraudRate_data();
    void fraudRate();
    void fraudIsLearnable();
    void cleanDataInvariants();
    void memosNeedQuoting();
    void defectNames();
    void defectPlanted_data();
    void defectPlanted();
    void defectsLeaveOtherColumnsAlone();
    void defectAtLeastOneRow();
};

void TestTransactionSimulator::schema()
{
    const Table table = simulate(500, 1);
    const std::vector<std::pair<std::string, ColumnType>> expected{
        {"transaction_id", ColumnType::Int64}, {"timestamp", ColumnType::DateTime},
        {"customer_id", ColumnType::Int64},    {"customer_name", ColumnType::String},
        {"birth_date", ColumnType::DateTime},  {"merchant", ColumnType::String},
        {"category", ColumnType::String},      {"amount", ColumnType::Float64},
        {"balance", ColumnType::Float64},      {"memo", ColumnType::String},
        {"is_fraud", ColumnType::Bool},
    };
    QCOMPARE(table.columnCount(), expected.size());
    QCOMPARE(table.rowCount(), std::size_t(500));
    for (std::size_t c = 0; c < expected.size(); ++c) {
        QCOMPARE(table.column(c).name(), expected[c].first);
        QCOMPARE(table.column(c).type(), expected[c].second);
    }
    // Amounts and balances are whole cents; birth dates are date-only.
    for (const char *money : {"amount", "balance"}) {
        const Column &column = col(table, money);
        for (std::size_t r = 0; r < column.size(); ++r) {
            const double cents = column.doubleAt(r) * 100.0;
            QVERIFY2(std::fabs(cents - std::round(cents)) < 1e-6, column.displayAt(r).c_str());
        }
    }
    const Column &birth = col(table, "birth_date");
    for (std::size_t r = 0; r < birth.size(); ++r)
        QCOMPARE(birth.intAt(r) % kNanosPerDay, std::int64_t(0));
    const std::string csv = csvOf(table);
    QVERIFY(csv.rfind("transaction_id,timestamp,customer_id,customer_name,birth_date,merchant,category,amount,"
                      "balance,memo,is_fraud\n1,2024-01-01 ", 0) == 0);
}

void TestTransactionSimulator::sameSeedSameBytes()
{
    const std::vector<Defect> all{Defect::ImpossibleBirthDates, Defect::DuplicateIds, Defect::OutOfOrderTimestamps,
                                  Defect::PiiInText, Defect::NegativeAmounts};
    const std::string first = csvOf(simulate(20000, 99, 0.02, all, 0.002));
    const std::string second = csvOf(simulate(20000, 99, 0.02, all, 0.002));
    QCOMPARE(first.size(), second.size());
    QVERIFY(first == second);
}

void TestTransactionSimulator::differentSeedDifferentData()
{
    const Table a = simulate(2000, 1);
    const Table b = simulate(2000, 2);
    QVERIFY(csvOf(a) != csvOf(b));
    // Not just one column: names, amounts and times all move with the seed.
    for (const char *name : {"timestamp", "customer_name", "amount", "merchant"}) {
        const Column &x = col(a, name);
        const Column &y = col(b, name);
        std::size_t same = 0;
        for (std::size_t r = 0; r < x.size(); ++r)
            same += x.displayAt(r) == y.displayAt(r) ? 1 : 0;
        QVERIFY2(same < x.size() / 2, name);
    }
}

void TestTransactionSimulator::zeroRows()
{
    const Table table = simulate(0, 5, 0.1, {Defect::DuplicateIds, Defect::PiiInText}, 0.5);
    QCOMPARE(table.columnCount(), std::size_t(11));
    QCOMPARE(table.rowCount(), std::size_t(0));
    QCOMPARE(csvOf(table), std::string("transaction_id,timestamp,customer_id,customer_name,birth_date,merchant,"
                                       "category,amount,balance,memo,is_fraud\n"));
}

void TestTransactionSimulator::fraudRate_data()
{
    QTest::addColumn<double>("rate");
    QTest::newRow("none") << 0.0;
    QTest::newRow("one-percent") << 0.01;
    QTest::newRow("ten-percent") << 0.1;
    QTest::newRow("half") << 0.5;
    QTest::newRow("all") << 1.0;
}

void TestTransactionSimulator::fraudRate()
{
    QFETCH(double, rate);
    const std::size_t rows = 40000;
    for (std::uint64_t seed : {3u, 4u, 5u}) {
        const Table table = simulate(rows, seed, rate);
        const Column &fraud = col(table, "is_fraud");
        std::size_t count = 0;
        for (std::size_t r = 0; r < rows; ++r)
            count += fraud.intAt(r) ? 1 : 0;
        const double observed = static_cast<double>(count) / rows;
        // Binomial: within five standard errors (plus one row of slack for the edges).
        const double tolerance = 5.0 * std::sqrt(rate * (1.0 - rate) / rows) + 1.0 / rows;
        QVERIFY2(std::fabs(observed - rate) <= tolerance,
                 qPrintable(QStringLiteral("seed %1: observed %2, wanted %3").arg(seed).arg(observed).arg(rate)));
    }
}

void TestTransactionSimulator::fraudIsLearnable()
{
    const Table table = simulate(60000, 8, 0.05);
    const Column &fraud = col(table, "is_fraud");
    const Column &amount = col(table, "amount");
    const Column &ts = col(table, "timestamp");
    double fraudLogSum = 0, ordinaryLogSum = 0;
    std::size_t fraudRows = 0, ordinaryRows = 0, fraudNight = 0, ordinaryNight = 0;
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        const bool night = hourOf(ts.intAt(r)) < 6;
        if (fraud.intAt(r)) {
            fraudLogSum += std::log(amount.doubleAt(r));
            ++fraudRows;
            fraudNight += night ? 1 : 0;
        } else {
            ordinaryLogSum += std::log(amount.doubleAt(r));
            ++ordinaryRows;
            ordinaryNight += night ? 1 : 0;
        }
    }
    QVERIFY(fraudRows > 2000 && ordinaryRows > 50000);
    // Typical fraudulent amount at least twice the ordinary one (geometric means).
    const double ratio = std::exp(fraudLogSum / fraudRows - ordinaryLogSum / ordinaryRows);
    QVERIFY2(ratio > 2.0, qPrintable(QString::number(ratio)));
    // Fraud happens at night far more often.
    const double fraudNightShare = double(fraudNight) / fraudRows;
    const double ordinaryNightShare = double(ordinaryNight) / ordinaryRows;
    QVERIFY2(fraudNightShare > 3.0 * ordinaryNightShare,
             qPrintable(QStringLiteral("%1 vs %2").arg(fraudNightShare).arg(ordinaryNightShare)));
    qInfo("fraud/ordinary typical amount %.2fx; rows between 0h and 6h: fraud %.1f%%, ordinary %.1f%%", ratio,
          100 * fraudNightShare, 100 * ordinaryNightShare);
}

void TestTransactionSimulator::cleanDataInvariants()
{
    const Table table = simulate(30000, 21, 0.02);
    for (Defect defect : {Defect::ImpossibleBirthDates, Defect::DuplicateIds, Defect::OutOfOrderTimestamps,
                          Defect::PiiInText, Defect::NegativeAmounts})
        QCOMPARE(countDefectRows(table, defect), std::size_t(0));
    const Column &ts = col(table, "timestamp");
    QVERIFY(ts.intAt(0) >= daysFromCivil(2024, 1, 1) * kNanosPerDay);
    QVERIFY(ts.intAt(ts.size() - 1) < daysFromCivil(2025, 2, 1) * kNanosPerDay);
    QVERIFY(ts.intAt(ts.size() - 1) > daysFromCivil(2024, 11, 1) * kNanosPerDay); // spans about a year
    const Column &birth = col(table, "birth_date");
    for (std::size_t r = 0; r < birth.size(); ++r) {
        QVERIFY(birth.intAt(r) >= daysFromCivil(1940, 1, 1) * kNanosPerDay);
        QVERIFY(birth.intAt(r) <= daysFromCivil(2005, 12, 31) * kNanosPerDay);
    }
    const Column &balance = col(table, "balance");
    for (std::size_t r = 0; r < balance.size(); ++r)
        QVERIFY(balance.doubleAt(r) >= 0.0);
    // One customer id always carries the same name and birth date.
    std::map<std::int64_t, std::pair<std::string, std::int64_t>> people;
    const Column &id = col(table, "customer_id");
    const Column &name = col(table, "customer_name");
    for (std::size_t r = 0; r < id.size(); ++r) {
        const auto [it, inserted] = people.emplace(id.intAt(r), std::make_pair(std::string(name.stringAt(r)),
                                                                               birth.intAt(r)));
        QVERIFY(inserted || (it->second.first == name.stringAt(r) && it->second.second == birth.intAt(r)));
    }
    QVERIFY(people.size() > 100);
    std::set<std::string> categories;
    const Column &category = col(table, "category");
    for (std::size_t r = 0; r < category.size(); ++r)
        categories.emplace(category.stringAt(r));
    QCOMPARE(categories.size(), std::size_t(12));
}

void TestTransactionSimulator::memosNeedQuoting()
{
    const Table table = simulate(5000, 3);
    const Column &memo = col(table, "memo");
    std::size_t commas = 0, quotes = 0, missing = 0;
    for (std::size_t r = 0; r < memo.size(); ++r) {
        if (!memo.isValid(r)) {
            ++missing;
            continue;
        }
        commas += memo.stringAt(r).find(',') != std::string_view::npos ? 1 : 0;
        quotes += memo.stringAt(r).find('"') != std::string_view::npos ? 1 : 0;
    }
    QVERIFY(commas > 100);
    QVERIFY(quotes > 50);
    QVERIFY(missing > 1000 && missing < 3000);
    QVERIFY(csvOf(table).find("\"\"") != std::string::npos);
}

void TestTransactionSimulator::defectNames()
{
    const std::vector<std::string> names = loupe::defectNames();
    QCOMPARE(names, (std::vector<std::string>{"birth-dates", "duplicate-ids", "out-of-order", "pii-text",
                                              "negative-amounts"}));
    for (const std::string &name : names) {
        const auto defect = defectFromName(name);
        QVERIFY(defect.has_value());
        QCOMPARE(defectName(*defect), name);
    }
    QVERIFY(!defectFromName("typos").has_value());
    QVERIFY(!defectFromName("").has_value());
}

void TestTransactionSimulator::defectPlanted_data()
{
    QTest::addColumn<QString>("name");
    for (const std::string &name : loupe::defectNames())
        QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

void TestTransactionSimulator::defectPlanted()
{
    QFETCH(QString, name);
    const Defect defect = *defectFromName(name.toStdString());
    const std::size_t rows = 20000;
    const double rate = 0.002;
    const Table table = simulate(rows, 17, 0.01, {defect}, rate);
    QCOMPARE(table.rowCount(), rows);
    // Exactly rate x rows rows carry it, and the rule a data test would use finds every one of them.
    QCOMPARE(countDefectRows(table, defect), std::size_t(40));
    // Only the requested defect is present.
    for (const std::string &other : loupe::defectNames())
        if (other != name.toStdString())
            QCOMPARE(countDefectRows(table, *defectFromName(other)), std::size_t(0));
}

void TestTransactionSimulator::defectsLeaveOtherColumnsAlone()
{
    // Each part of the simulation has its own random stream: planting a defect edits only its own column
    // (and, for negative amounts, the balances that follow from them).
    const Table clean = simulate(8000, 31);
    const std::vector<std::pair<Defect, std::vector<std::string>>> touched{
        {Defect::ImpossibleBirthDates, {"birth_date"}},
        {Defect::DuplicateIds, {"transaction_id"}},
        {Defect::OutOfOrderTimestamps, {"timestamp"}},
        {Defect::PiiInText, {"memo"}},
        {Defect::NegativeAmounts, {"amount", "balance"}},
    };
    for (const auto &[defect, columns] : touched) {
        const Table dirty = simulate(8000, 31, 0.01, {defect}, 0.005);
        for (std::size_t c = 0; c < clean.columnCount(); ++c) {
            const Column &a = clean.column(c);
            const Column &b = dirty.column(c);
            std::size_t differing = 0;
            for (std::size_t r = 0; r < a.size(); ++r)
                differing += (a.isValid(r) != b.isValid(r) || a.displayAt(r) != b.displayAt(r)) ? 1 : 0;
            const bool expectedToChange = std::find(columns.begin(), columns.end(), a.name()) != columns.end();
            if (!expectedToChange)
                QVERIFY2(differing == 0, qPrintable(QString::fromStdString(defectName(defect) + " changed " + a.name())));
            else
                QVERIFY2(differing > 0, qPrintable(QString::fromStdString(defectName(defect) + " left " + a.name())));
        }
    }
}

void TestTransactionSimulator::defectAtLeastOneRow()
{
    // A tiny rate on a small table still plants the defect once, so a test run on it has something to find.
    for (const std::string &name : loupe::defectNames()) {
        const Defect defect = *defectFromName(name);
        const Table table = simulate(50, 4, 0.01, {defect}, 0.0001);
        QVERIFY2(countDefectRows(table, defect) >= 1, name.c_str());
    }
}

QTEST_APPLESS_MAIN(TestTransactionSimulator)
#include "tst_transactionsimulator.moc"
