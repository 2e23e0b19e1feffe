#include "core/data/CsvReader.h"

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
    CsvParseRun run(data, displayName, m_options, m_progress, m_cancel);
    return run.run();
}

} // namespace loupe
