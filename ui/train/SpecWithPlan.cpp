#include "ui/train/SpecWithPlan.h"

#include "ui/common/RecentFolder.h"

#include "core/train/ModelSpec.h"
#include "core/train/SpecFeatures.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace loupe {

Result<QString> SpecWithPlan::compose(const QString &specText, const TrainingDataRequest &request,
                                      const std::optional<ScalingMethod> &scaling)
{
    auto spec = ModelSpec::parse(specText.toStdString(), "model spec");
    if (!spec.isOk())
        return spec.status();
    if (request.source == TrainingDataRequest::Source::Table)
        spec.value().features = SpecFeatures::fromRequest(request);
    if (scaling)
        spec.value().scaling = *scaling;
    return QString::fromStdString(spec.value().toJsonText()) + QLatin1Char('\n');
}

QString SpecWithPlan::saveWithDialog(QWidget *parent, const QString &specJson, const QString &workspace,
                                     QString &savedPath)
{
    savedPath.clear();
    auto spec = ModelSpec::parse(specJson.toStdString(), "model spec");
    const QString name = spec.isOk() ? QString::fromStdString(spec.value().name) : QStringLiteral("model");
    const QString path = RecentFolder::getSaveFileName(parent, FolderPurpose::Specs, tr("Save model spec"),
                                                       proposedPath(workspace, name),
                                                       tr("Model specs (*.json);;All files (*)"));
    if (path.isEmpty())
        return QString();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(specJson.toUtf8()) < 0 || !file.commit())
        return tr("Not saved: %1: %2").arg(path, file.errorString());
    savedPath = path;
    return QString();
}

QString SpecWithPlan::proposedPath(const QString &workspace, const QString &specName)
{
    const QString workspaceFolder = workspace.isEmpty() || workspace.contains(QStringLiteral("://"))
                                        ? QDir::homePath()
                                        : QFileInfo(workspace).absolutePath();
    QString name = specName;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]+")), QStringLiteral("-"));
    if (name.isEmpty())
        name = QStringLiteral("model");
    return QDir(RecentFolder::folder(FolderPurpose::Specs, workspaceFolder)).filePath(name + QStringLiteral(".json"));
}

} // namespace loupe
