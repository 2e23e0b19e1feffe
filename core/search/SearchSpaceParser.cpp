#include "core/search/SearchSpaceParser.h"

#include <cmath>

namespace loupe {

namespace {

const char *s_nameKey = "name";

std::string displayPath(const std::string &path)
{
    return path.empty() ? std::string("(root)") : path;
}

// The kind key of a distribution object, or nullptr.
const std::string *findKindKey(const nlohmann::json &node, DistributionKind &kind)
{
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (distributionKindFromName(it.key(), kind))
            return &it.key();
    }
    return nullptr;
}

} // namespace

std::string SearchSpaceParser::childPath(const std::string &path, const std::string &key)
{
    return path.empty() ? key : path + "." + key;
}

std::string SearchSpaceParser::elementPath(const std::string &path, std::size_t index)
{
    return path + "[" + std::to_string(index) + "]";
}

std::string SearchSpaceParser::optionPath(const std::string &path, DistributionKind kind, std::size_t option)
{
    if (kind == DistributionKind::PChoice)
        return elementPath(elementPath(childPath(path, "pchoice"), option), 1);
    return elementPath(childPath(path, "choice"), option);
}

bool SearchSpaceParser::isDistributionNode(const nlohmann::json &node)
{
    DistributionKind kind;
    return node.is_object() && findKindKey(node, kind) != nullptr;
}

bool SearchSpaceParser::fail(const std::string &path, const std::string &message)
{
    if (m_error.empty())
        m_error = displayPath(path) + ": " + message;
    return false;
}

Result<SearchSpace> SearchSpaceParser::parse(const nlohmann::json &templateJson)
{
    m_space = SearchSpace();
    m_error.clear();
    if (!walk(templateJson, "", -1, -1))
        return Status::invalidInput(m_error);
    m_space.m_template = templateJson;
    return std::move(m_space);
}

bool SearchSpaceParser::walk(const nlohmann::json &node, const std::string &path, int parent, int parentOption)
{
    if (node.is_object()) {
        if (isDistributionNode(node))
            return parseDistribution(node, path, parent, parentOption);
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!walk(it.value(), childPath(path, it.key()), parent, parentOption))
                return false;
        }
        return true;
    }
    if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            if (!walk(node[i], elementPath(path, i), parent, parentOption))
                return false;
        }
    }
    return true;
}

bool SearchSpaceParser::readNumbers(const nlohmann::json &args, const std::string &path, const std::string &kind,
                                    std::size_t minimum, std::size_t maximum, std::vector<double> &numbers)
{
    const std::string expected = minimum == maximum ? std::to_string(minimum)
                                                    : std::to_string(minimum) + " or " + std::to_string(maximum);
    if (!args.is_array() || args.size() < minimum || args.size() > maximum)
        return fail(path, kind + " expects an array of " + expected + " numbers, got " + args.dump());
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (!args[i].is_number())
            return fail(elementPath(path, i), "expected a number, got " + args[i].dump());
        numbers.push_back(args[i].get<double>());
    }
    return true;
}

bool SearchSpaceParser::parseOptions(const nlohmann::json &args, const std::string &path, DistributionKind kind,
                                     std::vector<nlohmann::json> &options, std::vector<double> &probabilities)
{
    if (!args.is_array() || args.empty())
        return fail(path, std::string(distributionKindName(kind)) + " expects a non-empty array of options, got "
                              + args.dump());
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (kind == DistributionKind::Choice) {
            options.push_back(args[i]);
            continue;
        }
        const nlohmann::json &pair = args[i];
        if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number())
            return fail(elementPath(path, i), "expected [probability, option], got " + pair.dump());
        probabilities.push_back(pair[0].get<double>());
        options.push_back(pair[1]);
    }
    return true;
}

bool SearchSpaceParser::parseDistribution(const nlohmann::json &node, const std::string &path, int parent,
                                          int parentOption)
{
    DistributionKind kind;
    const std::string kindKey = *findKindKey(node, kind);
    std::string name = path.empty() ? std::string("value") : path;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (it.key() == kindKey)
            continue;
        if (it.key() != s_nameKey)
            return fail(childPath(path, it.key()), "a distribution object holds one kind key (\"" + kindKey
                                                      + "\") and an optional \"name\", not \"" + it.key() + "\"");
        if (!it.value().is_string() || it.value().get<std::string>().empty())
            return fail(childPath(path, s_nameKey), "expected a non-empty string, got " + it.value().dump());
        name = it.value().get<std::string>();
    }
    if (m_space.indexOf(name) >= 0)
        return fail(path, "parameter name \"" + name + "\" is used twice");

    const std::string argsPath = childPath(path, kindKey);
    const nlohmann::json &args = node.at(kindKey);
    std::vector<nlohmann::json> options;
    std::vector<double> probabilities;
    std::vector<double> n;
    Distribution distribution;
    switch (kind) {
    case DistributionKind::Choice:
    case DistributionKind::PChoice:
        if (!parseOptions(args, argsPath, kind, options, probabilities))
            return false;
        distribution = kind == DistributionKind::Choice ? Distribution::choice(static_cast<int>(options.size()))
                                                        : Distribution::pchoice(probabilities);
        break;
    case DistributionKind::Uniform:
    case DistributionKind::LogUniform:
    case DistributionKind::Normal:
    case DistributionKind::LogNormal:
        if (!readNumbers(args, argsPath, kindKey, 2, 2, n))
            return false;
        distribution = kind == DistributionKind::Uniform      ? Distribution::uniform(n[0], n[1])
                     : kind == DistributionKind::LogUniform ? Distribution::loguniform(n[0], n[1])
                     : kind == DistributionKind::Normal     ? Distribution::normal(n[0], n[1])
                                                            : Distribution::lognormal(n[0], n[1]);
        break;
    case DistributionKind::QUniform:
    case DistributionKind::QLogUniform:
    case DistributionKind::QNormal:
    case DistributionKind::QLogNormal:
        if (!readNumbers(args, argsPath, kindKey, 3, 3, n))
            return false;
        distribution = kind == DistributionKind::QUniform      ? Distribution::quniform(n[0], n[1], n[2])
                     : kind == DistributionKind::QLogUniform ? Distribution::qloguniform(n[0], n[1], n[2])
                     : kind == DistributionKind::QNormal     ? Distribution::qnormal(n[0], n[1], n[2])
                                                             : Distribution::qlognormal(n[0], n[1], n[2]);
        break;
    case DistributionKind::RandInt:
        if (!readNumbers(args, argsPath, kindKey, 1, 2, n))
            return false;
        distribution = n.size() == 1 ? Distribution::randint(0, n[0]) : Distribution::randint(n[0], n[1]);
        break;
    }
    if (const Status valid = distribution.validate(); !valid.isOk())
        return fail(argsPath, valid.message());

    const int index = m_space.addParameter(name, distribution, parent, parentOption);
    SearchParameter &parameter = m_space.m_parameters[static_cast<std::size_t>(index)];
    parameter.path = path;
    parameter.options = options;
    m_space.m_byPath[path] = index;
    for (std::size_t i = 0; i < options.size(); ++i) {
        if (!walk(options[i], optionPath(path, kind, i), index, static_cast<int>(i)))
            return false;
    }
    return true;
}

} // namespace loupe
