#include "core/train/WeightsInterchange.h"

#include "core/nn/WeightsFile.h"
#include "core/train/ModelFactory.h"

namespace loupe {

namespace {

std::string interchangeShape(Index rows, Index cols)
{
    return std::to_string(rows) + " x " + std::to_string(cols);
}

} // namespace

Result<std::vector<DenseWeightsJson::Layer>> WeightsInterchange::exportFile(const std::string &weightsPath)
{
    auto contents = WeightsFile::read(weightsPath);
    if (!contents.isOk())
        return contents.status();
    std::vector<DenseWeightsJson::Layer> layers;
    for (const WeightsFile::LayerWeights &layer : contents.value()) {
        if (layer.type != "dense")
            continue;
        if (layer.blocks.size() != 2 || layer.blocks[1].rows() != 1 || layer.blocks[1].cols() != layer.blocks[0].cols())
            return Status::invalidInput(weightsPath + ": a dense layer without a kernel and a 1 x units bias");
        layers.push_back({layer.blocks[0], layer.blocks[1]});
    }
    if (layers.empty())
        return Status::invalidInput(weightsPath + ": holds no dense layer");
    return layers;
}

Result<Sequential> WeightsInterchange::buildModel(const ModelSpec &spec, const std::vector<DenseWeightsJson::Layer> &layers,
                                                  std::string_view source)
{
    const std::string where(source);
    std::vector<std::size_t> dense;
    for (std::size_t i = 0; i < spec.layers.size(); ++i) {
        if (spec.layers[i].kind == LayerKind::Dense)
            dense.push_back(i);
    }
    if (layers.size() != dense.size())
        return Status::invalidInput(where + ": layers: " + std::to_string(layers.size()) + " entries, but the spec has "
                                    + std::to_string(dense.size()) + " dense layers (one entry per dense layer, in order)");
    const Index inputs = layers.front().weights.rows();
    if (spec.inputFeatures > 0 && spec.inputFeatures != inputs)
        return Status::invalidInput(where + ": layers[0].weights: " + std::to_string(inputs)
                                    + " rows (inputs), but the spec's input.features is " + std::to_string(spec.inputFeatures));
    Index previous = inputs;
    for (std::size_t k = 0; k < layers.size(); ++k) {
        const LayerSpec &layer = spec.layers[dense[k]];
        const Matrix &weights = layers[k].weights;
        if (weights.rows() != previous || weights.cols() != layer.units)
            return Status::invalidInput(where + ": layers[" + std::to_string(k) + "].weights: "
                                        + interchangeShape(weights.rows(), weights.cols()) + ", expected "
                                        + interchangeShape(previous, layer.units) + " ([inputs][outputs]) for the spec's layers["
                                        + std::to_string(dense[k]) + "] (dense, " + std::to_string(layer.units) + " units)");
        previous = layer.units;
    }
    auto model = ModelFactory::buildModel(spec, inputs);
    if (!model.isOk())
        return model.status();
    std::vector<Matrix> blocks;
    for (const DenseWeightsJson::Layer &layer : layers) {
        blocks.push_back(layer.weights);
        blocks.push_back(layer.bias);
    }
    if (Status set = model.value().setWeights(blocks); !set.isOk())
        return Status::invalidInput(where + ": " + set.message());
    return std::move(model.value());
}

} // namespace loupe
