#include "app/cli/CommandRegistry.h"

namespace loupe::cli {

void CommandRegistry::add(std::unique_ptr<Command> command)
{
    Q_ASSERT(command);
    Q_ASSERT_X(!find(command->name()), "CommandRegistry::add", "command name taken");
    m_commands.push_back(std::move(command));
}

Command *CommandRegistry::find(const QString &name) const
{
    for (const auto &command : m_commands)
        if (command->name() == name)
            return command.get();
    return nullptr;
}

QStringList CommandRegistry::names() const
{
    QStringList result;
    for (const auto &command : m_commands)
        result.append(command->name());
    return result;
}

} // namespace loupe::cli
