#pragma once
// Prepares the data a training run, a learning-rate finder, a snapshot ensemble or a search trains
// on: the one training-data policy behind both front doors (the GUI's jobs and loupe-cli's train,
// lr-find, snapshot, search and worker commands), so that the same request and spec give the same
// TrainingData whichever door asked.
//
// The policy (docs/scaling.md, "Who decides the scaling"):
//  - Scaling of a table's number features: the request's explicit choice, else the spec's
//    "scaling", else Standardize (scalingFor). Fashion-MNIST refuses both an explicit choice and
//    the spec's key: its pixels are always divided by 255.
//  - Validation share: the request's, else the spec's validation_split, else 0.1.
//  - Binary targets: one 0/1 column when the spec's last layer has one unit, else one-hot.
//  - The split (and so the scaling's fitting rows) is seeded by spec.seed.
//  - Columns: FeaturePlanner's plan for the request (planOptionsFor): the user's exclusions and kept
//    columns, and unless the request says AsGiven the proposal for the rest (identifiers, personal
//    data, free text, constant and empty columns left out, with the reason); the plan is returned in
//    TrainingData::featurePlan so that every door reports and records the same choice.
//  - The spec's "features" (SpecFeatures.h) fill in what the request leaves open (requestWithSpec).
//  - Class balance (classification): the request's class weighting and resampling (ClassBalance.h),
//    resampling the training rows only, seeded by spec.seed; recorded in TrainingData::classBalance.
// Threading: none of its own; call it on the thread that trains.

#include "core/train/FeaturePlanner.h"
#include "core/train/ModelSpec.h"
#include "core/train/TrainingData.h"
#include "core/train/TrainingDataRequest.h"
#include "core/util/Status.h"

#include <optional>

namespace loupe {

class TrainingDataService {
public:
    // ensures: InvalidInput for a scaling with Fashion-MNIST (naming the spec's key or the choice),
    // for a table request without a table, and the data's own errors (IDX files, columns, rows,
    // fractions), each naming the file, column, row or fraction.
    static Result<TrainingData> prepare(const TrainingDataRequest &request, const ModelSpec &spec);

    // The request with what it leaves open filled in from the spec's "features" (SpecFeatures::fillIn);
    // prepare() plans with this, and so must a view of the plan.
    static TrainingDataRequest requestWithSpec(const TrainingDataRequest &request, const ModelSpec &spec);

    // The planner options a table request stands for (target, selection, excluded, kept, one-hot cap,
    // task, missing values): the GUI's feature table proposes with these, so it shows what prepare() uses.
    static FeaturePlanOptions planOptionsFor(const TrainingDataRequest &request);

    // The precedence: chosen when set, else spec.scaling when set, else Standardize.
    static FeatureScaling scalingFor(const std::optional<FeatureScaling> &chosen, const ModelSpec &spec);

    // chosen when set, else the spec's validation_split, else 0.1.
    static double validationFractionFor(const std::optional<double> &chosen, const ModelSpec &spec);

    // The spec as a run's config stores it: with "scaling" set to the scaling the table data was
    // prepared with (whoever chose it); unchanged for Fashion-MNIST.
    static ModelSpec specAsTrained(const ModelSpec &spec, const TrainingData &data);
};

} // namespace loupe
