#pragma once
// The commands shipped with loupe-cli. Adding a command = one line in BuiltinCommands.cpp.

namespace loupe::cli {

class CommandRegistry;

void registerBuiltinCommands(CommandRegistry &registry);

} // namespace loupe::cli
