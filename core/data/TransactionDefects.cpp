// Planting of TransactionSimulator's optional defects (see TransactionDraft.h).
#include "core/data/TransactionDraft.h"

#include "core/data/DateTime.h"
#include "core/data/SimulationRandom.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>

namespace loupe {

namespace {

constexpr std::uint64_t kDefectStreamBase = 100;
constexpr std::int64_t kSecondsPerHour = 3'600;

// How many rows carry the defect: the rate's share, at least one when the rate is positive.
std::size_t defectRowCount(const SimulationOptions &options, std::size_t eligible)
{
    if (options.defectRate <= 0.0 || eligible == 0)
        return 0;
    const auto wanted = static_cast<std::size_t>(std::llround(static_cast<double>(options.rows) * options.defectRate));
    return std::clamp<std::size_t>(wanted, 1, eligible);
}

// `count` distinct rows from [first, rows), ascending.
std::vector<std::size_t> pickRows(SimulationRandom &rng, std::size_t first, std::size_t rows, std::size_t count)
{
    std::vector<std::size_t> pool(rows - first);
    std::iota(pool.begin(), pool.end(), first);
    for (std::size_t i = 0; i < count; ++i)
        std::swap(pool[i], pool[i + rng.below(pool.size() - i)]);
    pool.resize(count);
    std::sort(pool.begin(), pool.end());
    return pool;
}

// A US social security number in valid format: area 001-899 without 666, group 01-99, serial 0001-9999.
std::string socialSecurityNumber(SimulationRandom &rng)
{
    std::int64_t area = rng.between(1, 898);
    if (area >= 666)
        ++area;
    // Separate statements: argument evaluation order is unspecified, and the bytes must not depend on it.
    const auto group = static_cast<int>(rng.between(1, 99));
    const auto serial = static_cast<int>(rng.between(1, 9999));
    char text[16];
    std::snprintf(text, sizeof text, "%03d-%02d-%04d", static_cast<int>(area), group, serial);
    return text;
}

// A 16-digit Visa- or Mastercard-like number whose last digit satisfies the Luhn check,
// grouped by spaces, by dashes or not at all.
std::string cardNumber(SimulationRandom &rng)
{
    std::array<int, 16> digits{};
    std::size_t fixed = 1;
    digits[0] = rng.chance(0.5) ? 4 : 5;
    if (digits[0] == 5) {
        digits[1] = static_cast<int>(rng.between(1, 5));
        fixed = 2;
    }
    for (std::size_t i = fixed; i < 15; ++i)
        digits[i] = static_cast<int>(rng.below(10));
    int sum = 0;
    for (std::size_t i = 0; i < 15; ++i) {
        // Counting from the check digit leftwards, every second digit is doubled: here the even positions.
        int d = digits[i];
        if (i % 2 == 0) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    digits[15] = (10 - sum % 10) % 10;
    const std::uint64_t style = rng.below(3);
    const char separator = style == 0 ? ' ' : '-';
    std::string text;
    for (std::size_t i = 0; i < 16; ++i) {
        if (i && i % 4 == 0 && style != 2)
            text.push_back(separator);
        text.push_back(static_cast<char>('0' + digits[i]));
    }
    return text;
}

std::string piiMemo(SimulationRandom &rng)
{
    switch (rng.below(4)) {
    case 0:
        return "verify SSN " + socialSecurityNumber(rng);
    case 1:
        return "tax form, SSN " + socialSecurityNumber(rng);
    case 2:
        return "refund to card " + cardNumber(rng);
    default:
        return "card " + cardNumber(rng) + " declined, retry";
    }
}

} // namespace

void plantTransactionDefect(Defect defect, const SimulationOptions &options, TransactionDraft &draft)
{
    SimulationRandom rng(options.seed, kDefectStreamBase + static_cast<std::uint64_t>(defect));
    const std::size_t rows = draft.rows();
    // Duplicates and backward steps need an earlier row to refer to.
    const bool needsPredecessor = defect == Defect::DuplicateIds || defect == Defect::OutOfOrderTimestamps;
    const std::size_t first = needsPredecessor ? 1 : 0;
    const std::size_t eligible = rows > first ? rows - first : 0;
    if (eligible == 0)
        return;
    const std::vector<std::size_t> chosen = pickRows(rng, first, rows, defectRowCount(options, eligible));
    switch (defect) {
    case Defect::ImpossibleBirthDates: {
        const std::int64_t futureStart = daysFromCivil(2030, 1, 1);
        const std::int64_t futureEnd = daysFromCivil(2099, 12, 31);
        for (std::size_t r : chosen)
            draft.birthDays[r] = rng.chance(0.5) ? daysFromCivil(1800, 1, 1) : rng.between(futureStart, futureEnd);
        break;
    }
    case Defect::DuplicateIds:
        for (std::size_t r : chosen)
            draft.ids[r] = draft.ids[rng.below(r)];
        break;
    case Defect::OutOfOrderTimestamps:
        // Ascending order: each chosen row's predecessor is final before the row steps back from it.
        for (std::size_t r : chosen)
            draft.seconds[r] = draft.seconds[r - 1] - rng.between(kSecondsPerHour, 48 * kSecondsPerHour);
        break;
    case Defect::PiiInText:
        for (std::size_t r : chosen) {
            draft.memo[r] = static_cast<std::int32_t>(draft.phrases.size() + draft.customMemos.size());
            draft.customMemos.push_back(piiMemo(rng));
        }
        break;
    case Defect::NegativeAmounts:
        for (std::size_t r : chosen)
            draft.cents[r] = -draft.cents[r];
        break;
    }
}

} // namespace loupe
