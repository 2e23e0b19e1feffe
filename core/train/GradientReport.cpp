#include "core/train/GradientReport.h"

namespace loupe {

nlohmann::ordered_json GradientReport::toJson() const
{
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    for (const LayerGradient &layer : layers) {
        nlohmann::ordered_json item;
        item["name"] = layer.name;
        item["weight_grad_norm"] = layer.weightGradNorm;
        item["bias_grad_norm"] = layer.biasGradNorm;
        item["weight_norm"] = layer.weightNorm;
        items.push_back(std::move(item));
    }
    nlohmann::ordered_json root;
    root["loss"] = loss;
    root["layers"] = std::move(items);
    return root;
}

} // namespace loupe
