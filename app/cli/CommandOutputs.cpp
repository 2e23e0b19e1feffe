#include "app/cli/CommandOutputs.h"

#include "app/cli/CliContext.h"
#include "db/store/ConnectionSpec.h"

namespace loupe::cli {

CommandOutputs::CommandOutputs(CliContext &context) : m_context(context)
{
    if (!context.workspace().isEnabled())
        return;
    auto spec = ConnectionSpec::parse(context.workspace().location());
    if (spec.isOk() && spec.value().backend == StoreBackend::Sqlite && !spec.value().isInMemory())
        m_plan.addInput(toNativePath(spec.value().filePath));
}

void CommandOutputs::addInput(const QString &path)
{
    m_plan.addInput(toNativePath(path));
}

OutputTarget CommandOutputs::addOutput(const QString &parameter, const QString &path, FileAccess access,
                                       StreamUse stream)
{
    OutputTarget target{.parameter = toUtf8(parameter), .path = toNativePath(path), .access = access, .stream = stream,
                        .standardOutput = &m_context.out()};
    if (target.isStandardOutput() && m_context.isJson() && m_streamedWithJson.isEmpty())
        m_streamedWithJson = parameter;
    m_plan.addOutput(target);
    return target;
}

Status CommandOutputs::check() const
{
    if (!m_streamedWithJson.isEmpty())
        return Status::invalidInput(toUtf8(m_streamedWithJson)
                                    + " -: with --json standard output carries the JSON answer; give a file path "
                                      "or drop --json");
    return m_plan.check();
}

} // namespace loupe::cli
