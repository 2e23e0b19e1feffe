#include "core/checks/report/CheckReportText.h"

#include "core/checks/report/NoteWrapper.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace loupe {

std::string formatPercent(double percent)
{
    char buf[32];
    if (percent >= 10.0 || percent == 0.0)
        std::snprintf(buf, sizeof buf, "%.1f%%", percent);
    else if (percent >= 0.01)
        std::snprintf(buf, sizeof buf, "%.2f%%", percent);
    else
        std::snprintf(buf, sizeof buf, "%.2g%%", percent);
    return buf;
}

std::string formatSeconds(double seconds)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", seconds);
    return buf;
}

std::string escapeMarkup(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r')
                out += "\xEF\xBF\xBD";
            else
                out += c;
        }
    }
    return out;
}

namespace {

std::vector<std::string> splitLines(std::string_view text)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = text.find('\n', start);
        std::string line(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        lines.push_back(std::move(line));
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    return lines;
}

void appendRows(std::string &out, const CheckTestResult &test)
{
    const AssertionOutcome &outcome = test.outcome;
    if (outcome.tableLevel) {
        if (!outcome.observed.empty())
            out += "\tobserved: " + outcome.observed + "\n";
        return;
    }
    for (std::size_t i = 0; i < outcome.offendingValues.size() && i < outcome.failingRows.size(); ++i)
        out += "\trow " + std::to_string(outcome.failingRows[i]) + ": " + outcome.offendingValues[i] + "\n";
    const std::size_t shown = std::min(outcome.offendingValues.size(), outcome.failingRows.size());
    if (outcome.failingRows.size() > shown)
        out += "\t... and " + std::to_string(outcome.failingRows.size() - shown) + " more rows\n";
    out += "\tfailing: " + std::to_string(outcome.failingCount()) + " of " + std::to_string(outcome.checkedCount)
           + " values (" + formatPercent(test.failingPercent()) + ")";
    if (test.mostly) {
        out += "; mostly " + CheckValue::number(*test.mostly).display() + " needs at least "
               + formatPercent(*test.mostly * 100.0) + " passing";
    }
    out += "\n";
}

void appendSource(std::string &out, const CheckTestResult &test, const std::string &suitePath)
{
    out += "\nSource (" + (suitePath.empty() ? std::string("suite") : suitePath) + "):\n";
    std::vector<std::string> lines = splitLines(test.definition);
    std::size_t indent = std::string::npos;
    for (const std::string &line : lines) {
        const std::size_t first = line.find_first_not_of(" \t");
        if (first != std::string::npos)
            indent = std::min(indent, first);
    }
    if (indent == std::string::npos)
        indent = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        char number[24];
        std::snprintf(number, sizeof number, "%4zu", test.line + i);
        out += (i == 0 ? " > " : "   ") + std::string(number) + " "
               + (lines[i].size() > indent ? lines[i].substr(indent) : std::string()) + "\n";
    }
}

} // namespace

std::string failureDetails(const CheckTestResult &test, const std::string &suitePath)
{
    std::string out = test.outcome.message.empty() ? std::string("the assertion failed") : test.outcome.message;
    out += "\n";
    appendRows(out, test);
    appendSource(out, test, suitePath);
    bool header = false;
    for (const auto &[name, value] : test.locals) {
        if (!name.empty() && name[0] == '_')
            continue;
        if (!header) {
            out += "Locals:\n";
            header = true;
        }
        out += "\t" + name + " = " + value.repr() + "\n";
    }
    if (!test.note.empty()) {
        out += "Note:\n";
        for (const std::string &line : NoteWrapper::wrap(test.note))
            out += line.empty() ? "\n" : "\t" + line + "\n";
    }
    return out;
}

std::string summaryVerdict(const CheckRunResult &run)
{
    const std::size_t failures = run.failureCount();
    const std::size_t warnings = run.warningCount();
    if (failures == 0)
        return warnings == 0 ? "OK" : "OK (warnings=" + std::to_string(warnings) + ")";
    std::string text = "FAILED (failures=" + std::to_string(failures);
    if (warnings > 0)
        text += ", warnings=" + std::to_string(warnings);
    return text + ")";
}

} // namespace loupe
