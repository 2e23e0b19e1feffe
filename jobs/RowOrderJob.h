#pragma once
// Sorts and filters a table's rows (RowOrdering) on a background thread, for the Data page.
// Emits finished(runId, RowOrder) with the rows to show; failed(runId, message) when the query cannot run
// (an operand that does not read as the column's type); cancelled(runId) when superseded or stopped.
// The table is shared read-only with the UI thread.

#include "jobs/Job.h"
#include "jobs/RowOrder.h"

namespace loupe {

class RowOrderJob : public Job {
    Q_OBJECT
public:
    // requires: table != nullptr.
    RowOrderJob(std::shared_ptr<const Table> table, RowQuery query, QObject *parent = nullptr);

Q_SIGNALS:
    void finished(quint64 runId, const loupe::RowOrder &order);

protected:
    Status execute() override;
    void emitFinished() override;

private:
    std::shared_ptr<const Table> m_table;
    RowQuery m_query;
    RowOrder m_result;
};

} // namespace loupe
