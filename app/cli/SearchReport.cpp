#include "app/cli/SearchReport.h"

#include <cstdio>

namespace loupe::cli {

namespace {

nlohmann::ordered_json ordered(const nlohmann::json &json)
{
    return nlohmann::ordered_json::parse(json.dump());
}

std::string lossText(const std::optional<double> &loss)
{
    if (!loss)
        return "-";
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", *loss);
    return text;
}

} // namespace

std::string SearchReport::paramsText(const Trial &trial, const SearchSpace &space)
{
    std::string text;
    const nlohmann::json values = trial.params.valuesJson(space);
    const nlohmann::json indices = trial.params.indicesJson(space);
    for (const auto &[name, value] : values.items()) {
        if (!text.empty())
            text += ", ";
        std::string shown;
        if (value.is_number_float()) {
            char number[32];
            std::snprintf(number, sizeof number, "%.4g", value.get<double>());
            shown = number;
        } else if (value.is_string()) {
            shown = value.get<std::string>();
        } else if ((value.is_object() || value.is_array()) && indices.contains(name)) {
            shown = "option " + indices[name].dump(); // a sub-space: its own parameters follow
        } else {
            shown = value.dump();
        }
        text += name + "=" + shown;
    }
    return text;
}

std::string SearchReport::trialLine(const Trial &trial, const SearchSpace &space, const std::optional<Trial> &best)
{
    char head[96];
    std::snprintf(head, sizeof head, "trial %4d  %-8s  loss %-10s  %7.2f s  ", trial.number,
                  std::string(trialStateName(trial.state)).c_str(), lossText(trial.loss).c_str(), trial.seconds);
    std::string line = head + paramsText(trial, space);
    if (trial.state == TrialState::Fail && !trial.error.empty())
        line += "  (" + trial.error + ")";
    if (best)
        line += "  best " + lossText(best->loss) + " (trial " + std::to_string(best->number) + ")";
    return line;
}

nlohmann::ordered_json SearchReport::trialJson(const Trial &trial, const SearchSpace &space,
                                               std::optional<std::int64_t> runId)
{
    nlohmann::ordered_json json;
    json["number"] = trial.number;
    json["state"] = std::string(trialStateName(trial.state));
    json["params"] = ordered(trial.params.valuesJson(space));
    json["loss"] = trial.loss ? nlohmann::ordered_json(*trial.loss) : nlohmann::ordered_json(nullptr);
    json["seconds"] = trial.seconds;
    if (!trial.error.empty())
        json["error"] = trial.error;
    if (runId)
        json["run_id"] = *runId;
    return json;
}

nlohmann::ordered_json SearchReport::bestJson(const std::optional<Trial> &best, const SearchSpace &space)
{
    if (!best)
        return nullptr;
    nlohmann::ordered_json json;
    json["number"] = best->number;
    json["loss"] = best->loss ? nlohmann::ordered_json(*best->loss) : nlohmann::ordered_json(nullptr);
    json["params"] = ordered(best->params.valuesJson(space));
    json["indices"] = ordered(best->params.indicesJson(space));
    return json;
}

nlohmann::ordered_json SearchReport::trialsJson(const std::vector<Trial> &trials, const SearchSpace &space,
                                                const std::map<int, std::int64_t> &runIds)
{
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const Trial &trial : trials) {
        const auto found = runIds.find(trial.number);
        array.push_back(trialJson(trial, space, found == runIds.end() ? std::nullopt
                                                                       : std::optional<std::int64_t>(found->second)));
    }
    return array;
}

} // namespace loupe::cli
