#include "core/search/TemplatePath.h"

#include <cctype>

namespace loupe {

nlohmann::json *TemplatePath::resolve(nlohmann::json &document, const std::string &path, std::string &error)
{
    nlohmann::json *node = &document;
    std::size_t at = 0;
    std::string walked;
    while (at < path.size()) {
        if (path[at] == '[') {
            const std::size_t close = path.find(']', at);
            if (close == std::string::npos || close == at + 1) {
                error = path + ": malformed index at character " + std::to_string(at + 1);
                return nullptr;
            }
            std::size_t index = 0;
            for (std::size_t i = at + 1; i < close; ++i) {
                if (!std::isdigit(static_cast<unsigned char>(path[i]))) {
                    error = path + ": malformed index at character " + std::to_string(at + 1);
                    return nullptr;
                }
                index = index * 10 + std::size_t(path[i] - '0');
            }
            walked += path.substr(at, close + 1 - at);
            if (!node->is_array() || index >= node->size()) {
                error = walked + ": no such element"
                        + (node->is_array() ? " (the array has " + std::to_string(node->size()) + ")" : " (not an array)");
                return nullptr;
            }
            node = &(*node)[index];
            at = close + 1;
            continue;
        }
        if (path[at] == '.') {
            if (at == 0 || at + 1 >= path.size()) {
                error = path + ": malformed path at character " + std::to_string(at + 1);
                return nullptr;
            }
            ++at;
        }
        const std::size_t end = path.find_first_of(".[", at);
        const std::string key = path.substr(at, end == std::string::npos ? std::string::npos : end - at);
        if (key.empty()) {
            error = path + ": empty key at character " + std::to_string(at + 1);
            return nullptr;
        }
        walked += (walked.empty() ? "" : ".") + key;
        if (!node->is_object() || !node->contains(key)) {
            error = walked + ": no such key";
            return nullptr;
        }
        node = &(*node)[key];
        at = end == std::string::npos ? path.size() : end;
    }
    return node;
}

Result<nlohmann::json> TemplatePath::get(const nlohmann::json &document, const std::string &path)
{
    std::string error;
    // resolve() does not modify the document; the cast only lets get() and replace() share it.
    const nlohmann::json *node = resolve(const_cast<nlohmann::json &>(document), path, error);
    if (!node)
        return Status::invalidInput(error);
    return *node;
}

Status TemplatePath::replace(nlohmann::json &document, const std::string &path, nlohmann::json value)
{
    std::string error;
    nlohmann::json *node = resolve(document, path, error);
    if (!node)
        return Status::invalidInput(error);
    *node = std::move(value);
    return Status::ok();
}

} // namespace loupe
