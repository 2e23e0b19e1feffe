#pragma once
// Writes a scaled table as CSV and, when a parameters path is given, the scaler's fitted parameters as
// JSON, on a background thread, through core/util/OutputFile (unique temporary file, fsync, rename; new
// files 0600: both hold values of the data). Both are checked first (OutputPlan): neither may be the
// dataset the table came from, nor the other one, nor a directory, device or FIFO.
// Emits finished(runId, csvPath).

#include "jobs/Job.h"
#include "core/prep/Scaler.h"

#include <memory>

namespace loupe {

class SaveScaledJob : public Job {
    Q_OBJECT
public:
    // requires: table != nullptr. Either path may be empty (nothing written there). sourcePath: the
    // file the table was read from (never replaced); may be empty.
    SaveScaledJob(std::shared_ptr<const Table> table, Scaler scaler, QString csvPath, QString parametersPath,
                  QString sourcePath, QObject *parent = nullptr);

    // Writes the scaler's JSON to `path` through OutputFile. The message names the path.
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
    QString m_sourcePath;
};

} // namespace loupe
