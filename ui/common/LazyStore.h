#pragma once
// A workspace Store opened on first use and kept open: what the stored-run lists of the pages
// (training, lr-find, snapshot runs) share. Lives on the UI thread.
#include "core/util/Status.h"
#include "db/runs/RunRepository.h"

#include <QString>

#include <memory>
#include <vector>

namespace loupe {

class Store;

class LazyStore {
public:
    explicit LazyStore(QString workspace);
    ~LazyStore();
    LazyStore(const LazyStore &) = delete;
    LazyStore &operator=(const LazyStore &) = delete;

    const QString &workspace() const { return m_workspace; }
    // The open store, opening it on the first call. InvalidInput when no workspace is set.
    Result<Store *> get();
    // The workspace's runs of `kind`, newest first, at most `limit` (0: all): what every stored-run
    // list starts from.
    Result<std::vector<RunRecord>> runs(RunKind kind, int limit,
                                        RunRepository::TrialRuns trialRuns = RunRepository::TrialRuns::Include);

private:
    QString m_workspace;
    std::unique_ptr<Store> m_store;
};

} // namespace loupe
