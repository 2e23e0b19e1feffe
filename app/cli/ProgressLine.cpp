#include "app/cli/ProgressLine.h"

namespace loupe::cli {

ProgressLine::ProgressLine(std::ostream &err, std::string label) : m_err(err), m_label(std::move(label)) {}

ProgressLine::~ProgressLine()
{
    if (m_shown >= 0)
        m_err << '\n' << std::flush;
}

ProgressSink ProgressLine::sink()
{
    return [this](const Progress &progress) {
        const int percent = static_cast<int>(progress.fraction * 100.0);
        if (percent != m_shown) {
            m_shown = percent;
            m_err << '\r' << m_label << "... " << percent << '%' << std::flush;
        }
        return ProgressAction::Continue;
    };
}

} // namespace loupe::cli
