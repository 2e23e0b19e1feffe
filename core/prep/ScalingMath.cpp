#include "core/prep/ScalingMath.h"

#include <algorithm>
#include <cmath>

namespace loupe {

void MomentsAccumulator::add(double value)
{
    if (!std::isfinite(value))
        return;
    ++m_count;
    if (m_count == 1) {
        m_min = m_max = value;
    } else {
        m_min = std::min(m_min, value);
        m_max = std::max(m_max, value);
    }
    const double delta = value - m_mean;
    m_mean += delta / static_cast<double>(m_count);
    m_squares += delta * (value - m_mean);
}

ColumnMoments MomentsAccumulator::moments() const
{
    ColumnMoments result;
    result.count = m_count;
    if (m_count == 0)
        return result;
    result.mean = m_mean;
    result.stddev = std::sqrt(std::max(0.0, m_squares / static_cast<double>(m_count)));
    result.min = m_min;
    result.max = m_max;
    return result;
}

AffineScale affineScaleFor(ScalingMethod method, const ColumnMoments &moments, double low, double high)
{
    AffineScale affine;
    const double range = moments.max - moments.min;
    switch (method) {
    case ScalingMethod::Standardize:
        affine.center = moments.mean;
        affine.constant = !(moments.stddev > 0.0);
        affine.scale = affine.constant ? 1.0 : moments.stddev;
        break;
    case ScalingMethod::MinMax:
        affine.center = moments.min;
        affine.offset = low;
        affine.constant = !(range > 0.0);
        affine.scale = affine.constant ? 1.0 : range / (high - low);
        break;
    case ScalingMethod::MeanNormalize:
        affine.center = moments.mean;
        affine.constant = !(range > 0.0);
        affine.scale = affine.constant ? 1.0 : range;
        break;
    case ScalingMethod::None:
    case ScalingMethod::UnitL1:
    case ScalingMethod::UnitL2:
        break;
    }
    return affine;
}

} // namespace loupe
