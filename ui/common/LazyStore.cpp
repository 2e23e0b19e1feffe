#include "ui/common/LazyStore.h"

#include "db/store/Store.h"

namespace loupe {

LazyStore::LazyStore(QString workspace) : m_workspace(std::move(workspace)) { }

LazyStore::~LazyStore() = default;

Result<Store *> LazyStore::get()
{
    if (m_workspace.isEmpty())
        return Status::invalidInput("no workspace is open");
    if (!m_store) {
        auto opened = Store::open(m_workspace);
        if (!opened.isOk())
            return opened.status();
        m_store = opened.takeValue();
    }
    return m_store.get();
}

Result<std::vector<RunRecord>> LazyStore::runs(RunKind kind, int limit, RunRepository::TrialRuns trialRuns)
{
    auto opened = get();
    if (!opened.isOk())
        return opened.status();
    return RunRepository(*opened.value()).listRuns(kind, limit, trialRuns);
}

} // namespace loupe
