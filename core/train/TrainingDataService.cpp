#include "core/train/TrainingDataService.h"

#include "core/train/FeaturePlanner.h"
#include "core/train/TrainingSession.h"

#include <algorithm>

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

// The class balance of classification data (training rows per class), and what the request asks
// for: resampled training rows (never validation or test rows) and class weights from the rows as
// trained on. InvalidInput naming the parameter for a regression target.
Status applyClassBalance(const TrainingDataRequest &request, const ModelSpec &spec, TrainingData &data)
{
    const ClassWeighting weighting = request.classWeighting.value_or(ClassWeighting::None);
    const Resampling resampling = request.resampling.value_or(Resampling::None);
    if (data.task != TaskKind::Classification) {
        if (weighting != ClassWeighting::None)
            return Status::invalidInput("class_weight: \"" + std::string(classWeightingName(weighting))
                                        + "\" needs a class target, but the target is a number (regression)");
        if (resampling != Resampling::None)
            return Status::invalidInput("resample: \"" + std::string(resamplingName(resampling))
                                        + "\" needs a class target, but the target is a number (regression)");
        return Status::ok();
    }
    const std::size_t classCount = std::max<std::size_t>(2, data.classLabels.size());
    ClassBalance balance;
    balance.weighting = weighting;
    balance.resampling = resampling;
    balance.labels = data.classLabels;
    balance.countsBefore = ClassBalance::classCounts(data.train, classCount);
    if (resampling != Resampling::None && data.train.size() > 0)
        data.train = ClassBalance::resample(data.train, classCount, resampling, spec.seed);
    balance.countsAfter = ClassBalance::classCounts(data.train, classCount);
    if (weighting == ClassWeighting::Balanced && data.train.size() > 0)
        balance.weights = ClassBalance::balancedWeights(balance.countsAfter);
    data.classBalance = std::move(balance);
    return Status::ok();
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

Result<TrainingData> TrainingDataService::prepare(const TrainingDataRequest &given, const ModelSpec &spec)
{
    const TrainingDataRequest request = requestWithSpec(given, spec);
    auto data = request.source == TrainingDataRequest::Source::FashionMnist ? prepareFashionMnist(request, spec)
                                                                             : prepareTable(request, spec);
    if (!data.isOk())
        return data;
    if (Status status = applyClassBalance(request, spec, data.value()); !status.isOk())
        return status;
    return data;
}

TrainingDataRequest TrainingDataService::requestWithSpec(const TrainingDataRequest &request, const ModelSpec &spec)
{
    TrainingDataRequest filled = request;
    if (spec.features && request.source == TrainingDataRequest::Source::Table)
        spec.features->fillIn(filled);
    else if (spec.features) {
        // Fashion-MNIST: only the class balance applies.
        if (!filled.classWeighting)
            filled.classWeighting = spec.features->classWeighting;
        if (!filled.resampling)
            filled.resampling = spec.features->resampling;
    }
    return filled;
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
    options.classWeighting = request.classWeighting;
    options.resampling = request.resampling;
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
