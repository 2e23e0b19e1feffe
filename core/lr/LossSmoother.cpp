#include "core/lr/LossSmoother.h"

#include <cassert>
#include <cmath>
#include <limits>

namespace loupe {

LossSmoother::LossSmoother(double beta)
    : m_beta(beta)
{
    assert(beta >= 0.0 && beta < 1.0);
}

double LossSmoother::add(double loss)
{
    m_average = m_beta * m_average + (1.0 - m_beta) * loss;
    m_betaPower *= m_beta;
    ++m_count;
    return value();
}

double LossSmoother::value() const
{
    if (m_count == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return m_average / (1.0 - m_betaPower);
}

void LossSmoother::reset()
{
    m_average = 0.0;
    m_betaPower = 1.0;
    m_count = 0;
}

} // namespace loupe
