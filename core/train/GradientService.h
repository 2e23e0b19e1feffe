#pragma once
// The gradients of a given model on a given batch (issue 16, item 5; `loupe-cli gradients`): the
// spec's model with weights from the interchange JSON (WeightsInterchange), one forward and backward
// pass over every row of the batch with the spec's own loss (unweighted) and dropout off (rate 0,
// Keras' inference behaviour), and the norms of GradientReport. Nothing is trained or stored.
//
// The batch is taken as it is, as Keras' model(x) would see it: every column but the target is an
// input, in file order, numbers only, no scaling, no missing values. The target holds:
//   categorical_crossentropy: class indices 0..C-1 (Keras' sparse labels; C = the last layer's units),
//   binary_crossentropy: 0 or 1 (one-hot over two units when the last layer has two),
//   mse: a number (the last layer must have one unit).
// Errors are InvalidInput naming the file and the column, row (1-based data row) or layer.

#include "core/data/CsvOptions.h"
#include "core/data/Table.h"
#include "core/nn/DenseWeightsJson.h"
#include "core/train/GradientReport.h"
#include "core/train/ModelSpec.h"
#include "core/util/Status.h"

#include <string>
#include <string_view>
#include <vector>

namespace loupe {

class GradientService {
public:
    struct Request {
        std::string specPath;
        std::string weightsPath; // the interchange JSON
        std::string dataPath;    // the batch, a CSV file
        std::string target;      // its target column
        CsvOptions csv;
    };

    // Reads the three files (errors name them) and computes.
    static Result<GradientReport> compute(const Request &request);

    // sources: how messages name the weights document and the table.
    static Result<GradientReport> compute(const ModelSpec &spec, const std::vector<DenseWeightsJson::Layer> &weights,
                                          std::string_view weightsSource, const Table &batch, std::string_view batchSource,
                                          const std::string &target);
};

} // namespace loupe
