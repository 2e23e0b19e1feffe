#pragma once
// One kind of data test ("between", "after", "unique", ...). Implementations are stateless and const, so one
// instance serves every test of every suite and may run on several threads at once.
//
// Contract:
//   - name(): the "assert" value in the suite ("between"); lower case, words joined by '_'.
//   - parameters(): the keys this assertion reads from the test object besides the common keys every test
//     has (name, assert, locals, note, severity, mostly, description). The suite parser rejects any other key,
//     naming the closest accepted one. List "column" / "columns" here when you use them.
//   - validate(): called once per test BEFORE any test runs, with the locals already computed. Check every
//     parameter (presence, kind, range, that columns exist and have a usable type) through AssertionParams
//     and return Status::invalidInput naming the parameter ("parameter 'min': ..."). The runner turns a
//     failure into a bad-suite error "suite.json:12: test 'x' (between): <your message>".
//   - evaluate(): requires validate() returned ok for the same params and table. Examine the whole table and
//     return an AssertionOutcome with ALL failing rows (see AssertionOutcome.h). Poll cancel (may be null)
//     now and then on long scans; when it is set, return any outcome (the runner discards it).
//     Skip missing values unless the assertion is about missing values; do not count skipped values in
//     checkedCount. Never throw; never print.
//   - `mostly` and `severity` are the runner's business: report every failing row regardless.
//   - register the class with ONE line in core/checks/BuiltinAssertions.cpp.

#include "core/checks/AssertionOutcome.h"
#include "core/checks/AssertionParams.h"
#include "core/util/CancellationToken.h"
#include "core/util/Status.h"

#include <string_view>
#include <vector>

namespace loupe {

class Table;

class Assertion {
public:
    virtual ~Assertion() = default;
    virtual std::string_view name() const = 0;
    // One line for docs and the GUI's form ("values lie between min and max").
    virtual std::string_view summary() const = 0;
    virtual std::vector<std::string_view> parameters() const = 0;
    virtual Status validate(const Table &table, const AssertionParams &params) const = 0;
    virtual AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                                      const CancellationToken *cancel) const = 0;
    // Scheduling only: the cost of evaluate() relative to one pass over one column of the same table (1 for
    // a plain row scan). The runner starts the most expensive tests first, so its workers finish together
    // instead of one of them picking up a long test last. requires: validate() returned ok.
    virtual double relativeCost(const AssertionParams &) const { return 1.0; }
};

} // namespace loupe
