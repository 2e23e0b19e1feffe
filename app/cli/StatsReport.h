#pragma once
// The column summary the demo writes: summary.json (machine) and summary.txt (people).

#include "core/data/ColumnStats.h"
#include "core/util/Status.h"

#include <nlohmann/json.hpp>

#include <QString>

#include <string>
#include <vector>

namespace loupe::cli {

struct StatsReportInput {
    QString dataPath;
    std::size_t rows = 0;
    double loadSeconds = 0.0;
    std::vector<ColumnStats> columns;
};

class StatsReport {
public:
    static nlohmann::ordered_json toJson(const StatsReportInput &input);
    static std::string toText(const StatsReportInput &input);
};

} // namespace loupe::cli
