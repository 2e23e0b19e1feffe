#include "core/search/Study.h"

#include "core/util/Timer.h"

#include <cmath>
#include <exception>
#include <thread>

namespace loupe {

Study::Study(const SearchSpace &space, const Sampler &sampler, TrialStore &store, StudyOptions options)
    : m_space(space), m_sampler(sampler), m_store(store), m_options(options)
{
}

Result<std::optional<Trial>> Study::ask()
{
    Result<std::vector<Trial>> history = m_store.trials();
    if (!history.isOk())
        return history.status();
    const std::vector<Trial> &trials = history.value();
    const int hint = trials.empty() ? 0 : trials.back().number + 1;
    const Timer timer;
    Trial trial;
    trial.params = m_sampler.sample(m_space, trials, hint);
    const double seconds = timer.seconds();
    {
        std::lock_guard lock(m_statsMutex);
        m_suggestSeconds += seconds;
        ++m_suggestCount;
    }
    Result<std::optional<int>> number = m_store.reserve(trial.params, m_options.maxTrials, m_options.budgetRule);
    if (!number.isOk())
        return number.status();
    if (!number.value())
        return std::optional<Trial>();
    trial.number = *number.value();
    trial.state = TrialState::Running;
    return std::optional<Trial>(std::move(trial));
}

double Study::suggestSecondsMean() const
{
    std::lock_guard lock(m_statsMutex);
    return m_suggestCount == 0 ? 0.0 : m_suggestSeconds / m_suggestCount;
}

Status Study::tell(int number, const Result<double> &outcome, double seconds)
{
    if (!outcome.isOk()) {
        const std::string reason = outcome.message().empty() ? std::string("failed") : outcome.message();
        return m_store.finish(number, TrialState::Fail, std::nullopt, reason, seconds);
    }
    const double loss = outcome.value();
    if (std::isnan(loss))
        return m_store.finish(number, TrialState::Fail, std::nullopt, "loss is NaN", seconds);
    if (!std::isfinite(loss))
        return m_store.finish(number, TrialState::Fail, std::nullopt, "loss is infinite", seconds);
    return m_store.finish(number, TrialState::Complete, loss, std::string(), seconds);
}

Result<Trial> Study::run(const Trial &trial, Objective &objective, const CancellationToken &cancellation)
{
    const Timer timer;
    Result<double> outcome = Status::error(StatusCode::Failed, "the objective did not run");
    try {
        outcome = objective.evaluate(trial.params, cancellation);
    } catch (const std::exception &error) {
        outcome = Status::error(StatusCode::Failed, std::string("exception: ") + error.what());
    } catch (...) {
        outcome = Status::error(StatusCode::Failed, "exception of unknown type");
    }
    const double seconds = timer.seconds();
    if (const Status told = tell(trial.number, outcome, seconds); !told.isOk())
        return told;
    Trial finished = trial;
    finished.seconds = seconds;
    if (outcome.isOk() && std::isfinite(outcome.value())) {
        finished.state = TrialState::Complete;
        finished.loss = outcome.value();
    } else {
        finished.state = TrialState::Fail;
        finished.error = !outcome.isOk() ? (outcome.message().empty() ? std::string("failed") : outcome.message())
                       : std::isnan(outcome.value()) ? std::string("loss is NaN")
                                                     : std::string("loss is infinite");
    }
    return finished;
}

StudySummary Study::optimize(Objective &objective, const CancellationToken &cancellation, TrialCallback onTrial)
{
    std::mutex mutex;
    StudySummary summary;
    auto worker = [&]() {
        while (!cancellation.isCancelled()) {
            {
                std::lock_guard lock(mutex);
                if (!summary.status.isOk())
                    return;
            }
            Result<std::optional<Trial>> asked = ask();
            Result<Trial> finished = Status::ok();
            if (asked.isOk() && asked.value())
                finished = run(*asked.value(), objective, cancellation);
            std::lock_guard lock(mutex);
            const Status &failure = !asked.isOk() ? asked.status() : finished.status();
            if (!failure.isOk()) {
                if (summary.status.isOk())
                    summary.status = failure;
                return;
            }
            if (!asked.value())
                return;
            ++summary.trialsRun;
            if (onTrial)
                onTrial(finished.value());
        }
    };
    const int jobs = std::max(1, m_options.jobs);
    std::vector<std::thread> threads;
    for (int i = 1; i < jobs; ++i)
        threads.emplace_back(worker);
    worker();
    for (std::thread &thread : threads)
        thread.join();
    if (cancellation.isCancelled() && summary.status.isOk())
        summary.status = Status::cancelled();
    summary.suggestSecondsMean = suggestSecondsMean();
    Result<std::vector<Trial>> trials = m_store.trials();
    if (trials.isOk())
        summary.best = bestOf(trials.value());
    else if (summary.status.isOk())
        summary.status = trials.status();
    return summary;
}

std::optional<Trial> Study::bestOf(const std::vector<Trial> &trials)
{
    std::optional<Trial> best;
    for (const Trial &trial : trials) {
        if (trial.state != TrialState::Complete || !trial.loss)
            continue;
        if (!best || *trial.loss < *best->loss)
            best = trial;
    }
    return best;
}

} // namespace loupe
