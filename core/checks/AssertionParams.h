#pragma once
// The parameters of one test as an assertion sees them: the test's JSON object, the computed locals and
// the run's environment (the clock and the data file). Assertions read their parameters ONLY through this
// class, so every suite gets the same literal and local rules and the same error messages.
//
// How a parameter is written in the suite (docs/checks.md):
//   - a JSON number, string, bool or array, used as it is;
//   - a date/time literal: a string DateTimeParser reads ("1900-01-01", "2024-03-01T12:00:00Z");
//   - a duration literal: a string "<number><unit>" with unit ns, us, ms, s, m, h, d, w ("30d", "1.5h");
//   - a reference to a local: a string that is exactly "{name}" (braces around a local's name, no spaces).
//     Any other string containing braces is literal text (so a regex "\\d{3}" stays a regex).
// Errors name the parameter ("parameter 'min': expected a number or a datetime, got string 'abc'"); the
// runner prefixes the suite file, line and test name.

#include "core/checks/CheckValue.h"
#include "core/util/Status.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loupe {

class Column;
class Table;

// Named values computed before the test runs, in definition order.
using CheckLocals = std::vector<std::pair<std::string, CheckValue>>;

struct CheckEnvironment {
    std::int64_t nowNanos = 0; // "today()"/"now" for Past/Future/Lag checks, fixed for the whole run
    std::string dataPath;      // the checked file ("" when the table did not come from a file)
};

class AssertionParams {
public:
    // requires: spec is a JSON object; locals and env outlive this object.
    AssertionParams(const nlohmann::json &spec, const CheckLocals &locals, const CheckEnvironment &env);

    const nlohmann::json &spec() const { return m_spec; }
    const CheckLocals &locals() const { return m_locals; }
    const CheckEnvironment &environment() const { return m_env; }
    bool has(std::string_view key) const;

    // The parameter as a scalar: literals keep their JSON kind (a string stays a String even if it looks
    // like a date); a "{name}" reference gives the local's value. Fails if absent, an array/object, or an
    // unknown local.
    Result<CheckValue> value(std::string_view key) const;
    // A scalar coerced for comparisons against a column of the given kind: strings are read as datetime
    // or duration literals when wanted is DateTime / Duration. Fails naming the parameter otherwise.
    Result<CheckValue> valueAs(std::string_view key, CheckValueKind wanted) const;
    Result<double> number(std::string_view key) const;
    Result<double> numberOr(std::string_view key, double fallback) const;
    Result<std::int64_t> integer(std::string_view key) const; // a whole number
    Result<std::int64_t> dateTime(std::string_view key) const;
    Result<std::int64_t> duration(std::string_view key) const;
    Result<std::string> string(std::string_view key) const;
    // A bool parameter; fallback when absent (e.g. "strict" defaults to true as in marbles).
    Result<bool> flag(std::string_view key, bool fallback) const;
    // An array of strings (or one string, or a "{name}" local holding a string).
    Result<std::vector<std::string>> stringList(std::string_view key) const;

    // The column named by parameter key (default "column"). Fails naming the parameter and listing the
    // table's columns when it does not exist.
    Result<const Column *> column(const Table &table, std::string_view key = "column") const;
    // The columns named by an array parameter (default "columns"); same error rules.
    Result<std::vector<const Column *>> columns(const Table &table, std::string_view key = "columns") const;

    // The local name a "{name}" string refers to; nullopt when the string is not a reference.
    static std::optional<std::string> referencedLocal(std::string_view text);
    // The computed local of that name, or nullptr.
    const CheckValue *local(std::string_view name) const;

private:
    Result<CheckValue> resolve(std::string_view key, const nlohmann::json &value) const;

    const nlohmann::json &m_spec;
    const CheckLocals &m_locals;
    const CheckEnvironment &m_env;
};

// Parses "<number><unit>" (ns, us, ms, s, m, h, d, w) into nanoseconds; false when not a duration literal.
bool parseDurationLiteral(std::string_view text, std::int64_t &nanos);

} // namespace loupe
