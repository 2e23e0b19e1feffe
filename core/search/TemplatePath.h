#pragma once
// Addressing a value inside a JSON template by the paths SearchSpace gives its parameters:
// keys joined by '.', array elements as [i], e.g. "layers[1].rate" or
// "layers[2].units.choice[1]". The Search page's form edits a distribution through it.
// Keys that contain '.', '[' or ']' cannot be addressed.
#include "core/util/Status.h"

#include <nlohmann/json.hpp>

#include <string>

namespace loupe {

class TemplatePath {
public:
    // The value at path ("" is the whole document), or InvalidInput naming the first step that
    // does not exist ("layers[7]: no such element (the array has 5)").
    static Result<nlohmann::json> get(const nlohmann::json &document, const std::string &path);
    // Replaces the value at an existing path. On failure the document is unchanged.
    static Status replace(nlohmann::json &document, const std::string &path, nlohmann::json value);

private:
    // Follows the path; nullptr plus an error message when a step is missing or malformed.
    static nlohmann::json *resolve(nlohmann::json &document, const std::string &path, std::string &error);
};

} // namespace loupe
