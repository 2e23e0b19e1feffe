#pragma once
// The plain interchange form of a model's Dense weights, for moving a model to and from
// numpy / Keras / PyTorch:
//   {"layers": [{"weights": [[...], ...], "bias": [...]}, ...]}
// one entry per Dense layer in model order; "weights" is [inputs][outputs] (Keras' kernel layout,
// the transpose of a torch.nn.Linear's weight), "bias" has one value per output. Layers without
// parameters (dropout, activation) have no entry.
// Reading goes through JsonReader: syntax errors read "FILE:LINE:COLUMN: what (at PATH)"; a wrong
// value reads "FILE: PATH: what", e.g. "w.json: layers[0].weights[1]: expected 3 numbers, got 2".
// Writing: numbers as the shortest text that reads back to the same float.

#include "core/util/Matrix.h"
#include "core/util/Status.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace loupe {


class DenseWeightsJson {
public:
    struct Layer {
        Matrix weights; // inputs x outputs
        Matrix bias;    // 1 x outputs
    };

    static Result<std::vector<Layer>> parse(std::string_view text, std::string_view source);
    // As parse(), source = path; IoError naming the path when it cannot be read.
    static Result<std::vector<Layer>> readFile(const std::string &path);

    // The one JSON form of the interchange document.
    static nlohmann::ordered_json toJson(const std::vector<Layer> &layers);
};

} // namespace loupe
