#include "core/nn/Sequential.h"

#include "core/nn/ActivationLayer.h"
#include "core/nn/Dense.h"
#include "core/nn/Dropout.h"
#include "core/util/RandomGenerator.h"

#include <cassert>
#include <sstream>
#include <utility>

namespace loupe {

Sequential::Sequential() = default;
Sequential::~Sequential() = default;
Sequential::Sequential(Sequential &&) noexcept = default;
Sequential &Sequential::operator=(Sequential &&) noexcept = default;

void Sequential::add(std::unique_ptr<Layer> layer)
{
    assert(!m_built && layer);
    m_layers.push_back(std::move(layer));
}

Status Sequential::build(Index inputFeatures, std::uint64_t seed)
{
    assert(!m_built);
    if (m_layers.empty())
        return Status::invalidInput("model: no layers to build");
    if (inputFeatures <= 0)
        return Status::invalidInput("model: input features must be positive, got " + std::to_string(inputFeatures));
    RandomGenerator rng(seed);
    Index features = inputFeatures;
    m_firstParametricLayer = m_layers.size();
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        m_layers[i]->build(features, rng);
        features = m_layers[i]->outputFeatures();
        for (ParameterBlock block : m_layers[i]->parameters()) {
            block.name = "layers[" + std::to_string(i) + "]." + block.name;
            m_blocks.push_back(std::move(block));
            m_firstParametricLayer = std::min(m_firstParametricLayer, i);
        }
    }
    m_outputs.resize(m_layers.size());
    m_gradients.resize(m_layers.size());
    m_fusedDropout.assign(m_layers.size(), nullptr);
    for (std::size_t i = 0; m_fusion == LayerFusion::On && i + 1 < m_layers.size(); ++i) {
        const auto *dense = dynamic_cast<const Dense *>(m_layers[i].get());
        auto *dropout = dynamic_cast<Dropout *>(m_layers[i + 1].get());
        if (dense && dropout && dense->canFuseDropout()) {
            m_fusedDropout[i] = dropout;
            ++i; // a Dropout is fused into at most one Dense, and a fused Dropout fuses nothing
        }
    }
    m_built = true;
    return Status::ok();
}

Index Sequential::inputFeatures() const
{
    return m_built ? m_layers.front()->inputFeatures() : 0;
}

Index Sequential::outputFeatures() const
{
    return m_built ? m_layers.back()->outputFeatures() : 0;
}

void Sequential::reserveRows(Index rows)
{
    assert(m_built);
    if (rows <= m_capacity)
        return;
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        m_outputs[i].resize(rows, m_layers[i]->outputFeatures());
        m_gradients[i].resize(rows, m_layers[i]->outputFeatures());
    }
    m_capacity = rows;
}

ConstMatrixView Sequential::forward(ConstMatrixView input, Mode mode)
{
    assert(m_built && input.cols() == inputFeatures() && input.rows() > 0);
    const Index rows = input.rows();
    reserveRows(rows);
    m_lastRows = rows;
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        const ConstMatrixView layerInput = i == 0 ? input : topRows(std::as_const(m_outputs[i - 1]), rows);
        if (Dropout *dropout = m_fusedDropout[i]) {
            static_cast<Dense &>(*m_layers[i]).forwardWithDropout(layerInput, topRows(m_outputs[i + 1], rows), mode,
                                                                  *dropout);
            ++i;
            continue;
        }
        m_layers[i]->forward(layerInput, topRows(m_outputs[i], rows), mode);
    }
    return topRows(std::as_const(m_outputs.back()), rows);
}

void Sequential::backward(ConstMatrixView input, ConstMatrixView outputGradient)
{
    assert(m_built && input.rows() == m_lastRows && outputGradient.rows() == m_lastRows);
    assert(outputGradient.cols() == outputFeatures());
    const Index rows = m_lastRows;
    topRows(m_gradients.back(), rows) = outputGradient;
    for (std::size_t i = m_layers.size(); i-- > m_firstParametricLayer;) {
        if (i > 0 && m_fusedDropout[i - 1])
            continue; // runs inside layer i - 1's backward
        // A Dense with its Dropout fused reads the Dropout's output and gradient.
        Dropout *dropout = m_fusedDropout[i];
        const std::size_t last = dropout ? i + 1 : i;
        const ConstMatrixView layerInput = i == 0 ? input : topRows(std::as_const(m_outputs[i - 1]), rows);
        const ConstMatrixView layerOutput = topRows(std::as_const(m_outputs[last]), rows);
        MatrixView layerGradient = topRows(m_gradients[last], rows);
        MatrixView inputGradient = i > m_firstParametricLayer ? topRows(m_gradients[i - 1], rows) : MatrixView(nullptr, 0, 0);
        MatrixView *inputGradientOrNull = i > m_firstParametricLayer ? &inputGradient : nullptr;
        if (dropout)
            static_cast<Dense &>(*m_layers[i]).backwardWithDropout(layerInput, layerOutput, layerGradient,
                                                                   inputGradientOrNull, *dropout);
        else
            m_layers[i]->backward(layerInput, layerOutput, layerGradient, inputGradientOrNull);
    }
}

Matrix Sequential::predict(ConstMatrixView input, Index chunkRows)
{
    assert(m_built && input.cols() == inputFeatures() && chunkRows > 0);
    Matrix result(input.rows(), outputFeatures());
    for (Index begin = 0; begin < input.rows(); begin += chunkRows) {
        const Index rows = std::min(chunkRows, input.rows() - begin);
        const ConstMatrixView chunk(input.data() + begin * input.cols(), rows, input.cols());
        MatrixView target(result.data() + begin * result.cols(), rows, result.cols());
        target = forward(chunk, Mode::Inference);
        applyActivation(m_predictionActivation, target);
    }
    return result;
}

Index Sequential::parameterCount() const
{
    Index count = 0;
    for (const ParameterBlock &block : m_blocks)
        count += block.size();
    return count;
}

std::vector<Matrix> Sequential::weights() const
{
    std::vector<Matrix> copies;
    copies.reserve(m_blocks.size());
    for (const ParameterBlock &block : m_blocks)
        copies.push_back(*block.value);
    return copies;
}

Status Sequential::setWeights(const std::vector<Matrix> &weights)
{
    if (weights.size() != m_blocks.size()) {
        return Status::invalidInput("model: expected " + std::to_string(m_blocks.size()) + " weight blocks, got "
                                    + std::to_string(weights.size()));
    }
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const Matrix &value = *m_blocks[i].value;
        if (weights[i].rows() != value.rows() || weights[i].cols() != value.cols()) {
            return Status::invalidInput(m_blocks[i].name + ": expected shape " + std::to_string(value.rows()) + "x"
                                        + std::to_string(value.cols()) + ", got " + std::to_string(weights[i].rows())
                                        + "x" + std::to_string(weights[i].cols()));
        }
    }
    for (std::size_t i = 0; i < weights.size(); ++i)
        *m_blocks[i].value = weights[i];
    return Status::ok();
}

std::string Sequential::summary() const
{
    std::ostringstream out;
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        Layer &layer = *m_layers[i];
        out << "layers[" << i << "] " << layer.typeName();
        if (m_built)
            out << " -> " << layer.outputFeatures();
        if (const auto *dense = dynamic_cast<const Dense *>(&layer))
            out << " " << activationName(dense->activation());
        if (const auto *activation = dynamic_cast<const ActivationLayer *>(&layer))
            out << " " << activationName(activation->activation());
        if (const auto *dropout = dynamic_cast<const Dropout *>(&layer))
            out << " rate " << dropout->rate();
        Index count = 0;
        for (const ParameterBlock &block : layer.parameters())
            count += block.size();
        out << " (" << count << " parameters)\n";
    }
    return out.str();
}

} // namespace loupe
