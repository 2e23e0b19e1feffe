#pragma once
// What a search evaluates, built either from `loupe-cli search` arguments or from a stored study
// (so `loupe-cli worker` can join a study knowing only its name):
//   a built-in test function (--objective branin|hartmann6|rosenbrock|conditional), or
//   a model-spec template (SPACE.json) trained on data (--data and the train data options).
// The study stores the space as JSON (the template, or the test function's space description)
// and the objective as JSON:
//   {"objective": "branin"} (with "cost_seconds": X when --cost X was given)
//   {"objective": "training", "loss": "val_loss"|"val_accuracy", "data": {"data": ["fashion-mnist"], ...}}
// where "data" holds the data options as given (each option's list of values; flags as [""]),
// so a worker prepares the same data (paths must be valid on the worker's machine).

#include "app/cli/TrainingDataArguments.h"
#include "core/search/SearchSpace.h"
#include "core/search/TestFunction.h"
#include "core/train/TrainingObjective.h"
#include "core/util/Status.h"

#include <QString>

#include <memory>

namespace loupe {
struct StudyRecord;
}

namespace loupe::cli {

class ArgumentParser;
class ParsedArguments;

class SearchSetup {
public:
    // Declares --objective, --cost, --loss and the train data options (with --data optional).
    static void declareArguments(ArgumentParser &parser);
    // From search arguments: exactly one of a SPACE positional (with --data) or --objective.
    // ensures: InvalidInput naming the option or file on failure.
    static Result<std::unique_ptr<SearchSetup>> fromArguments(const ParsedArguments &arguments);
    // From a stored study's space and objective JSON.
    static Result<std::unique_ptr<SearchSetup>> fromStudy(const StudyRecord &study);

    const SearchSpace &space() const;
    Objective &objective();
    // For the studies table.
    const QString &spaceJson() const { return m_spaceJson; }
    const QString &objectiveJson() const { return m_objectiveJson; }
    // "branin", or the template's file name / the study's name for training searches.
    const QString &label() const { return m_label; }
    // --adapt-spec: what was changed in the template ("the spec expects ...; changed: ..."); empty otherwise.
    const std::string &adaptNote() const { return m_adaptNote; }
    // Training searches: the prepared data's description ("54000 training, ..."); empty otherwise.
    QString dataDescription() const;
    // Training searches: the objective and the data it trains on (to record each trial's run);
    // nullptr for test functions.
    TrainingObjective *trainingObjective() { return m_training.get(); }
    const TrainingData *trainingData() const { return m_data ? &m_data->data : nullptr; }

private:
    SearchSetup() = default;
    static Result<std::unique_ptr<SearchSetup>> forFunction(const QString &name, double costSeconds);
    // --adapt-spec: the template (and, if the target encoding changes, the data) fitted to the CSV's
    // plan; without it, InvalidInput with the --adapt-spec hint when the input width cannot fit.
    Status fitTemplate(const ModelSpec &reference, bool adapt);
    // fromStudy's work once the objective row is parsed; may throw nlohmann::json::exception on a row of
    // unexpected types, which fromStudy turns into InvalidInput.
    static Result<std::unique_ptr<SearchSetup>> fromStudyObjective(const StudyRecord &study,
                                                                   const nlohmann::json &objective);
    static Result<std::unique_ptr<SearchSetup>> forTemplate(SearchSpace space, const ParsedArguments &dataArguments,
                                                            TrainingLoss loss);

    std::unique_ptr<TestFunction> m_function;
    std::unique_ptr<Objective> m_costly; // the test function behind a simulated cost
    SearchSpace m_space; // training searches
    std::unique_ptr<LoadedTrainingData> m_data;
    std::unique_ptr<TrainingObjective> m_training;
    QString m_spaceJson;
    QString m_objectiveJson;
    QString m_dataHash;       // FileFingerprint content hash of a CSV's data, empty otherwise
    QString m_label;
    std::string m_adaptNote;
};

} // namespace loupe::cli
