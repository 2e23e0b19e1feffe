#pragma once
// One trainable tensor of a layer and its gradient, as the optimizers and the weights file see it.

#include "core/util/Matrix.h"

#include <string>

namespace loupe {

struct ParameterBlock {
    std::string name;          // e.g. "dense_1/kernel"
    Matrix *value = nullptr;   // owned by the layer
    Matrix *gradient = nullptr; // same shape as *value, owned by the layer
    Index size() const { return value->size(); }
};

} // namespace loupe
