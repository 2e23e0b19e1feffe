#include "core/lr/RunSubject.h"

#include "core/util/JsonValues.h"

namespace loupe {

void RunSubject::addTo(nlohmann::ordered_json &config, const ModelSpec &spec, const TrainingData &data)
{
    config["data"] = data.source;
    config["spec"] = spec.toJson();
    config["feature_plan"] = data.featurePlan ? data.featurePlan->toJson() : nlohmann::ordered_json(nullptr);
}

RunSubject RunSubject::of(const nlohmann::json &config)
{
    RunSubject subject;
    subject.data = jsonText(config, "data");
    const auto spec = config.find("spec");
    if (spec != config.end() && spec->is_object())
        subject.specName = jsonText(*spec, "name");
    return subject;
}

} // namespace loupe
