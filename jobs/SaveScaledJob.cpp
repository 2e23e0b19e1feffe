#include "jobs/SaveScaledJob.h"

#include "core/data/CsvWriter.h"

#include <QFile>
#include <QSaveFile>

namespace loupe {

SaveScaledJob::SaveScaledJob(std::shared_ptr<const Table> table, Scaler scaler, QString csvPath, QString parametersPath,
                             QObject *parent)
    : Job(parent), m_table(std::move(table)), m_scaler(std::move(scaler)), m_csvPath(std::move(csvPath)),
      m_parametersPath(std::move(parametersPath))
{
    Q_ASSERT(m_table);
}

Status SaveScaledJob::writeParameters(const Scaler &scaler, const QString &path)
{
    QSaveFile file(path);
    const std::string text = scaler.toJson().dump(2) + "\n";
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), qint64(text.size())) != qint64(text.size())
        || !file.commit())
        return Status::ioError(path.toStdString() + ": cannot write the scaler parameters ("
                               + file.errorString().toStdString() + ")");
    return Status::ok();
}

Status SaveScaledJob::execute()
{
    reportProgress(0.0, QStringLiteral("writing"));
    if (!m_csvPath.isEmpty()) {
        if (Status written = CsvWriter::writeFile(*m_table, QFile::encodeName(m_csvPath).toStdString()); !written.isOk())
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
