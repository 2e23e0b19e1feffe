#include "core/lr/LrVerifyJson.h"

#include "core/lr/RunSubject.h"
#include "core/util/JsonValues.h"

namespace loupe {

namespace {

using nlohmann::ordered_json;

ordered_json verifyNumber(double value)
{
    return jsonNumber(value);
}

ordered_json verifyOptional(const std::optional<double> &value)
{
    return value ? jsonNumber(*value) : ordered_json(nullptr);
}

} // namespace

ordered_json lrVerifyConfigJson(const LrVerifyOptions &options, const ModelSpec &spec, const TrainingData &data)
{
    ordered_json config;
    config["mode"] = "verify";
    config["rates"] = options.rates;
    config["seeds"] = options.seeds;
    RunSubject::addTo(config, spec, data);
    return config;
}

ordered_json lrVerifyResultJson(const LrVerifyResult &result)
{
    ordered_json document;
    document["mode"] = "verify";
    document["measured_on"] = result.measuredOn;
    ordered_json runs = ordered_json::array();
    for (const LrVerifyPoint &point : result.points) {
        ordered_json run;
        run["lr"] = point.learningRate;
        run["seed"] = point.seed;
        run["diverged"] = point.diverged;
        run["train_loss"] = verifyNumber(point.trainLoss);
        run["loss"] = verifyNumber(point.loss);
        run["accuracy"] = point.scores ? verifyNumber(point.scores->accuracy) : ordered_json(nullptr);
        run["balanced_accuracy"] = point.scores ? verifyNumber(point.scores->balancedAccuracy) : ordered_json(nullptr);
        run["average_precision"] = point.scores ? verifyOptional(point.scores->averagePrecision) : ordered_json(nullptr);
        run["seconds"] = point.seconds;
        runs.push_back(std::move(run));
    }
    document["runs"] = std::move(runs);
    ordered_json rates = ordered_json::array();
    for (const LrVerifySummary &summary : result.summaries()) {
        ordered_json rate;
        rate["lr"] = summary.learningRate;
        rate["runs"] = summary.runs;
        rate["diverged"] = summary.diverged;
        rate["loss"] = verifyNumber(summary.meanLoss);
        rate["accuracy"] = verifyNumber(summary.meanAccuracy);
        rate["accuracy_spread"] = verifyNumber(summary.accuracySpread);
        rate["balanced_accuracy"] = verifyNumber(summary.meanBalancedAccuracy);
        rate["average_precision"] = verifyNumber(summary.meanAveragePrecision);
        rates.push_back(std::move(rate));
    }
    document["rates"] = std::move(rates);
    document["seconds"] = result.seconds;
    document["status"] = result.status.isCancelled() ? "cancelled" : "completed";
    return document;
}

} // namespace loupe
