#pragma once
// How table cells and column summaries look in loupe-cli's JSON output.
//   int64 / float64 -> JSON number (a non-finite float becomes null)
//   bool            -> true / false
//   datetime        -> ISO 8601 text, "2024-05-01" or "2024-05-01T12:34:56[.fff]" (no zone: as read)
//   string / categorical -> JSON string
//   missing         -> null

#include "core/data/ColumnStats.h"
#include "core/data/Table.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace loupe::cli {

// requires: row < column.size()
nlohmann::ordered_json cellJson(const Column &column, std::size_t row);
// "YYYY-MM-DD" at midnight, else "YYYY-MM-DDTHH:MM:SS[.fraction]".
std::string isoDateTime(std::int64_t nanosSinceEpoch);
// A datetime statistic (a mean of nanoseconds) rounded to the second, as isoDateTime shows it.
std::string isoDateTimeToSecond(double nanosSinceEpoch);
// {"name","type","rows","missing","distinct", then "min","max","mean","std" or "top_values":[{"value","count"}]}.
nlohmann::ordered_json columnStatsJson(const ColumnStats &stats, std::size_t topValues = 5);

} // namespace loupe::cli
