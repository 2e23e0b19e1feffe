#include "jobs/TrainDataPreparation.h"

#include "core/train/TrainingSession.h"

namespace loupe {

Result<PreparedData> prepareTrainData(const TrainRequest &request, const ModelSpec &spec)
{
    if (request.source == TrainRequest::Source::FashionMnist) {
        if (spec.scaling)
            return Status::invalidInput("the model spec's \"scaling\": \"" + scalingMethodName(*spec.scaling)
                                        + "\" applies to table data, not to Fashion-MNIST (its pixels are divided "
                                          "by 255); remove the key");
        FashionMnistOptions options = request.fashionMnist;
        if (options.validationFraction < 0.0)
            options.validationFraction = TrainingSession::defaultValidationFraction(spec);
        return DatasetAdapter::fashionMnist(options, spec.seed);
    }
    if (!request.table)
        return Status::invalidInput("no table is loaded; open a CSV on the Data page first");
    TableEncodingOptions encoding = request.encoding;
    encoding.binaryTargets = TrainingSession::binaryTargetsFor(spec);
    if (spec.scaling)
        encoding.scaling = *spec.scaling;
    SplitFractions fractions = request.fractions;
    if (fractions.validation < 0.0)
        fractions.validation = TrainingSession::defaultValidationFraction(spec);
    return DatasetAdapter::fromTable(*request.table, encoding, fractions, spec.seed,
                                     request.tableName.isEmpty() ? std::string("table")
                                                                 : request.tableName.toStdString());
}

Result<ModelSpec> requestedSpec(const TrainRequest &request)
{
    auto spec = ModelSpec::parse(request.specJson.toStdString());
    if (!spec.isOk())
        return Status::invalidInput("model spec: " + spec.message());
    if (Status applied = request.overrides.applyTo(spec.value()); !applied.isOk())
        return applied;
    return spec;
}

} // namespace loupe
