#pragma once
// The feature plan a model spec may carry (its optional "features" member): which columns of a CSV
// the model trains on and how, so that a spec saved from the Train page trains the same way from
// loupe-cli, the Learning-rate and the Search pages. Only the choices are stored, not the proposal
// (the proposal is recomputed on the data):
//   "features": {"target": "is_fraud",                  (optional: the column to predict)
//                "selection": "proposed" | "as_given",   (optional; as FeaturePlanner)
//                "ignored": ["memo"], "kept": ["customer_id"],  (column names, optional)
//                "max_levels": 20, "missing": "impute" | "reject",
//                "class_weight": "none" | "balanced", "resample": "none" | "oversample" | "undersample"}
// Scaling stays the spec's top-level "scaling". Every member is optional; an unknown member or a
// wrong type is an error naming its path ("features.ignored[1]: expected a column name, got 3").
// Precedence (TrainingDataService): what the user sets in the request (a CLI option, the GUI's
// choice) beats the spec's "features", which beats the defaults; ignored and kept are added to the
// request's.

#include "core/train/ClassBalance.h"
#include "core/train/FeaturePlan.h"
#include "core/util/Status.h"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace loupe {

struct TrainingDataRequest;

struct SpecFeatures {
    std::string target; // empty: not given
    std::optional<ColumnSelection> selection;
    std::vector<std::string> ignored;
    std::vector<std::string> kept;
    std::optional<std::size_t> maxLevels;
    std::optional<MissingValues> missing;
    std::optional<ClassWeighting> classWeighting;
    std::optional<Resampling> resampling;

    // value: the "features" member. InvalidInput "features.<path>: <what>".
    static Result<SpecFeatures> fromJson(const nlohmann::json &value);
    nlohmann::ordered_json toJson() const;

    // The user's choices a plan holds: the target, the roles the user chose (ignored / kept), the cap,
    // the missing-value policy when chosen, class weighting and resampling.
    static SpecFeatures fromPlan(const FeaturePlan &plan);
    // The choices a request makes (a front door's: the GUI's feature table): target, selection,
    // excluded / kept, the cap, missing values, class weighting and resampling as set.
    static SpecFeatures fromRequest(const TrainingDataRequest &request);
    // Fills what the request leaves open (see the precedence above); the target only when empty.
    void fillIn(TrainingDataRequest &request) const;
};

} // namespace loupe
