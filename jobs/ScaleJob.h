#pragma once
// Fits a scaler on the training split and scales the table (core/prep/TableScaling.h) on a background
// thread, with each scaled column's statistics before and after for the Prepare page's histograms.
// Emits finished(runId, ScaleResult); a refused fit (test rows) arrives as failed() with its message.

#include "jobs/Job.h"
#include "core/data/ColumnStats.h"
#include "core/prep/TableScaling.h"

#include <QMetaType>

#include <memory>
#include <vector>

namespace loupe {

struct ScaleResult {
    Scaler scaler;
    std::shared_ptr<const Table> scaled; // every row, the chosen columns scaled
    std::size_t trainRows = 0;
    std::size_t testRows = 0;
    std::vector<ColumnStats> before; // one per scaled column, in scaler.columns() order
    std::vector<ColumnStats> after;
};

class ScaleJob : public Job {
    Q_OBJECT
public:
    // requires: table != nullptr
    ScaleJob(std::shared_ptr<const Table> table, ScalingRequest request, QObject *parent = nullptr);

Q_SIGNALS:
    void finished(quint64 runId, const loupe::ScaleResult &result);

protected:
    Status execute() override;
    void emitFinished() override;

private:
    std::shared_ptr<const Table> m_table;
    ScalingRequest m_request;
    ScaleResult m_result;
};

} // namespace loupe

Q_DECLARE_METATYPE(loupe::ScaleResult)
