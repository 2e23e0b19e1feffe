#include "core/search/SearchSpace.h"

#include "core/search/SearchSpaceParser.h"
#include "core/search/TrialParams.h"
#include "core/util/JsonReader.h"

#include <cassert>
#include <cmath>

namespace loupe {

Result<SearchSpace> SearchSpace::fromTemplate(const nlohmann::json &templateJson)
{
    SearchSpaceParser parser;
    return parser.parse(templateJson);
}

Result<SearchSpace> SearchSpace::fromTemplateText(std::string_view text, std::string_view source)
{
    Result<nlohmann::json> json = JsonReader::parse(text, source);
    if (!json.isOk())
        return json.status();
    Result<SearchSpace> space = fromTemplate(json.value());
    if (!space.isOk())
        return Status::invalidInput(std::string(source) + ": " + space.message());
    return space;
}

Result<SearchSpace> SearchSpace::fromTemplateFile(const std::string &path)
{
    Result<std::string> text = JsonReader::readFile(path);
    if (!text.isOk())
        return text.status();
    return fromTemplateText(text.value(), path);
}

int SearchSpace::addParameter(std::string name, Distribution distribution, int parent, int parentOption)
{
    assert(!name.empty() && indexOf(name) < 0);
    assert(distribution.validate().isOk());
    assert(parent < size());
    assert(parent < 0
           || (m_parameters[parent].distribution.isCategorical() && parentOption >= 0
               && parentOption < m_parameters[parent].distribution.optionCount()));
    const int index = size();
    m_byName[name] = index;
    SearchParameter parameter;
    parameter.name = std::move(name);
    parameter.distribution = std::move(distribution);
    parameter.parent = parent;
    parameter.parentOption = parent < 0 ? -1 : parentOption;
    m_parameters.push_back(std::move(parameter));
    return index;
}

int SearchSpace::indexOf(const std::string &name) const
{
    const auto it = m_byName.find(name);
    return it == m_byName.end() ? -1 : it->second;
}

bool SearchSpace::isActive(int index, const TrialParams &params) const
{
    const SearchParameter &parameter = m_parameters[static_cast<std::size_t>(index)];
    if (parameter.parent < 0)
        return true;
    return params.isActive(parameter.parent) && params.index(parameter.parent) == parameter.parentOption
        && isActive(parameter.parent, params);
}

nlohmann::json SearchSpace::valueJson(int index, const TrialParams &params) const
{
    const SearchParameter &parameter = m_parameters[static_cast<std::size_t>(index)];
    const double raw = params.raw(index);
    if (parameter.distribution.isCategorical()) {
        const int option = params.index(index);
        if (parameter.options.empty())
            return option;
        return instantiateNode(parameter.options[static_cast<std::size_t>(option)],
                               SearchSpaceParser::optionPath(parameter.path, parameter.distribution.kind(),
                                                             static_cast<std::size_t>(option)),
                               params);
    }
    if (parameter.distribution.isIntegral() && std::abs(raw) < 9.0e15)
        return static_cast<std::int64_t>(std::llround(raw));
    return raw;
}

nlohmann::json SearchSpace::instantiateNode(const nlohmann::json &node, const std::string &path,
                                            const TrialParams &params) const
{
    if (node.is_object()) {
        if (SearchSpaceParser::isDistributionNode(node)) {
            const auto it = m_byPath.find(path);
            assert(it != m_byPath.end());
            return valueJson(it->second, params);
        }
        nlohmann::json out = nlohmann::json::object();
        for (auto it = node.begin(); it != node.end(); ++it)
            out[it.key()] = instantiateNode(it.value(), SearchSpaceParser::childPath(path, it.key()), params);
        return out;
    }
    if (node.is_array()) {
        nlohmann::json out = nlohmann::json::array();
        for (std::size_t i = 0; i < node.size(); ++i)
            out.push_back(instantiateNode(node[i], SearchSpaceParser::elementPath(path, i), params));
        return out;
    }
    return node;
}

nlohmann::json SearchSpace::instantiate(const TrialParams &params) const
{
    if (hasTemplate())
        return instantiateNode(m_template, "", params);
    nlohmann::json out = nlohmann::json::object();
    for (int i = 0; i < size(); ++i) {
        if (params.isActive(i))
            out[m_parameters[static_cast<std::size_t>(i)].name] = valueJson(i, params);
    }
    return out;
}

nlohmann::json SearchSpace::describe() const
{
    nlohmann::json out = nlohmann::json::object();
    for (const SearchParameter &parameter : m_parameters) {
        nlohmann::json entry = nlohmann::json::parse(parameter.distribution.describe(), nullptr, false);
        if (entry.is_discarded() || parameter.distribution.kind() == DistributionKind::Choice)
            entry = {{"choice", parameter.options.empty() ? nlohmann::json(parameter.distribution.optionCount())
                                                           : nlohmann::json(parameter.options)}};
        if (parameter.parent >= 0) {
            entry["parent"] = m_parameters[static_cast<std::size_t>(parameter.parent)].name;
            entry["option"] = parameter.parentOption;
        }
        out[parameter.name] = entry;
    }
    return out;
}

} // namespace loupe
