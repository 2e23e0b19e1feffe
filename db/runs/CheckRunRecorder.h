#pragma once
// Stores a finished data-check run in the workspace, in one transaction: a 'check' run (config and summary
// JSON, seconds), one check_results row per test (severity, passed, the TOTAL failing count, the test's JSON
// report), and for each failing test up to s_maxStoredFailures check_failures rows (row index, column, cell
// text). Table-level failures store one check_failures row with NULL row and column.
// Same thread rule as Store.

#include "core/checks/CheckRunResult.h"
#include "core/util/Status.h"

#include <QString>

#include <optional>

namespace loupe {

class Store;
class Table;

class CheckRunRecorder {
public:
    static constexpr std::size_t s_maxStoredFailures = 1000;

    // requires: store outlives the recorder and belongs to the calling thread.
    explicit CheckRunRecorder(Store &store) : m_store(store) {}

    // table: the checked table, to store each failing cell's text (nullptr: only the first 20 values the
    // outcome carries are stored). configJson: a JSON object (suite path, data path, options).
    // ensures: on success returns the new run's id, status completed.
    Result<qint64> record(const CheckRunResult &run, const Table *table, std::optional<qint64> datasetId,
                          const QString &configJson);

private:
    Status recordTest(qint64 runId, const CheckTestResult &test, const Table *table);

    Store &m_store;
};

} // namespace loupe
