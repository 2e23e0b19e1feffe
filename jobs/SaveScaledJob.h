#pragma once
// Writes a scaled table as CSV (CsvWriter: temporary file, then rename) and, when a parameters path is
// given, the scaler's fitted parameters as JSON (same discipline), on a background thread.
// Emits finished(runId, csvPath).

#include "jobs/Job.h"
#include "core/prep/Scaler.h"

#include <memory>

namespace loupe {

class SaveScaledJob : public Job {
    Q_OBJECT
public:
    // requires: table != nullptr. Either path may be empty (nothing written there).
    SaveScaledJob(std::shared_ptr<const Table> table, Scaler scaler, QString csvPath, QString parametersPath,
                  QObject *parent = nullptr);

    // Writes the scaler's JSON to `path` through a temporary file. IoError naming the path.
    static Status writeParameters(const Scaler &scaler, const QString &path);

Q_SIGNALS:
    void finished(quint64 runId, const QString &csvPath);

protected:
    Status execute() override;
    void emitFinished() override;

private:
    std::shared_ptr<const Table> m_table;
    Scaler m_scaler;
    QString m_csvPath;
    QString m_parametersPath;
};

} // namespace loupe
