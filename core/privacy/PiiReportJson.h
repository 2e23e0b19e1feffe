#pragma once
// The JSON of a privacy scan, shared by `loupe-cli pii --json` and the scan run stored in the workspace:
//   {"findings":[{"row","column","kind","masked"}], "columns":[{"name","kinds":{KIND:COUNT},"identifier"}], ...}
// plus "total_findings", "kinds" (totals), per column "scanned", "cells_with_pii", "examples",
// "identifier_reason", and "k_anonymity" when an audit ran.

#include "core/privacy/KAnonymity.h"
#include "core/privacy/PiiScanReport.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace loupe {

nlohmann::ordered_json piiFindingsJson(const PiiScanReport &report);
nlohmann::ordered_json piiColumnsJson(const PiiScanReport &report);
nlohmann::ordered_json piiKindTotalsJson(const PiiScanReport &report);
nlohmann::ordered_json kAnonymityJson(const KAnonymityReport &report);

} // namespace loupe
