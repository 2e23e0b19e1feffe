#pragma once
// The functions an expression may call (internal to core/checks): their arity, whether the first
// argument names a column (aggregates), and their evaluation on already-evaluated arguments.

#include "core/checks/CheckValue.h"
#include "core/checks/ExpressionContext.h"
#include "core/util/Status.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace loupe {

class Column;

enum class ArgumentKind { Values, ColumnFirst };

struct ExpressionFunction {
    std::string_view name;
    std::size_t minArgs;
    std::size_t maxArgs;
    ArgumentKind arguments;
    std::string_view signature; // for hints, e.g. "quantile(column, q)"
};

class ExpressionFunctions {
public:
    // nullptr when there is no function called name.
    static const ExpressionFunction *find(std::string_view name);
    // "abs, count, date, ..." sorted, for error hints.
    static std::string knownNames();

    // Non-aggregate functions. requires: args.size() within the function's arity.
    // Errors are plain messages (the caller adds the expression text and column).
    static Result<CheckValue> callScalar(const ExpressionFunction &function,
                                         const std::vector<CheckValue> &args,
                                         const ExpressionContext &context);

    // Aggregates. column is nullptr only for count(); extra holds the evaluated arguments after the column.
    static Result<CheckValue> callAggregate(const ExpressionFunction &function, const Column *column,
                                            std::size_t rowCount, const std::vector<CheckValue> &extra);
};

} // namespace loupe
