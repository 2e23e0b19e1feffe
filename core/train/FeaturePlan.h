#pragma once
// Which columns of a table a model trains on, how each is encoded, and why the others are left out:
// what FeaturePlanner proposes for a table and a target, with the user's own choices applied on top.
// It maps onto TableEncodingOptions (applyTo: excluded, maxFeatureLevels, missing) and is recorded
// with a run in one JSON form (toJson, written here only):
//   {"target", "selection": "proposed" | "as_given", "max_levels", "missing": "reject" | "impute",
//    "missing_chosen", "missing_note", "feature_width",
//    "columns": [{"name", "type", "role": "feature" | "target" | "ignored", "reason" (ignoreReasonName,
//                 null for a used column), "detail", "chosen" (the user's choice, not the proposal),
//                 "encoding": "number" | "flag" | "seconds" | "one_hot", "distinct", "missing"}],
//    "classes": [{"label", "count"}],   (the target's class balance, most frequent first; [] for a
//                                         number target)
//    "class_weight": "none" | "balanced", "resample": "none" | "oversample" | "undersample",
//    "suggested_class_weight", "balance_note"}   (ClassBalance.h; the note says why a weighting is
//                                                 suggested, empty when none is)

#include "core/data/ColumnType.h"
#include "core/train/ClassBalance.h"
#include "core/train/TableEncoding.h"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace loupe {

enum class FeatureRole { Feature, Target, Ignored };

// Proposed: the planner ignores identifier, personal-data, free-text, constant and empty columns
// (the user's explicit choices still win); AsGiven: only the columns the user names are ignored.
enum class ColumnSelection { Proposed, AsGiven };

enum class IgnoreReason {
    None,            // the column is used (feature or target)
    Chosen,          // the user left it out (--exclude, the Train page)
    Identifier,      // unique or nearly unique values, or named like an id (core/privacy's detector)
    PersonalData,    // personal data found by core/privacy's scan, or a name that says so (birth date, SSN)
    HighCardinality, // text with more distinct values than the one-hot cap (free text, names)
    Constant,        // a single value in every row that has one
    Missing,         // no value in most rows
};

struct ClassCount {
    std::string label;
    std::size_t count = 0;
};

struct FeatureColumn {
    std::string name;
    ColumnType type = ColumnType::Float64;
    FeatureRole role = FeatureRole::Feature;
    IgnoreReason reason = IgnoreReason::None;
    std::string detail;                     // the reason in words ("unique in every row"), or how it is used
    bool chosen = false;                    // the role is the user's choice, not the proposal
    FeatureKind encoding = FeatureKind::Number; // how it is (or would be) encoded as a feature
    std::size_t distinct = 0;               // distinct non-missing values
    std::size_t levels = 0;                 // one-hot levels TableEncoding makes (text: distinct, or every
                                            // category of a categorical column); 0 for other types
    std::size_t missing = 0;                // rows without a value

    // Model inputs the column gives: its levels when one-hot, else 1; 0 unless a feature.
    std::size_t width() const;
};

struct FeaturePlan {
    std::string target;
    ColumnSelection selection = ColumnSelection::Proposed;
    std::size_t maxFeatureLevels = TableEncodingOptions{}.maxFeatureLevels;
    MissingValues missing = MissingValues::Reject;
    bool missingChosen = false;         // the policy is the user's choice, not the proposal
    std::string missingNote;            // why that policy, e.g. "proposed: 2 feature columns have missing values"
    std::vector<FeatureColumn> columns; // one per table column, in table order
    std::vector<ClassCount> classes;    // the target's classes, most frequent first (empty for regression)
    ClassWeighting classWeighting = ClassWeighting::None; // what the run does (the user's choice)
    Resampling resampling = Resampling::None;
    // Balanced when the rarest class has less than s_rareClassShare of the rows, with the reason in
    // balanceNote ("'true' is 1.3 % of the rows (under 10 %)"); the GUI preselects it, the CLI says so.
    ClassWeighting suggestedWeighting = ClassWeighting::None;
    std::string balanceNote;
    static constexpr double s_rareClassShare = 0.10;
    std::size_t rows = 0;

    const FeatureColumn *find(std::string_view name) const;
    std::vector<std::string> excluded() const; // the ignored columns' names, table order
    std::size_t featureWidth() const;          // sum of width()
    std::size_t ignoredCount() const;
    // Sets options.target, excluded, maxFeatureLevels and missing.
    void applyTo(TableEncodingOptions &options) const;

    nlohmann::ordered_json toJson() const;
};

// "feature", "target", "ignored"
std::string_view featureRoleName(FeatureRole role);
// "chosen", "identifier", "personal_data", "high_cardinality", "constant", "missing"; "" for None
std::string_view ignoreReasonName(IgnoreReason reason);
// "number", "flag", "seconds", "one_hot"
std::string_view featureKindName(FeatureKind kind);

} // namespace loupe
