#include "core/data/CsvProgressGate.h"

#include <algorithm>

namespace loupe {

CsvProgressGate::CsvProgressGate(const ProgressSink &progress, const CancellationToken *cancel)
    : m_progress(progress), m_cancel(cancel)
{
}

void CsvProgressGate::pollToken()
{
    if (m_cancel && m_cancel->isCancelled()) {
        m_cancelled = true;
        m_stop = true;
    }
}

bool CsvProgressGate::report(double fraction, const char *stage)
{
    pollToken();
    if (!m_stop && m_progress && m_progress(Progress{std::min(1.0, fraction), stage}) == ProgressAction::Stop) {
        m_cancelled = true;
        m_stop = true;
    }
    return !m_stop;
}

bool CsvProgressGate::keepGoing(std::size_t chunk, bool reportHere, double fraction, const char *stage)
{
    pollToken();
    if (reportHere && !m_stop)
        report(fraction, stage);
    return !m_stop && chunk <= m_lastChunk.load();
}

void CsvProgressGate::lastChunkThatMatters(std::size_t chunk)
{
    std::size_t current = m_lastChunk.load();
    while (chunk < current && !m_lastChunk.compare_exchange_weak(current, chunk)) {
    }
}

void CsvProgressGate::startPass()
{
    m_bytes = 0;
    m_lastChunk = static_cast<std::size_t>(-1);
}

} // namespace loupe
