#pragma once
// Seeded simulator of card transactions (the chapter's fraud data came from such a simulation),
// with optional planted defects for exercising data tests and the PII scan.

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
    double fraudRate = 0.01;
    std::vector<Defect> defects;
    double defectRate = 0.001; // fraction of rows that carry each requested defect
};

class TransactionSimulator {
public:
    explicit TransactionSimulator(SimulationOptions options);
    Table generate() const;

private:
    SimulationOptions m_options;
};

} // namespace loupe
