#pragma once
// How the engine reports progress: a callback that may ask the engine to stop.
// It is called from the engine's thread; it must not touch any UI.

#include <functional>
#include <string>

namespace loupe {

enum class ProgressAction { Continue, Stop };

struct Progress {
    double fraction = 0.0; // 0..1
    std::string stage;     // short human label, e.g. "parsing"
};

using ProgressSink = std::function<ProgressAction(const Progress &)>;

} // namespace loupe
