#pragma once
#include "core/data/ColumnType.h"

#include <map>
#include <string>

namespace loupe {

// What to do with a row whose field count differs from the header's.
enum class BadRowPolicy { Error, Skip };
enum class TypeInference { Infer, AllStrings };

struct CsvOptions {
    char delimiter = 0;                  // 0 = sniff among , ; \t |
    BadRowPolicy badRows = BadRowPolicy::Error;
    TypeInference inference = TypeInference::Infer;
    std::map<std::string, ColumnType> typeOverrides; // column name -> forced type
    std::size_t maxRows = 0;             // 0 = all; otherwise stop after this many data rows
    int threads = 0;                     // 0 = all cores (OpenMP default)
    std::size_t categoricalMaxLevels = 0; // 0 = never infer Categorical; else string columns with at most this many distinct values (and < 50% of rows) become Categorical
};

} // namespace loupe
