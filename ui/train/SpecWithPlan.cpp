#include "ui/train/SpecWithPlan.h"

#include "ui/common/RecentFolder.h"

#include "core/train/ModelSpec.h"
#include "core/train/SpecFeatures.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

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
