#pragma once
// Strict number parsing for command-line values: the whole text must be the number,
// no surrounding spaces, no trailing junk, no NaN or infinity.

#include <QString>

#include <cstdint>
#include <optional>

namespace loupe::cli {

// "-5", "42", "+7"; nullopt for "abc", "1.5", "1e3", "", " 3", or a value that does not fit in int64.
std::optional<std::int64_t> parseInteger(const QString &text);
// "0.5", "-2", "1e-3", ".5"; nullopt for "abc", "nan", "inf", "", "1,5".
std::optional<double> parseNumber(const QString &text);

} // namespace loupe::cli
