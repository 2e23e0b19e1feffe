#include "core/train/Monitor.h"

#include <cassert>
#include <cmath>

namespace loupe {

Monitor::Monitor(std::string metric, MonitorMode mode, double minDelta)
    : m_metric(std::move(metric))
    , m_mode(mode)
    , m_minDelta(std::abs(minDelta))
{
    assert(minDelta >= 0.0);
    if (m_mode == MonitorMode::Auto)
        m_mode = m_metric.find("acc") != std::string::npos ? MonitorMode::Max : MonitorMode::Min;
}

Result<double> Monitor::valueIn(const EpochStats &stats) const
{
    const auto value = stats.metric(m_metric);
    if (!value) {
        if (m_metric.rfind("val_", 0) == 0 && !stats.hasValidation())
            return Status::invalidInput("monitor " + m_metric + ": the run has no validation data");
        return Status::invalidInput("monitor " + m_metric
                                    + ": unknown metric (expected loss, accuracy, val_loss or val_accuracy)");
    }
    return *value;
}

bool Monitor::improve(double value)
{
    if (std::isnan(value))
        return false;
    bool better = !m_best.has_value();
    if (!better) {
        better = m_mode == MonitorMode::Max ? value - m_minDelta > *m_best : value + m_minDelta < *m_best;
    }
    if (better)
        m_best = value;
    return better;
}

} // namespace loupe
