#pragma once
// The model spec a training command names as its first argument (train's spec, lr-find's, lr-verify's,
// snapshot's): a readable file (checkReadableFile's messages), parsed with errors that name the file,
// line, column and member, and with --seed replacing the spec's seed for the commands that have it.

#include "core/train/ModelSpec.h"
#include "core/util/Status.h"

namespace loupe::cli {

class ParsedArguments;

class SpecArgument {
public:
    enum class Seed { FromSpec, OptionReplaces };

    static Result<ModelSpec> read(const ParsedArguments &arguments, Seed seed);
};

} // namespace loupe::cli
