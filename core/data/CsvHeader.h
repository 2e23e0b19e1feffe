#pragma once
// Reads and checks the header record of a CSV text: every name non-empty, unique and valid UTF-8.

#include "core/data/CsvFault.h"
#include "core/data/CsvTokenizer.h"

#include <optional>
#include <string>
#include <vector>

namespace loupe {

class CsvHeader {
public:
    // Reads the record at pos (requires pos < text size, not on a blank line) into names.
    // ensures: without a fault, pos is just past the header record and names holds one name per field.
    static std::optional<CsvFault> read(const CsvTokenizer &tokenizer, std::size_t &pos,
                                        std::vector<std::string> &names);
};

} // namespace loupe
