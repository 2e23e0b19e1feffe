#pragma once
// What a stored run did; stored as runs.kind TEXT (the CHECK constraint lists the same names).

#include <QString>

#include <optional>

namespace loupe {

enum class RunKind { Load, Train, LrFind, Search, Check, Scan, Snapshot };

// "load", "train", "lr-find", "search", "check", "scan", "snapshot"
QString runKindName(RunKind kind);
// ensures: nullopt for a name not listed above.
std::optional<RunKind> runKindFromName(const QString &name);

} // namespace loupe
