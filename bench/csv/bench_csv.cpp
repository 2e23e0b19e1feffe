// Loads a CSV with CsvReader and prints one JSON line: rows, columns, seconds, column types.
// Usage: bench_csv FILE [--threads N] [--repeat N]   (best of N loads is printed)

#include "core/data/CsvReader.h"
#include "core/util/Timer.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_csv FILE [--threads N] [--repeat N]\n");
        return 2;
    }
    loupe::CsvOptions options;
    int repeat = 1;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--threads") == 0)
            options.threads = std::atoi(argv[i + 1]);
        else if (std::strcmp(argv[i], "--repeat") == 0)
            repeat = std::max(1, std::atoi(argv[i + 1]));
    }
    const loupe::CsvReader reader(options);
    double best = 1e300;
    std::string summary;
    for (int r = 0; r < repeat; ++r) {
        loupe::Timer timer;
        loupe::Result<loupe::CsvReadReport> result = reader.readFile(argv[1]);
        const double seconds = timer.seconds();
        if (!result.isOk()) {
            std::fprintf(stderr, "%s\n", result.message().c_str());
            return 2;
        }
        best = std::min(best, seconds);
        const loupe::Table &table = result.value().table;
        summary = "\"rows\": " + std::to_string(table.rowCount()) + ", \"columns\": " + std::to_string(table.columnCount())
                  + ", \"types\": {";
        for (std::size_t j = 0; j < table.columnCount(); ++j)
            summary += std::string(j ? ", " : "") + "\"" + table.column(j).name() + "\": \""
                       + std::string(loupe::columnTypeName(table.column(j).type())) + "\"";
        summary += "}";
    }
    std::printf("{%s, \"seconds\": %.4f}\n", summary.c_str(), best);
    return 0;
}
