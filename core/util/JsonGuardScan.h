#pragma once
// A single linear pass over JSON text that finds, before any document is built, what would hurt later:
// nesting deeper than a limit and numbers outside the range of a double. It follows the structure well
// enough to name where it is (the member path) at any offset, which JsonReader also uses to place the
// JSON library's own syntax errors. It does not judge the grammar: on malformed text it keeps going as
// best it can and leaves the verdict to the parser.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace loupe {

class JsonGuardScan {
public:
    enum class Finding { None, TooDeep, NumberOutOfRange };

    struct Outcome {
        Finding finding = Finding::None;
        std::size_t offset = 0; // where the finding starts
        std::string token;      // the number's text, for NumberOutOfRange
        std::string path;       // member path of the value there ("tests[0].min"; "(root)" at the top)
    };

    // Scans text[0, stopAt) (the whole text by default); stops at the first finding.
    static Outcome scan(std::string_view text, int maxDepth, std::size_t stopAt = std::string_view::npos);
    // The member path of the value that contains offset.
    static std::string pathAt(std::string_view text, std::size_t offset);

private:
    struct Frame {
        bool isArray = false;
        std::size_t index = 0;
        std::string key;
        bool hasValue = false; // an array that has seen an element, or an object member's key
    };
    static std::string pathOf(const std::vector<Frame> &frames);
};

} // namespace loupe
