// libFuzzer target for check suites: SuiteParser::parseText, then CheckRunner::run of a parsed suite on a
// small fixed table, so the assertions' own parameter readers (bounds, sets, patterns, quantiles, locals'
// expressions) see hostile values too. The input is the suite's JSON text. Properties: no crash; an
// error message starts with the suite's name; a parsed suite has one result per test.

#include "FuzzSupport.h"

#include "core/checks/CheckRunner.h"
#include "core/checks/SuiteParser.h"
#include "core/data/CsvReader.h"

namespace {

constexpr const char *kTarget = "fuzz_suiteparser";
constexpr std::string_view kSource = "fuzz-suite.json";

// Columns of every type the assertions read: int, float, string, category, datetime (with and
// without a zone), bool, with missing cells.
constexpr std::string_view kTableCsv = "id,amount,name,kind,when,stamp,flag\n"
                                       "1,10.5,alice,a,2024-01-02,2024-01-02T03:04:05Z,true\n"
                                       "2,-3,bob,b,2024-02-03,2024-02-03T03:04:05+01:00,false\n"
                                       "3,,carol 489-22-6615,a,,2024-03-04T00:00:00Z,\n"
                                       "3,1e3,,c,2023-12-31,,true\n";

const loupe::Table &fixedTable()
{
    static const loupe::Table table = [] {
        loupe::CsvOptions options;
        options.threads = 1;
        loupe::Result<loupe::CsvReadReport> read = loupe::CsvReader(options).readBuffer(kTableCsv, "fixed.csv");
        if (!read.isOk())
            loupe::fuzz::fail(kTarget, "the fixed table does not read", read.message());
        return read.value().table;
    }();
    return table;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace loupe;
    const Result<CheckSuite> suite = SuiteParser::parseText(fuzz::asText(data, size), std::string(kSource));
    if (!suite.isOk()) {
        if (!fuzz::startsWith(suite.message(), kSource))
            fuzz::fail(kTarget, "message does not start with the suite's name", suite.message());
        return 0;
    }
    CheckRunOptions options;
    options.nowNanos = 1'700'000'000'000'000'000;
    options.threads = 1;
    const Result<CheckRunResult> run = CheckRunner::run(suite.value(), fixedTable(), options);
    if (!run.isOk()) {
        if (!fuzz::startsWith(run.message(), kSource))
            fuzz::fail(kTarget, "run message does not start with the suite's name", run.message());
        return 0;
    }
    if (run.value().tests.size() != suite.value().tests.size())
        fuzz::fail(kTarget, "result count differs from test count", std::to_string(run.value().tests.size()));
    return 0;
}
