#include "core/data/CsvSniffer.h"

#include <algorithm>
#include <array>
#include <vector>

namespace loupe {

namespace {

// Field counts of the complete records of sample (a record cut by the sample's end is dropped unless
// the sample is the whole rest of the text).
std::vector<std::size_t> fieldCounts(std::string_view sample, bool sampleIsWhole, char delimiter)
{
    std::vector<std::size_t> counts;
    bool quoted = false;
    std::size_t fields = 1;
    std::size_t recordBytes = 0;
    for (std::size_t i = 0; i < sample.size() && counts.size() < CsvSniffer::kSampleRecords; ++i) {
        const char c = sample[i];
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && c == delimiter) {
            ++fields;
        } else if (!quoted && c == '\n') {
            const bool blank = recordBytes == 0 || (recordBytes == 1 && sample[i - 1] == '\r');
            if (!blank)
                counts.push_back(fields);
            fields = 1;
            recordBytes = 0;
            continue;
        }
        ++recordBytes;
    }
    if (sampleIsWhole && recordBytes > 0 && !quoted && counts.size() < CsvSniffer::kSampleRecords)
        counts.push_back(fields);
    return counts;
}

} // namespace

char CsvSniffer::sniffDelimiter(std::string_view text, std::size_t begin)
{
    static constexpr std::array<char, 4> kCandidates{',', ';', '\t', '|'};
    const std::string_view sample = text.substr(begin, kSampleBytes);
    const bool whole = begin + sample.size() == text.size();
    char best = ',';
    std::size_t bestScore = 0;
    std::size_t bestFields = 0;
    for (const char candidate : kCandidates) {
        const std::vector<std::size_t> counts = fieldCounts(sample, whole, candidate);
        if (counts.empty() || counts.front() <= 1)
            continue;
        const auto score = static_cast<std::size_t>(std::count(counts.begin(), counts.end(), counts.front()));
        if (score > bestScore || (score == bestScore && counts.front() > bestFields)) {
            best = candidate;
            bestScore = score;
            bestFields = counts.front();
        }
    }
    return best;
}

} // namespace loupe
