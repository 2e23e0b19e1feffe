#include "core/checks/report/TextCheckReport.h"

#include "core/checks/report/CheckReportText.h"

namespace loupe {

std::string TextCheckReport::render(const CheckRunResult &run)
{
    const std::string heavy(70, '=');
    const std::string light(70, '-');
    std::string out;
    for (const CheckTestResult &test : run.tests)
        out += test.status == CheckTestStatus::Passed ? '.' : (test.status == CheckTestStatus::Failed ? 'F' : 'W');
    out += "\n";
    for (CheckTestStatus kind : {CheckTestStatus::Failed, CheckTestStatus::Warning}) {
        for (const CheckTestResult &test : run.tests) {
            if (test.status != kind)
                continue;
            out += heavy + "\n";
            out += std::string(kind == CheckTestStatus::Failed ? "FAIL: " : "WARN: ") + test.name + " ("
                   + test.assertion + ", " + (run.suitePath.empty() ? std::string("suite") : run.suitePath) + ":"
                   + std::to_string(test.line) + ")\n";
            out += light + "\n";
            out += failureDetails(test, run.suitePath);
            out += "\n";
        }
    }
    out += light + "\n";
    out += "Ran " + std::to_string(run.tests.size()) + (run.tests.size() == 1 ? " test" : " tests") + " in "
           + formatSeconds(run.seconds) + "s\n\n";
    out += summaryVerdict(run) + "\n";
    return out;
}

} // namespace loupe
