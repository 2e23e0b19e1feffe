#pragma once
// The gradients of a model on one batch (GradientService): the batch's mean loss and, per Dense
// layer, the L2 norms of its kernel gradient, its bias gradient and its kernel. Its one JSON form:
//   {"loss": L, "layers": [{"name": "layers[0]", "weight_grad_norm": ..., "bias_grad_norm": ...,
//                           "weight_norm": ...}, ...]}
// "name" is the layer's path in the spec (layers[i]), as everywhere in Loupe.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace loupe {

struct GradientReport {
    struct LayerGradient {
        std::string name;
        double weightGradNorm = 0.0;
        double biasGradNorm = 0.0;
        double weightNorm = 0.0;
    };

    double loss = 0.0;
    std::vector<LayerGradient> layers;

    nlohmann::ordered_json toJson() const;
};

} // namespace loupe
