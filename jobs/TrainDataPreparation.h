#pragma once
// The rows a job trains on, prepared the same way for every job (TrainJob, LrFindJob,
// SnapshotJob) and as the CLI's TrainData does: Fashion-MNIST with the spec's validation share
// (or request.fashionMnist.validationFraction when >= 0), or the request's table encoded for the
// spec (binary targets as its last layer says) and split by request.fractions (validation < 0:
// the spec's share). The spec's "scaling" replaces request.encoding.scaling; Fashion-MNIST refuses
// it. Seeded by spec.seed. Runs on the job's thread.

#include "jobs/TrainTypes.h"
#include "core/train/ModelSpec.h"

namespace loupe {

// InvalidInput when no table is loaded for Source::Table, or the data's own errors.
Result<PreparedData> prepareTrainData(const TrainRequest &request, const ModelSpec &spec);

// The request's model spec with its overrides (epochs, batch size, seed, rate, schedule) applied.
// InvalidInput "model spec: ..." for a spec that does not parse, or the override's own error.
Result<ModelSpec> requestedSpec(const TrainRequest &request);

} // namespace loupe
