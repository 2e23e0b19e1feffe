#pragma once
// Conversions every loupe-cli command needs: a usage error (exit 2) from a message, and JSON as
// one compact line of text (invalid UTF-8 replaced, never thrown on).

#include "core/util/Status.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <string>

namespace loupe::cli {

inline Status usageError(const QString &message)
{
    return Status::invalidInput(message.toStdString());
}

inline Status usageError(const std::string &message)
{
    return Status::invalidInput(message);
}

template <typename Json>
QString compactJson(const Json &json)
{
    return QString::fromStdString(json.dump(-1, ' ', false, Json::error_handler_t::replace));
}

} // namespace loupe::cli
