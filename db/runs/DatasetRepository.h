#pragma once
// DatasetRepository: the datasets table. Same thread as its Store (see Store.h).

#include "core/util/Status.h"
#include "db/runs/DatasetRecord.h"

#include <optional>
#include <vector>

namespace loupe {

class Store;

class DatasetRepository {
public:
    // requires: `store` outlives the repository.
    explicit DatasetRepository(Store &store) : m_store(store) {}

    // Inserts the dataset identified by (record.path, record.contentHash), or, when that pair is
    // already stored, refreshes its size, row/column counts and schema. Either way loaded_at
    // becomes now. record.id and record.loadedAt are ignored.
    // requires: record.path and record.contentHash non-empty.
    // ensures: the returned id is the stored row's id (stable across re-loads of the same content).
    Result<qint64> upsert(const DatasetRecord &record);

    // ensures: nullopt when no dataset has that id.
    Result<std::optional<DatasetRecord>> find(qint64 id);
    // Every stored dataset, most recently loaded first.
    Result<std::vector<DatasetRecord>> list();

private:
    Store &m_store;
};

} // namespace loupe
