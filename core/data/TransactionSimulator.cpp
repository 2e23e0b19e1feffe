#include "core/data/TransactionSimulator.h"

#include "core/data/DateTime.h"
#include "core/data/TransactionDraft.h"
#include "core/data/SimulationRandom.h"
#include "core/data/TransactionVocabulary.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace loupe {

namespace {

// Each part of the simulation draws from its own stream, so switching a defect on or off
// leaves every other cell of the table unchanged.
// (TransactionDefects.cpp uses streams from 100 up.)
enum Stream : std::uint64_t {
    CustomerStream = 1,
    MerchantStream,
    OrdinaryArrivalStream,
    FraudArrivalStream,
    FraudCountStream,
    PurchaseStream,
};

constexpr std::int64_t kSecondsPerDay = 86'400;
constexpr std::int64_t kSimulatedDays = 366; // the whole of 2024
constexpr std::int64_t kFirstCustomerId = 10'001;
constexpr std::int64_t kMaxCents = 5'000'000;
constexpr std::int64_t kTopUpCents = 50'000; // automatic transfers come in $500 steps
constexpr double kMissingMemoShare = 0.4;
constexpr double kGeneralMemoShare = 0.3;

const std::array<std::pair<Defect, const char *>, 5> kDefectNames{{
    {Defect::ImpossibleBirthDates, "birth-dates"},
    {Defect::DuplicateIds, "duplicate-ids"},
    {Defect::OutOfOrderTimestamps, "out-of-order"},
    {Defect::PiiInText, "pii-text"},
    {Defect::NegativeAmounts, "negative-amounts"},
}};

struct Customer {
    std::string name;
    std::int64_t birthDay = 0;       // days since 1970-01-01
    double spendFactor = 1.0;        // this person's amounts relative to the category median
    std::int64_t openingCents = 0;
    std::int64_t monthlyDepositCents = 0;
};

struct Merchant {
    std::string name;
    std::uint32_t category = 0;
};

std::vector<std::uint32_t> cumulativeWeights(bool fraud)
{
    std::vector<std::uint32_t> cumulative;
    std::uint32_t total = 0;
    for (const SpendingCategory &category : TransactionVocabulary::categories()) {
        total += fraud ? category.fraudWeight : category.weight;
        cumulative.push_back(total);
    }
    return cumulative;
}

std::vector<Customer> makeCustomers(std::size_t count, std::uint64_t seed)
{
    SimulationRandom rng(seed, CustomerStream);
    const auto first = TransactionVocabulary::firstNames();
    const auto last = TransactionVocabulary::lastNames();
    const std::int64_t earliest = daysFromCivil(1940, 1, 1);
    const std::int64_t latest = daysFromCivil(2005, 12, 31);
    std::vector<Customer> customers(count);
    for (Customer &customer : customers) {
        // One draw per statement: the order of operands within an expression is up to the compiler.
        const std::string_view given = first[rng.below(first.size())];
        const std::string_view family = last[rng.below(last.size())];
        customer.name = std::string(given) + " " + std::string(family);
        // The mean of two uniform days: a triangular spread that thins out toward 1940 and 2005.
        const std::int64_t day1 = rng.between(earliest, latest);
        const std::int64_t day2 = rng.between(earliest, latest);
        customer.birthDay = (day1 + day2) / 2;
        customer.spendFactor = rng.logNormal(0.0, 0.35);
        customer.openingCents = std::llround(rng.logNormal(std::log(1500.0), 0.8) * 100.0);
        customer.monthlyDepositCents = std::llround(rng.logNormal(std::log(350.0), 0.5) * 100.0);
    }
    return customers;
}

// Distinct "<prefix> <suffix>" names per category; byCategory lists each category's merchants.
std::vector<Merchant> makeMerchants(std::size_t perCategory, std::uint64_t seed,
                                    std::vector<std::vector<std::uint32_t>> &byCategory)
{
    SimulationRandom rng(seed, MerchantStream);
    const auto prefixes = TransactionVocabulary::merchantPrefixes();
    const auto categories = TransactionVocabulary::categories();
    std::vector<Merchant> merchants;
    byCategory.assign(categories.size(), {});
    for (std::uint32_t c = 0; c < categories.size(); ++c) {
        const auto suffixes = categories[c].merchantSuffixes;
        std::vector<std::size_t> combos(prefixes.size() * suffixes.size());
        std::iota(combos.begin(), combos.end(), std::size_t(0));
        const std::size_t take = std::min(perCategory, combos.size());
        for (std::size_t i = 0; i < take; ++i) {
            std::swap(combos[i], combos[i + rng.below(combos.size() - i)]);
            const std::size_t combo = combos[i];
            byCategory[c].push_back(static_cast<std::uint32_t>(merchants.size()));
            merchants.push_back({std::string(prefixes[combo / suffixes.size()]) + " "
                                     + std::string(suffixes[combo % suffixes.size()]),
                                 c});
        }
    }
    return merchants;
}

// Arrival times (seconds after the start) of a Poisson process whose intensity follows hourly weights:
// exponential gaps on an "activity clock" that is stretched over the day by the weights.
std::vector<std::int64_t> arrivals(std::size_t count, std::span<const unsigned, 24> hourWeights, SimulationRandom rng)
{
    std::array<double, 25> cumulative{};
    for (std::size_t h = 0; h < 24; ++h)
        cumulative[h + 1] = cumulative[h] + hourWeights[h];
    const double total = cumulative[24];
    const double meanGap = static_cast<double>(kSimulatedDays * kSecondsPerDay) / static_cast<double>(count);
    std::vector<std::int64_t> seconds(count);
    double activity = 0.0;
    for (std::size_t i = 0; i < count; ++i) {
        activity += rng.exponential(meanGap);
        const double day = std::floor(activity / kSecondsPerDay);
        const double weightIntoDay = (activity - day * kSecondsPerDay) / kSecondsPerDay * total;
        std::size_t h = 0;
        while (h < 23 && cumulative[h + 1] <= weightIntoDay)
            ++h;
        const double hourFraction = (weightIntoDay - cumulative[h]) / hourWeights[h];
        seconds[i] = static_cast<std::int64_t>(day) * kSecondsPerDay
            + static_cast<std::int64_t>(std::floor((static_cast<double>(h) + hourFraction) * 3600.0));
    }
    return seconds;
}

// Ordinary and fraudulent arrivals merged in time order (ties: ordinary first).
void scheduleRows(const SimulationOptions &options, TransactionDraft &draft)
{
    SimulationRandom coin(options.seed, FraudCountStream);
    std::size_t fraudRows = 0;
    for (std::size_t i = 0; i < options.rows; ++i)
        fraudRows += coin.chance(options.fraudRate) ? 1 : 0;
    const auto ordinary = arrivals(options.rows - fraudRows, TransactionVocabulary::ordinaryHours(),
                                   SimulationRandom(options.seed, OrdinaryArrivalStream));
    const auto fraud = arrivals(fraudRows, TransactionVocabulary::fraudHours(),
                                SimulationRandom(options.seed, FraudArrivalStream));
    draft.seconds.resize(options.rows);
    draft.fraud.resize(options.rows);
    std::size_t a = 0, b = 0;
    for (std::size_t i = 0; i < options.rows; ++i) {
        const bool takeFraud = b < fraud.size() && (a >= ordinary.size() || fraud[b] < ordinary[a]);
        draft.seconds[i] = takeFraud ? fraud[b++] : ordinary[a++];
        draft.fraud[i] = takeFraud ? 1 : 0;
    }
}

void simulatePurchases(const SimulationOptions &options, const std::vector<Customer> &customers,
                       const std::vector<std::vector<std::uint32_t>> &merchantsByCategory, TransactionDraft &draft)
{
    SimulationRandom rng(options.seed, PurchaseStream);
    const auto categories = TransactionVocabulary::categories();
    const auto ordinaryWeights = cumulativeWeights(false);
    const auto fraudWeights = cumulativeWeights(true);
    // Phrase table: general memos first, then each category's own, with the offset of each category's block.
    for (std::string_view phrase : TransactionVocabulary::generalMemos())
        draft.phrases.push_back(phrase);
    std::vector<std::int32_t> categoryMemoStart;
    for (const SpendingCategory &category : categories) {
        categoryMemoStart.push_back(static_cast<std::int32_t>(draft.phrases.size()));
        draft.phrases.insert(draft.phrases.end(), category.memos.begin(), category.memos.end());
    }
    const auto generalCount = static_cast<std::uint64_t>(TransactionVocabulary::generalMemos().size());
    const std::size_t n = options.rows;
    draft.ids.resize(n);
    draft.customer.resize(n);
    draft.merchant.resize(n);
    draft.birthDays.resize(n);
    draft.cents.resize(n);
    draft.memo.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        draft.ids[i] = static_cast<std::int64_t>(i) + 1;
        const auto who = static_cast<std::uint32_t>(rng.below(customers.size()));
        const bool fraud = draft.fraud[i] != 0;
        const std::size_t category = rng.weighted(fraud ? fraudWeights : ordinaryWeights);
        const auto &pool = merchantsByCategory[category];
        draft.customer[i] = who;
        draft.merchant[i] = pool[rng.below(pool.size())];
        draft.birthDays[i] = customers[who].birthDay;
        // Fraud: several times the usual amount and a wider spread.
        const double mu = std::log(categories[category].medianAmount * customers[who].spendFactor)
            + (fraud ? std::log(3.5) : 0.0);
        const double sigma = categories[category].sigma + (fraud ? 0.25 : 0.0);
        draft.cents[i] = std::clamp<std::int64_t>(std::llround(rng.logNormal(mu, sigma) * 100.0), 1, kMaxCents);
        const double memoDraw = rng.uniform();
        if (memoDraw < kMissingMemoShare)
            draft.memo[i] = -1;
        else if (memoDraw < kMissingMemoShare + kGeneralMemoShare)
            draft.memo[i] = static_cast<std::int32_t>(rng.below(generalCount));
        else
            draft.memo[i] = categoryMemoStart[category]
                + static_cast<std::int32_t>(rng.below(categories[category].memos.size()));
    }
}

std::int64_t monthIndex(std::int64_t startDay, std::int64_t seconds)
{
    int year;
    unsigned month, day;
    const std::int64_t offsetDays = seconds >= 0 ? seconds / kSecondsPerDay : -((-seconds + kSecondsPerDay - 1) / kSecondsPerDay);
    civilFromDays(startDay + offsetDays, year, month, day);
    return std::int64_t(year) * 12 + month;
}

// Running balance per customer: a monthly deposit, the purchase, and a transfer whenever it would go negative.
void computeBalances(const std::vector<Customer> &customers, std::int64_t startDay, TransactionDraft &draft)
{
    std::vector<std::int64_t> balance(customers.size());
    std::vector<std::int64_t> lastMonth(customers.size(), monthIndex(startDay, 0));
    for (std::size_t c = 0; c < customers.size(); ++c)
        balance[c] = customers[c].openingCents;
    draft.balanceCents.resize(draft.cents.size());
    for (std::size_t i = 0; i < draft.cents.size(); ++i) {
        const std::uint32_t who = draft.customer[i];
        const std::int64_t month = monthIndex(startDay, draft.seconds[i]);
        if (month > lastMonth[who]) {
            balance[who] += customers[who].monthlyDepositCents * (month - lastMonth[who]);
            lastMonth[who] = month;
        }
        balance[who] -= draft.cents[i];
        if (balance[who] < 0)
            balance[who] += (-balance[who] / kTopUpCents + 1) * kTopUpCents;
        draft.balanceCents[i] = balance[who];
    }
}

Column int64Column(std::string name, ColumnType type, std::vector<std::int64_t> values)
{
    Column column(std::move(name), type);
    column.validity().assign(values.size(), 1);
    column.ints() = std::move(values);
    return column;
}

Column centsColumn(std::string name, const std::vector<std::int64_t> &cents)
{
    Column column(std::move(name), ColumnType::Float64);
    column.validity().assign(cents.size(), 1);
    column.doubles().resize(cents.size());
    for (std::size_t i = 0; i < cents.size(); ++i)
        column.doubles()[i] = static_cast<double>(cents[i]) / 100.0; // nearest double to the 2-decimal value
    return column;
}

template <typename TextAt>
Column stringColumn(std::string name, std::size_t rows, std::size_t averageLength, TextAt textAt)
{
    Column column(std::move(name), ColumnType::String);
    column.reserve(rows);
    column.chars().reserve(rows * averageLength);
    for (std::size_t i = 0; i < rows; ++i)
        column.appendString(textAt(i));
    return column;
}

Table assembleTable(const std::vector<Customer> &customers, const std::vector<Merchant> &merchants,
                    std::int64_t startDay, TransactionDraft &draft)
{
    const std::size_t n = draft.rows();
    const auto categories = TransactionVocabulary::categories();
    std::vector<std::int64_t> timestamps(n), customerIds(n), births(n);
    for (std::size_t i = 0; i < n; ++i) {
        timestamps[i] = (startDay * kSecondsPerDay + draft.seconds[i]) * kNanosPerSecond;
        customerIds[i] = kFirstCustomerId + draft.customer[i];
        births[i] = draft.birthDays[i] * kNanosPerDay;
    }
    Table table;
    table.addColumn(int64Column("transaction_id", ColumnType::Int64, std::move(draft.ids)));
    table.addColumn(int64Column("timestamp", ColumnType::DateTime, std::move(timestamps)));
    table.addColumn(int64Column("customer_id", ColumnType::Int64, std::move(customerIds)));
    table.addColumn(stringColumn("customer_name", n, 13, [&](std::size_t i) -> std::string_view {
        return customers[draft.customer[i]].name;
    }));
    table.addColumn(int64Column("birth_date", ColumnType::DateTime, std::move(births)));
    table.addColumn(stringColumn("merchant", n, 14, [&](std::size_t i) -> std::string_view {
        return merchants[draft.merchant[i]].name;
    }));
    table.addColumn(stringColumn("category", n, 7, [&](std::size_t i) {
        return categories[merchants[draft.merchant[i]].category].name;
    }));
    table.addColumn(centsColumn("amount", draft.cents));
    table.addColumn(centsColumn("balance", draft.balanceCents));
    Column memo("memo", ColumnType::String);
    memo.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::int32_t code = draft.memo[i];
        if (code < 0)
            memo.appendMissing();
        else if (static_cast<std::size_t>(code) < draft.phrases.size())
            memo.appendString(draft.phrases[static_cast<std::size_t>(code)]);
        else
            memo.appendString(draft.customMemos[static_cast<std::size_t>(code) - draft.phrases.size()]);
    }
    table.addColumn(std::move(memo));
    Column fraud("is_fraud", ColumnType::Bool);
    fraud.validity().assign(n, 1);
    fraud.ints().assign(draft.fraud.begin(), draft.fraud.end());
    table.addColumn(std::move(fraud));
    return table;
}

} // namespace

std::optional<Defect> defectFromName(const std::string &name)
{
    for (const auto &[defect, text] : kDefectNames)
        if (name == text)
            return defect;
    return std::nullopt;
}

std::string defectName(Defect defect)
{
    for (const auto &[value, text] : kDefectNames)
        if (value == defect)
            return text;
    return "unknown";
}

std::vector<std::string> defectNames()
{
    std::vector<std::string> names;
    for (const auto &entry : kDefectNames)
        names.emplace_back(entry.second);
    return names;
}

TransactionSimulator::TransactionSimulator(SimulationOptions options) : m_options(std::move(options))
{
    assert(m_options.fraudRate >= 0.0 && m_options.fraudRate <= 1.0);
    assert(m_options.defectRate >= 0.0 && m_options.defectRate <= 1.0);
}

Table TransactionSimulator::generate() const
{
    const SimulationOptions &options = m_options;
    const std::size_t customerCount = std::clamp<std::size_t>(options.rows / 50, 20, 50'000);
    const std::size_t merchantsPerCategory = std::clamp<std::size_t>(options.rows / 5'000, 6, 40);
    const std::int64_t startDay = daysFromCivil(2024, 1, 1);
    const std::vector<Customer> customers = makeCustomers(customerCount, options.seed);
    std::vector<std::vector<std::uint32_t>> merchantsByCategory;
    const std::vector<Merchant> merchants = makeMerchants(merchantsPerCategory, options.seed, merchantsByCategory);

    TransactionDraft draft;
    scheduleRows(options, draft);
    simulatePurchases(options, customers, merchantsByCategory, draft);
    const auto wants = [&](Defect d) {
        return std::find(options.defects.begin(), options.defects.end(), d) != options.defects.end();
    };
    // A negative amount is a credit, so it has to be in place before balances run.
    if (wants(Defect::NegativeAmounts))
        plantTransactionDefect(Defect::NegativeAmounts, options, draft);
    computeBalances(customers, startDay, draft);
    for (const auto &entry : kDefectNames)
        if (entry.first != Defect::NegativeAmounts && wants(entry.first))
            plantTransactionDefect(entry.first, options, draft);
    return assembleTable(customers, merchants, startDay, draft);
}

} // namespace loupe
