#pragma once
// A self-contained HTML page (inline CSS, no scripts, no external resources): a summary line, a table of
// all tests (status, name, assertion, source line, failing count and percent), then one section per test
// that did not pass with the same block the text report prints. Every piece of data is escaped.

#include "core/checks/CheckRunResult.h"

#include <string>

namespace loupe {

class HtmlCheckReport {
public:
    static std::string render(const CheckRunResult &run);
};

} // namespace loupe
