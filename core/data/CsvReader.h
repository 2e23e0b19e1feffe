#pragma once
// RFC 4180 CSV reader: quoted fields, doubled quotes, embedded newlines, CRLF/LF, UTF-8 BOM,
// delimiter sniffing, type inference with per-column overrides, parallel parsing of a memory-mapped file,
// progress and cancellation. Bad input comes back as a Status whose message names file, line and column
// (1-based, line counted in physical lines of the file), never a crash or a silent fix.

#include "core/data/CsvOptions.h"
#include "core/data/Table.h"
#include "core/util/CancellationToken.h"
#include "core/util/ProgressSink.h"
#include "core/util/Status.h"

#include <string>
#include <string_view>

namespace loupe {

struct CsvReadReport {
    Table table;
    std::size_t skippedRows = 0;   // rows dropped under BadRowPolicy::Skip
    char delimiter = ',';
    double seconds = 0.0;
};

class CsvReader {
public:
    explicit CsvReader(CsvOptions options = {});

    void setProgressSink(ProgressSink sink) { m_progress = std::move(sink); }
    void setCancellationToken(const CancellationToken *token) { m_cancel = token; }

    Result<CsvReadReport> readFile(const std::string &path) const;
    // displayName is used in error messages in place of a path.
    Result<CsvReadReport> readBuffer(std::string_view data, const std::string &displayName = "<buffer>") const;

private:
    CsvOptions m_options;
    ProgressSink m_progress;
    const CancellationToken *m_cancel = nullptr;
};

} // namespace loupe
