#pragma once
// How numbers, counts and durations read in the UI. One place, so every page agrees.

#include "core/data/ColumnType.h"

#include <QString>

namespace loupe {

// 1234567 -> "1,234,567"
QString formatCount(quint64 count);
// Whole numbers in full with thousands separators ("1,000,000", "-3"); others with up to 7
// significant digits, no trailing zeros ("0.125", "500000.5", "1.234568e+20"); NaN -> "NaN".
QString formatNumber(double value);
// "0.42 s", "12.3 s", "850 ms"
QString displaySeconds(double seconds);
// A duration to the second, as a clock reads: "12 s", "1:05", "1:02:05"; "—" when negative or unknown.
QString formatDuration(double seconds);
// A statistic (min, max, mean) of a column in the column's own terms: dates for DateTime
// (nanoseconds since the epoch), false/true for the extremes of a Bool column, numbers otherwise.
QString formatStatistic(double value, ColumnType type);
// A spread (standard deviation) in the column's own terms: a duration for DateTime, a number otherwise.
QString formatSpread(double value, ColumnType type);
// "42 (4.2 %)"
QString formatCountWithShare(quint64 count, quint64 total);

} // namespace loupe
