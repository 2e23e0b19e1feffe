#include "core/lr/SnapshotReportJson.h"

#include "core/util/JsonReader.h"
#include "core/util/JsonValues.h"

#include <cmath>
#include <limits>
#include <numbers>

namespace loupe {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

ordered_json scores(const Evaluation &validation, const Evaluation &test)
{
    return {{"val_accuracy", jsonNumber(validation.accuracy)},
            {"val_loss", jsonNumber(validation.loss)},
            {"test_accuracy", jsonNumber(test.accuracy)},
            {"test_loss", jsonNumber(test.loss)}};
}

// Reads key as a number (null: NaN); false when it is present but not a number.
bool readNumber(const json &object, const char *key, double &target)
{
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) {
        target = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (!found->is_number())
        return false;
    target = found->get<double>();
    return true;
}

Status wrong(const std::string &key) { return Status::invalidInput(key + ": not a snapshot report value"); }

Status readScores(const json &object, const std::string &path, Evaluation &validation, Evaluation *test)
{
    if (!object.is_object())
        return wrong(path);
    if (!readNumber(object, "val_accuracy", validation.accuracy) || !readNumber(object, "val_loss", validation.loss))
        return wrong(path + ".val_accuracy");
    if (test && (!readNumber(object, "test_accuracy", test->accuracy) || !readNumber(object, "test_loss", test->loss)))
        return wrong(path + ".test_accuracy");
    return Status::ok();
}

Status readSnapshots(const json &root, SnapshotReport &report)
{
    const auto snapshots = root.find("snapshots");
    if (snapshots == root.end() || !snapshots->is_array())
        return wrong("snapshots");
    for (std::size_t i = 0; i < snapshots->size(); ++i) {
        const json &item = (*snapshots)[i];
        const std::string path = "snapshots[" + std::to_string(i) + "]";
        SnapshotScore score;
        if (!item.is_object() || !item.value("index", json()).is_number_integer()
            || !item.value("iteration", json()).is_number_integer())
            return wrong(path);
        score.index = item["index"].get<int>();
        score.iteration = item["iteration"].get<std::int64_t>();
        score.completeCycle = jsonFlag(item, "complete_cycle", true);
        if (Status status = readScores(item, path, score.validation, &score.test); !status.isOk())
            return status;
        report.snapshots.push_back(score);
    }
    return Status::ok();
}

Status readEnsemble(const json &root, SnapshotReport &report)
{
    const auto ensemble = root.find("ensemble");
    if (ensemble == root.end() || ensemble->is_null())
        return Status::ok();
    if (!ensemble->is_object() || !ensemble->value("size", json()).is_number_integer())
        return wrong("ensemble");
    report.chosenSize = (*ensemble)["size"].get<int>();
    if (Status status = readScores(*ensemble, "ensemble", report.ensembleValidation, &report.ensembleTest);
        !status.isOk())
        return status;
    for (const json &item : ensemble->value("candidates", json::array())) {
        EnsembleCandidate candidate;
        if (!item.is_object() || !item.value("size", json()).is_number_integer())
            return wrong("ensemble.candidates");
        candidate.size = item["size"].get<int>();
        if (Status status = readScores(item, "ensemble.candidates", candidate.validation, nullptr); !status.isOk())
            return status;
        report.candidates.push_back(candidate);
    }
    return Status::ok();
}

int integerOf(const json &object, const char *key)
{
    if (!object.is_object())
        return 0;
    const auto found = object.find(key);
    return found != object.end() && found->is_number_integer() ? found->get<int>() : 0;
}

} // namespace

ordered_json snapshotConfigJson(const SnapshotOptions &options, const ModelSpec &spec, const TrainingData &data)
{
    ordered_json config{{"cycles", options.cycles},
                        {"epochs", options.epochs},
                        {"lr0", options.lr0 ? ordered_json(*options.lr0) : ordered_json(nullptr)},
                        {"seed", options.seed}};
    RunSubject::addTo(config, spec, data);
    return config;
}

SnapshotRunConfig snapshotConfigFromJson(const std::string &configJson)
{
    SnapshotRunConfig config;
    const json document = JsonReader::parseOrNull(configJson);
    config.cycles = integerOf(document, "cycles");
    config.epochs = integerOf(document, "epochs");
    config.subject = RunSubject::of(document);
    return config;
}

ordered_json snapshotReportJson(const SnapshotReport &report)
{
    ordered_json snapshots = ordered_json::array();
    for (const SnapshotScore &snapshot : report.snapshots) {
        ordered_json item{{"index", snapshot.index},
                          {"iteration", snapshot.iteration},
                          {"complete_cycle", snapshot.completeCycle}};
        item.update(scores(snapshot.validation, snapshot.test));
        snapshots.push_back(item);
    }
    ordered_json candidates = ordered_json::array();
    for (const EnsembleCandidate &candidate : report.candidates)
        candidates.push_back({{"size", candidate.size},
                              {"val_accuracy", jsonNumber(candidate.validation.accuracy)},
                              {"val_loss", jsonNumber(candidate.validation.loss)}});
    ordered_json document;
    document["snapshots"] = snapshots;
    if (report.chosenSize > 0) {
        document["ensemble"] = {{"size", report.chosenSize}, {"candidates", candidates}};
        document["ensemble"].update(scores(report.ensembleValidation, report.ensembleTest));
    } else {
        document["ensemble"] = nullptr;
    }
    if (report.singleModelTest)
        document["single_model"] = scores(*report.singleModelValidation, *report.singleModelTest);
    else
        document["single_model"] = nullptr;
    if (!report.singleModelStatus.isOk())
        document["single_model_error"] = report.singleModelStatus.message();
    document["lr0"] = report.lr0;
    document["cycle_length"] = report.cycleLength;
    document["iterations"] = report.totalIterations;
    document["steps_per_epoch"] = report.stepsPerEpoch;
    document["seconds"] = report.seconds;
    // A failure other than divergence was written "completed" and read back as a success.
    document["status"] = report.diverged                ? "diverged"
                         : report.status.isCancelled() ? "cancelled"
                         : report.status.isOk()        ? "completed"
                                                       : "failed";
    if (!report.status.isOk())
        document["message"] = report.status.message();
    return document;
}

Result<SnapshotReport> snapshotReportFromJson(const std::string &jsonText)
{
    const json root = JsonReader::parseOrNull(jsonText);
    if (!root.is_object())
        return Status::invalidInput("(root): not a JSON object");
    SnapshotReport report;
    if (Status status = readSnapshots(root, report); !status.isOk())
        return status;
    if (Status status = readEnsemble(root, report); !status.isOk())
        return status;
    const auto single = root.find("single_model");
    if (single != root.end() && !single->is_null()) {
        Evaluation validation, test;
        if (Status status = readScores(*single, "single_model", validation, &test); !status.isOk())
            return status;
        report.singleModelValidation = validation;
        report.singleModelTest = test;
    }
    if (root.contains("single_model_error") && root["single_model_error"].is_string())
        report.singleModelStatus = Status::error(StatusCode::Failed, root["single_model_error"].get<std::string>());
    if (!root.value("lr0", json()).is_number() || !root.value("cycle_length", json()).is_number_integer()
        || !root.value("iterations", json()).is_number_integer()
        || !root.value("steps_per_epoch", json()).is_number_integer())
        return wrong("lr0, cycle_length, iterations, steps_per_epoch");
    report.lr0 = root["lr0"].get<double>();
    report.cycleLength = root["cycle_length"].get<std::int64_t>();
    report.totalIterations = root["iterations"].get<std::int64_t>();
    report.stepsPerEpoch = root["steps_per_epoch"].get<int>();
    report.seconds = jsonReal(root, "seconds", 0.0);
    const std::string written = loupe::jsonText(root, "status"); // qualified: the parameter is named jsonText too
    const std::string status = written.empty() ? std::string("completed") : written;
    const std::string message = loupe::jsonText(root, "message");
    report.diverged = status == "diverged";
    if (status == "cancelled")
        report.status = Status::cancelled();
    else if (status != "completed")
        report.status = Status::error(StatusCode::Failed, message.empty() ? status : message);
    return report;
}

std::vector<double> snapshotRates(const SnapshotReport &report)
{
    std::vector<double> rates;
    if (report.cycleLength < 1 || report.totalIterations < 1)
        return rates;
    rates.reserve(static_cast<std::size_t>(report.totalIterations));
    const double cycle = static_cast<double>(report.cycleLength);
    for (std::int64_t i = 0; i < report.totalIterations; ++i) {
        const double phase = static_cast<double>(i % report.cycleLength) / cycle;
        rates.push_back(report.lr0 / 2.0 * (std::cos(std::numbers::pi * phase) + 1.0));
    }
    return rates;
}

} // namespace loupe
