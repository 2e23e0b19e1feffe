#pragma once
// Writes one output file so that it is never seen half written and never destroys what it replaces
// by accident. Every file Loupe writes goes through here (CSV data, reports, scaler parameters,
// weights, the GUI's exports).
//
//   OutputFile file(target);
//   if (Status s = file.open(); !s.isOk()) return s;
//   file.stream() << ...;
//   return file.commit();
//
// open() repeats OutputPlan::checkTarget (no directory, device, FIFO or socket is ever replaced) and
// creates a temporary file with a unique name next to the target, ".NAME.XXXXXX" (O_EXCL), so two
// writers of the same output never share one. A new file is created 0600 (FileAccess::OwnerOnly) or
// 0666 minus the umask (Shared); a replaced file keeps its mode (and, where allowed, its owner).
// commit() flushes, fsyncs the file, renames it over the target (a symbolic link is followed: its
// target is replaced, the link stays) and fsyncs the directory. Any failure, and destroying the
// object before commit(), removes the temporary file and leaves the target untouched. Two writers
// racing on one target leave one whole file, the last one renamed. A process killed between open()
// and commit() can leave its ".NAME.XXXXXX" behind; the target is untouched.
// With "-" (target.isStandardOutput()) the bytes go to the target's standardOutput stream instead.
// Messages start with target.label() ("-o data.csv: ...").

#include "core/util/FileDescriptorBuffer.h"
#include "core/util/OutputTarget.h"
#include "core/util/Status.h"

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace loupe {

class OutputFile {
public:
    explicit OutputFile(OutputTarget target);
    ~OutputFile();
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;

    // ensures: ok and stream() writable, or the target's problem (InvalidInput) or an IoError.
    Status open();
    // requires: open() succeeded.
    std::ostream &stream();
    // ensures: ok when the target now holds everything written; else IoError and the target untouched.
    // requires: open() succeeded.
    Status commit();
    // Removes the temporary file; the target is untouched. Done by the destructor when not committed.
    void discard();

    // The temporary file while one is open (empty for standard output or after commit/discard).
    const std::string &temporaryPath() const { return m_temporary; }
    const OutputTarget &target() const { return m_target; }

    // open(), write `bytes`, commit().
    static Status write(const OutputTarget &target, std::string_view bytes);

private:
    Status fail(const std::string &why);
    Status createTemporary(const std::string &directory, const std::string &name);
    Status matchReplacedFile(const std::string &destination);

    OutputTarget m_target;
    std::string m_destination; // the target after following symbolic links
    std::string m_temporary;
    int m_fd = -1;
    std::unique_ptr<FileDescriptorBuffer> m_buffer;
    std::unique_ptr<std::ostream> m_stream;
};

} // namespace loupe
