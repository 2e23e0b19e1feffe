#pragma once
// Snapshot ensembles (Huang et al. 2017): one training run whose learning rate follows M cosine
// cycles over the T epochs' iterations,
//   lr(i) = lr0 / 2 * (cos(pi * (i mod c) / c) + 1),  c = ceil(total / M),  i = 0 .. total-1
// (the paper's mod(t - 1, c) with 1-based t), with the weights saved at the end of each cycle
// (and at the end of the run if a last cycle is cut short). The ensemble predicts the mean of the
// softmax outputs of the last K snapshots; K is chosen on the validation rows (best accuracy, then
// lowest cross-entropy, then smallest K), never on the test rows. For comparison a single model is
// trained from the same initial weights for the same iterations with one plain cosine
// (CosineAnnealSchedule over all `total` steps). Classification only.
//
// Threading: one thread; only the token may be set from elsewhere.

#include "core/lr/SnapshotReport.h"
#include "core/train/ModelSpec.h"
#include "core/train/TrainingData.h"
#include "core/util/CancellationToken.h"
#include "core/util/ProgressSink.h"

#include <optional>

namespace loupe {

enum class SingleModelBaseline { Train, Skip };

struct SnapshotOptions {
    int cycles = 5;               // M >= 1
    int epochs = 10;              // T >= 1
    std::optional<double> lr0;    // LearningRateLimits::isAllowedPositive; default: the spec's learning_rate
    std::uint64_t seed = 0;       // replaces the spec's seed
    SingleModelBaseline baseline = SingleModelBaseline::Train;
};

class SnapshotEnsemble {
public:
    // InvalidInput naming "cycles", "epochs" or "lr0".
    static Status validate(const SnapshotOptions &options);

    // Everything run() checks before training: the options, a classification task with
    // validation rows, at least as many training steps (epochs x batches) as cycles.
    static Status check(const ModelSpec &spec, const TrainingData &data, const SnapshotOptions &options);

    // InvalidInput as check(), or when the spec does not fit the data.
    static Result<SnapshotReport> run(const ModelSpec &spec, const TrainingData &data, const SnapshotOptions &options,
                                      const CancellationToken *token = nullptr, const ProgressSink &sink = {});
};

} // namespace loupe
