#include "core/checks/report/JunitCheckReport.h"

#include "core/checks/report/CheckReportText.h"
#include "core/data/DateTime.h"

namespace loupe {

std::string JunitCheckReport::render(const CheckRunResult &run)
{
    const std::string suite = escapeMarkup(run.suiteName);
    const std::string tests = std::to_string(run.tests.size());
    const std::string failures = std::to_string(run.failureCount());
    const std::string time = formatSeconds(run.seconds);
    std::string timestamp = formatDateTime(run.nowNanos - run.nowNanos % kNanosPerSecond);
    if (timestamp.size() == 10)
        timestamp += " 00:00:00";
    timestamp[10] = 'T';

    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<testsuites name=\"" + suite + "\" tests=\"" + tests + "\" failures=\"" + failures
           + "\" errors=\"0\" skipped=\"0\" time=\"" + time + "\">\n";
    out += "  <testsuite name=\"" + suite + "\" tests=\"" + tests + "\" failures=\"" + failures
           + "\" errors=\"0\" skipped=\"0\" time=\"" + time + "\" timestamp=\"" + timestamp + "\">\n";
    for (const CheckTestResult &test : run.tests) {
        out += "    <testcase classname=\"" + suite + "\" name=\"" + escapeMarkup(test.name) + "\" time=\""
               + formatSeconds(test.seconds) + "\"";
        if (test.status == CheckTestStatus::Passed) {
            out += "/>\n";
            continue;
        }
        out += ">\n";
        const std::string details = escapeMarkup(failureDetails(test, run.suitePath));
        if (test.status == CheckTestStatus::Failed) {
            out += "      <failure message=\"" + escapeMarkup(test.outcome.message) + "\" type=\""
                   + escapeMarkup(test.assertion) + "\">" + details + "</failure>\n";
        } else {
            out += "      <system-out>WARNING: " + details + "</system-out>\n";
        }
        out += "    </testcase>\n";
    }
    out += "  </testsuite>\n</testsuites>\n";
    return out;
}

} // namespace loupe
