#pragma once
// The data options of loupe-cli train and how they become PreparedData:
//   --data fashion-mnist | FILE.csv   (required)
//   --target COL                      the CSV column to predict (required for a CSV, refused otherwise)
//   --exclude COL                     a CSV column that is not a feature (repeatable)
//   --task auto|classification|regression, --max-levels N, --impute-missing, --no-standardize,
//   --scale standard|minmax|mean|l1|l2|none  (fitted on the training rows only; docs/scaling.md;
//                                             replaces the spec's "scaling", which replaces the default)
//   --validation-fraction X, --test-fraction X (CSV), --limit N (Fashion-MNIST)
//   plus the CSV reading options of CsvArguments.
// Fashion-MNIST is read from $LOUPE_FASHION_MNIST_DIR or /usr/share/datasets/fashion-mnist.

#include "core/train/ModelSpec.h"
#include "core/train/DatasetAdapter.h"
#include "core/util/Status.h"

#include <QString>

#include <optional>

namespace loupe {
class Store;
}

namespace loupe::cli {

class ArgumentParser;
class ParsedArguments;

struct TrainData {
    PreparedData data;
    QString csvPath; // empty for Fashion-MNIST
    std::size_t tableRows = 0;
    std::size_t tableColumns = 0;
    QString schemaJson; // CSV only: the table's schema for the workspace's datasets table
};

class TrainDataArguments {
public:
    static constexpr const char *s_fashionMnist = "fashion-mnist";

    static void declare(ArgumentParser &parser);
    // The data for `spec` (split seed: spec.seed; binary targets follow the spec's output width).
    // ensures: InvalidInput / IoError naming the option, the file, the column or the row.
    static Result<TrainData> load(const ParsedArguments &arguments, const ModelSpec &spec);
};

// Records the CSV behind a training or lr-find run as a workspace dataset, so the run points at the
// data it saw; nullopt for Fashion-MNIST (no CSV).
Result<std::optional<qint64>> storeTrainDataset(Store &store, const TrainData &data);

} // namespace loupe::cli
