#pragma once
// Proposes the feature plan of a loaded table (FeaturePlanner::propose) on a background thread:
// distinct counts, the identifier check and the personal-data sample take about 0.1 s per column
// of 1M rows, too long for the UI thread. Emits finished(runId, FeaturePlan); failed(message) for
// an unknown target or column name; cancelled() when superseded (polled between columns).
// The table is shared read-only with the UI thread.

#include "jobs/Job.h"

#include "core/data/Table.h"
#include "core/train/FeaturePlanner.h"

#include <QMetaType>

#include <memory>

namespace loupe {

class FeaturePlanJob : public Job {
    Q_OBJECT
public:
    // requires: table != nullptr
    FeaturePlanJob(std::shared_ptr<const Table> table, FeaturePlanOptions options, QObject *parent = nullptr);

Q_SIGNALS:
    void finished(quint64 runId, const loupe::FeaturePlan &plan);

protected:
    Status execute() override;
    void emitFinished() override;

private:
    std::shared_ptr<const Table> m_table;
    FeaturePlanOptions m_options;
    FeaturePlan m_plan;
};

} // namespace loupe

Q_DECLARE_METATYPE(loupe::FeaturePlan)
