#include "core/privacy/PiiReportJson.h"

#include <string>

namespace loupe {

nlohmann::ordered_json piiFindingsJson(const PiiScanReport &report)
{
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (const PiiFinding &finding : report.findings)
        findings.push_back({{"row", finding.row},
                            {"column", report.columns[finding.column].name},
                            {"kind", std::string(piiKindName(finding.kind))},
                            {"masked", finding.masked}});
    return findings;
}

nlohmann::ordered_json piiColumnsJson(const PiiScanReport &report)
{
    nlohmann::ordered_json columns = nlohmann::ordered_json::array();
    for (const PiiColumnReport &column : report.columns) {
        nlohmann::ordered_json kinds = nlohmann::ordered_json::object();
        for (PiiKind kind : allPiiKinds())
            if (const std::size_t count = column.counts[static_cast<std::size_t>(kind)])
                kinds[std::string(piiKindName(kind))] = count;
        columns.push_back({{"name", column.name},
                           {"kinds", std::move(kinds)},
                           {"identifier", column.identifier},
                           {"identifier_reason", column.identifierReason},
                           {"scanned", column.scanned},
                           {"cells_with_pii", column.cellsWithPii},
                           {"examples", column.examples}});
    }
    return columns;
}

nlohmann::ordered_json piiKindTotalsJson(const PiiScanReport &report)
{
    nlohmann::ordered_json totals = nlohmann::ordered_json::object();
    const auto counts = report.kindTotals();
    for (PiiKind kind : allPiiKinds())
        totals[std::string(piiKindName(kind))] = counts[static_cast<std::size_t>(kind)];
    return totals;
}

nlohmann::ordered_json kAnonymityJson(const KAnonymityReport &report)
{
    nlohmann::ordered_json groups = nlohmann::ordered_json::array();
    for (const KAnonymityGroup &group : report.smallestGroups)
        groups.push_back({{"values", group.values}, {"size", group.size}, {"first_row", group.firstRow}});
    return {{"columns", report.columns},
            {"requested_k", report.requestedK},
            {"k", report.k},
            {"satisfied", report.k >= report.requestedK},
            {"groups", report.groupCount},
            {"groups_below_k", report.groupsBelowK},
            {"rows_below_k", report.rowsBelowK},
            {"unique_rows", report.uniqueRows},
            {"smallest_groups", std::move(groups)}};
}

} // namespace loupe
