#include "core/privacy/PiiScanner.h"

#include "core/data/DateTime.h"
#include "core/privacy/ColumnNameHints.h"
#include "core/privacy/IdentifierDetector.h"
#include "core/privacy/PersonNameDetector.h"
#include "core/privacy/PiiMasker.h"
#include "core/privacy/PiiTextScanner.h"
#include "core/util/Timer.h"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <ctime>

namespace loupe {

namespace {

struct Task {
    std::size_t column = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
};

struct TaskResult {
    std::array<std::size_t, kPiiKindCount> counts{};
    std::size_t cellsWithPii = 0;
    std::size_t found = 0;
    std::vector<PiiFinding> findings; // first maxFindings of the task
    std::vector<std::string> examples;
};

// How one column is read.
struct ColumnPlan {
    bool scanned = false;
    PiiTextScanner scanner;
    std::vector<std::vector<PiiSpan>> categorySpans; // Categorical: spans of each label
    PersonNameVerdict personName;                    // a column of names: its name-shaped cells are findings
};

class ScanRun {
public:
    ScanRun(const Table &table, const PiiScanOptions &options) : m_table(table), m_options(options) {}

    void scanTask(const Task &task, TaskResult &result) const;
    std::vector<ColumnPlan> plans;

private:
    void record(TaskResult &result, std::size_t row, std::size_t column, const PiiSpan &span,
                std::string_view text) const;
    void scanText(std::string_view text, std::size_t row, std::size_t column, const PiiTextScanner &scanner,
                  std::vector<PiiSpan> &spans, TaskResult &result) const;
    std::string_view intText(const Column &column, std::size_t row, const ColumnNameHints &hints, char *buffer) const;

    const Table &m_table;
    const PiiScanOptions &m_options;
};

void ScanRun::record(TaskResult &result, std::size_t row, std::size_t column, const PiiSpan &span,
                     std::string_view text) const
{
    ++result.counts[static_cast<std::size_t>(span.kind)];
    ++result.found;
    const bool keepFinding = result.findings.size() < m_options.maxFindings;
    const bool keepExample = result.examples.size() < m_options.examplesPerColumn;
    if (!keepFinding && !keepExample)
        return;
    std::string masked = PiiMasker::mask(span.kind, text.substr(span.offset, span.length));
    if (keepExample)
        result.examples.push_back(masked);
    if (keepFinding)
        result.findings.push_back(PiiFinding{row, column, span.kind, span.offset, span.length, std::move(masked)});
}

void ScanRun::scanText(std::string_view text, std::size_t row, std::size_t column, const PiiTextScanner &scanner,
                       std::vector<PiiSpan> &spans, TaskResult &result) const
{
    spans.clear();
    if (scanner.scan(text, spans) == 0)
        return;
    ++result.cellsWithPii;
    for (const PiiSpan &span : spans)
        record(result, row, column, span, text);
}

std::string_view ScanRun::intText(const Column &column, std::size_t row, const ColumnNameHints &hints,
                                  char *buffer) const
{
    const std::int64_t value = column.intAt(row);
    if (value <= 0 || (value < 100000000000LL && !hints.ssn && !hints.phone))
        return {};
    char *end = std::to_chars(buffer + 9, buffer + 40, value).ptr;
    std::size_t length = static_cast<std::size_t>(end - (buffer + 9));
    char *begin = buffer + 9;
    if (hints.ssn && length < 9) { // the reader drops an SSN's leading zeros
        begin -= 9 - length;
        std::fill(begin, buffer + 9, '0');
        length = 9;
    }
    return std::string_view(begin, length);
}

void ScanRun::scanTask(const Task &task, TaskResult &result) const
{
    const Column &column = m_table.column(task.column);
    const ColumnPlan &plan = plans[task.column];
    std::vector<PiiSpan> spans;
    char buffer[48];
    for (std::size_t row = task.begin; row < task.end; ++row) {
        if (!column.isValid(row))
            continue;
        switch (column.type()) {
        case ColumnType::String: {
            const std::string_view text = column.stringAt(row);
            if (plan.personName.personName && PersonNameDetector::looksLikeName(text, plan.personName.hint)) {
                ++result.cellsWithPii; // a name-shaped cell holds nothing else
                record(result, row, task.column,
                       PiiSpan{PiiKind::PersonName, 0, static_cast<std::uint32_t>(text.size())}, text);
                break;
            }
            scanText(text, row, task.column, plan.scanner, spans, result);
            break;
        }
        case ColumnType::Categorical: {
            const auto &labelSpans = plan.categorySpans[static_cast<std::size_t>(column.intAt(row))];
            if (labelSpans.empty())
                break;
            ++result.cellsWithPii;
            for (const PiiSpan &span : labelSpans)
                record(result, row, task.column, span, column.categoryAt(row));
            break;
        }
        case ColumnType::Int64: {
            const std::string_view text = intText(column, row, plan.scanner.hints(), buffer);
            if (!text.empty())
                scanText(text, row, task.column, plan.scanner, spans, result);
            break;
        }
        case ColumnType::DateTime: {
            ++result.cellsWithPii;
            if (result.findings.size() >= m_options.maxFindings
                && result.examples.size() >= m_options.examplesPerColumn) {
                ++result.counts[static_cast<std::size_t>(PiiKind::BirthDate)]; // no text needed
                ++result.found;
                break;
            }
            const std::string text = formatDateTime(column.intAt(row)).substr(0, 10);
            record(result, row, task.column,
                   PiiSpan{PiiKind::BirthDate, 0, static_cast<std::uint32_t>(text.size())}, text);
            break;
        }
        default:
            break;
        }
    }
}

Result<std::vector<ColumnPlan>> makePlans(const Table &table, const PiiScanOptions &options)
{
    std::vector<bool> selected(table.columnCount(), options.columns.empty());
    for (const std::string &name : options.columns) {
        const auto index = table.indexOf(name);
        if (!index)
            return Status::invalidInput("--columns: no column named '" + name + "'");
        selected[*index] = true;
    }
    std::vector<ColumnPlan> plans(table.columnCount());
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        const Column &column = table.column(c);
        const ColumnNameHints hints = ColumnNameHints::fromName(column.name());
        ColumnPlan &plan = plans[c];
        plan.scanner = PiiTextScanner(hints);
        const ColumnType type = column.type();
        plan.scanned = selected[c]
            && (type == ColumnType::String || type == ColumnType::Categorical || type == ColumnType::Int64
                || (type == ColumnType::DateTime && hints.birthDate));
        if (plan.scanned)
            plan.personName = PersonNameDetector::judge(column, hints);
        if (plan.scanned && type == ColumnType::Categorical) {
            plan.categorySpans.resize(column.categories().size());
            for (std::size_t k = 0; k < column.categories().size(); ++k) {
                const std::string &label = column.categories()[k];
                if (plan.personName.personName && PersonNameDetector::looksLikeName(label, plan.personName.hint))
                    plan.categorySpans[k].push_back(
                        PiiSpan{PiiKind::PersonName, 0, static_cast<std::uint32_t>(label.size())});
                else
                    plan.scanner.scan(label, plan.categorySpans[k]);
            }
        }
    }
    return plans;
}

} // namespace

Result<PiiScanReport> PiiScanner::scan(const Table &table, const PiiScanOptions &options)
{
    const Timer timer;
    const std::clock_t cpuStart = std::clock();
    auto plans = makePlans(table, options);
    if (!plans.isOk())
        return plans.status();
    ScanRun run(table, options);
    run.plans = plans.takeValue();

    PiiScanReport report;
    report.rows = table.rowCount();
    report.threads = options.threads > 0 ? options.threads : std::max(1, omp_get_max_threads());
    std::vector<Task> tasks;
    const std::size_t chunk = std::max<std::size_t>(1, options.chunkRows);
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        const Column &column = table.column(c);
        PiiColumnReport columnReport;
        columnReport.name = column.name();
        columnReport.index = c;
        columnReport.scanned = run.plans[c].scanned;
        columnReport.personNameReason = run.plans[c].personName.reason;
        report.columns.push_back(std::move(columnReport));
        if (!run.plans[c].scanned)
            continue;
        if (column.type() == ColumnType::String)
            report.textBytes += column.chars().size();
        for (const std::string &label : column.categories())
            report.textBytes += label.size();
        for (std::size_t begin = 0; begin < table.rowCount(); begin += chunk)
            tasks.push_back(Task{c, begin, std::min(table.rowCount(), begin + chunk)});
    }

    std::vector<TaskResult> results(tasks.size());
    std::atomic<bool> stop{false};
    std::atomic<std::size_t> done{0};
    const long long taskCount = static_cast<long long>(tasks.size());
#pragma omp parallel for schedule(dynamic, 1) num_threads(report.threads) if (taskCount > 1)
    for (long long t = 0; t < taskCount; ++t) {
        if (stop.load(std::memory_order_relaxed)
            || (options.cancellation && options.cancellation->isCancelled())) {
            stop.store(true, std::memory_order_relaxed);
            continue;
        }
        run.scanTask(tasks[static_cast<std::size_t>(t)], results[static_cast<std::size_t>(t)]);
        const std::size_t finished = done.fetch_add(1) + 1;
        if (omp_get_thread_num() == 0 && options.progress
            && options.progress(Progress{0.9 * double(finished) / double(taskCount), "scanning cells"})
                == ProgressAction::Stop)
            stop.store(true, std::memory_order_relaxed);
    }
    if (stop.load())
        return Status::cancelled();

    for (std::size_t t = 0; t < tasks.size(); ++t) {
        PiiColumnReport &column = report.columns[tasks[t].column];
        TaskResult &result = results[t];
        for (std::size_t k = 0; k < kPiiKindCount; ++k)
            column.counts[k] += result.counts[k];
        column.cellsWithPii += result.cellsWithPii;
        report.totalFindings += result.found;
        for (std::string &example : result.examples)
            if (column.examples.size() < options.examplesPerColumn)
                column.examples.push_back(std::move(example));
        for (PiiFinding &finding : result.findings)
            report.findings.push_back(std::move(finding));
    }
    std::sort(report.findings.begin(), report.findings.end(), [](const PiiFinding &a, const PiiFinding &b) {
        if (a.row != b.row)
            return a.row < b.row;
        return a.column != b.column ? a.column < b.column : a.offset < b.offset;
    });
    if (options.maxFindingsPerColumn > 0) {
        std::vector<std::size_t> listed(table.columnCount(), 0);
        std::erase_if(report.findings, [&](const PiiFinding &finding) {
            return ++listed[finding.column] > options.maxFindingsPerColumn;
        });
    }
    if (report.findings.size() > options.maxFindings)
        report.findings.resize(options.maxFindings);

    if (options.identifiers == IdentifierCheck::Run) {
        if (options.progress && options.progress(Progress{0.9, "identifier columns"}) == ProgressAction::Stop)
            return Status::cancelled();
        const long long columnCount = static_cast<long long>(table.columnCount());
#pragma omp parallel for schedule(dynamic, 1) num_threads(report.threads) if (columnCount > 1)
        for (long long c = 0; c < columnCount; ++c) {
            PiiColumnReport &column = report.columns[static_cast<std::size_t>(c)];
            const bool selected = options.columns.empty()
                || std::find(options.columns.begin(), options.columns.end(), column.name) != options.columns.end();
            if (!selected || (options.cancellation && options.cancellation->isCancelled()))
                continue;
            const IdentifierVerdict verdict = IdentifierDetector::judge(table.column(static_cast<std::size_t>(c)));
            column.identifier = verdict.identifier;
            column.identifierReason = verdict.reason;
            column.distinctRatio = verdict.distinctRatio;
        }
        if (options.cancellation && options.cancellation->isCancelled())
            return Status::cancelled();
    }
    if (options.progress)
        options.progress(Progress{1.0, "done"});
    report.seconds = timer.seconds();
    report.cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    return report;
}

} // namespace loupe
