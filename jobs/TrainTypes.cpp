#include "jobs/TrainTypes.h"

namespace loupe {

Result<ModelSpec> TrainRequest::spec() const
{
    auto spec = ModelSpec::parse(specJson.toStdString());
    if (!spec.isOk())
        return Status::invalidInput("model spec: " + spec.message());
    if (Status applied = overrides.applyTo(spec.value()); !applied.isOk())
        return applied;
    return spec;
}

} // namespace loupe
