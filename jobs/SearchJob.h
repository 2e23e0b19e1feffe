#pragma once
// Runs a hyperparameter search (a stored study) in the background: a built-in test function or a
// model-spec template trained on Fashion-MNIST or a loaded table, with the sampler, budget and
// parallel trials of the request, the trials stored in request.storage (so they survive a crash,
// can be resumed, and can be shared with `loupe-cli worker` processes for test-function studies).
//
// Signals, in order: started(SearchStart) once the study is open (a resumed study's trials
// included); trialFinished per trial this job finishes (COMPLETE or FAIL with its reason, from
// the job's thread, queued to the receiver); then exactly one of finished(SearchSummary) (the
// budget is used up), failed(message) (bad template, data or storage) or cancelled() (Stop: the
// running trials end as FAIL "interrupted" and are redone when the study is resumed).
// Stop = JobRunner's cancel; resume = a new SearchJob with the same studyName and resume = true.

#include "jobs/Job.h"
#include "jobs/SearchTypes.h"

namespace loupe {

class SearchSpace;
struct Trial;

class SearchJob : public Job {
    Q_OBJECT
public:
    explicit SearchJob(SearchRequest request, QObject *parent = nullptr);

    const SearchRequest &request() const { return m_request; }

    // The row form of a trial (params and indices as compact JSON).
    static SearchTrialRow rowOf(const loupe::Trial &trial, const SearchSpace &space);

Q_SIGNALS:
    void started(quint64 runId, const loupe::SearchStart &start);
    void trialFinished(quint64 runId, const loupe::SearchTrialRow &trial);
    void finished(quint64 runId, const loupe::SearchSummary &summary);

protected:
    Status execute() override;
    void emitFinished() override;

private:
    SearchRequest m_request;
    SearchSummary m_summary;
};

// Registers the search value types for queued connections. Idempotent.
void registerSearchMetaTypes();

} // namespace loupe
