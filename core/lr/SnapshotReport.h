#pragma once
// What SnapshotEnsemble::run reports (plain copyable values).

#include "core/train/Trainer.h"
#include "core/util/Status.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace loupe {

struct SnapshotScore {
    int index = 0;               // 1-based, in the order taken
    std::int64_t iteration = 0;  // optimizer steps done when the weights were saved
    bool completeCycle = true;   // false for a last, shortened cycle (M does not divide the steps)
    Evaluation validation;       // accuracy and cross-entropy of this snapshot alone
    Evaluation test;
};

struct EnsembleCandidate {
    int size = 0;          // K: the last K snapshots
    Evaluation validation; // of their averaged probabilities
};

struct SnapshotReport {
    std::vector<SnapshotScore> snapshots;
    std::vector<EnsembleCandidate> candidates; // K = 1 .. snapshots, measured on validation rows
    int chosenSize = 0;                        // the K with the best validation accuracy
    Evaluation ensembleValidation;
    Evaluation ensembleTest;
    std::optional<Evaluation> singleModelValidation; // the same budget, one plain cosine
    std::optional<Evaluation> singleModelTest;
    Status singleModelStatus; // Ok, or why the single model has no scores (diverged, cancelled)
    double lr0 = 0.0;
    int stepsPerEpoch = 0;
    std::int64_t cycleLength = 0;     // ceil(total / M) steps
    std::int64_t totalIterations = 0; // epochs * stepsPerEpoch
    double seconds = 0.0;
    // Ok; Cancelled (token or sink); Failed "diverged at ..." when a training run diverged
    // (then only what was measured before is filled in).
    Status status;
    bool diverged = false;
};

} // namespace loupe
