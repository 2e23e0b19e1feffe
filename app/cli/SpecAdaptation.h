#pragma once
// --adapt-spec of loupe-cli train, lr-find and search: fits the spec's input and output layers to
// the CSV's feature plan with ModelSpecFit, the service behind the Train page's "Adapt the spec", and
// says on stderr what changed. Without the flag a spec that does not fit fails as before, and the
// error says that --adapt-spec would fit it.

#include "app/cli/TrainingDataArguments.h"
#include "core/train/ModelSpec.h"
#include "core/util/Status.h"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace loupe::cli {

class ArgumentParser;
class CliContext;
class ParsedArguments;

class SpecAdaptation {
public:
    static void declare(ArgumentParser &parser);
    static bool isRequested(const ParsedArguments &arguments);

    // With --adapt-spec and a plan the spec does not fit: the adapted spec, with `loaded` prepared
    // again when the adapted output changes how the target is encoded (one 0/1 column or one-hot).
    // Otherwise the spec as given. Errors: the data's own, when preparing again fails.
    static Result<ModelSpec> apply(const ParsedArguments &arguments, CliContext &context, const ModelSpec &spec,
                                   LoadedTrainingData &loaded);

    // A search template: the same adaptation written into the template's JSON ("input"."features"
    // removed; the last dense layer's "units" and "activation" and the "loss" set as ModelSpecFit
    // says, layers after it dropped). `reference` is the template's reference spec.
    static nlohmann::json adaptTemplate(const nlohmann::json &spaceTemplate, const ModelSpec &reference,
                                        const ModelSpec &adapted);

    // "input.features: the spec says 784 but the data has 27 features; --adapt-spec fits ..." for a
    // message about the spec's input or output width; other messages unchanged.
    static std::string withHint(const std::string &message);

    // What adapting changed: "input.features 784 -> taken from the data (27); layers[2].units 10 -> 2".
    static std::string changes(const ModelSpec &before, const ModelSpec &after, long long dataInputs);
};

} // namespace loupe::cli
