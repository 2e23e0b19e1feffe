#pragma once
// Reads back the per-test results a check run stored (CheckRunRecorder writes them): what the
// Checks page's history shows. Same thread as its Store.

#include "core/util/Status.h"

#include <QString>

#include <vector>

namespace loupe {

class Store;

struct CheckResultRecord {
    qint64 id = 0;
    QString testName;
    QString severity;     // "error" or "warn"
    bool passed = false;
    qint64 failureCount = 0;
    QString reportJson;   // JsonCheckReport::testJson of the test (at most 1000 failing rows)
};

class CheckResultRepository {
public:
    // requires: `store` outlives the repository.
    explicit CheckResultRepository(Store &store) : m_store(store) {}

    // The run's tests in suite order (the order they were stored in); empty for an unknown run.
    Result<std::vector<CheckResultRecord>> list(qint64 runId);

private:
    Store &m_store;
};

} // namespace loupe
