#pragma once
// Options of CsvReader. The defaults read an RFC 4180 file with a sniffed delimiter, inferred column types
// and all cores.

#include "core/data/ColumnType.h"

#include <cstddef>
#include <map>
#include <string>

namespace loupe {

// What to do with a row whose field count differs from the header's.
enum class BadRowPolicy { Error, Skip };

// Infer: each column gets the narrowest type that reads all of its non-missing values (see CsvReader.h).
// AllStrings: every column is String and holds the raw text of every field (unquoted; nothing is missing).
enum class TypeInference { Infer, AllStrings };

struct CsvOptions {
    char delimiter = 0;                  // 0 = sniff among , ; \t |
    BadRowPolicy badRows = BadRowPolicy::Error;
    TypeInference inference = TypeInference::Infer;
    std::map<std::string, ColumnType> typeOverrides; // column name -> forced type
    std::size_t maxRows = 0;             // 0 = all; otherwise stop after this many data rows (parsed on one thread)
    int threads = 0;                     // 0 = all cores (OpenMP default)
    std::size_t categoricalMaxLevels = 0; // 0 = never infer Categorical; else string columns with at most this many distinct values (and < 50% of rows) become Categorical
    // Target size in bytes of one parallel parse chunk; 0 = chosen from the file size. The split never
    // depends on `threads`, so the same file and options give the same table on any number of threads.
    // Tests set a few bytes here to put chunk edges inside quoted fields.
    std::size_t chunkBytes = 0;
};

} // namespace loupe
