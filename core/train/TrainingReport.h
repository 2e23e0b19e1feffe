#pragma once
// The words and JSON a training run is reported with, shared by loupe-cli train (its output),
// the workspace (the run's summary) and the Train page.
//
// JSON keys: per epoch {"epoch" (1-based), "loss", "accuracy", "val_loss", "val_accuracy", "lr",
// "seconds"}; a value that was not measured (no validation data, accuracy of a regression) or is
// not finite is null. The summary adds "status" ("completed", "diverged", "cancelled",
// "failed"), "message" (why it stopped, empty when completed), "diverged", "test_loss",
// "test_accuracy" (null when not measured), "epochs_completed", "steps", "seconds", "task",
// "classes", "data" and "scaling" (the scaling fitted on the training rows: {"method", "fitted_on",
// "train_rows", "columns": [{"name", "center", "scale", "count", "mean", "stddev", "min", "max"}]};
// the statistics only for per-column methods; null for Fashion-MNIST) and "feature_plan" (the columns
// used and left out with their reasons, FeaturePlan::toJson; null for Fashion-MNIST), "class_balance"
// (training rows per class, resampling and class weights, ClassBalance::toJson; null for regression)
// and "metrics" (per-class recall and precision, balanced accuracy, PR-AUC for two classes,
// ClassificationMetrics::toJson; null for regression or a run that did not end normally).

#include "core/train/TrainingData.h"
#include "core/train/TrainingSession.h"
#include "core/train/TrainingStats.h"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace loupe {

class TrainingReport {
public:
    static std::string statusName(StopReason reason);
    static nlohmann::ordered_json epochJson(const EpochStats &stats, TaskKind task);
    static nlohmann::ordered_json summaryJson(const TrainingOutcome &outcome, const TrainingData &data);
    // The part of summaryJson known before training: "task", "classes", "data", "scaling", "feature_plan"
    // and "class_balance". Stored
    // when a run starts, so a run in progress or interrupted still says what it ran on.
    static nlohmann::ordered_json startSummaryJson(const TrainingData &data);
    // "epoch 2/10  loss 0.4123  accuracy 0.8512  val_loss 0.4410  val_accuracy 0.8433  lr 0.001  4.1 s"
    static std::string epochLine(const EpochStats &stats, int epochs, TaskKind task);
};

} // namespace loupe
