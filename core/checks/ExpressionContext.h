#pragma once
// What an expression can see when it is evaluated: the data (for aggregates), the current instant
// (fixed by the caller so that runs and tests are reproducible) and the locals computed so far.

#include "core/checks/CheckValue.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace loupe {

class Table;

struct ExpressionContext {
    // Aggregates (min(col), count(), ...) read this table. nullptr: every aggregate is an error.
    const Table *table = nullptr;
    // The instant "now", ns since 1970 UTC. now() returns it; today() returns its date at 00:00 UTC.
    std::int64_t now = 0;
    // Locals by name, as computed so far (a suite evaluates its locals in order, adding each one here).
    std::map<std::string, CheckValue, std::less<>> locals;
};

} // namespace loupe
