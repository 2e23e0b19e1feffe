#pragma once
// How the hover readout writes a value: the way its axis reads. Dates on a date-time axis (as the
// Data page writes them, UTC), the label of the nearest tick on a text (categorical) axis,
// scientific notation on a logarithmic axis ("1.00e-03" for a learning rate), whole numbers in full
// ("1,024") and other numbers with as many significant digits as the visible range needs.

#include <QString>

class QCPAxis;

namespace loupe {

class PlotValueFormat {
public:
    static QString format(const QCPAxis *axis, double value);
    // The axis label without a trailing note in parentheses ("learning rate (log scale)" -> "learning
    // rate"); "x" or "y" when the axis has no label.
    static QString name(const QCPAxis *axis);
};

} // namespace loupe
