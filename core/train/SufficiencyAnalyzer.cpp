#include "core/train/SufficiencyAnalyzer.h"

#include "core/util/NumberText.h"

#include "core/prep/DuplicateRows.h"
#include "core/train/SufficiencyColumnChecks.h"
#include "core/train/FeaturePlanner.h"
#include "core/train/ModelFactory.h"
#include "core/train/TableEncoding.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace loupe {

namespace {

bool isFeature(const Column &column, const SufficiencyOptions &options)
{
    return column.name() != options.target
           && std::find(options.excluded.begin(), options.excluded.end(), column.name()) == options.excluded.end();
}

// Class label -> rows, for a classification target (missing target cells are not counted).
std::map<std::string, std::size_t> classCounts(const Column &target)
{
    std::map<std::string, std::size_t> counts;
    for (std::size_t row = 0; row < target.size(); ++row) {
        if (target.isValid(row))
            ++counts[TableEncoding::levelText(target, row)];
    }
    return counts;
}

bool isClassification(const Column &target, const std::map<std::string, std::size_t> &counts,
                      const SufficiencyOptions &options)
{
    switch (target.type()) {
    case ColumnType::Float64:
        return false;
    case ColumnType::Int64:
        return counts.size() <= options.maxIntegerClasses;
    default:
        return true;
    }
}

SufficiencyCheck perClass(const std::map<std::string, std::size_t> &counts, bool classification,
                          const SufficiencyOptions &options)
{
    SufficiencyCheck check{"samples_per_class", "Samples per class"};
    if (!classification) {
        check.reason = "Regression target: the 30-per-class rule does not apply.";
        return check;
    }
    const double required = static_cast<double>(options.samplesPerClass);
    check.required = required;
    auto smallest = counts.begin();
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        check.items.emplace_back(it->first, static_cast<double>(it->second));
        if (it->second < smallest->second)
            smallest = it;
    }
    if (counts.empty()) {
        check.verdict = Verdict::Insufficient;
        check.value = 0.0;
        check.reason = "The target has no values, so there is no class to learn.";
        return check;
    }
    check.value = static_cast<double>(smallest->second);
    check.verdict = check.value >= required         ? Verdict::Ok
                    : check.value >= required / 2.0 ? Verdict::Warning
                                                    : Verdict::Insufficient;
    check.reason = "The smallest class '" + smallest->first + "' has " + std::to_string(smallest->second)
                   + " rows; the rule of thumb asks for about " + std::to_string(options.samplesPerClass)
                   + " independent samples per class.";
    return check;
}

SufficiencyCheck ratioCheck(std::string id, std::string title, double rows, double per, double required,
                            double warningFloor, const std::string &what)
{
    SufficiencyCheck check{std::move(id), std::move(title)};
    check.required = required;
    check.value = per > 0.0 ? rows / per : std::numeric_limits<double>::infinity();
    check.verdict = check.value >= required       ? Verdict::Ok
                    : check.value >= warningFloor ? Verdict::Warning
                                                  : Verdict::Insufficient;
    check.reason = numberText("%.0f", rows) + " rows for " + numberText("%.0f", per) + " " + what + " is "
                   + numberText("%.1f", check.value) + " per " + what.substr(0, what.size() - 1)
                   + "; the rule of thumb asks for at least " + numberText("%g", required) + ".";
    if (!std::isfinite(check.value))
        check.value = std::numeric_limits<double>::quiet_NaN();
    return check;
}

SufficiencyCheck imbalance(const std::map<std::string, std::size_t> &counts, bool classification,
                           const SufficiencyOptions &options)
{
    SufficiencyCheck check{"class_imbalance", "Class imbalance"};
    if (!classification || counts.size() < 2) {
        check.reason = classification ? "Fewer than two classes: there is no balance to measure."
                                      : "Regression target: class balance does not apply.";
        check.verdict = classification ? Verdict::Warning : Verdict::Ok;
        return check;
    }
    auto [minority, majority] = std::minmax_element(counts.begin(), counts.end(),
                                                    [](const auto &a, const auto &b) { return a.second < b.second; });
    check.value = static_cast<double>(majority->second) / static_cast<double>(minority->second);
    check.required = options.imbalanceRatio;
    check.verdict = check.value <= options.imbalanceRatio ? Verdict::Ok : Verdict::Warning;
    check.reason = "The largest class '" + majority->first + "' has " + numberText("%.1f", check.value)
                   + " times the rows of the smallest '" + minority->first + "'"
                   + (check.verdict == Verdict::Ok ? "; within the limit of " : "; above the limit of ")
                   + numberText("%g", options.imbalanceRatio) + " (consider resampling or class weights).";
    return check;
}

SufficiencyCheck duplicates(const Table &table, const SufficiencyOptions &options)
{
    SufficiencyCheck check{"duplicate_rows", "Duplicate rows"};
    const DuplicateRowsResult found = DuplicateRows::find(table, options.namedRows);
    check.value = static_cast<double>(found.count);
    check.required = 0.0;
    check.rows = found.firstRows;
    if (found.count == 0) {
        check.reason = "No row repeats an earlier row.";
        return check;
    }
    check.verdict = Verdict::Warning;
    std::string named;
    for (std::size_t i = 0; i < found.firstRows.size() && i < 5; ++i)
        named += (i == 0 ? "" : ", ") + std::to_string(found.firstRows[i]);
    check.reason = std::to_string(found.count) + " row(s) (" + percentText(check.value / double(table.rowCount()))
                   + ") repeat an earlier row, starting at row " + named
                   + " (0-based); duplicates are not independent samples and can leak across splits.";
    return check;
}

struct FeatureCount {
    std::size_t count = 0;
    std::string note; // why the count is by column, when it is
};

FeatureCount countFeatures(const Table &table, const SufficiencyOptions &options)
{
    TableEncodingOptions encoding;
    encoding.target = options.target;
    encoding.excluded = options.excluded;
    encoding.missing = MissingValues::Impute;
    encoding.scaling = FeatureScaling::None;
    encoding.maxIntegerClasses = options.maxIntegerClasses;
    auto plan = TableEncoding::plan(table, encoding, TableEncoding::allRows(table));
    if (plan.isOk())
        return {static_cast<std::size_t>(plan.value().featureCount()), {}};
    // Not every column can be encoded: count the inputs of the automatic feature choice, the one the
    // Train, Learning-rate and Search pages and the CLI start from (identifiers, personal data and free
    // text left out), so the verdict is about the model the user would train.
    FeaturePlanOptions proposal;
    proposal.target = options.target;
    proposal.ignored = options.excluded;
    proposal.maxIntegerClasses = options.maxIntegerClasses;
    auto proposed = FeaturePlanner::propose(table, proposal);
    if (proposed.isOk() && proposed.value().featureWidth() > 0) {
        std::string left;
        for (const std::string &name : proposed.value().excluded())
            left += (left.empty() ? "" : ", ") + name;
        FeatureCount chosen{proposed.value().featureWidth(), {}};
        chosen.note = " Features are the " + std::to_string(chosen.count)
                      + " model inputs of the automatic feature choice (as on the Train page), which leaves out "
                      + (left.empty() ? std::string("no column") : left) + ".";
        return chosen;
    }
    FeatureCount fallback;
    for (const Column &column : table.columns())
        fallback.count += isFeature(column, options) ? 1 : 0;
    fallback.note = " Features were counted one per column, because the columns cannot all be encoded for training: "
                    + plan.message() + ".";
    return fallback;
}

void addParameterCheck(const SufficiencyOptions &options, SufficiencyReport &report)
{
    if (!options.spec)
        return;
    auto model = ModelFactory::buildModel(*options.spec, static_cast<Index>(report.features));
    if (!model.isOk()) {
        SufficiencyCheck check{"samples_per_parameter", "Samples per parameter"};
        check.verdict = Verdict::Warning;
        check.reason = "The model spec does not fit this data, so its parameters cannot be counted: "
                       + model.message() + ".";
        report.checks.push_back(std::move(check));
        return;
    }
    report.parameters = static_cast<std::size_t>(model.value().parameterCount());
    report.checks.push_back(ratioCheck("samples_per_parameter", "Samples per parameter",
                                       static_cast<double>(report.rows), static_cast<double>(report.parameters),
                                       options.samplesPerParameter, 1.0, "parameters"));
}

} // namespace

Result<SufficiencyReport> SufficiencyAnalyzer::analyze(const Table &table, const SufficiencyOptions &options)
{
    const Column *target = table.find(options.target);
    if (!target)
        return Status::invalidInput("target column '" + options.target + "' is not in the table");
    for (const std::string &name : options.excluded) {
        if (!table.find(name))
            return Status::invalidInput("excluded column '" + name + "' is not in the table");
    }
    if (table.rowCount() == 0)
        return Status::invalidInput("the table has no rows");
    if (target->type() == ColumnType::DateTime)
        return Status::invalidInput("target column '" + options.target + "' is a datetime; it cannot be a target");

    SufficiencyReport report;
    report.rows = table.rowCount();
    const auto counts = classCounts(*target);
    const bool classification = isClassification(*target, counts, options);
    report.task = classification ? "classification" : "regression";
    const FeatureCount features = countFeatures(table, options);
    report.features = features.count;

    report.checks.push_back(perClass(counts, classification, options));
    SufficiencyCheck perFeature = ratioCheck("samples_per_feature", "Samples per feature", double(report.rows),
                                             double(report.features), options.samplesPerFeature,
                                             options.samplesPerFeature / 2.0, "features");
    perFeature.reason += features.note;
    report.checks.push_back(std::move(perFeature));
    addParameterCheck(options, report);
    report.checks.push_back(imbalance(counts, classification, options));
    report.checks.push_back(duplicates(table, options));
    report.checks.push_back(constantColumnsCheck(table, options));
    report.checks.push_back(missingValuesCheck(table, options));
    return report;
}

} // namespace loupe
