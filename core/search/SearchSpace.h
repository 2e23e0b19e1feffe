#pragma once
// A search space: named hyperparameters, each with a Distribution, possibly conditional on a
// choice (a parameter inside option k of a choice is active only when that choice picked k).
// Parameters are stored flat, parents before children, so samplers walk them in order.
//
// JSON template form (hyperas' {{choice(...)}} templates as data): any value of any JSON document
// (e.g. a model spec) may be a distribution object whose single key is a kind name:
//   {"choice": [256, 512, 1024]}            options are any JSON, and may contain distributions
//   {"pchoice": [[0.7, "relu"], [0.3, "tanh"]]}
//   {"uniform": [0, 0.5]}   {"quniform": [16, 128, 16]}   {"loguniform": [-9.2, -2.3]}
//   {"qloguniform": [low, high, q]}   {"normal": [mu, sigma]}   {"qnormal": [mu, sigma, q]}
//   {"lognormal": [mu, sigma]}   {"qlognormal": [mu, sigma, q]}   {"randint": [upper]} / [low, upper]
// plus an optional "name": "dropout1" key. Without a name, a parameter is named after its JSON
// path ("layers[1].rate"; inside choice options "layers[2].choice[1].units"). Names are unique.
// Parse errors name the JSON path: "layers[1].rate: uniform needs low < high, got [3, 1]".

#include "core/search/Distribution.h"
#include "core/util/Status.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace loupe {

class TrialParams;

struct SearchParameter {
    std::string name;
    std::string path;           // JSON path in the template ("" for spaces built in code)
    Distribution distribution;
    int parent = -1;            // index of the choice this parameter is conditional on, -1 = always active
    int parentOption = -1;      // the option index of parent under which it is active
    std::vector<nlohmann::json> options; // categorical: each option's JSON (may hold nested distributions)
};

class SearchSpace {
public:
    SearchSpace() = default;

    // Parses a template. Ok even when the template holds no distribution (an empty space).
    static Result<SearchSpace> fromTemplate(const nlohmann::json &templateJson);
    // Parses template text (a file's, a form's, a stored study's); source names it in messages:
    // "<source>:<line>:<column>: <what> (at <json path>)" for JSON that cannot be read, else
    // "<source>: <json path>: <what is wrong>".
    static Result<SearchSpace> fromTemplateText(std::string_view text, std::string_view source);
    // Reads a file holding a template; errors name the file as fromTemplateText's do.
    static Result<SearchSpace> fromTemplateFile(const std::string &path);

    // Builds a space in code. Returns the new parameter's index.
    // requires: name unique and not empty; distribution.validate() ok; parent == -1 or parent is
    // an existing categorical parameter with parentOption in [0, optionCount).
    int addParameter(std::string name, Distribution distribution, int parent = -1, int parentOption = -1);

    int size() const { return static_cast<int>(m_parameters.size()); }
    const SearchParameter &parameter(int index) const { return m_parameters[index]; }
    const std::vector<SearchParameter> &parameters() const { return m_parameters; }
    // -1 when there is no parameter with that name.
    int indexOf(const std::string &name) const;
    bool hasTemplate() const { return !m_template.is_null(); }
    const nlohmann::json &templateJson() const { return m_template; }

    // Whether parameter `index` is active given the already decided values of its ancestors.
    bool isActive(int index, const TrialParams &params) const;

    // The template with every active distribution replaced by its value (choices by their chosen
    // option, itself instantiated). Integral distributions give JSON integers. For a space built in
    // code (no template): an object {name: value} of the active parameters.
    // requires: params is complete for this space (every active parameter has a value).
    nlohmann::json instantiate(const TrialParams &params) const;
    // The value JSON of one parameter: the chosen option (instantiated) for choices, else the number.
    // requires: params has a value for index.
    nlohmann::json valueJson(int index, const TrialParams &params) const;

    // {"name": {"uniform": [0, 0.5]}, ...} for display and storage.
    nlohmann::json describe() const;

private:
    friend class SearchSpaceParser;
    nlohmann::json instantiateNode(const nlohmann::json &node, const std::string &path, const TrialParams &params) const;

    std::vector<SearchParameter> m_parameters;
    std::map<std::string, int> m_byName;
    std::map<std::string, int> m_byPath; // template path -> parameter index
    nlohmann::json m_template;
};

} // namespace loupe
