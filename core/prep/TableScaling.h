#pragma once
// The whole "scale a data set" step as loupe-cli scale and the Prepare page run it: split the rows
// (DataSplitter, seeded), fit a Scaler on the training rows, and transform every row with it.
// Fitting on every row (FitRows::All) is what the chapter's text suggests; the leakage guard refuses it
// whenever there is a test split (docs/scaling.md).

#include "core/data/Table.h"
#include "core/prep/Scaler.h"
#include "core/data/DataSplitter.h"
#include "core/util/Status.h"

#include <cstdint>

namespace loupe {

enum class FitRows { Train, All };

struct ScalingRequest {
    ScalerOptions scaler;
    double testFraction = 0.2; // [0, 1); 0: every row is a training row
    std::uint64_t seed = 0;
    FitRows fitOn = FitRows::Train;
};

struct ScalingOutcome {
    Scaler scaler;
    RowPartition partition; // validation is empty
    Table scaled;           // every row, the chosen columns scaled
};

class TableScaling {
public:
    // InvalidInput from DataSplitter (the fraction), from LeakageGuard (FitRows::All with test rows) or
    // from Scaler (columns, empty fit). An empty `scaler.columns` means every int64 and float64 column.
    static Result<ScalingOutcome> run(const Table &table, const ScalingRequest &request);

    // The table's int64 and float64 columns, in table order.
    static std::vector<std::string> numericColumns(const Table &table);
};

} // namespace loupe
