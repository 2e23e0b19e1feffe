#pragma once
// The arithmetic shared by Scaler (tables) and TableEncoding (training features): column
// statistics of the fitting rows and the affine map each per-column method derives from them.
//
// Constant columns (stddev 0 or max == min among the fitting rows) never divide by zero: the
// divisor becomes 1, so a training value maps to 0 (MinMax: to the low end of the range) and any
// other value keeps its offset from the training constant. No NaN is ever produced from finite input.

#include "core/prep/ScalingMethod.h"

#include <cstddef>

namespace loupe {

// Statistics of the present, finite values of one column in the fitting rows.
struct ColumnMoments {
    std::size_t count = 0;
    double mean = 0.0;
    double stddev = 0.0; // population standard deviation (divides by count)
    double min = 0.0;
    double max = 0.0;
};

// Welford's running mean and variance plus min and max; add() skips non-finite values.
class MomentsAccumulator {
public:
    void add(double value);
    ColumnMoments moments() const;

private:
    std::size_t m_count = 0;
    double m_mean = 0.0;
    double m_squares = 0.0;
    double m_min = 0.0;
    double m_max = 0.0;
};

// y = offset + (x - center) / scale.
struct AffineScale {
    double center = 0.0;
    double scale = 1.0;
    double offset = 0.0;
    bool constant = false; // the fitting rows had a single value; scale was set to 1

    double apply(double x) const { return offset + (x - center) / scale; }
    double invert(double y) const { return center + (y - offset) * scale; }
};

// The per-column map of `method` for these moments. MinMax maps [min, max] onto [low, high].
// requires: low < high for MinMax. Row methods (UnitL1, UnitL2) and None give the identity.
AffineScale affineScaleFor(ScalingMethod method, const ColumnMoments &moments, double low = 0.0, double high = 1.0);

} // namespace loupe
