#include "core/train/TrainingReport.h"

#include "core/util/JsonValues.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace loupe {

namespace {

// Learning rates are float32 in the engine: report the float's shortest decimal (0.001, not
// 0.0010000000474974513).
nlohmann::ordered_json rate(double value)
{
    if (!std::isfinite(value))
        return nullptr;
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text - 1, static_cast<float>(value)).ptr;
    *end = '\0';
    return std::strtod(text, nullptr);
}

std::string reportNumber(const char *format, double value)
{
    if (std::isnan(value))
        return "nan";
    char text[48];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

} // namespace

std::string TrainingReport::statusName(StopReason reason)
{
    switch (reason) {
    case StopReason::Completed:
    case StopReason::StoppedByCallback:
        return "completed";
    case StopReason::Cancelled:
        return "cancelled";
    case StopReason::Diverged:
        return "diverged";
    case StopReason::Failed:
        return "failed";
    }
    return "failed";
}

nlohmann::ordered_json TrainingReport::epochJson(const EpochStats &stats, TaskKind task)
{
    const bool classification = task == TaskKind::Classification;
    nlohmann::ordered_json epoch;
    epoch["epoch"] = stats.epoch + 1;
    epoch["loss"] = jsonNumber(stats.loss);
    epoch["accuracy"] = classification ? jsonNumber(stats.accuracy) : nlohmann::ordered_json(nullptr);
    epoch["val_loss"] = jsonNumber(stats.valLoss);
    epoch["val_accuracy"] = classification ? jsonNumber(stats.valAccuracy) : nlohmann::ordered_json(nullptr);
    epoch["lr"] = rate(stats.learningRate);
    epoch["seconds"] = jsonNumber(stats.seconds);
    return epoch;
}

namespace {

// The scaling fitted on the training rows, as the run stores it: the method and each number column's
// map (feature = (x - center) / scale) with the training rows' statistics it came from (count, mean,
// stddev, min, max); row methods (l1, l2) list the columns whose norm divides each row, and "none" the
// columns left as they are. null without a table (Fashion-MNIST).
nlohmann::ordered_json scalingJson(const TrainingData &data)
{
    if (!data.encoding)
        return nullptr;
    const TableEncoding &encoding = *data.encoding;
    const bool perColumn = encoding.scaling != FeatureScaling::None && !isRowScaling(encoding.scaling);
    nlohmann::ordered_json columns = nlohmann::ordered_json::array();
    for (const EncodedColumn &column : encoding.columns) {
        if (column.kind != FeatureKind::Number && column.kind != FeatureKind::Seconds)
            continue;
        nlohmann::ordered_json item{{"name", column.name}, {"center", column.center}, {"scale", column.scale}};
        if (perColumn) {
            item["count"] = column.fitted.count;
            item["mean"] = jsonNumber(column.fitted.mean);
            item["stddev"] = jsonNumber(column.fitted.stddev);
            item["min"] = jsonNumber(column.fitted.min);
            item["max"] = jsonNumber(column.fitted.max);
        }
        columns.push_back(std::move(item));
    }
    return {{"method", scalingMethodName(encoding.scaling)},
            {"fitted_on", "training rows"},
            {"train_rows", data.train.size()},
            {"columns", std::move(columns)}};
}

} // namespace

nlohmann::ordered_json TrainingReport::summaryJson(const TrainingOutcome &outcome, const TrainingData &data)
{
    nlohmann::ordered_json summary;
    nlohmann::ordered_json epochs = nlohmann::ordered_json::array();
    for (const EpochStats &stats : outcome.epochs)
        epochs.push_back(epochJson(stats, data.task));
    summary["epochs"] = std::move(epochs);
    const bool classification = data.task == TaskKind::Classification;
    summary["test_accuracy"] = outcome.test && classification ? jsonNumber(outcome.test->accuracy)
                                                              : nlohmann::ordered_json(nullptr);
    summary["test_loss"] = outcome.test ? jsonNumber(outcome.test->loss) : nlohmann::ordered_json(nullptr);
    summary["diverged"] = outcome.diverged();
    summary["status"] = statusName(outcome.result.stopReason);
    summary["message"] = outcome.result.status.isOk() ? std::string() : outcome.result.status.message();
    summary["epochs_completed"] = outcome.result.epochsCompleted;
    summary["steps"] = outcome.result.stepsCompleted;
    summary["seconds"] = jsonNumber(outcome.result.seconds);
    summary["metrics"] = outcome.metrics ? outcome.metrics->toJson() : nlohmann::ordered_json(nullptr);
    summary.update(startSummaryJson(data));
    return summary;
}

nlohmann::ordered_json TrainingReport::startSummaryJson(const TrainingData &data)
{
    nlohmann::ordered_json summary;
    summary["task"] = data.task == TaskKind::Classification ? "classification" : "regression";
    summary["classes"] = data.classLabels;
    summary["data"] = {{"source", data.source},
                       {"train_rows", data.train.size()},
                       {"validation_rows", data.validation.size()},
                       {"test_rows", data.test.size()},
                       {"features", data.train.featureCount()}};
    summary["scaling"] = scalingJson(data);
    summary["feature_plan"] = data.featurePlan ? data.featurePlan->toJson() : nlohmann::ordered_json(nullptr);
    summary["class_balance"] = data.classBalance ? data.classBalance->toJson() : nlohmann::ordered_json(nullptr);
    return summary;
}

std::string TrainingReport::epochLine(const EpochStats &stats, int epochs, TaskKind task)
{
    const bool classification = task == TaskKind::Classification;
    std::string line = "epoch " + std::to_string(stats.epoch + 1) + "/" + std::to_string(epochs);
    line += "  loss " + reportNumber("%.4f", stats.loss);
    if (classification)
        line += "  accuracy " + reportNumber("%.4f", stats.accuracy);
    if (stats.hasValidation()) {
        line += "  val_loss " + reportNumber("%.4f", stats.valLoss);
        if (classification)
            line += "  val_accuracy " + reportNumber("%.4f", stats.valAccuracy);
    }
    line += "  lr " + reportNumber("%g", stats.learningRate);
    line += "  " + reportNumber("%.2f", stats.seconds) + " s";
    return line;
}

} // namespace loupe
