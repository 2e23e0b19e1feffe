#pragma once
// Scans a table for personal data on a background thread (PiiScanner with progress and Cancel), audits
// k-anonymity when quasi-identifier columns are given, and records a 'scan' run in the workspace when one
// is set. Emits finished(runId, PiiScanOutcome). The table is shared read-only with the UI thread.

#include "jobs/Job.h"
#include "core/data/Table.h"
#include "core/privacy/KAnonymity.h"
#include "core/privacy/PiiScanReport.h"

#include <QMetaType>
#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace loupe {

enum class PiiJobMode {
    ScanAndAudit, // scan every selected column, audit k-anonymity when quasiColumns is set, record the run
    AuditOnly,    // only the k-anonymity audit; nothing recorded
};

struct PiiScanRequest {
    std::shared_ptr<const Table> table;
    PiiJobMode mode = PiiJobMode::ScanAndAudit;
    std::vector<std::string> columns;      // empty: all
    std::size_t maxFindings = 5000;
    std::size_t maxFindingsPerColumn = 500; // so one column full of findings leaves room for the others
    std::vector<std::string> quasiColumns; // empty: no k-anonymity audit
    std::size_t k = 5;
    QString workspace;                     // empty: not recorded
    qint64 datasetId = -1;                 // the workspace's dataset id, -1 when unknown
};

struct PiiScanOutcome {
    PiiScanReport report;
    std::optional<KAnonymityReport> kAnonymity;
    QString kAnonymityError;  // why the audit could not run, empty otherwise
    qint64 recordedRunId = -1;
    QString workspaceNote;    // why the run was not recorded, empty otherwise
};

class PiiScanJob : public Job {
    Q_OBJECT

public:
    // requires: request.table != nullptr
    explicit PiiScanJob(PiiScanRequest request, QObject *parent = nullptr);

Q_SIGNALS:
    void finished(quint64 runId, const loupe::PiiScanOutcome &outcome);

protected:
    Status execute() override;
    void emitFinished() override;

private:
    void record();

    PiiScanRequest m_request;
    PiiScanOutcome m_outcome;
};

} // namespace loupe

Q_DECLARE_METATYPE(loupe::PiiScanOutcome)
