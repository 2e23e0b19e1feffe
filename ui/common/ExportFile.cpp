#include "ui/common/ExportFile.h"

#include "core/util/OutputFile.h"
#include "core/util/OutputPlan.h"

#include <QFile>

namespace loupe {

OutputTarget ExportFile::target(const QString &path, FileAccess access)
{
    return OutputTarget{.parameter = {}, .path = QFile::encodeName(path).toStdString(), .access = access};
}

Status ExportFile::check(const QString &path, const QStringList &inputs)
{
    OutputPlan plan;
    for (const QString &input : inputs)
        if (!input.isEmpty())
            plan.addInput(QFile::encodeName(input).toStdString());
    plan.addOutput(target(path));
    return plan.check();
}

Status ExportFile::write(const QString &path, const QByteArray &bytes, const QStringList &inputs)
{
    if (Status checked = check(path, inputs); !checked.isOk())
        return checked;
    return OutputFile::write(target(path), std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

} // namespace loupe
