#pragma once
// A JSON document as the workspace stores it in a text column (a run's config or summary, a trial's
// parameters): one compact line, invalid UTF-8 replaced rather than thrown on.

#include <QString>

#include <nlohmann/json.hpp>

namespace loupe {

template <typename Json>
QString storedJson(const Json &json)
{
    return QString::fromStdString(json.dump(-1, ' ', false, Json::error_handler_t::replace));
}

} // namespace loupe
