#include "core/checks/assertions/ColumnPairAssertion.h"

#include "core/checks/assertions/RowGroups.h"
#include "core/data/Table.h"

#include <array>

namespace loupe {

namespace {

enum class Op { Less, LessEqual, Equal, NotEqual, Greater, GreaterEqual };

constexpr std::array<std::string_view, 6> kOpNames{"<", "<=", "==", "!=", ">", ">="};
constexpr std::array<std::string_view, 6> kNegatedNames{">=", ">", "!=", "==", "<=", "<"};

enum class PairKind { Integer, Number, Text };

struct PairSetup {
    const Column *left = nullptr;
    const Column *right = nullptr;
    Op op = Op::Less;
    PairKind kind = PairKind::Integer;
};

bool isNumber(ColumnType t) { return t == ColumnType::Int64 || t == ColumnType::Float64 || t == ColumnType::Bool; }
bool isText(ColumnType t) { return t == ColumnType::String || t == ColumnType::Categorical; }

Result<PairSetup> readPairSetup(const Table &table, const AssertionParams &params)
{
    PairSetup setup;
    Result<const Column *> left = params.column(table, "column");
    if (!left.isOk())
        return left.status();
    Result<const Column *> right = params.column(table, "other");
    if (!right.isOk())
        return right.status();
    setup.left = left.value();
    setup.right = right.value();
    Result<std::string> op = params.string("op");
    if (!op.isOk())
        return op.status();
    std::size_t index = 0;
    while (index < kOpNames.size() && kOpNames[index] != op.value())
        ++index;
    if (index == kOpNames.size())
        return Status::invalidInput("parameter 'op': expected one of <, <=, ==, !=, >, >=; got '" + op.value() + "'");
    setup.op = static_cast<Op>(index);
    const ColumnType a = setup.left->type();
    const ColumnType b = setup.right->type();
    if (a == ColumnType::DateTime && b == ColumnType::DateTime)
        setup.kind = PairKind::Integer;
    else if (isNumber(a) && isNumber(b))
        setup.kind = a == ColumnType::Float64 || b == ColumnType::Float64 ? PairKind::Number : PairKind::Integer;
    else if (isText(a) && isText(b))
        setup.kind = PairKind::Text;
    else
        return Status::invalidInput("parameter 'other': column '" + setup.right->name() + "' ("
                                    + std::string(columnTypeName(b)) + ") cannot be compared with column '"
                                    + setup.left->name() + "' (" + std::string(columnTypeName(a)) + ")");
    return setup;
}

bool holds(Op op, int order)
{
    switch (op) {
    case Op::Less: return order < 0;
    case Op::LessEqual: return order <= 0;
    case Op::Equal: return order == 0;
    case Op::NotEqual: return order != 0;
    case Op::Greater: return order > 0;
    case Op::GreaterEqual: break;
    }
    return order >= 0;
}

template <typename Fails>
void scanPairs(const Column &a, const Column &b, Fails fails, std::vector<std::uint64_t> &rows,
               std::uint64_t &checked, const CancellationToken *cancel, bool &cancelled)
{
    const std::uint8_t *va = a.validity().data();
    const std::uint8_t *vb = b.validity().data();
    const std::size_t n = a.size();
    for (std::size_t start = 0; start < n; start += 1 << 16) {
        if (cancel && cancel->isCancelled()) {
            cancelled = true;
            return;
        }
        const std::size_t end = std::min(n, start + (1 << 16));
        for (std::size_t row = start; row < end; ++row) {
            if (!(va[row] & vb[row]))
                continue;
            ++checked;
            if (fails(row))
                rows.push_back(row);
        }
    }
}

// scanPairs for a predicate that is cheap and safe on any row (missing slots hold 0): no branch per row.
template <typename Fails>
void scanPairsBranchless(const Column &a, const Column &b, Fails fails, std::vector<std::uint64_t> &rows,
                         std::uint64_t &checked, const CancellationToken *cancel, bool &cancelled)
{
    constexpr std::size_t kBlock = 4096;
    const std::uint8_t *va = a.validity().data();
    const std::uint8_t *vb = b.validity().data();
    const std::size_t n = a.size();
    std::uint64_t buffer[kBlock];
    for (std::size_t start = 0; start < n; start += kBlock) {
        if (start % (1 << 16) == 0 && cancel && cancel->isCancelled()) {
            cancelled = true;
            return;
        }
        const std::size_t end = std::min(n, start + kBlock);
        std::size_t k = 0;
        for (std::size_t row = start; row < end; ++row) {
            const bool both = (va[row] & vb[row]) != 0;
            buffer[k] = row;
            checked += both ? 1 : 0;
            k += (both && fails(row)) ? 1 : 0;
        }
        rows.insert(rows.end(), buffer, buffer + k);
    }
}

std::string_view pairTextAt(const Column &c, std::size_t row)
{
    return c.type() == ColumnType::Categorical ? c.categoryAt(row) : c.stringAt(row);
}

} // namespace

Status ColumnPairAssertion::validate(const Table &table, const AssertionParams &params) const
{
    return readPairSetup(table, params).status();
}

AssertionOutcome ColumnPairAssertion::evaluate(const Table &table, const AssertionParams &params,
                                               const CancellationToken *cancel) const
{
    Result<PairSetup> read = readPairSetup(table, params);
    if (!read.isOk())
        return AssertionOutcome::tableFailure(read.message());
    const PairSetup &s = read.value();
    const Column &a = *s.left;
    const Column &b = *s.right;
    std::vector<std::uint64_t> rows;
    std::uint64_t checked = 0;
    bool cancelled = false;
    const Op op = s.op;
    if (s.kind == PairKind::Integer) {
        const std::int64_t *x = a.ints().data();
        const std::int64_t *y = b.ints().data();
        // One loop per operator, so the comparison is not re-dispatched on every row.
        const auto scan = [&](auto fails) { scanPairsBranchless(a, b, fails, rows, checked, cancel, cancelled); };
        switch (op) {
        case Op::Less: scan([&](std::size_t r) { return !(x[r] < y[r]); }); break;
        case Op::LessEqual: scan([&](std::size_t r) { return !(x[r] <= y[r]); }); break;
        case Op::Equal: scan([&](std::size_t r) { return x[r] != y[r]; }); break;
        case Op::NotEqual: scan([&](std::size_t r) { return x[r] == y[r]; }); break;
        case Op::Greater: scan([&](std::size_t r) { return !(x[r] > y[r]); }); break;
        case Op::GreaterEqual: scan([&](std::size_t r) { return !(x[r] >= y[r]); }); break;
        }
    } else if (s.kind == PairKind::Number) {
        scanPairs(
            a, b,
            [&](std::size_t r) {
                const double x = a.numericAt(r);
                const double y = b.numericAt(r);
                if (x != x || y != y) // NaN: only != holds
                    return op != Op::NotEqual;
                return !holds(op, x < y ? -1 : (x > y ? 1 : 0));
            },
            rows, checked, cancel, cancelled);
    } else {
        scanPairs(a, b, [&](std::size_t r) { return !holds(op, pairTextAt(a, r).compare(pairTextAt(b, r))); }, rows, checked,
                  cancel, cancelled);
    }
    if (cancelled)
        return AssertionOutcome::pass(0);
    std::vector<std::string> values;
    for (std::size_t i = 0; i < rows.size() && i < AssertionOutcome::kMaxShownValues; ++i)
        values.push_back(describeRow({&a, &b}, static_cast<std::size_t>(rows[i])));
    const std::string message = std::to_string(rows.size()) + " of " + std::to_string(checked) + " rows have "
                                + a.name() + " " + std::string(kNegatedNames[static_cast<std::size_t>(op)]) + " "
                                + b.name() + " (expected " + a.name() + " "
                                + std::string(kOpNames[static_cast<std::size_t>(op)]) + " " + b.name() + ")";
    return AssertionOutcome::fromRowValues(std::move(rows), std::move(values), checked, {a.name(), b.name()}, message);
}

} // namespace loupe
