#include "core/train/FeaturePlanner.h"

#include "core/data/ColumnStats.h"
#include "core/privacy/ColumnNameHints.h"
#include "core/privacy/IdentifierDetector.h"
#include "core/privacy/PersonNameDetector.h"
#include "core/privacy/PiiTextScanner.h"

#include <algorithm>
#include <cstdio>
#include <array>
#include <cmath>
#include <map>

namespace loupe {

namespace {

bool planListed(const std::vector<std::string> &names, const std::string &name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool planIsText(ColumnType type)
{
    return type == ColumnType::String || type == ColumnType::Categorical;
}

std::string planPercent(double share)
{
    return std::to_string(static_cast<int>(std::floor(share * 100.0))) + "%";
}

Status planCheckNames(const Table &table, const FeaturePlanOptions &options)
{
    if (!table.find(options.target)) {
        std::string names;
        for (const Column &column : table.columns())
            names += (names.empty() ? "'" : ", '") + column.name() + "'";
        return Status::invalidInput("target column '" + options.target + "' is not in the table (columns: " + names + ")");
    }
    for (const auto &[list, what] : {std::pair{&options.ignored, "excluded"}, std::pair{&options.kept, "kept"}}) {
        for (const std::string &name : *list) {
            if (!table.find(name))
                return Status::invalidInput(std::string(what) + " column '" + name + "' is not in the table");
            if (name == options.target)
                return Status::invalidInput("column '" + name + "' is the target and cannot also be " + what);
        }
    }
    for (const std::string &name : options.kept) {
        if (planListed(options.ignored, name))
            return Status::invalidInput("column '" + name + "' is both kept and excluded");
    }
    return Status::ok();
}

// An int64 whose present values only go up (row numbers, sequence ids).
bool planStrictlyIncreasing(const Column &column)
{
    bool first = true;
    std::int64_t previous = 0;
    for (std::size_t row = 0; row < column.size(); ++row) {
        if (!column.isValid(row))
            continue;
        if (!first && column.intAt(row) <= previous)
            return false;
        previous = column.intAt(row);
        first = false;
    }
    return true;
}

// Rule 6: the reason the column identifies rows, or empty.
std::string planIdentifierDetail(const Column &column, const FeatureColumn &planned, std::size_t cap)
{
    const ColumnType type = column.type();
    if (type != ColumnType::Int64 && !planIsText(type))
        return {};
    const bool named = ColumnNameHints::fromName(column.name()).identifier;
    const IdentifierVerdict verdict = IdentifierDetector::judge(column);
    if (verdict.identifier && (planIsText(type) || named || planStrictlyIncreasing(column)))
        return "identifier: " + verdict.reason;
    if (named && (type == ColumnType::Int64 || planned.distinct > cap))
        return "named like an identifier (" + std::to_string(planned.distinct) + " distinct values)";
    return {};
}

// The text of a cell the personal-data scan reads, or empty.
std::string_view planCellText(const Column &column, std::size_t row)
{
    if (column.type() == ColumnType::String)
        return column.stringAt(row);
    return column.categoryAt(row);
}

// Rule 7: what personal data the column holds, or empty.
std::string planPersonalDetail(const Column &column, const FeaturePlanOptions &options)
{
    const ColumnNameHints hints = ColumnNameHints::fromName(column.name());
    if (column.type() == ColumnType::DateTime)
        return hints.birthDate ? "personal data: named like a birth date" : std::string();
    if (column.type() == ColumnType::Int64) {
        if (hints.ssn)
            return "personal data: named like a social security number";
        return hints.phone ? "personal data: named like a phone number" : std::string();
    }
    if (!planIsText(column.type()))
        return {};
    PersonNameRules nameRules;
    nameRules.sampleRows = options.sampledCells;
    if (const PersonNameVerdict names = PersonNameDetector::judge(column, hints, nameRules); names.personName)
        return "personal data: person names (" + names.reason + ")";
    const std::size_t present = column.size() - column.missingCount();
    if (present == 0 || options.sampledCells == 0)
        return {};
    const std::size_t stride = std::max<std::size_t>(1, column.size() / options.sampledCells);
    const PiiTextScanner scanner(hints);
    std::vector<PiiSpan> spans;
    std::array<std::size_t, kPiiKindCount> kinds{};
    std::size_t sampled = 0;
    std::size_t withPii = 0;
    for (std::size_t row = 0; row < column.size() && sampled < options.sampledCells; row += stride) {
        if (!column.isValid(row))
            continue;
        ++sampled;
        spans.clear();
        if (scanner.scan(planCellText(column, row), spans) == 0)
            continue;
        ++withPii;
        ++kinds[static_cast<std::size_t>(spans.front().kind)];
    }
    if (sampled == 0 || static_cast<double>(withPii) < options.personalShare * static_cast<double>(sampled))
        return {};
    const auto most = std::max_element(kinds.begin(), kinds.end()) - kinds.begin();
    return "personal data: " + std::string(piiKindName(static_cast<PiiKind>(most))) + " in "
           + planPercent(static_cast<double>(withPii) / static_cast<double>(sampled)) + " of "
           + std::to_string(sampled) + " sampled cells";
}

std::string planFirstValue(const Column &column)
{
    for (std::size_t row = 0; row < column.size(); ++row) {
        if (column.isValid(row))
            return column.displayAt(row);
    }
    return {};
}

void planIgnore(FeatureColumn &planned, IgnoreReason reason, std::string detail)
{
    planned.role = FeatureRole::Ignored;
    planned.reason = reason;
    planned.detail = std::move(detail);
}

std::string planEncodingDetail(const FeatureColumn &planned)
{
    switch (planned.encoding) {
    case FeatureKind::OneHot:
        return "one-hot, " + std::to_string(planned.levels) + " levels";
    case FeatureKind::Flag:
        return "0/1";
    case FeatureKind::Seconds:
        return "seconds since 1970-01-01";
    case FeatureKind::Number:
        break;
    }
    return "number";
}

// Rules 4-8 for a column nobody chose.
void planPropose(const Column &column, const FeaturePlanOptions &options, std::size_t rows, FeatureColumn &planned)
{
    const std::size_t present = rows - planned.missing;
    if (present == 0)
        return planIgnore(planned, IgnoreReason::Missing, "no value in any row");
    if (static_cast<double>(planned.missing) > options.mostlyMissingShare * static_cast<double>(rows)) {
        return planIgnore(planned, IgnoreReason::Missing,
                          "missing in " + planPercent(static_cast<double>(planned.missing) / static_cast<double>(rows))
                              + " of the rows");
    }
    if (planned.distinct <= 1)
        return planIgnore(planned, IgnoreReason::Constant, "the same value in every row ('" + planFirstValue(column) + "')");
    if (std::string detail = planIdentifierDetail(column, planned, options.maxFeatureLevels); !detail.empty())
        return planIgnore(planned, IgnoreReason::Identifier, std::move(detail));
    if (std::string detail = planPersonalDetail(column, options); !detail.empty())
        return planIgnore(planned, IgnoreReason::PersonalData, std::move(detail));
    if (planIsText(column.type()) && planned.levels > options.maxFeatureLevels) {
        return planIgnore(planned, IgnoreReason::HighCardinality,
                          std::to_string(planned.levels) + " distinct values, above the one-hot cap of "
                              + std::to_string(options.maxFeatureLevels) + " (free text or names)");
    }
}

bool planIsClassTarget(const Column &column, std::size_t distinct, const FeaturePlanOptions &options)
{
    switch (column.type()) {
    case ColumnType::Bool:
        return true;
    case ColumnType::String:
    case ColumnType::Categorical:
        return options.task != TargetTask::Regression && distinct <= options.maxClasses;
    case ColumnType::Int64:
        if (options.task == TargetTask::Classification)
            return distinct <= std::max(options.maxIntegerClasses, options.maxClasses);
        return options.task == TargetTask::Auto && distinct <= options.maxIntegerClasses;
    default:
        return false;
    }
}

std::vector<ClassCount> planClassCounts(const Column &column)
{
    std::map<std::string, std::size_t> counts;
    for (std::size_t row = 0; row < column.size(); ++row) {
        if (column.isValid(row))
            ++counts[TableEncoding::levelText(column, row)];
    }
    std::vector<ClassCount> classes;
    for (const auto &[label, count] : counts)
        classes.push_back(ClassCount{label, count});
    std::stable_sort(classes.begin(), classes.end(),
                     [](const ClassCount &a, const ClassCount &b) { return a.count > b.count; });
    return classes;
}

void planTargetColumn(const Column &column, const FeaturePlanOptions &options, FeatureColumn &planned,
                      FeaturePlan &plan)
{
    planned.role = FeatureRole::Target;
    if (planIsClassTarget(column, planned.distinct, options)) {
        plan.classes = planClassCounts(column);
        planned.detail = "classification, " + std::to_string(plan.classes.size()) + " classes";
    } else {
        planned.detail = "regression (a number to predict)";
    }
}

void planMissingPolicy(const FeaturePlanOptions &options, FeaturePlan &plan)
{
    if (options.missing) {
        plan.missing = *options.missing;
        plan.missingChosen = true;
        plan.missingNote = "chosen by the user";
        return;
    }
    std::string columns;
    std::size_t count = 0;
    for (const FeatureColumn &column : plan.columns) {
        if (column.role != FeatureRole::Feature || column.missing == 0)
            continue;
        ++count;
        columns += (columns.empty() ? "" : ", ") + column.name + " (" + std::to_string(column.missing) + " rows)";
    }
    if (options.selection == ColumnSelection::AsGiven || count == 0) {
        plan.missing = MissingValues::Reject;
        plan.missingNote = count == 0 ? "no feature column has missing values" : "not chosen: missing values are an error";
        return;
    }
    plan.missing = MissingValues::Impute;
    plan.missingNote = "proposed: " + std::to_string(count) + " feature column(s) have missing values, imputed "
                       "(numbers with the training mean, text with no level): " + columns;
}

void planClassBalance(const FeaturePlanOptions &options, FeaturePlan &plan)
{
    plan.classWeighting = options.classWeighting.value_or(ClassWeighting::None);
    plan.resampling = options.resampling.value_or(Resampling::None);
    if (plan.classes.size() < 2)
        return;
    std::size_t total = 0;
    for (const ClassCount &item : plan.classes)
        total += item.count;
    const ClassCount &rarest = plan.classes.back();
    const double share = total > 0 ? double(rarest.count) / double(total) : 0.0;
    if (share >= FeaturePlan::s_rareClassShare)
        return;
    char percent[32];
    std::snprintf(percent, sizeof percent, "%.1f %%", 100.0 * share);
    plan.suggestedWeighting = ClassWeighting::Balanced;
    plan.balanceNote = "'" + rarest.label + "' is " + percent + " of the rows (under "
                       + std::to_string(int(FeaturePlan::s_rareClassShare * 100)) + " %)";
}

} // namespace

Result<FeaturePlan> FeaturePlanner::propose(const Table &table, const FeaturePlanOptions &options)
{
    if (Status status = planCheckNames(table, options); !status.isOk())
        return status;
    FeaturePlan plan;
    plan.target = options.target;
    plan.selection = options.selection;
    plan.maxFeatureLevels = options.maxFeatureLevels;
    plan.rows = table.rowCount();
    for (const Column &column : table.columns()) {
        if (options.cancellation && options.cancellation->isCancelled())
            return Status::cancelled();
        FeatureColumn planned;
        planned.name = column.name();
        planned.type = column.type();
        planned.encoding = TableEncoding::featureKindOf(column.type());
        const ColumnStats stats = computeColumnStats(column, 1, 1);
        planned.distinct = stats.distinct;
        planned.missing = stats.missing;
        if (column.type() == ColumnType::Categorical)
            planned.levels = column.categories().size();
        else if (column.type() == ColumnType::String)
            planned.levels = stats.distinct;
        if (column.name() == options.target) {
            planTargetColumn(column, options, planned, plan);
        } else if (planListed(options.ignored, column.name())) {
            planned.chosen = true;
            planIgnore(planned, IgnoreReason::Chosen, "left out by the user");
        } else {
            planned.chosen = planListed(options.kept, column.name());
            if (!planned.chosen && options.selection == ColumnSelection::Proposed)
                planPropose(column, options, table.rowCount(), planned);
            if (planned.role == FeatureRole::Feature)
                planned.detail = planEncodingDetail(planned);
        }
        plan.columns.push_back(std::move(planned));
    }
    planMissingPolicy(options, plan);
    planClassBalance(options, plan);
    return plan;
}

} // namespace loupe
