#pragma once
// Mini-batch training of a Sequential model (Keras' fit()).
//
// Holds a reference to the model (which must outlive it) and owns its optimizer and loss.
// Set up with validated setters, then fit(). Per batch: gather shuffled rows into preallocated
// buffers, forward (training mode), loss and its gradient, backward, optimizer step, callbacks,
// divergence guard, progress hook. Nothing is allocated per batch.
//
// Stopping: the cancellation token is polled before every batch and a progress hook returning
// Stop cancels too, so a cancel ends the run within one batch (status Cancelled). A non-finite
// batch loss ends it with status Failed "diverged at epoch E, step S, loss L" (1-based epoch and
// step within the epoch) and that step's update is not applied, so the model never silently
// trains on through NaN. Callbacks may stop it (see Callback.h).
// Threading: fit() runs on the caller's thread; only the token may be touched from elsewhere.
// Numerics: fit() flushes denormal floats to zero while it runs (see FlushDenormals.h).
// Determinism: the same seed, data and thread count (omp_get_max_threads()) give bit-identical
// weights; another thread count cuts the batch into other pieces and rounds differently.

#include "core/nn/Loss.h"
#include "core/nn/Sequential.h"
#include "core/optim/Optimizer.h"
#include "core/train/Callback.h"
#include "core/data/TrainingSet.h"
#include "core/train/TrainingStats.h"
#include "core/util/CancellationToken.h"
#include "core/util/ProgressSink.h"

#include <functional>
#include <memory>
#include <vector>

namespace loupe {

enum class Shuffle { EachEpoch, Never };

using TrainProgressHook = std::function<ProgressAction(const TrainProgress &)>;

struct Evaluation {
    double loss = 0.0;
    double accuracy = 0.0;
};

class Trainer {
public:
    // requires: optimizer and loss not null.
    Trainer(Sequential &model, std::unique_ptr<Optimizer> optimizer, std::unique_ptr<Loss> loss);
    ~Trainer();
    Trainer(const Trainer &) = delete;
    Trainer &operator=(const Trainer &) = delete;

    // Validated setters: InvalidInput naming the parameter and the value; the old value is kept.
    Status setEpochs(int epochs);                 // >= 1 (default 1)
    Status setBatchSize(int batchSize);           // >= 1 (default 32)
    Status setValidationSplit(double fraction);   // [0, 1): the last fraction of the rows, as Keras
    Status setLearningRate(double learningRate);  // finite, >= 0; applies from the next step
    void setSeed(std::uint64_t seed);             // shuffling (and building an unbuilt model)
    void setShuffle(Shuffle shuffle);
    // Explicit validation rows (not owned; must outlive fit()); takes precedence over the split.
    // nullptr clears it.
    void setValidationData(const TrainingSet *validation);
    void setCancellationToken(const CancellationToken *token);
    // Called after every batch on the training thread; throttling is the caller's business.
    void setProgressHook(TrainProgressHook hook);
    // Not owned; must outlive fit(). Callbacks run in the order added.
    void addCallback(Callback &callback);
    void clearCallbacks();

    int epochs() const { return m_epochs; }
    int batchSize() const { return m_batchSize; }
    double validationSplit() const { return m_validationSplit; }
    std::uint64_t seed() const { return m_seed; }
    double learningRate() const;
    Sequential &model() { return m_model; }
    Optimizer &optimizer() { return *m_optimizer; }
    const Loss &loss() const { return *m_loss; }

    // Trains. Builds the model first (with seed()) if it is not built. InvalidInput when the data
    // does not fit the model (feature or target count) or leaves no training/validation rows.
    TrainResult fit(const TrainingSet &data);

    // Mean loss and accuracy in inference mode. requires: model built, shapes match.
    Evaluation evaluate(ConstMatrixView features, ConstMatrixView targets);
    Evaluation evaluate(const TrainingSet &data) { return evaluate(data.features(), data.targets()); }

    // For callbacks during fit(): end the run with this status and reason once the current hook
    // returns (the first request wins). TerminateOnNaN uses StopReason::Diverged.
    void stopWith(Status status, StopReason reason = StopReason::Failed);
    // The stop a callback asked for during this fit(), if any.
    const std::optional<Status> &requestedStop() const { return m_stopStatus; }

private:
    struct RunState;
    Status checkData(const TrainingSet &data, Index &trainRows) const;
    bool runEpoch(RunState &run, int epoch);
    bool runBatch(RunState &run, int epoch, int step, Index begin, Index rows);
    void gatherBatch(RunState &run, Index begin, Index rows);
    bool stopRequested(RunState &run, CallbackAction action);
    TrainResult finish(RunState &run);

    Sequential &m_model;
    std::unique_ptr<Optimizer> m_optimizer;
    std::unique_ptr<Loss> m_loss;
    std::vector<Callback *> m_callbacks;
    const TrainingSet *m_validation = nullptr;
    const CancellationToken *m_token = nullptr;
    TrainProgressHook m_progressHook;
    int m_epochs = 1;
    int m_batchSize = 32;
    double m_validationSplit = 0.0;
    std::uint64_t m_seed = 0;
    Shuffle m_shuffle = Shuffle::EachEpoch;
    std::optional<Status> m_stopStatus;
    StopReason m_stopReason = StopReason::Failed;
    Matrix m_batchFeatures;
    Matrix m_batchTargets;
    Matrix m_lossGradient;
};

} // namespace loupe
