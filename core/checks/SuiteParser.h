#pragma once
// Reads a suite file (docs/checks.md) into a CheckSuite, checking everything that does not need the data:
// JSON syntax, known keys (with the closest accepted key as a hint), known assertions (closest name),
// severity, mostly, locals' syntax, and that every {field} of a note names a local.
// Errors read "suite.json:12: test 'ceo_age': unknown assertion 'aftr' (did you mean 'after'?)".
// Column names, parameter values and locals' values are checked by CheckRunner::prepare against the data.

#include "core/checks/AssertionRegistry.h"
#include "core/checks/CheckSuite.h"
#include "core/util/Status.h"

#include <string>
#include <string_view>

namespace loupe {

class SuiteParser {
public:
    static Result<CheckSuite> parseFile(const std::string &path,
                                        const AssertionRegistry &registry = AssertionRegistry::builtin());
    // displayPath names the text in messages (a file path, or e.g. "<editor>").
    static Result<CheckSuite> parseText(std::string_view text, const std::string &displayPath,
                                        const AssertionRegistry &registry = AssertionRegistry::builtin());
};

// The {name} fields of a note, in order ("{{" and "}}" are literal braces). Fails on an unclosed brace.
Result<std::vector<std::string>> noteFields(std::string_view note);
// Fills {name} fields from values; requires: noteFields(note) succeeded and every field has a value.
std::string formatNote(std::string_view note, const std::vector<std::pair<std::string, std::string>> &values);

} // namespace loupe
