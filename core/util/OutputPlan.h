#pragma once
// The guard every writer goes through: the files one command (or one GUI save) reads and the files
// it writes, checked together before any work, so a mistake costs nothing and destroys nothing.
//
// An output is refused when
//   - its path is empty                        "--params-out: the output path is empty; give a file name"
//   - it is "-" and standard output is not accepted for it
//   - it is a directory, a device, a FIFO or a socket (stat() after following symbolic links);
//     "-" is the way to ask for standard output
//   - its directory does not exist or is not writable
//   - it is the same file as an input: same device and inode after following symbolic links, so a
//     symbolic or hard link to the input is caught, not only the same spelling
//                                          "-o data.csv: is the same file as the input data.csv; ..."
//   - it is the same file as another output of the plan (also when neither exists yet: same
//     directory, same name), or both are "-"
// Inputs that do not exist are ignored here (the command reports them when it reads them).
// POSIX only, no Qt: core, db, jobs, the CLI and the GUI all use it.

#include "core/util/OutputTarget.h"
#include "core/util/Status.h"

#include <string>
#include <vector>

namespace loupe {

class OutputPlan {
public:
    // A file the command reads (as the user typed it).
    void addInput(std::string path);
    void addOutput(OutputTarget target);

    // ensures: ok when every output may be written; else InvalidInput for the first problem, its
    // message starting with the output's label() and saying what to do instead.
    Status check() const;

    // The checks on one output alone (every rule above but the comparisons). OutputFile repeats
    // them when it opens, since the file system may have changed since the plan was checked.
    static Status checkTarget(const OutputTarget &target);

private:
    std::vector<std::string> m_inputs;
    std::vector<OutputTarget> m_outputs;
};

} // namespace loupe
