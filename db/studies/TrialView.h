#pragma once
// TrialView: one process's copy of a study's trials, kept current by applying only the rows that
// changed since its last read (TrialRepository::changesSince above lastChange()). A suggestion
// then costs a read of what other workers did since the previous one, not of the whole study.
// Each trial's params are parsed once, when the trial first appears; later rows only move its
// state (RUNNING -> COMPLETE / FAIL / PRUNED, an abandoned FAIL -> a late result, ...).
// The budget counts (TrialCounts) are kept up to date with the rows, so they cost no read either.
// Not thread-safe: SqlTrialStore guards its view with a mutex.

#include "core/search/SearchSpace.h"
#include "core/search/Trial.h"
#include "core/util/Status.h"
#include "db/studies/TrialRecord.h"

#include <QtGlobal>

#include <vector>

namespace loupe {

class TrialView {
public:
    // requires: `space` is the study's space and outlives the view.
    explicit TrialView(const SearchSpace &space) : m_space(space) {}

    // Applies rows read with changesSince(lastChange()), in change order. A row for a trial the view
    // does not hold yet adds it (its params parsed against the space); otherwise it replaces the
    // trial's state, loss, error, seconds and abandoned flag.
    // ensures: lastChange() is the largest change number applied. InvalidInput naming the trial
    // when its params do not fit the space (the rows before it stay applied).
    Status apply(const std::vector<TrialChangeRow> &rows);

    // The study's trials sorted by number.
    const std::vector<Trial> &trials() const { return m_trials; }
    const TrialCounts &counts() const { return m_counts; }
    qint64 lastChange() const { return m_lastChange; }
    // Whether trial `number` is an abandoned FAIL (its worker was lost or interrupted).
    bool isAbandoned(int number) const;

private:
    // Index of trial `number` in m_trials, or the index where it would be inserted.
    std::size_t slotOf(int number) const;
    // Adds (+1) or removes (-1) trial i's contribution to m_counts.
    void tally(std::size_t i, int sign);

    const SearchSpace &m_space;
    std::vector<Trial> m_trials;      // sorted by number
    std::vector<char> m_abandoned;    // parallel to m_trials
    TrialCounts m_counts;
    qint64 m_lastChange = 0;
};

} // namespace loupe
