#include "core/train/TrainingDataService.h"

#include "core/train/FeaturePlanner.h"
#include "core/train/TrainingSession.h"

namespace loupe {

namespace {

// Fashion-MNIST takes no scaling: neither the user's nor the spec's.
Status refuseScaling(const TrainingDataRequest &request, const ModelSpec &spec)
{
    const std::string reason = " applies to CSV data, not to Fashion-MNIST (its pixels are divided by 255)";
    if (request.scaling)
        return Status::invalidInput("scaling \"" + scalingMethodName(*request.scaling) + "\"" + reason);
    if (spec.scaling)
        return Status::invalidInput("the model spec's \"scaling\": \"" + scalingMethodName(*spec.scaling) + "\""
                                    + reason + "; remove the key");
    return Status::ok();
}

Result<TrainingData> prepareFashionMnist(const TrainingDataRequest &request, const ModelSpec &spec)
{
    if (Status refused = refuseScaling(request, spec); !refused.isOk())
        return refused;
    FashionMnistOptions options;
    options.directory = request.fashionMnistDirectory;
    options.validationFraction = TrainingDataService::validationFractionFor(request.validationFraction, spec);
    options.rowLimit = request.imageLimit;
    return TrainingData::fromFashionMnist(options, spec.seed);
}

Result<TrainingData> prepareTable(const TrainingDataRequest &request, const ModelSpec &spec)
{
    if (!request.table)
        return Status::invalidInput("no table is loaded; open a CSV on the Data page first");
    const std::string name = request.tableName.empty() ? std::string("table") : request.tableName;
    auto plan = FeaturePlanner::propose(*request.table, TrainingDataService::planOptionsFor(request));
    if (!plan.isOk())
        return Status::error(plan.status().code(), name + ": " + plan.message());
    TableEncodingOptions encoding;
    plan.value().applyTo(encoding);
    encoding.task = request.task;
    encoding.scaling = TrainingDataService::scalingFor(request.scaling, spec);
    encoding.binaryTargets = TrainingSession::binaryTargetsFor(spec);
    SplitFractions fractions;
    fractions.validation = TrainingDataService::validationFractionFor(request.validationFraction, spec);
    fractions.test = request.testFraction;
    auto data = TrainingData::fromTable(*request.table, encoding, fractions, spec.seed, name);
    if (data.isOk())
        data.value().featurePlan = plan.takeValue();
    return data;
}

} // namespace

Result<TrainingData> TrainingDataService::prepare(const TrainingDataRequest &request, const ModelSpec &spec)
{
    if (request.source == TrainingDataRequest::Source::FashionMnist)
        return prepareFashionMnist(request, spec);
    return prepareTable(request, spec);
}

FeaturePlanOptions TrainingDataService::planOptionsFor(const TrainingDataRequest &request)
{
    FeaturePlanOptions options;
    options.target = request.target;
    options.selection = request.selection;
    options.ignored = request.excluded;
    options.kept = request.kept;
    options.maxFeatureLevels = request.maxFeatureLevels;
    options.task = request.task;
    options.missing = request.missing;
    return options;
}

FeatureScaling TrainingDataService::scalingFor(const std::optional<FeatureScaling> &chosen, const ModelSpec &spec)
{
    if (chosen)
        return *chosen;
    return spec.scaling.value_or(FeatureScaling::Standardize);
}

double TrainingDataService::validationFractionFor(const std::optional<double> &chosen, const ModelSpec &spec)
{
    return chosen.value_or(TrainingSession::defaultValidationFraction(spec));
}

ModelSpec TrainingDataService::specAsTrained(const ModelSpec &spec, const TrainingData &data)
{
    ModelSpec trained = spec;
    if (data.encoding)
        trained.scaling = data.encoding->scaling;
    return trained;
}

} // namespace loupe
