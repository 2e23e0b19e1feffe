#pragma once
// The data options of loupe-cli train, lr-find, snapshot and search (and so of a worker's stored
// study), turned into a TrainingDataRequest that TrainingDataService prepares, the same service the
// GUI's jobs call:
//   --data fashion-mnist | FILE.csv   (required)
//   --target COL                      the CSV column to predict (required for a CSV, refused otherwise)
//   --exclude COL                     a CSV column that is not a feature (repeatable); when given, only
//                                     these are left out (no automatic choice)
//   --keep COL                        a CSV column that stays a feature whatever the automatic choice says
//   --no-auto-ignore                  no automatic choice (FeaturePlanner): every column but the target
//                                     and --exclude is a feature, missing values an error
//   Without --exclude and --no-auto-ignore, identifier, personal-data, free-text, constant and empty
//   columns are left out and missing values imputed when a feature has some (FeaturePlanner.h);
//   reportPlan() says which on stderr, and the run records the plan.
//   --task auto|classification|regression, --max-levels N, --impute-missing, --no-standardize,
//   --scale standard|minmax|mean|l1|l2|none  (the user's explicit choice: it beats the spec's
//                                             "scaling", which beats the default; docs/scaling.md)
//   --class-weight none|balanced, --resample none|oversample|undersample  (a class target; ClassBalance.h)
//   --validation-fraction X, --test-fraction X (CSV), --limit N (Fashion-MNIST)
//   plus the CSV reading options of CsvArguments.
// Fashion-MNIST is read from $LOUPE_FASHION_MNIST_DIR or /usr/share/datasets/fashion-mnist.

#include "core/train/ModelSpec.h"
#include "core/train/TrainingData.h"
#include "core/train/TrainingDataRequest.h"
#include "core/util/Status.h"

#include <QString>

#include <optional>

namespace loupe {
class Store;
}

namespace loupe::cli {

class ArgumentParser;
class CliContext;
class ParsedArguments;

// The prepared data and, for a CSV, the file it was read from (for the workspace's datasets table).
struct LoadedTrainingData {
    TrainingData data;
    QString csvPath; // empty for Fashion-MNIST
    std::size_t tableRows = 0;
    std::size_t tableColumns = 0;
    QString schemaJson; // CSV only: the table's schema for the workspace's datasets table
    TrainingDataRequest request; // what was prepared (the table shared), to prepare again for another spec
};

class TrainingDataArguments {
public:
    static constexpr const char *s_fashionMnist = "fashion-mnist";

    static void declare(ArgumentParser &parser);
    // Reads the CSV (if any) and has TrainingDataService prepare the data for `spec`.
    // ensures: InvalidInput / IoError naming the option, the file, the column or the row.
    static Result<LoadedTrainingData> load(const ParsedArguments &arguments, const ModelSpec &spec);
    // Notes on stderr: the columns left out with their reasons, and a proposed imputation (nothing for
    // Fashion-MNIST or a plan that leaves nothing out), so no column is dropped silently.
    static void reportPlan(CliContext &context, const TrainingData &data);
};

// Records the CSV behind a training or lr-find run as a workspace dataset, so the run points at the
// data it saw; nullopt for Fashion-MNIST (no CSV).
Result<std::optional<qint64>> storeTrainDataset(Store &store, const LoadedTrainingData &data);

} // namespace loupe::cli
