#pragma once
// Template JSON -> SearchSpace (the format is described in SearchSpace.h and docs/search.md).
// The first error stops the parse; its message starts with the JSON path of the offending value.

#include "core/search/SearchSpace.h"

#include <nlohmann/json.hpp>

#include <string>

namespace loupe {

class SearchSpaceParser {
public:
    Result<SearchSpace> parse(const nlohmann::json &templateJson);

    // "a.b", "a[3]" path joins shared with SearchSpace::instantiate.
    static std::string childPath(const std::string &path, const std::string &key);
    static std::string elementPath(const std::string &path, std::size_t index);
    // Path of option `option` of the categorical parameter declared at `path`.
    static std::string optionPath(const std::string &path, DistributionKind kind, std::size_t option);
    // Whether node is an object with a distribution key (then it must be a distribution object).
    static bool isDistributionNode(const nlohmann::json &node);

private:
    bool fail(const std::string &path, const std::string &message);
    bool walk(const nlohmann::json &node, const std::string &path, int parent, int parentOption);
    bool parseDistribution(const nlohmann::json &node, const std::string &path, int parent, int parentOption);
    bool readNumbers(const nlohmann::json &args, const std::string &path, const std::string &kind,
                     std::size_t minimum, std::size_t maximum, std::vector<double> &numbers);
    bool parseOptions(const nlohmann::json &args, const std::string &path, DistributionKind kind,
                      std::vector<nlohmann::json> &options, std::vector<double> &probabilities);

    SearchSpace m_space;
    std::string m_error;
};

} // namespace loupe
