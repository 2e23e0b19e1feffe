#include "db/store/WorkspaceLocation.h"

#include "db/store/ConnectionSpec.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace loupe {

QString WorkspaceLocation::defaultPath()
{
    // GenericDataLocation + "/loupe" is AppDataLocation for an application named "loupe",
    // whatever the running executable or QCoreApplication::applicationName is.
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath();
    return QDir(base).filePath(QStringLiteral("loupe/workspace.sqlite"));
}

QString WorkspaceLocation::resolve(const QString &commandLineValue)
{
    if (!commandLineValue.trimmed().isEmpty())
        return commandLineValue.trimmed();
    const QString fromEnvironment = qEnvironmentVariable("LOUPE_DB").trimmed();
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return defaultPath();
}

Status WorkspaceLocation::checkFolder(const QString &location)
{
    auto spec = ConnectionSpec::parse(location);
    if (!spec.isOk() || spec.value().backend != StoreBackend::Sqlite || spec.value().isInMemory())
        return Status::ok();
    const QFileInfo file(spec.value().filePath);
    if (file.absoluteFilePath() == QFileInfo(defaultPath()).absoluteFilePath())
        return Status::ok();
    const QFileInfo folder(file.absolutePath());
    if (!folder.exists())
        return Status::invalidInput("workspace '" + spec.value().filePath.toStdString() + "': the folder '"
                                    + folder.filePath().toStdString()
                                    + "' does not exist; create it first (only the default workspace's folder is "
                                      "created)");
    if (!folder.isDir())
        return Status::invalidInput("workspace '" + spec.value().filePath.toStdString() + "': '"
                                    + folder.filePath().toStdString() + "' is not a folder");
    return Status::ok();
}

} // namespace loupe
