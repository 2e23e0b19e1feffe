#pragma once
// The files one loupe-cli command reads and writes, checked together (core/util/OutputPlan) before the
// command does any work: an output that is an input (also through a link), two outputs that are one
// file, a special file, an empty path or a missing directory is exit 2 with a message naming the
// option and the path. The workspace file the command may record into counts as an input, so no
// output can replace it. "-" (standard output) is written to the context's stdout stream; it is
// refused with --json, whose one JSON document already owns stdout.

#include "core/util/OutputPlan.h"

#include <QString>

namespace loupe::cli {

class CliContext;

class CommandOutputs {
public:
    explicit CommandOutputs(CliContext &context);

    void addInput(const QString &path);
    // parameter as messages name it ("-o", "--params-out"). Returns the target to write later.
    OutputTarget addOutput(const QString &parameter, const QString &path, FileAccess access,
                           StreamUse stream = StreamUse::Refused);
    // ensures: ok, or InvalidInput for the first problem.
    Status check() const;

private:
    CliContext &m_context;
    OutputPlan m_plan;
    QString m_streamedWithJson; // the parameter given "-" together with --json
};

} // namespace loupe::cli
