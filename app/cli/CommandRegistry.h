#pragma once
// The sub-commands loupe-cli knows, in the order `loupe-cli --help` lists them.

#include "app/cli/Command.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace loupe::cli {

class CommandRegistry {
public:
    // requires: no command with the same name was added before.
    void add(std::unique_ptr<Command> command);

    template <typename CommandType, typename... Args>
    void add(Args &&...args)
    {
        add(std::make_unique<CommandType>(std::forward<Args>(args)...));
    }

    // ensures: nullptr when no command has that name.
    Command *find(const QString &name) const;
    const std::vector<std::unique_ptr<Command>> &commands() const { return m_commands; }
    QStringList names() const;

private:
    std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace loupe::cli
