#pragma once
// Builds the sufficiency report (core/train/SufficiencyAnalyzer.h) of a table on a background thread.
// Emits finished(runId, SufficiencyReport). The table is shared read-only with the UI thread.

#include "jobs/Job.h"
#include "core/train/SufficiencyAnalyzer.h"

#include <QMetaType>

#include <memory>

namespace loupe {

class SufficiencyJob : public Job {
    Q_OBJECT
public:
    // requires: table != nullptr
    SufficiencyJob(std::shared_ptr<const Table> table, SufficiencyOptions options, QObject *parent = nullptr);

Q_SIGNALS:
    void finished(quint64 runId, const loupe::SufficiencyReport &report);

protected:
    Status execute() override;
    void emitFinished() override;

private:
    std::shared_ptr<const Table> m_table;
    SufficiencyOptions m_options;
    SufficiencyReport m_result;
};

} // namespace loupe

Q_DECLARE_METATYPE(loupe::SufficiencyReport)
