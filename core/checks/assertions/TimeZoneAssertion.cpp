#include "core/checks/assertions/TimeZoneAssertion.h"

#include "core/checks/RowScan.h"
#include "core/data/DateTimeParser.h"
#include "core/data/Table.h"

namespace loupe {

namespace {

bool isZoneDigit(char c) { return c >= '0' && c <= '9'; }

int twoDigits(std::string_view text, std::size_t at) { return (text[at] - '0') * 10 + (text[at + 1] - '0'); }

std::string zoneText(std::optional<int> minutes)
{
    if (!minutes)
        return "no zone";
    if (*minutes == 0)
        return "UTC";
    const int a = *minutes < 0 ? -*minutes : *minutes;
    std::string text = *minutes < 0 ? "-" : "+";
    text += std::to_string(a / 60 / 10) + std::to_string(a / 60 % 10) + ":" + std::to_string(a % 60 / 10)
            + std::to_string(a % 10);
    return text;
}

} // namespace

bool TimeZoneAssertion::parseZone(std::string_view text, int &minutes)
{
    if (text == "Z" || text == "UTC" || text == "z" || text == "utc") {
        minutes = 0;
        return true;
    }
    if (text.size() < 3 || (text[0] != '+' && text[0] != '-') || !isZoneDigit(text[1]) || !isZoneDigit(text[2]))
        return false;
    int hours = twoDigits(text, 1);
    int mins = 0;
    std::string_view rest = text.substr(3);
    if (!rest.empty() && rest[0] == ':')
        rest.remove_prefix(1);
    if (!rest.empty()) {
        if (rest.size() != 2 || !isZoneDigit(rest[0]) || !isZoneDigit(rest[1]))
            return false;
        mins = twoDigits(rest, 0);
    }
    if (hours > 23 || mins > 59)
        return false;
    minutes = (hours * 60 + mins) * (text[0] == '-' ? -1 : 1);
    return true;
}

std::optional<int> TimeZoneAssertion::offsetMinutes(std::string_view text)
{
    if (text.size() <= 10)
        return std::nullopt;
    std::size_t i = 11; // after "YYYY-MM-DD" and the 'T' or ' '
    while (i < text.size() && (isZoneDigit(text[i]) || text[i] == ':' || text[i] == '.'))
        ++i;
    const std::string_view zone = text.substr(i);
    int minutes = 0;
    if (zone.empty() || !parseZone(zone, minutes))
        return std::nullopt;
    return minutes;
}

std::string_view TimeZoneAssertion::name() const
{
    switch (m_kind) {
    case Kind::Present: return "timezone_present";
    case Kind::Absent: return "timezone_absent";
    case Kind::Equal: return "timezone_equal";
    case Kind::NotEqual: return "timezone_not_equal";
    case Kind::Utc: return "timezone_utc";
    case Kind::Consistent: break;
    }
    return "timezone_consistent";
}

std::string_view TimeZoneAssertion::summary() const
{
    switch (m_kind) {
    case Kind::Present: return "every datetime text carries a zone";
    case Kind::Absent: return "no datetime text carries a zone";
    case Kind::Equal: return "every datetime text carries the zone";
    case Kind::NotEqual: return "no datetime text carries the zone";
    case Kind::Utc: return "every datetime text is in UTC";
    case Kind::Consistent: break;
    }
    return "every datetime text carries the same zone";
}

std::vector<std::string_view> TimeZoneAssertion::parameters() const
{
    if (m_kind == Kind::Equal || m_kind == Kind::NotEqual)
        return {"column", "zone"};
    return {"column"};
}

Status TimeZoneAssertion::validate(const Table &table, const AssertionParams &params) const
{
    Result<const Column *> column = params.column(table);
    if (!column.isOk())
        return column.status();
    if (column.value()->type() == ColumnType::DateTime)
        return Status::invalidInput("parameter 'column': column '" + column.value()->name()
                                    + "' was read as datetime, which converts every offset to UTC; load it as string "
                                      "to check its time zones");
    if (column.value()->type() != ColumnType::String)
        return Status::invalidInput("parameter 'column': column '" + column.value()->name() + "' is "
                                    + std::string(columnTypeName(column.value()->type()))
                                    + "; time-zone checks need datetime text in a string column");
    if (m_kind == Kind::Equal || m_kind == Kind::NotEqual) {
        Result<std::string> zone = params.string("zone");
        if (!zone.isOk())
            return zone.status();
        int minutes = 0;
        if (!parseZone(zone.value(), minutes))
            return Status::invalidInput("parameter 'zone': '" + zone.value()
                                        + "' is not a zone (write Z, UTC or an offset such as +02:00)");
    }
    return Status::ok();
}

AssertionOutcome TimeZoneAssertion::evaluate(const Table &table, const AssertionParams &params,
                                             const CancellationToken *cancel) const
{
    if (Status s = validate(table, params); !s.isOk())
        return AssertionOutcome::tableFailure(s.message());
    const Column &column = *params.column(table).value();
    int wanted = 0;
    if (m_kind == Kind::Equal || m_kind == Kind::NotEqual)
        parseZone(params.string("zone").value(), wanted);
    bool haveFirst = false;
    std::optional<int> first;
    RowScanResult scan = scanValidRows(
        column,
        [&](std::size_t row) {
            const std::string_view text = column.stringAt(row);
            std::int64_t nanos = 0;
            if (!DateTimeParser::parse(text, nanos))
                return true;
            const std::optional<int> zone = offsetMinutes(text);
            switch (m_kind) {
            case Kind::Present: return !zone.has_value();
            case Kind::Absent: return zone.has_value();
            case Kind::Equal: return zone != wanted;
            case Kind::NotEqual: return zone == wanted;
            case Kind::Utc: return zone != 0;
            case Kind::Consistent: break;
            }
            if (!haveFirst) {
                haveFirst = true;
                first = zone;
            }
            return zone != first;
        },
        cancel);
    std::string what;
    switch (m_kind) {
    case Kind::Present: what = "carry no time zone (or are not datetimes)"; break;
    case Kind::Absent: what = "carry a time zone (or are not datetimes)"; break;
    case Kind::Equal: what = "are not in zone " + zoneText(wanted) + " (or are not datetimes)"; break;
    case Kind::NotEqual: what = "are in zone " + zoneText(wanted) + " (or are not datetimes)"; break;
    case Kind::Utc: what = "are not in UTC (or are not datetimes)"; break;
    case Kind::Consistent: what = "are not in the first value's zone, " + zoneText(first) + " (or are not datetimes)"; break;
    }
    return AssertionOutcome::fromRows(column, std::move(scan.failingRows), scan.checked, what);
}

} // namespace loupe
