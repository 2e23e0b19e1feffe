#include "db/studies/TrialView.h"

#include "db/studies/SqlTrialStore.h"

#include <algorithm>

namespace loupe {

std::size_t TrialView::slotOf(int number) const
{
    // Trials are numbered 0, 1, 2, ... and reserved in that order: usually the slot is the number.
    const auto n = static_cast<std::size_t>(number);
    if (number >= 0 && n < m_trials.size() && m_trials[n].number == number)
        return n;
    const auto found = std::lower_bound(m_trials.begin(), m_trials.end(), number,
                                        [](const Trial &trial, int wanted) { return trial.number < wanted; });
    return static_cast<std::size_t>(found - m_trials.begin());
}

void TrialView::tally(std::size_t i, int sign)
{
    switch (m_trials[i].state) {
    case TrialState::Running: m_counts.running += sign; break;
    case TrialState::Complete: m_counts.complete += sign; break;
    case TrialState::Pruned: m_counts.pruned += sign; break;
    case TrialState::Fail:
        if (m_abandoned[i])
            m_counts.abandoned += sign;
        else
            m_counts.failed += sign;
        break;
    }
}

bool TrialView::isAbandoned(int number) const
{
    const std::size_t i = slotOf(number);
    return i < m_trials.size() && m_trials[i].number == number && m_abandoned[i];
}

Status TrialView::apply(const std::vector<TrialChangeRow> &rows)
{
    for (const TrialChangeRow &row : rows) {
        std::size_t i = slotOf(row.number);
        if (i == m_trials.size() || m_trials[i].number != row.number) {
            auto params = parseTrialParams(row.number, row.paramsJson, m_space);
            if (!params.isOk())
                return params.status();
            Trial trial;
            trial.number = row.number;
            trial.params = params.takeValue();
            m_trials.insert(m_trials.begin() + static_cast<std::ptrdiff_t>(i), std::move(trial));
            m_abandoned.insert(m_abandoned.begin() + static_cast<std::ptrdiff_t>(i), 0);
            m_counts.maxNumber = std::max(m_counts.maxNumber, row.number);
        } else {
            tally(i, -1);
        }
        Trial &trial = m_trials[i];
        trial.state = row.state;
        trial.loss.reset();
        if (row.state == TrialState::Complete || row.state == TrialState::Pruned)
            trial.loss = row.loss;
        trial.error = row.error.toStdString();
        trial.seconds = row.seconds.value_or(0.0);
        m_abandoned[i] = row.abandoned ? 1 : 0;
        tally(i, +1);
        m_lastChange = std::max(m_lastChange, row.changeSeq);
    }
    return Status::ok();
}

} // namespace loupe
