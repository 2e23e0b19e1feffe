#pragma once
// The tour's debugging steps, run on the simulated transactions after they are loaded (DemoTour::steps()
// appends them). Each writes its files into the tour's directory, adds them with DemoState::addFile and
// returns a one-line note. Findings are what the demo is there to show: a failing data test or a PII
// finding is reported in the note and the files, never as a failed step.
//   check        runs DemoSuite (written to suite.json) and writes check-report.txt/.json/.html
//   pii          scans every column; writes pii.json (the document `loupe-cli pii --json` prints)
//   sufficiency  target is_fraud, no model spec; writes sufficiency.json
//   search       40 TPE trials on branin in memory with the tour's seed; writes search.json
// requires: state.table holds the loaded transactions (the load step ran) for check, pii, sufficiency.

#include "app/cli/DemoTour.h"

#include <string>

namespace loupe::cli {

class DemoDebugSteps {
public:
    static constexpr int searchTrials = 40;

    static Result<std::string> check(DemoState &state);
    static Result<std::string> pii(DemoState &state);
    static Result<std::string> sufficiency(DemoState &state);
    static Result<std::string> search(DemoState &state);
};

} // namespace loupe::cli
