#pragma once
// A one-line progress display for long commands in text mode: "LABEL... 42%" on stderr, rewritten
// in place whenever the whole percentage changes, ended with a newline when the object goes away.
// Never used with --json (stdout stays one document; this writes to stderr anyway).

#include "core/util/ProgressSink.h"

#include <ostream>
#include <string>

namespace loupe::cli {

class ProgressLine {
public:
    // requires: err outlives this object and every sink() it hands out.
    ProgressLine(std::ostream &err, std::string label);
    ~ProgressLine();
    ProgressLine(const ProgressLine &) = delete;
    ProgressLine &operator=(const ProgressLine &) = delete;

    // A sink that prints and always answers Continue. Valid while this object lives.
    ProgressSink sink();

private:
    std::ostream &m_err;
    std::string m_label;
    int m_shown = -1;
};

} // namespace loupe::cli
