#include "core/train/GradientService.h"

#include "core/data/CsvReader.h"
#include "core/nn/Dense.h"
#include "core/train/ModelFactory.h"
#include "core/train/WeightsInterchange.h"

#include <cmath>
#include <memory>

namespace loupe {

namespace {

bool isPlainNumberColumn(const Column &column)
{
    return column.type() == ColumnType::Int64 || column.type() == ColumnType::Float64 || column.type() == ColumnType::Bool;
}

// The inputs: every column but the target, in file order, as float.
Result<Matrix> batchInputs(const Table &batch, std::string_view source, const std::string &target)
{
    const std::string where(source);
    std::vector<const Column *> features;
    for (const Column &column : batch.columns()) {
        if (column.name() == target)
            continue;
        if (!isPlainNumberColumn(column))
            return Status::invalidInput(where + ": column \"" + column.name() + "\" is "
                                        + std::string(columnTypeName(column.type()))
                                        + "; every column but the target must hold numbers (the batch is used as it is)");
        features.push_back(&column);
    }
    if (features.empty())
        return Status::invalidInput(where + ": no input column besides the target \"" + target + "\"");
    Matrix inputs(static_cast<Index>(batch.rowCount()), static_cast<Index>(features.size()));
    for (std::size_t c = 0; c < features.size(); ++c) {
        for (std::size_t r = 0; r < batch.rowCount(); ++r) {
            const double value = features[c]->numericAt(r);
            if (!std::isfinite(value))
                return Status::invalidInput(where + ": column \"" + features[c]->name() + "\" row " + std::to_string(r + 1)
                                            + ": missing or not a finite number");
            inputs(Index(r), Index(c)) = static_cast<float>(value);
        }
    }
    return inputs;
}

// The target rows the spec's loss expects for `outputs` units (see GradientService.h).
Result<Matrix> batchTargets(const Column &column, std::string_view source, LossKind loss, Index outputs)
{
    const std::string where = std::string(source) + ": column \"" + column.name() + "\"";
    if (!isPlainNumberColumn(column))
        return Status::invalidInput(where + " is " + std::string(columnTypeName(column.type())) + ", expected numbers");
    const auto rows = static_cast<Index>(column.size());
    const bool classes = loss != LossKind::MeanSquaredError && !(loss == LossKind::BinaryCrossEntropy && outputs == 1);
    if (!classes && outputs != 1)
        return Status::invalidInput(where + ": the model has " + std::to_string(outputs)
                                    + " outputs; a one-column target needs a last layer of 1 unit");
    const Index classCount = loss == LossKind::BinaryCrossEntropy ? 2 : outputs;
    if (classes && classCount != outputs)
        return Status::invalidInput(where + ": binary_crossentropy needs a last layer of 1 or 2 units, the model has "
                                    + std::to_string(outputs));
    Matrix targets = Matrix::Zero(rows, classes ? classCount : 1);
    for (Index r = 0; r < rows; ++r) {
        const double value = column.numericAt(std::size_t(r));
        const std::string row = where + " row " + std::to_string(r + 1);
        if (!std::isfinite(value))
            return Status::invalidInput(row + ": missing or not a finite number");
        const bool binaryValue = value == 0.0 || value == 1.0;
        if (loss == LossKind::BinaryCrossEntropy && !binaryValue)
            return Status::invalidInput(row + ": expected 0 or 1 for binary_crossentropy, got " + std::to_string(value));
        if (!classes) {
            targets(r, 0) = static_cast<float>(value);
            continue;
        }
        if (value != std::floor(value) || value < 0.0 || value >= double(classCount))
            return Status::invalidInput(row + ": expected a class index 0.." + std::to_string(classCount - 1) + ", got "
                                        + std::to_string(value));
        targets(r, static_cast<Index>(value)) = 1.0f;
    }
    return targets;
}

double normOf(const Matrix &matrix)
{
    return matrix.cast<double>().norm();
}

} // namespace

Result<GradientReport> GradientService::compute(const Request &request)
{
    auto spec = ModelSpec::fromFile(request.specPath);
    if (!spec.isOk())
        return spec.status();
    auto weights = DenseWeightsJson::readFile(request.weightsPath);
    if (!weights.isOk())
        return weights.status();
    auto batch = CsvReader(request.csv).readFile(request.dataPath);
    if (!batch.isOk())
        return batch.status();
    return compute(spec.value(), weights.value(), request.weightsPath, batch.value().table, request.dataPath, request.target);
}

Result<GradientReport> GradientService::compute(const ModelSpec &spec, const std::vector<DenseWeightsJson::Layer> &weights,
                                                std::string_view weightsSource, const Table &batch,
                                                std::string_view batchSource, const std::string &target)
{
    const Column *targetColumn = batch.find(target);
    if (!targetColumn)
        return Status::invalidInput(std::string(batchSource) + ": no column \"" + target + "\" (--target)");
    if (batch.rowCount() == 0)
        return Status::invalidInput(std::string(batchSource) + ": no data rows");
    // Dropout off: a rate of 0 passes its input through in the training pass backward() needs.
    ModelSpec inference = spec;
    for (LayerSpec &layer : inference.layers) {
        if (layer.kind == LayerKind::Dropout)
            layer.rate = 0.0f;
    }
    auto model = WeightsInterchange::buildModel(inference, weights, weightsSource);
    if (!model.isOk())
        return model.status();
    Sequential &net = model.value();
    auto inputs = batchInputs(batch, batchSource, target);
    if (!inputs.isOk())
        return inputs.status();
    if (inputs.value().cols() != net.inputFeatures())
        return Status::invalidInput(std::string(batchSource) + ": " + std::to_string(inputs.value().cols())
                                    + " input columns besides the target, but the model's first layer takes "
                                    + std::to_string(net.inputFeatures()) + " inputs (" + std::string(weightsSource)
                                    + ": layers[0].weights rows)");
    auto targets = batchTargets(*targetColumn, batchSource, spec.loss, net.outputFeatures());
    if (!targets.isOk())
        return targets.status();

    const std::unique_ptr<Loss> loss = ModelFactory::buildLoss(inference);
    const Matrix &x = inputs.value();
    net.reserveRows(x.rows());
    const ConstMatrixView output = net.forward(viewOf(x), Mode::Training);
    Matrix outputGradient(output.rows(), output.cols());
    GradientReport report;
    report.loss = loss->valueAndGradient(output, constView(targets.value()),
                                         MatrixView(outputGradient.data(), outputGradient.rows(), outputGradient.cols()));
    net.backward(viewOf(x), constView(outputGradient));
    for (std::size_t i = 0; i < net.layerCount(); ++i) {
        const auto *dense = dynamic_cast<const Dense *>(&net.layer(i));
        if (!dense)
            continue;
        report.layers.push_back({"layers[" + std::to_string(i) + "]", normOf(dense->kernelGradient()),
                                 normOf(dense->biasGradient()), normOf(dense->kernel())});
    }
    return report;
}

} // namespace loupe
