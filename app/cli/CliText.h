#pragma once
// What every loupe-cli command needs to report a usage error (exit 2) from a message.

#include "core/util/Status.h"

#include <QString>

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

} // namespace loupe::cli
