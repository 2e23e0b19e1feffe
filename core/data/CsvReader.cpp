#include "core/data/CsvReader.h"

#include <algorithm>

#include "core/data/CsvParseRun.h"
#include "core/data/MappedFile.h"

namespace loupe {

CsvReader::CsvReader(CsvOptions options) : m_options(std::move(options)) {}

Result<CsvReadReport> CsvReader::readFile(const std::string &path) const
{
    Result<MappedFile> file = MappedFile::open(path);
    if (!file.isOk())
        return file.status();
    return readBuffer(file.value().view(), path);
}

Result<CsvReadReport> CsvReader::readBuffer(std::string_view data, const std::string &displayName) const
{
    // A NUL byte near the start means a binary file (or UTF-16 text), which would otherwise be
    // reported as whatever quoting or width error its bytes happen to make. Skipping bad rows was
    // asked for, so there such rows are skipped and counted like any other bad row.
    constexpr std::size_t kBinaryProbeBytes = 64 * 1024;
    const std::string_view head = data.substr(0, std::min(data.size(), kBinaryProbeBytes));
    const std::size_t nul = m_options.badRows == BadRowPolicy::Error ? head.find('\0') : std::string_view::npos;
    if (nul != std::string_view::npos) {
        const std::size_t line = 1 + static_cast<std::size_t>(std::count(head.begin(), head.begin() + nul, '\n'));
        const std::size_t lineStart = head.rfind('\n', nul == 0 ? 0 : nul - 1);
        const std::size_t column = lineStart == std::string_view::npos || lineStart >= nul ? nul + 1 : nul - lineStart;
        return Status::invalidInput(displayName + ":" + std::to_string(line) + ":" + std::to_string(column)
                                    + ": not a text CSV file (byte offset " + std::to_string(nul)
                                    + " is a NUL byte: a binary file, or text saved as UTF-16; save it as UTF-8 CSV)");
    }
    CsvParseRun run(data, displayName, m_options, m_progress, m_cancel);
    return run.run();
}

} // namespace loupe
