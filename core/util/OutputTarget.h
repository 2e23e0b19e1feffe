#pragma once
// One file a command is about to write, as the user named it: the parameter that named it (for
// messages), the path, who may read the file when it is new, and whether "-" (standard output) is
// accepted instead of a file. OutputPlan checks targets; OutputFile writes one.

#include <ostream>
#include <string>

namespace loupe {

// Who may read a file the writer creates. A replaced file always keeps its own mode.
enum class FileAccess {
    OwnerOnly, // 0600: data, masks, scaled data, reports, parameters: anything that can hold personal data
    Shared,    // 0666 minus the umask (usually 0644): model weights, meant to be deployed and shared
};

enum class StreamUse {
    Refused, // "-" is refused (this output is binary or one of several)
    Allowed, // "-" writes to standard output instead of a file
};

struct OutputTarget {
    std::string parameter; // how messages name it: "-o", "--params-out"; empty for a GUI save dialog
    std::string path;      // the file (symbolic links are followed); "-" = standard output when allowed
    FileAccess access = FileAccess::OwnerOnly;
    StreamUse stream = StreamUse::Refused;
    std::ostream *standardOutput = nullptr; // where "-" goes; nullptr: std::cout

    bool isStandardOutput() const { return stream == StreamUse::Allowed && path == "-"; }
    // "-o data.csv", or the path alone without a parameter; messages start with it.
    std::string label() const { return parameter.empty() ? path : parameter + " " + path; }
};

} // namespace loupe
