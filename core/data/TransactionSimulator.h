#pragma once
// Seeded simulator of card transactions (the chapter's fraud data came from such a simulation),
// with optional planted defects for exercising data tests and the PII scan.
//
// Columns, in order: transaction_id (int64, 1..rows), timestamp (datetime, whole seconds, non-decreasing,
// starting 2024-01-01 and spanning about a year, busier by day), customer_id (int64, from 10001),
// customer_name (string), birth_date (datetime at midnight, 1940..2005), merchant (string), category
// (string, one of 12), amount (float64, whole cents, > 0, lognormal by category), balance (float64, whole
// cents, the customer's running balance after the row, >= 0), memo (string, ~40% missing; some contain
// commas and quotes), is_fraud (bool, share ~fraudRate; fraud rows have ~5x larger amounts and nearly half
// of them fall between 0h and 6h, against ~4% of ordinary rows).
// A customer id always comes with the same name and birth date (unless a birth-date defect edits the row).
// Same options, same table, byte for byte once written by CsvWriter: every draw comes from std::mt19937_64
// outputs through distributions written in SimulationRandom, and money and time are integers until the end.
// The only platform-dependent step is std::log/std::exp inside those draws; their results are rounded to
// cents and seconds, so a last-bit difference in another libm could only show on an exact rounding tie.
// 1M rows take about 0.4 s and write about 107 MB of CSV.

#include "core/data/Table.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace loupe {

enum class Defect {
    ImpossibleBirthDates, // birth dates before 1900 or in the future
    DuplicateIds,         // repeated transaction ids
    OutOfOrderTimestamps, // timestamps that go backwards
    PiiInText,            // SSNs and card numbers inside the free-text memo
    NegativeAmounts,      // amounts below zero
};

std::optional<Defect> defectFromName(const std::string &name); // "birth-dates", "duplicate-ids", ...
std::string defectName(Defect defect);
std::vector<std::string> defectNames();

struct SimulationOptions {
    std::size_t rows = 1000;
    std::uint64_t seed = 42;
    double fraudRate = 0.01;    // requires: 0..1
    std::vector<Defect> defects;
    // Fraction of rows that carry each requested defect: round(rows x rate) rows, at least one when the rate
    // is positive. requires: 0..1. Each defect draws from its own random stream and edits only its own
    // column (NegativeAmounts also changes the balances that follow), so the rest of the table is the
    // same as without it. Planted rows: birth_date 1800-01-01 or a date in 2030..2099; transaction_id
    // copied from an earlier row; timestamp 1..48 hours before the previous row's; memo holding a
    // valid-format SSN or a Luhn-valid 16-digit card number; amount negated.
    double defectRate = 0.001;
};

class TransactionSimulator {
public:
    explicit TransactionSimulator(SimulationOptions options);
    Table generate() const;

private:
    SimulationOptions m_options;
};

} // namespace loupe
