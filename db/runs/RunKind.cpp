#include "db/runs/RunKind.h"

#include <array>

namespace loupe {
namespace {

constexpr std::array<RunKind, 7> s_kinds{RunKind::Load,  RunKind::Train, RunKind::LrFind,  RunKind::Search,
                                         RunKind::Check, RunKind::Scan,  RunKind::Snapshot};

} // namespace

QString runKindName(RunKind kind)
{
    switch (kind) {
    case RunKind::Load: return QStringLiteral("load");
    case RunKind::Train: return QStringLiteral("train");
    case RunKind::LrFind: return QStringLiteral("lr-find");
    case RunKind::Search: return QStringLiteral("search");
    case RunKind::Check: return QStringLiteral("check");
    case RunKind::Scan: return QStringLiteral("scan");
    case RunKind::Snapshot: return QStringLiteral("snapshot");
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<RunKind> runKindFromName(const QString &name)
{
    for (RunKind kind : s_kinds) {
        if (runKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

} // namespace loupe
