#include "core/train/SufficiencyReport.h"

#include "core/util/JsonValues.h"

#include <algorithm>
#include <cmath>

namespace loupe {

std::string verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Ok:
        return "ok";
    case Verdict::Warning:
        return "warning";
    case Verdict::Insufficient:
        return "insufficient";
    }
    return "ok";
}

Verdict SufficiencyReport::overall() const
{
    Verdict worst = Verdict::Ok;
    for (const SufficiencyCheck &check : checks)
        worst = std::max(worst, check.verdict);
    return worst;
}

const SufficiencyCheck *SufficiencyReport::find(const std::string &id) const
{
    for (const SufficiencyCheck &check : checks) {
        if (check.id == id)
            return &check;
    }
    return nullptr;
}

nlohmann::ordered_json SufficiencyReport::toJson() const
{
    nlohmann::ordered_json json;
    json["rows"] = rows;
    json["features"] = features;
    json["parameters"] = parameters > 0 ? nlohmann::ordered_json(parameters) : nlohmann::ordered_json(nullptr);
    json["task"] = task;
    json["verdict"] = verdictName(overall());
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const SufficiencyCheck &check : checks) {
        nlohmann::ordered_json items = nlohmann::ordered_json::object();
        for (const auto &[name, value] : check.items)
            items[name] = jsonNumber(value);
        list.push_back({{"id", check.id},
                        {"title", check.title},
                        {"verdict", verdictName(check.verdict)},
                        {"reason", check.reason},
                        {"value", jsonNumber(check.value)},
                        {"required", jsonNumber(check.required)},
                        {"items", std::move(items)},
                        {"rows", check.rows}});
    }
    json["checks"] = std::move(list);
    return json;
}

} // namespace loupe
