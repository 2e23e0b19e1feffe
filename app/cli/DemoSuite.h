#pragma once
// The data-test suite the headless tour runs over its simulated transactions, compiled into loupe-cli.
// The same text ships as resources/examples/transactions/suite.json for `loupe-cli check` and the GUI.

#include <string_view>

namespace loupe::cli {

class DemoSuite {
public:
    // The suite's JSON text (docs/checks.md), exactly the bytes of the shipped file.
    static std::string_view text();
    // The name the suite's file has in the tour's output directory and in its reports.
    static constexpr std::string_view fileName = "suite.json";
};

} // namespace loupe::cli
