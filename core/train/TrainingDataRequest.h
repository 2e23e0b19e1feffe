#pragma once
// What a front door asks TrainingDataService for: the source (Fashion-MNIST, or a loaded table with
// its target and column options), the split, and the user's explicit choices. A field the user did
// not set stays at its "no choice" value (nullopt), so the model spec and then the defaults decide
// (docs/scaling.md, "Who decides the scaling"). Plain copyable values; the table is shared read-only.

#include "core/data/DataSplitter.h"
#include "core/data/Table.h"
#include "core/prep/ScalingMethod.h"
#include "core/train/FeaturePlan.h"
#include "core/train/TableEncoding.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace loupe {

struct TrainingDataRequest {
    enum class Source { FashionMnist, Table };

    Source source = Source::FashionMnist;

    // Source::FashionMnist
    std::string fashionMnistDirectory; // empty: defaultFashionMnistDir()
    std::size_t imageLimit = 0;        // > 0: only the first imageLimit images of each file

    // Source::Table
    std::shared_ptr<const Table> table; // required for Source::Table
    std::string tableName;              // how messages and descriptions call it (a file name); empty: "table"
    std::string target;                 // the column to predict
    std::vector<std::string> excluded;  // columns that are neither feature nor target (always)
    std::vector<std::string> kept;      // columns that are features whatever the proposal says
    // Proposed: FeaturePlanner also leaves out identifier, personal-data, free-text, constant and
    // empty columns (with the reason, recorded in TrainingData::featurePlan); AsGiven: only `excluded`.
    ColumnSelection selection = ColumnSelection::Proposed;
    TargetTask task = TargetTask::Auto;
    std::size_t maxFeatureLevels = TableEncodingOptions{}.maxFeatureLevels; // one-hot cap for text features
    // nullopt: the plan's proposal (Proposed: impute when a feature column has missing values; AsGiven: reject).
    std::optional<MissingValues> missing;
    double testFraction = SplitFractions{}.test; // [0, 1)

    // Both sources
    std::optional<double> validationFraction; // nullopt: the spec's validation_split, else 0.1
    // The user's explicit scaling (table data only); nullopt: the spec's "scaling", else Standardize.
    std::optional<FeatureScaling> scaling;
    // What to do about an imbalanced class target (ClassBalance.h): class weights in the loss and/or
    // resampled training rows. nullopt: the spec's "features" choice, else None. Refused for a
    // regression target.
    std::optional<ClassWeighting> classWeighting;
    std::optional<Resampling> resampling;
};

} // namespace loupe
