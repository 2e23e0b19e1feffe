#pragma once
// Internal to TPE: how a numeric Distribution maps to the line the Parzen estimators live on.
// Log kinds work on u = log(x); bounds of the uniform family become truncation bounds; quantized
// kinds are modelled continuously and scored by the mixture's mass over the value's q-cell.

#include "core/search/Distribution.h"

namespace loupe {

enum class CellBounds { Exact, WidenedByHalfStep }; // hyperopt truncates at [low, high]; Optuna at +-q/2 more

struct NumericDomain {
    bool log = false;
    double q = 0.0;            // 0: continuous
    bool bounded = false;
    double truncLow = 0.0;     // truncation bounds on u (+-inf when unbounded)
    double truncHigh = 0.0;
    double valueLow = 0.0;     // bounds on x (value space) for clamping and q-cells
    double valueHigh = 0.0;
    double gridLow = 0.0;      // the lowest / highest value the quantized prior can produce
    double gridHigh = 0.0;
    double floor = 0.0;        // log kinds: values below it are raised to it before log
    double cellFloor = 0.0;    // quantized log kinds, hyperopt's cells: q-cell ends below it are raised
                               // to it (lognormal_cdf's max(x, EPS)); 0: a cell may reach down to u = -inf
    double priorMu = 0.0;      // on u
    double priorSigma = 1.0;   // on u
    double range = 1.0;        // truncHigh - truncLow when bounded, priorSigma otherwise

    // requires: distribution numeric (not categorical, not randint) and valid.
    static NumericDomain from(const Distribution &distribution, CellBounds cells);

    double toInternal(double value) const;
    // u -> value: exp for log kinds, then onto the q grid and inside the bounds.
    double toValue(double internal) const;
    // The q-cell of a quantized value on u: [lowU, highU] (lowU may be -inf).
    void cell(double value, double &lowU, double &highU) const;
};

} // namespace loupe
