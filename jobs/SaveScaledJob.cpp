#include "jobs/SaveScaledJob.h"

#include "core/data/CsvWriter.h"
#include "core/util/OutputFile.h"
#include "core/util/OutputPlan.h"

#include <QFile>

namespace loupe {

namespace {

OutputTarget scaledOutputTarget(const QString &path)
{
    return OutputTarget{.parameter = {}, .path = QFile::encodeName(path).toStdString()};
}

} // namespace

SaveScaledJob::SaveScaledJob(std::shared_ptr<const Table> table, Scaler scaler, QString csvPath, QString parametersPath,
                             QString sourcePath, QObject *parent)
    : Job(parent), m_table(std::move(table)), m_scaler(std::move(scaler)), m_csvPath(std::move(csvPath)),
      m_parametersPath(std::move(parametersPath)), m_sourcePath(std::move(sourcePath))
{
    Q_ASSERT(m_table);
}

Status SaveScaledJob::writeParameters(const Scaler &scaler, const QString &path)
{
    return OutputFile::write(scaledOutputTarget(path), scaler.toJson().dump(2) + "\n");
}

Status SaveScaledJob::execute()
{
    reportProgress(0.0, QStringLiteral("writing"));
    OutputPlan plan;
    if (!m_sourcePath.isEmpty())
        plan.addInput(QFile::encodeName(m_sourcePath).toStdString());
    for (const QString &path : {m_csvPath, m_parametersPath})
        if (!path.isEmpty())
            plan.addOutput(scaledOutputTarget(path));
    if (Status checked = plan.check(); !checked.isOk())
        return checked;
    if (!m_csvPath.isEmpty()) {
        if (Status written = CsvWriter::writeFile(*m_table, scaledOutputTarget(m_csvPath)); !written.isOk())
            return written;
    }
    if (!m_parametersPath.isEmpty()) {
        if (Status written = writeParameters(m_scaler, m_parametersPath); !written.isOk())
            return written;
    }
    reportProgress(1.0, QStringLiteral("writing"));
    return Status::ok();
}

void SaveScaledJob::emitFinished()
{
    Q_EMIT finished(runId(), m_csvPath);
}

} // namespace loupe
