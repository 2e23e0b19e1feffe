// libFuzzer target for CsvReader (built only with -DLOUPE_BUILD_FUZZ=ON and clang; run by scripts/fuzz.sh).
// The first input byte picks the options; the rest is the CSV text. Besides "no crash, no sanitizer report",
// it checks the reader's promise that the split does not matter: one sequential chunk and tiny parallel
// chunks must give the same table, or the same error message.

#include "core/data/CsvReader.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using namespace loupe;

CsvOptions optionsFor(std::uint8_t control)
{
    static constexpr char kDelimiters[] = {0, ',', ';', '\t'};
    CsvOptions options;
    options.badRows = (control & 1) ? BadRowPolicy::Skip : BadRowPolicy::Error;
    options.inference = (control & 2) ? TypeInference::AllStrings : TypeInference::Infer;
    options.delimiter = kDelimiters[(control >> 2) & 3];
    options.categoricalMaxLevels = (control & 16) ? 3 : 0;
    if (control & 32)
        options.typeOverrides["a"] = ColumnType::Float64; // an error when the header has no "a"
    return options;
}

[[noreturn]] void fail(const char *what, const std::string &detail)
{
    std::fprintf(stderr, "fuzz_csvreader: %s: %s\n", what, detail.c_str());
    std::abort();
}

void compareTables(const Table &a, const Table &b)
{
    if (a.columnCount() != b.columnCount() || a.rowCount() != b.rowCount())
        fail("shape differs", std::to_string(a.rowCount()) + " vs " + std::to_string(b.rowCount()));
    for (std::size_t j = 0; j < a.columnCount(); ++j) {
        const Column &x = a.column(j);
        const Column &y = b.column(j);
        if (x.name() != y.name() || x.type() != y.type() || x.missingCount() != y.missingCount())
            fail("column differs", x.name());
        for (std::size_t i = 0; i < x.size(); ++i)
            if (x.isValid(i) != y.isValid(i) || x.displayAt(i) != y.displayAt(i))
                fail("cell differs", x.name() + " row " + std::to_string(i));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    CsvOptions options = optionsFor(data[0]);
    const std::string_view text(reinterpret_cast<const char *>(data + 1), size - 1);

    options.threads = 1;
    const Result<CsvReadReport> whole = CsvReader(options).readBuffer(text, "fuzz.csv");
    options.threads = 2;
    options.chunkBytes = 1 + (data[0] >> 6) * 5; // 1, 6, 11 or 16 bytes
    const Result<CsvReadReport> split = CsvReader(options).readBuffer(text, "fuzz.csv");

    if (whole.isOk() != split.isOk())
        fail("one read failed", whole.isOk() ? split.message() : whole.message());
    if (!whole.isOk()) {
        if (whole.message() != split.message() || whole.status().code() != split.status().code())
            fail("messages differ", whole.message() + " | " + split.message());
        return 0;
    }
    if (whole.value().skippedRows != split.value().skippedRows || whole.value().delimiter != split.value().delimiter)
        fail("report differs", "skipped rows or delimiter");
    compareTables(whole.value().table, split.value().table);
    return 0;
}
