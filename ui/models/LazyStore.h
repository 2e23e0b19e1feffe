#pragma once
// A workspace Store opened on first use and kept open: what the stored-run lists of the pages
// (training, lr-find, snapshot runs) share. Lives on the UI thread.
#include "core/util/Status.h"

#include <QString>

#include <memory>

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

private:
    QString m_workspace;
    std::unique_ptr<Store> m_store;
};

} // namespace loupe
