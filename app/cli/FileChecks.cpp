#include "app/cli/FileChecks.h"

#include <QDir>
#include <QFileInfo>

namespace loupe::cli {

namespace {
Status fileError(const QString &message)
{
    return Status::invalidInput(message.toStdString());
}
} // namespace

Status checkReadableFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fileError(QStringLiteral("%1: no such file").arg(path));
    if (info.isDir())
        return fileError(QStringLiteral("%1: is a directory, not a file").arg(path));
    if (!info.isReadable())
        return fileError(QStringLiteral("%1: not readable (permission denied)").arg(path));
    return Status::ok();
}

Status ensureDirectory(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists() && !info.isDir())
        return fileError(QStringLiteral("%1: exists and is not a directory").arg(path));
    if (!QDir().mkpath(path))
        return fileError(QStringLiteral("%1: cannot create the directory").arg(path));
    if (!QFileInfo(path).isWritable())
        return fileError(QStringLiteral("%1: the directory is not writable").arg(path));
    return Status::ok();
}

} // namespace loupe::cli
