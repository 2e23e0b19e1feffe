#pragma once
// Command-line / page overrides of a ModelSpec's training settings (loupe-cli train --epochs ...,
// the Train page's spin boxes). Applying them writes them into the spec, so the spec stored with
// a run is the one that actually trained.

#include "core/train/ModelSpec.h"
#include "core/optim/ScheduleSpec.h"
#include "core/util/Status.h"

#include <cstdint>
#include <optional>

namespace loupe {

struct TrainingOverrides {
    std::optional<int> epochs;            // >= 1
    std::optional<int> batchSize;         // >= 1
    std::optional<std::uint64_t> seed;
    std::optional<double> learningRate;   // LearningRateLimits::isAllowed (the optimizer's learning_rate)
    std::optional<ScheduleSpec> schedule; // replaces the spec's schedule (loupe-cli train --schedule)

    // InvalidInput naming the setting ("epochs: ...", "schedule.lr0: ...") when a value is out of
    // range; the spec is then unchanged.
    Status applyTo(ModelSpec &spec) const;
};

} // namespace loupe
