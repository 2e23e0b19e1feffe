#include "core/data/RowOrdering.h"

#include "core/data/RowPredicate.h"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>

namespace loupe {

namespace {

// Shares of the progress bar: filtering, sorting the chunks, merging them.
constexpr double kFilterShare = 0.3;
constexpr double kChunkSortShare = 0.5;

class OrderingRun {
public:
    OrderingRun(const RowOrderingOptions &options)
        : m_options(options),
          m_threads(options.threads > 0 ? options.threads : std::max(1, omp_get_max_threads())),
          m_chunk(std::max<std::size_t>(1, options.chunkRows))
    {
    }

    std::vector<std::size_t> filter(const RowPredicate &predicate, std::size_t rowCount, double from, double to);
    template <typename Less>
    void sort(std::vector<std::size_t> &rows, std::size_t begin, std::size_t end, const Less &less, double from);

    bool stopped() const { return m_stop.load(std::memory_order_relaxed); }

private:
    // Called from inside parallel loops: polls the token on every thread, reports from thread 0 only.
    bool keepGoing(double fraction, const char *stage)
    {
        if (m_stop.load(std::memory_order_relaxed))
            return false;
        if (m_options.cancellation && m_options.cancellation->isCancelled()) {
            m_stop.store(true, std::memory_order_relaxed);
            return false;
        }
        if (omp_get_thread_num() == 0 && m_options.progress
            && m_options.progress(Progress{fraction, stage}) == ProgressAction::Stop) {
            m_stop.store(true, std::memory_order_relaxed);
            return false;
        }
        return true;
    }

    const RowOrderingOptions &m_options;
    int m_threads;
    std::size_t m_chunk;
    std::atomic<bool> m_stop{false};
    std::atomic<std::size_t> m_done{0};
};

std::vector<std::size_t> OrderingRun::filter(const RowPredicate &predicate, std::size_t rowCount, double from,
                                             double to)
{
    const std::size_t tasks = (rowCount + m_chunk - 1) / m_chunk;
    std::vector<std::vector<std::size_t>> kept(tasks);
    m_done = 0;
    const auto count = static_cast<long long>(tasks);
#pragma omp parallel for schedule(dynamic, 1) num_threads(m_threads) if (count > 1)
    for (long long t = 0; t < count; ++t) {
        const double fraction = from + (to - from) * double(m_done.load()) / double(tasks);
        if (!keepGoing(fraction, "filtering"))
            continue;
        const std::size_t begin = static_cast<std::size_t>(t) * m_chunk;
        const std::size_t end = std::min(rowCount, begin + m_chunk);
        std::vector<std::size_t> &out = kept[static_cast<std::size_t>(t)];
        for (std::size_t row = begin; row < end; ++row)
            if (predicate.matches(row))
                out.push_back(row);
        ++m_done;
    }
    std::vector<std::size_t> rows;
    std::size_t total = 0;
    for (const auto &part : kept)
        total += part.size();
    rows.reserve(total);
    for (const auto &part : kept)
        rows.insert(rows.end(), part.begin(), part.end());
    return rows;
}

// Sorts rows[begin, end) stably: chunks in parallel, then rounds of merges of neighbouring runs.
template <typename Less>
void OrderingRun::sort(std::vector<std::size_t> &rows, std::size_t begin, std::size_t end, const Less &less,
                       double from)
{
    const std::size_t n = end - begin;
    const std::size_t chunks = std::max<std::size_t>(1, (n + m_chunk - 1) / m_chunk);
    m_done = 0;
    const auto at = [&](std::size_t offset) { return rows.begin() + static_cast<std::ptrdiff_t>(begin + offset); };
    const auto count = static_cast<long long>(chunks);
#pragma omp parallel for schedule(dynamic, 1) num_threads(m_threads) if (count > 1)
    for (long long c = 0; c < count; ++c) {
        if (!keepGoing(from + kChunkSortShare * double(m_done.load()) / double(chunks), "sorting"))
            continue;
        const std::size_t first = static_cast<std::size_t>(c) * m_chunk;
        std::stable_sort(at(first), at(std::min(n, first + m_chunk)), less);
        ++m_done;
    }
    const double mergeFrom = from + kChunkSortShare;
    const double mergeSpan = std::max(0.0, 1.0 - mergeFrom);
    std::size_t rounds = 0;
    for (std::size_t width = m_chunk; width < n; width *= 2)
        ++rounds;
    std::size_t round = 0;
    for (std::size_t width = m_chunk; width < n && !stopped(); width *= 2, ++round) {
        const std::size_t pairs = (n + 2 * width - 1) / (2 * width);
        const double fraction = mergeFrom + mergeSpan * double(round) / double(rounds);
        const auto pairCount = static_cast<long long>(pairs);
#pragma omp parallel for schedule(dynamic, 1) num_threads(m_threads) if (pairCount > 1)
        for (long long p = 0; p < pairCount; ++p) {
            if (!keepGoing(fraction, "merging"))
                continue;
            const std::size_t first = static_cast<std::size_t>(p) * 2 * width;
            const std::size_t middle = std::min(n, first + width);
            const std::size_t last = std::min(n, first + 2 * width);
            if (middle < last)
                std::inplace_merge(at(first), at(middle), at(last), less);
        }
    }
}

// Moves the rows whose sort value is missing to the end (table order kept on both sides); returns how
// many come first.
template <typename Present>
std::size_t partitionPresent(std::vector<std::size_t> &rows, const Present &present)
{
    const auto split = std::stable_partition(rows.begin(), rows.end(), present);
    return static_cast<std::size_t>(split - rows.begin());
}

template <typename Less>
void sortPresent(OrderingRun &run, std::vector<std::size_t> &rows, std::size_t present, SortDirection direction,
                 const Less &less, double from)
{
    if (direction == SortDirection::Ascending)
        run.sort(rows, 0, present, less, from);
    else
        run.sort(rows, 0, present, [&less](std::size_t a, std::size_t b) { return less(b, a); }, from);
}

void sortRows(OrderingRun &run, const Column &column, SortDirection direction, std::vector<std::size_t> &rows,
              double from)
{
    switch (column.type()) {
    case ColumnType::Float64: {
        const double *values = column.doubles().data();
        const std::size_t present = partitionPresent(
            rows, [&](std::size_t row) { return column.isValid(row) && !std::isnan(values[row]); });
        sortPresent(run, rows, present, direction, [values](std::size_t a, std::size_t b) { return values[a] < values[b]; },
                    from);
        return;
    }
    case ColumnType::String: {
        const std::size_t present = partitionPresent(rows, [&](std::size_t row) { return column.isValid(row); });
        sortPresent(run, rows, present, direction,
                    [&column](std::size_t a, std::size_t b) { return column.stringAt(a) < column.stringAt(b); }, from);
        return;
    }
    case ColumnType::Categorical: {
        // Codes ranked by their labels' bytes, so the sort never compares strings.
        const std::vector<std::string> &labels = column.categories();
        std::vector<std::size_t> byLabel(labels.size());
        std::iota(byLabel.begin(), byLabel.end(), std::size_t(0));
        std::sort(byLabel.begin(), byLabel.end(), [&](std::size_t a, std::size_t b) { return labels[a] < labels[b]; });
        std::vector<std::size_t> rank(labels.size());
        for (std::size_t r = 0; r < byLabel.size(); ++r)
            rank[byLabel[r]] = r;
        const std::int64_t *codes = column.ints().data();
        const std::size_t present = partitionPresent(rows, [&](std::size_t row) { return column.isValid(row); });
        sortPresent(run, rows, present, direction,
                    [&rank, codes](std::size_t a, std::size_t b) {
                        return rank[static_cast<std::size_t>(codes[a])] < rank[static_cast<std::size_t>(codes[b])];
                    },
                    from);
        return;
    }
    case ColumnType::Int64:
    case ColumnType::Bool:
    case ColumnType::DateTime: {
        const std::int64_t *values = column.ints().data();
        const std::size_t present = partitionPresent(rows, [&](std::size_t row) { return column.isValid(row); });
        sortPresent(run, rows, present, direction, [values](std::size_t a, std::size_t b) { return values[a] < values[b]; },
                    from);
        return;
    }
    }
}

Status checkOrderingColumn(const Table &table, std::size_t column, const char *what)
{
    if (column < table.columnCount())
        return Status::ok();
    return Status::invalidInput(std::string(what) + ": the table has no column " + std::to_string(column) + " (it has "
                                + std::to_string(table.columnCount()) + ")");
}

} // namespace

Result<std::vector<std::size_t>> RowOrdering::compute(const Table &table, const RowQuery &query,
                                                      const RowOrderingOptions &options)
{
    if (query.sort)
        if (Status status = checkOrderingColumn(table, query.sort->column, "sort"); !status.isOk())
            return status;
    std::optional<RowPredicate> predicate;
    if (query.filter) {
        if (Status status = checkOrderingColumn(table, query.filter->column, "filter"); !status.isOk())
            return status;
        Result<RowPredicate> compiled = RowPredicate::compile(table.column(query.filter->column), *query.filter);
        if (!compiled.isOk())
            return compiled.status();
        predicate = compiled.takeValue();
    }
    OrderingRun run(options);
    const double filterEnd = query.filter ? (query.sort ? kFilterShare : 1.0) : 0.0;
    std::vector<std::size_t> rows;
    if (predicate) {
        rows = run.filter(*predicate, table.rowCount(), 0.0, filterEnd);
    } else {
        rows.resize(table.rowCount());
        std::iota(rows.begin(), rows.end(), std::size_t(0));
    }
    if (query.sort && !run.stopped())
        sortRows(run, table.column(query.sort->column), query.sort->direction, rows, filterEnd);
    if (run.stopped() || (options.cancellation && options.cancellation->isCancelled()))
        return Status::cancelled();
    if (options.progress)
        options.progress(Progress{1.0, "done"});
    return rows;
}

} // namespace loupe
