#pragma once
// Moves a model's Dense weights between Loupe's weights file (core/nn/WeightsFile) and the plain
// interchange JSON (core/nn/DenseWeightsJson), the service behind `loupe-cli weights export|import`
// and the model `loupe-cli gradients` reads.
//
// Shapes are checked against the spec layer by layer before anything is copied: the interchange
// document must hold one entry per Dense layer of the spec, in order, entry k of shape
// [inputs][units] where inputs is the previous Dense layer's units (the first entry's rows are the
// model's inputs; the spec's input.features, when given, must agree). Errors name the document,
// the entry, the spec layer and the expected shape.

#include "core/nn/DenseWeightsJson.h"
#include "core/nn/Sequential.h"
#include "core/train/ModelSpec.h"
#include "core/util/Status.h"

#include <string>
#include <string_view>
#include <vector>

namespace loupe {

class WeightsInterchange {
public:
    // The Dense layers of a weights file, in order (dropout and activation entries carry nothing).
    static Result<std::vector<DenseWeightsJson::Layer>> exportFile(const std::string &weightsPath);

    // The spec's model with these weights. source: how messages name the interchange document.
    static Result<Sequential> buildModel(const ModelSpec &spec, const std::vector<DenseWeightsJson::Layer> &layers,
                                         std::string_view source);
};

} // namespace loupe
