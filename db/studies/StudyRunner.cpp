#include "db/studies/StudyRunner.h"

#include "db/studies/SqlTrialStore.h"
#include "core/util/Timer.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <thread>

namespace loupe {

StudyRunner::StudyRunner(Study &study, SqlTrialStore &store, StudyRunOptions options)
    : m_study(study), m_store(store), m_options(options)
{
}

bool StudyRunner::budgetReached(const TrialCounts &counts) const
{
    if (m_options.maxTrials < 0)
        return false;
    const int used = m_options.budgetRule == BudgetRule::AllTrials ? counts.counted() : counts.successful();
    return used >= m_options.maxTrials;
}

Result<double> StudyRunner::evaluate(Objective &objective, const Trial &trial, const CancellationToken &cancellation)
{
    try {
        return objective.evaluate(trial.params, cancellation);
    } catch (const std::exception &error) {
        return Status::error(StatusCode::Failed, std::string("exception: ") + error.what());
    } catch (...) {
        return Status::error(StatusCode::Failed, "exception of unknown type");
    }
}

void StudyRunner::pause(std::chrono::milliseconds duration, const CancellationToken &cancellation)
{
    const auto step = std::chrono::milliseconds(20);
    for (auto waited = std::chrono::milliseconds(0); waited < duration && !cancellation.isCancelled(); waited += step)
        std::this_thread::sleep_for(step);
}

bool StudyRunner::shouldStop(const CancellationToken &cancellation)
{
    if (cancellation.isCancelled())
        return true;
    std::lock_guard lock(m_mutex);
    return !m_summary.status.isOk();
}

void StudyRunner::recordFailure(const Status &status)
{
    std::lock_guard lock(m_mutex);
    if (m_summary.status.isOk())
        m_summary.status = status;
}

void StudyRunner::work(Objective &objective, const CancellationToken &cancellation, const TrialCallback &onTrial)
{
    while (!shouldStop(cancellation)) {
        Result<std::optional<Trial>> asked = Status::ok();
        {
            std::lock_guard lock(m_askMutex);
            asked = m_study.ask();
        }
        if (!asked.isOk()) {
            recordFailure(asked.status());
            return;
        }
        if (!asked.value()) {
            // The budget is full counting RUNNING trials: done, or wait for the others.
            auto counts = m_store.counts();
            if (!counts.isOk()) {
                recordFailure(counts.status());
                return;
            }
            if (budgetReached(counts.value()))
                return;
            auto reaped = m_store.reapStale(m_options.grace);
            if (!reaped.isOk()) {
                recordFailure(reaped.status());
                return;
            }
            if (reaped.value() == 0)
                pause(m_options.poll, cancellation);
            std::lock_guard lock(m_mutex);
            m_summary.reaped += reaped.value();
            continue;
        }
        const Trial &trial = *asked.value();
        const Timer timer;
        const Result<double> outcome = evaluate(objective, trial, cancellation);
        const double seconds = timer.seconds();
        const bool succeeded = outcome.isOk() && std::isfinite(outcome.value());
        if (cancellation.isCancelled() && !succeeded) {
            // Stopped mid-evaluation: not a verdict on the parameters.
            const Status abandoned = m_store.abandon(trial.number, QStringLiteral("interrupted"));
            if (!abandoned.isOk())
                recordFailure(abandoned);
            std::lock_guard lock(m_mutex);
            ++m_summary.abandoned;
            return;
        }
        if (const Status told = m_study.tell(trial.number, outcome, seconds); !told.isOk()) {
            recordFailure(told);
            return;
        }
        Trial finished = trial;
        finished.seconds = seconds;
        if (succeeded) {
            finished.state = TrialState::Complete;
            finished.loss = outcome.value();
        } else {
            finished.state = TrialState::Fail;
            finished.error = !outcome.isOk() ? outcome.message()
                           : std::isnan(outcome.value()) ? std::string("loss is NaN")
                                                         : std::string("loss is infinite");
        }
        std::lock_guard lock(m_mutex);
        ++m_summary.trialsRun;
        if (onTrial)
            onTrial(finished);
    }
}

StudyRunSummary StudyRunner::run(Objective &objective, const CancellationToken &cancellation, TrialCallback onTrial)
{
    m_summary = StudyRunSummary();
    auto reaped = m_store.reapStale(m_options.grace);
    if (!reaped.isOk()) {
        m_summary.status = reaped.status();
        return m_summary;
    }
    m_summary.reaped = reaped.value();
    const int jobs = std::max(1, m_options.jobs);
    std::vector<std::thread> threads;
    for (int i = 1; i < jobs; ++i) {
        threads.emplace_back([&] {
            work(objective, cancellation, onTrial);
            m_store.releaseThreadConnection();
        });
    }
    work(objective, cancellation, onTrial);
    for (std::thread &thread : threads)
        thread.join();
    if (cancellation.isCancelled() && m_summary.status.isOk())
        m_summary.status = Status::cancelled();
    m_summary.suggestSecondsMean = m_study.suggestSecondsMean();
    return m_summary;
}

} // namespace loupe
