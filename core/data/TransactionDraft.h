#pragma once
// Internal to TransactionSimulator: the simulated table as plain column vectors, before it becomes a Table,
// and the defect planting that edits them. Not for use outside core/data.

#include "core/data/TransactionSimulator.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loupe {

struct TransactionDraft {
    std::vector<std::int64_t> ids;       // transaction_id
    std::vector<std::int64_t> seconds;   // seconds after 2024-01-01 00:00:00
    std::vector<std::int64_t> birthDays; // days since 1970-01-01
    std::vector<std::int64_t> cents;     // amount
    std::vector<std::int64_t> balanceCents;
    std::vector<std::uint32_t> customer; // index into the customer list
    std::vector<std::uint32_t> merchant; // index into the merchant list
    std::vector<std::int32_t> memo;      // -1 missing; < phrases.size(): a phrase; else customMemos[memo - phrases.size()]
    std::vector<std::uint8_t> fraud;
    std::vector<std::string_view> phrases;
    std::vector<std::string> customMemos;

    std::size_t rows() const { return ids.size(); }
};

// Plants `defect` into about options.defectRate of the rows (at least one row when the rate is positive),
// drawing from a random stream of its own. requires: the draft holds options.rows rows.
void plantTransactionDefect(Defect defect, const SimulationOptions &options, TransactionDraft &draft);

} // namespace loupe
