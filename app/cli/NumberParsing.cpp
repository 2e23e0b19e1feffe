#include "app/cli/NumberParsing.h"

#include <charconv>
#include <cmath>
#include <string>

namespace loupe::cli {

namespace {
// from_chars does not take a leading '+'; a person typing "+3" means 3.
std::string withoutPlus(const QString &text)
{
    std::string bytes = text.toStdString();
    if (bytes.size() > 1 && bytes.front() == '+' && bytes[1] != '-' && bytes[1] != '+')
        bytes.erase(0, 1);
    return bytes;
}
} // namespace

std::optional<std::int64_t> parseInteger(const QString &text)
{
    const std::string bytes = withoutPlus(text);
    if (bytes.empty())
        return std::nullopt;
    std::int64_t value = 0;
    const char *end = bytes.data() + bytes.size();
    const auto [ptr, ec] = std::from_chars(bytes.data(), end, value, 10);
    if (ec != std::errc() || ptr != end)
        return std::nullopt;
    return value;
}

std::optional<double> parseNumber(const QString &text)
{
    const std::string bytes = withoutPlus(text);
    if (bytes.empty())
        return std::nullopt;
    double value = 0.0;
    const char *end = bytes.data() + bytes.size();
    const auto [ptr, ec] = std::from_chars(bytes.data(), end, value, std::chars_format::general);
    if (ec != std::errc() || ptr != end || !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace loupe::cli
