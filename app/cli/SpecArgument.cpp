#include "app/cli/SpecArgument.h"

#include "app/cli/CliContext.h"
#include "app/cli/FileChecks.h"
#include "app/cli/ParsedArguments.h"

#include <cstdint>

namespace loupe::cli {

Result<ModelSpec> SpecArgument::read(const ParsedArguments &arguments, Seed seed)
{
    const QString specPath = arguments.positional(0);
    if (Status readable = checkReadableFile(specPath); !readable.isOk())
        return readable;
    auto spec = ModelSpec::fromFile(toNativePath(specPath));
    if (!spec.isOk() || seed == Seed::FromSpec)
        return spec;
    spec.value().seed = static_cast<std::uint64_t>(
        arguments.intValue(QStringLiteral("seed"), static_cast<std::int64_t>(spec.value().seed)));
    return spec;
}

} // namespace loupe::cli
