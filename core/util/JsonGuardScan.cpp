#include "core/util/JsonGuardScan.h"

#include <cmath>
#include <cstdlib>
#include <limits>

namespace loupe {

namespace {

bool isNumberChar(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// Index one past the closing quote of the string that starts at text[begin] == '"' (text.size() when
// unterminated).
std::size_t stringEnd(std::string_view text, std::size_t begin)
{
    for (std::size_t i = begin + 1; i < text.size(); ++i) {
        if (text[i] == '\\')
            ++i;
        else if (text[i] == '"')
            return i + 1;
    }
    return text.size();
}

bool overflowsDouble(std::string_view token)
{
    const std::string copy(token);
    char *end = nullptr;
    const double value = std::strtod(copy.c_str(), &end);
    return end != copy.c_str() && std::isinf(value);
}

} // namespace

std::string JsonGuardScan::pathOf(const std::vector<Frame> &frames)
{
    std::string path;
    for (const Frame &frame : frames) {
        if (!frame.hasValue)
            break; // an empty container: the path ends at the container
        if (frame.isArray) {
            path += "[" + std::to_string(frame.index) + "]";
        } else {
            if (!path.empty())
                path += '.';
            path += frame.key;
        }
    }
    return path.empty() ? std::string("(root)") : path;
}

JsonGuardScan::Outcome JsonGuardScan::scan(std::string_view text, int maxDepth, std::size_t stopAt)
{
    Outcome outcome;
    std::vector<Frame> frames;
    bool expectingKey = false;
    const std::size_t end = stopAt < text.size() ? stopAt : text.size();
    // An array frame's hasValue turns on at its first element, so the path names "[0]" while inside it.
    const auto startValue = [&frames]() {
        if (!frames.empty() && frames.back().isArray)
            frames.back().hasValue = true;
    };
    std::size_t i = 0;
    while (i < end) {
        const char c = text[i];
        switch (c) {
        case '{':
        case '[':
            startValue();
            if (static_cast<int>(frames.size()) >= maxDepth) {
                outcome.finding = Finding::TooDeep;
                outcome.offset = i;
                outcome.path = pathOf(frames);
                return outcome;
            }
            frames.push_back(Frame{c == '[', 0, {}, false});
            expectingKey = c == '{';
            ++i;
            break;
        case '}':
        case ']':
            if (!frames.empty())
                frames.pop_back();
            expectingKey = false;
            ++i;
            break;
        case ',':
            if (!frames.empty()) {
                if (frames.back().isArray)
                    ++frames.back().index;
                else
                    expectingKey = true;
            }
            ++i;
            break;
        case ':':
            expectingKey = false;
            ++i;
            break;
        case '"': {
            const std::size_t close = stringEnd(text, i);
            if (expectingKey && !frames.empty() && !frames.back().isArray) {
                frames.back().key.assign(text.substr(i + 1, close > i + 1 ? close - i - 2 : 0));
                frames.back().hasValue = true;
            } else {
                startValue();
            }
            i = close;
            break;
        }
        default:
            if (c == '-' || (c >= '0' && c <= '9')) {
                startValue();
                std::size_t j = i;
                while (j < text.size() && isNumberChar(text[j]))
                    ++j;
                if (overflowsDouble(text.substr(i, j - i))) {
                    outcome.finding = Finding::NumberOutOfRange;
                    outcome.offset = i;
                    outcome.token.assign(text.substr(i, std::min<std::size_t>(j - i, 40)));
                    outcome.path = pathOf(frames);
                    return outcome;
                }
                i = j;
            } else {
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                    startValue();
                ++i;
            }
            break;
        }
    }
    outcome.path = pathOf(frames);
    return outcome;
}

std::string JsonGuardScan::pathAt(std::string_view text, std::size_t offset)
{
    return scan(text, std::numeric_limits<int>::max(), offset).path;
}

} // namespace loupe
