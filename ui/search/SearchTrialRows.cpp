#include "core/util/JsonReader.h"
#include "ui/search/SearchTrialRows.h"

#include <cmath>

namespace loupe {

Trial SearchTrialRows::toTrial(const SearchSpace &space, const SearchTrialRow &row)
{
    Trial trial;
    trial.number = row.number;
    trialStateFromName(row.state.toStdString(), trial.state);
    if (std::isfinite(row.loss))
        trial.loss = row.loss;
    trial.seconds = row.seconds;
    trial.error = row.error.toStdString();
    trial.params = TrialParams(space.size());
    const nlohmann::json values = JsonReader::parseOrNull(row.paramsJson.toStdString());
    const nlohmann::json indices = JsonReader::parseOrNull(row.indicesJson.toStdString());
    if (!values.is_object())
        return trial;
    for (int p = 0; p < space.size(); ++p) {
        const SearchParameter &parameter = space.parameter(p);
        if (parameter.distribution.isCategorical()) {
            if (indices.is_object() && indices.contains(parameter.name) && indices[parameter.name].is_number_integer()) {
                const int option = indices[parameter.name].get<int>();
                if (option >= 0 && option < parameter.distribution.optionCount())
                    trial.params.set(p, option);
            }
            continue;
        }
        if (values.contains(parameter.name) && values[parameter.name].is_number()) {
            const double raw = values[parameter.name].get<double>();
            if (parameter.distribution.contains(raw))
                trial.params.set(p, raw);
        }
    }
    return trial;
}

} // namespace loupe
