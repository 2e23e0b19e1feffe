#include "db/store/WorkspaceLocation.h"

#include <QDir>
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

} // namespace loupe
