#pragma once
// What one assertion found on one table. Produced by Assertion::evaluate; the runner applies `mostly` and
// the severity on top (an assertion never looks at them).
//
// Row-level outcome: failingRows holds EVERY failing row (0-based data-row index, as the Data page shows,
// ascending), offendingValues the display text of the first kMaxShownValues of them (same order), and
// checkedCount the number of values that were examined (missing values skipped by the assertion are not
// counted). The message reads "N of M values in <column> <what>", e.g.
// "1 of 1 values in ceo_birth are not strictly after 1888-07-02".
// Table-level outcome (row count, column set, mean between, ...): tableLevel is true, failingRows empty,
// observed holds the measured value as text, and mostly does not apply.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace loupe {

class Column;

// Whether a failing cell's own text may be shown or stored beyond the values the assertion made.
//   Raw:    a reader may fall back to the column's text for rows past offendingValues.
//   Masked: only the assertion's (masked) values may appear; personal data stays out of every
//           report and stored row (no_pii).
enum class CellDisclosure { Raw, Masked };

struct AssertionOutcome {
    static constexpr std::size_t kMaxShownValues = 20;

    bool passed = true;
    bool tableLevel = false;
    std::string message;                 // "" when passed
    std::vector<std::uint64_t> failingRows;
    std::vector<std::string> offendingValues; // display text of failingRows[0..19]
    std::uint64_t checkedCount = 0;
    std::vector<std::string> columns;    // the columns the failing cells are in (for highlighting)
    std::string observed;                // table-level: the measured value ("mean = 3.5")
    // The bound(s) in the column's numeric view (Column::numericAt units: ns for datetimes), for plots.
    std::optional<double> lowerBound;
    std::optional<double> upperBound;
    CellDisclosure disclosure = CellDisclosure::Raw;

    std::uint64_t failingCount() const { return failingRows.size(); }

    // A passing outcome over checked values of the given columns.
    static AssertionOutcome pass(std::uint64_t checked, std::vector<std::string> columns = {});
    // A row-level outcome: passed iff rows is empty. Fills offendingValues from column (first 20) and the
    // message "N of M values in <column> <what>". requires: rows ascending and < column.size().
    static AssertionOutcome fromRows(const Column &column, std::vector<std::uint64_t> rows, std::uint64_t checked,
                                     const std::string &what);
    // A row-level outcome with caller-made values (multi-column checks: "a=3, b=1"); values may hold fewer
    // entries than rows (only the first 20 are kept). message is used as it is.
    static AssertionOutcome fromRowValues(std::vector<std::uint64_t> rows, std::vector<std::string> values,
                                          std::uint64_t checked, std::vector<std::string> columns,
                                          std::string message);
    // A table-level failure with the measured value and a full message.
    static AssertionOutcome tableFailure(std::string message, std::string observed = {},
                                         std::vector<std::string> columns = {});
    // A table-level pass with the measured value (shown in JSON reports).
    static AssertionOutcome tablePass(std::string observed = {}, std::vector<std::string> columns = {});
};

} // namespace loupe
