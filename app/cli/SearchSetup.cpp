#include "app/cli/SearchSetup.h"

#include "db/store/StoredJson.h"
#include "app/cli/ArgumentParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/FileChecks.h"
#include "app/cli/ParsedArguments.h"
#include "app/cli/SpecAdaptation.h"
#include "core/train/ModelSpecFit.h"
#include "core/train/TrainingDataService.h"
#include "core/train/TrainingSession.h"
#include "db/runs/FileFingerprint.h"
#include "db/studies/StudyRecord.h"
#include "core/util/JsonReader.h"

#include <QFileInfo>

#include <chrono>
#include <thread>

namespace loupe::cli {

namespace {

// The train data options (as loupe-cli train declares them), --data made optional.
std::vector<OptionSpec> dataOptions()
{
    ArgumentParser scratch;
    TrainingDataArguments::declare(scratch);
    std::vector<OptionSpec> options = scratch.options();
    for (OptionSpec &option : options)
        option.requirement = Requirement::Optional;
    return options;
}

nlohmann::json dataArgumentsJson(const ParsedArguments &arguments)
{
    nlohmann::json data = nlohmann::json::object();
    for (const OptionSpec &option : dataOptions()) {
        if (!arguments.isSet(option.longName))
            continue;
        nlohmann::json values = nlohmann::json::array();
        for (const QString &value : arguments.values(option.longName))
            values.push_back(toUtf8(value));
        data[toUtf8(option.longName)] = values;
    }
    return data;
}

Result<ParsedArguments> dataArgumentsFrom(const nlohmann::json &data)
{
    ParsedArguments arguments;
    if (!data.is_object())
        return Status::invalidInput("objective.data: not an object");
    for (const OptionSpec &option : dataOptions()) {
        const auto found = data.find(toUtf8(option.longName));
        if (found == data.end())
            continue;
        if (!found->is_array())
            return Status::invalidInput("objective.data." + toUtf8(option.longName) + ": not a list");
        for (const nlohmann::json &value : *found) {
            if (!value.is_string())
                return Status::invalidInput("objective.data." + toUtf8(option.longName) + ": not a list of texts");
            arguments.addValue(option.longName, QString::fromStdString(value.get<std::string>()));
        }
    }
    if (!arguments.isSet(QStringLiteral("data")))
        return Status::invalidInput("objective.data: no \"data\" source");
    return arguments;
}

// A test function that also takes `cost` of wall time per evaluation (a cancellable wait), to
// try --jobs, workers and resume on an objective as slow as a real one.
class CostlyObjective : public Objective {
public:
    CostlyObjective(Objective &inner, std::chrono::milliseconds cost) : m_inner(inner), m_cost(cost) {}

    Result<double> evaluate(const TrialParams &params, const CancellationToken &cancellation) override
    {
        const auto end = std::chrono::steady_clock::now() + m_cost;
        while (std::chrono::steady_clock::now() < end) {
            if (cancellation.isCancelled())
                return Status::cancelled();
            std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
                std::chrono::milliseconds(5), end - std::chrono::steady_clock::now()));
        }
        return m_inner.evaluate(params, cancellation);
    }

private:
    Objective &m_inner;
    std::chrono::milliseconds m_cost;
};

} // namespace

void SearchSetup::declareArguments(ArgumentParser &parser)
{
    parser.addTextOption(QStringLiteral("objective"), QStringLiteral("NAME"),
                         QStringLiteral("a built-in test function instead of SPACE: branin, hartmann6, rosenbrock, "
                                        "conditional"));
    parser.addNumberOption(QStringLiteral("cost"), QStringLiteral("SECONDS"),
                           QStringLiteral("--objective only: each evaluation also takes this long, simulating an "
                                          "expensive objective (to try --jobs, workers, resume)"),
                           0.0, 3600.0);
    parser.addTextOption(QStringLiteral("loss"), QStringLiteral("METRIC"),
                         QStringLiteral("SPACE searches: minimise val_loss (default) or maximise val_accuracy "
                                        "(loss = -val_accuracy, as hyperas' {'loss': -acc})"));
    SpecAdaptation::declare(parser);
    for (const OptionSpec &option : dataOptions()) {
        OptionSpec &copy = option.kind == OptionKind::Flag
                               ? parser.addFlag(option.longName, option.description)
                               : parser.addTextOption(option.longName, option.valueName, option.description);
        copy = option;
    }
}

Result<std::unique_ptr<SearchSetup>> SearchSetup::forFunction(const QString &name, double costSeconds)
{
    auto function = TestFunction::create(toUtf8(name));
    if (!function.isOk())
        return Status::invalidInput("option --objective: " + function.message());
    std::unique_ptr<SearchSetup> setup(new SearchSetup);
    setup->m_function = function.takeValue();
    nlohmann::json objective{{"objective", toUtf8(name)}};
    if (costSeconds > 0.0) {
        objective["cost_seconds"] = costSeconds;
        setup->m_costly = std::make_unique<CostlyObjective>(
            *setup->m_function, std::chrono::milliseconds(static_cast<std::int64_t>(costSeconds * 1000.0 + 0.5)));
    }
    setup->m_spaceJson = storedJson(setup->m_function->space().describe());
    setup->m_objectiveJson = storedJson(objective);
    setup->m_label = name;
    return setup;
}

Result<std::unique_ptr<SearchSetup>> SearchSetup::forTemplate(SearchSpace space, const ParsedArguments &dataArguments,
                                                              TrainingLoss loss)
{
    std::unique_ptr<SearchSetup> setup(new SearchSetup);
    setup->m_space = std::move(space);
    auto reference = TrainingObjective::referenceSpec(setup->m_space);
    if (!reference.isOk())
        return reference.status();
    auto data = TrainingDataArguments::load(dataArguments, reference.value());
    if (!data.isOk())
        return data.status();
    setup->m_data = std::make_unique<LoadedTrainingData>(data.takeValue());
    if (Status fitted = setup->fitTemplate(reference.value(), SpecAdaptation::isRequested(dataArguments)); !fitted.isOk())
        return fitted;
    setup->m_training = std::make_unique<TrainingObjective>(setup->m_space, setup->m_data->data, loss);
    setup->m_spaceJson = storedJson(setup->m_space.templateJson());
    nlohmann::json objective{{"objective", "training"},
                             {"loss", trainingLossName(loss)},
                             {"data", dataArgumentsJson(dataArguments)}};
    if (setup->m_data->data.featurePlan)
        objective["feature_plan"] = nlohmann::json(setup->m_data->data.featurePlan->toJson());
    // A CSV's content hash, so that a worker or a resume on changed data is refused (see fromStudy).
    if (!setup->m_data->csvPath.isEmpty()) {
        auto fingerprint = FileFingerprint::ofFile(setup->m_data->csvPath);
        if (!fingerprint.isOk())
            return fingerprint.status();
        objective["data_hash"] = toUtf8(fingerprint.value().contentHash);
        setup->m_dataHash = fingerprint.value().contentHash;
    }
    setup->m_objectiveJson = storedJson(objective);
    return setup;
}

Status SearchSetup::fitTemplate(const ModelSpec &reference, bool adapt)
{
    if (!m_data->data.featurePlan)
        return Status::ok();
    const FeaturePlan &plan = *m_data->data.featurePlan;
    const SpecFit fit = ModelSpecFit::check(reference, plan);
    if (fit.fits())
        return Status::ok();
    if (!adapt) {
        // Every trial would fail on the input width: say so once, before the study starts.
        if (!fit.inputFits)
            return Status::invalidInput(SpecAdaptation::withHint("input.features: the spec says "
                                                                 + std::to_string(fit.specInputs) + " but the data has "
                                                                 + std::to_string(fit.dataInputs) + " features"));
        return Status::ok();
    }
    const ModelSpec adapted = ModelSpecFit::adapt(reference, plan);
    auto space = SearchSpace::fromTemplate(SpecAdaptation::adaptTemplate(m_space.templateJson(), reference, adapted));
    if (!space.isOk())
        return Status::invalidInput("--adapt-spec: the adapted template does not parse: " + space.message());
    m_space = space.takeValue();
    m_adaptNote = fit.describe() + "; changed: " + SpecAdaptation::changes(reference, adapted, fit.dataInputs);
    if (TrainingSession::binaryTargetsFor(adapted) != TrainingSession::binaryTargetsFor(reference)) {
        auto prepared = TrainingDataService::prepare(m_data->request, adapted);
        if (!prepared.isOk())
            return prepared.status();
        m_data->data = prepared.takeValue();
    }
    return Status::ok();
}

Result<std::unique_ptr<SearchSetup>> SearchSetup::fromArguments(const ParsedArguments &arguments)
{
    const bool hasSpace = !arguments.positional(0).isEmpty();
    const bool hasObjective = arguments.isSet(QStringLiteral("objective"));
    if (hasSpace == hasObjective)
        return Status::invalidInput("give either a SPACE.json template (with --data) or --objective NAME");
    if (hasObjective) {
        for (const OptionSpec &option : dataOptions()) {
            if (arguments.isSet(option.longName))
                return Status::invalidInput("option --" + toUtf8(option.longName)
                                            + " applies to SPACE.json searches, not to --objective");
        }
        if (arguments.isSet(QStringLiteral("loss")))
            return Status::invalidInput("option --loss applies to SPACE.json searches, not to --objective");
        return forFunction(arguments.value(QStringLiteral("objective")),
                           arguments.doubleValue(QStringLiteral("cost"), 0.0));
    }
    if (!arguments.isSet(QStringLiteral("data")))
        return Status::invalidInput("option --data SOURCE is required with a SPACE.json template");
    if (arguments.isSet(QStringLiteral("cost")))
        return Status::invalidInput("option --cost applies to --objective test functions only");
    const QString lossName = arguments.value(QStringLiteral("loss"), QStringLiteral("val_loss"));
    const std::optional<TrainingLoss> loss = trainingLossFromName(toUtf8(lossName));
    if (!loss)
        return Status::invalidInput("option --loss: '" + toUtf8(lossName) + "' is not one of val_loss, val_accuracy");
    const QString path = arguments.positional(0);
    if (Status readable = checkReadableFile(path); !readable.isOk())
        return readable;
    auto space = SearchSpace::fromTemplateFile(toNativePath(path));
    if (!space.isOk())
        return space.status();
    if (space.value().size() == 0)
        return Status::invalidInput(toUtf8(path) + ": the template holds no distribution to search");
    auto setup = forTemplate(space.takeValue(), arguments, *loss);
    if (setup.isOk())
        setup.value()->m_label = QFileInfo(path).completeBaseName();
    return setup;
}

Result<std::unique_ptr<SearchSetup>> SearchSetup::fromStudy(const StudyRecord &study)
{
    // A shared study's rows come from a database other processes write: they are input like any file.
    const std::string where = "study '" + toUtf8(study.name) + "': ";
    Result<nlohmann::json> objectiveRow = JsonReader::parse(toUtf8(study.objectiveJson), where + "stored objective");
    if (!objectiveRow.isOk())
        return objectiveRow.status();
    try {
        return fromStudyObjective(study, objectiveRow.value());
    } catch (const nlohmann::json::exception &error) {
        return Status::invalidInput(where + "the stored objective has a value of the wrong type (" + error.what() + ")");
    }
}

Result<std::unique_ptr<SearchSetup>> SearchSetup::fromStudyObjective(const StudyRecord &study,
                                                                      const nlohmann::json &objective)
{
    const std::string where = "study '" + toUtf8(study.name) + "': ";
    if (!objective.is_object() || !objective.contains("objective") || !objective["objective"].is_string())
        return Status::invalidInput(where + "no objective stored (created by an older loupe-cli?)");
    const std::string kind = objective["objective"].get<std::string>();
    if (kind != "training") {
        const nlohmann::json cost = objective.value("cost_seconds", nlohmann::json(0.0));
        if (!cost.is_number() || cost.get<double>() < 0.0)
            return Status::invalidInput(where + "objective.cost_seconds is not a number >= 0");
        auto setup = forFunction(QString::fromStdString(kind), cost.get<double>());
        if (!setup.isOk())
            return Status::invalidInput(where + setup.message());
        return setup;
    }
    auto space = SearchSpace::fromTemplateText(toUtf8(study.spaceJson), where + "stored template");
    if (!space.isOk())
        return space.status();
    const std::optional<TrainingLoss> loss = trainingLossFromName(objective.value("loss", std::string("val_loss")));
    if (!loss)
        return Status::invalidInput(where + "objective.loss is not val_loss or val_accuracy");
    if (!objective.contains("data") && objective.value("source", std::string()) == "gui")
        return Status::invalidInput(where + "it was started on the Search page on data loaded there ("
                                    + objective.value("data_description", std::string("a table"))
                                    + "), which a worker cannot rebuild (only Fashion-MNIST from the default "
                                      "folder and CSV files opened on the Data page can be). Start the study "
                                      "with `loupe-cli search SPACE.json --data ...` to share it with workers");
    nlohmann::json data = objective.value("data", nlohmann::json());
    // A CSV study from before the automatic feature choice (no "feature_plan" stored) trained on
    // every column but its --exclude list: its new trials must too.
    const bool csv = data.is_object() && data.contains("data") && data["data"] != nlohmann::json::array({"fashion-mnist"});
    if (csv && !objective.contains("feature_plan") && !data.contains("exclude") && !data.contains("no-auto-ignore"))
        data["no-auto-ignore"] = nlohmann::json::array({""});
    auto dataArguments = dataArgumentsFrom(data);
    if (!dataArguments.isOk())
        return Status::invalidInput(where + dataArguments.message());
    auto setup = forTemplate(space.takeValue(), dataArguments.value(), *loss);
    if (!setup.isOk())
        return Status::invalidInput(where + setup.message());
    const std::string storedHash = objective.value("data_hash", std::string());
    if (!storedHash.empty() && storedHash != toUtf8(setup.value()->m_dataHash))
        return Status::invalidInput(where + toUtf8(dataArguments.value().value(QStringLiteral("data")))
                                    + " has changed since the study started (its content hash is "
                                    + toUtf8(setup.value()->m_dataHash) + ", the study's is " + storedHash
                                    + "): new trials would not be comparable with the old ones");
    const TrainingData *rebuilt = setup.value()->trainingData();
    if (objective.contains("feature_plan") && rebuilt && rebuilt->featurePlan
        && nlohmann::json(rebuilt->featurePlan->toJson()) != objective["feature_plan"])
        return Status::invalidInput(where + "the columns chosen for the data differ from the study's (\"feature_plan\"): "
                                            "new trials would not be comparable with the old ones");
    setup.value()->m_label = study.name;
    return setup;
}

const SearchSpace &SearchSetup::space() const
{
    return m_function ? m_function->space() : m_space;
}

Objective &SearchSetup::objective()
{
    if (m_costly)
        return *m_costly;
    return m_function ? static_cast<Objective &>(*m_function) : static_cast<Objective &>(*m_training);
}

QString SearchSetup::dataDescription() const
{
    return m_data ? QString::fromStdString(m_data->data.description()) : QString();
}

} // namespace loupe::cli
