#pragma once
// What a study minimises. evaluate() returns the loss (lower is better) or a Status saying why the
// trial failed; it may also throw -- Study catches everything and records a FAIL trial with the
// reason, and non-finite losses (NaN, inf) become FAIL too. The search goes on either way.
// evaluate() must be safe to call from several threads at once when a Study runs jobs > 1.

#include "core/search/SearchSpace.h"
#include "core/search/TrialParams.h"
#include "core/util/CancellationToken.h"
#include "core/util/Status.h"

namespace loupe {

class Objective {
public:
    virtual ~Objective() = default;
    // requires: params is complete for the study's space. Should return Status::cancelled() soon
    // after cancellation is set.
    virtual Result<double> evaluate(const TrialParams &params, const CancellationToken &cancellation) = 0;
};

} // namespace loupe
