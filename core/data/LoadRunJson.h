#pragma once
// The one JSON form of a CSV load, shared by `loupe-cli load --json`, the 'load' run the workspace
// stores (from the GUI's Data page and from every loupe-cli command) and the datasets table:
//   config  {"command":"load","path","delimiter":"auto"|"tab"|C,"skip_bad_rows","types":{COL:TYPE},
//            "categorical_levels"}
//   summary {"rows","columns":[{"name","type","missing"}],"seconds","skipped_rows","delimiter"}
//   schema  {"columns":[{"name","type"}]}
// Keys are snake_case and appear in this order; docs/cli.md describes them.

#include "core/data/CsvOptions.h"
#include "core/data/Table.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>

namespace loupe {

// "tab" for '\t', else the character itself.
std::string csvDelimiterName(char delimiter);

// What the reader was asked to do. `absolutePath` is the file as the datasets table names it.
nlohmann::ordered_json loadConfigJson(const CsvOptions &options, const std::string &absolutePath);

// What the read gave: the table's shape, the rows dropped under BadRowPolicy::Skip, the delimiter used
// (given or sniffed) and the seconds of the parse alone.
nlohmann::ordered_json loadSummaryJson(const Table &table, std::size_t skippedRows, char delimiter, double seconds);

// {"name","type","missing"}: one column as the summary lists it.
nlohmann::ordered_json columnShapeJson(const Column &column);

// {"columns":[{"name","type"}]}: the schema stored with a dataset.
nlohmann::ordered_json tableSchemaJson(const Table &table);

} // namespace loupe
