#include "core/train/TableEncoding.h"

#include "core/data/DateTime.h"
#include "core/prep/ScalingMath.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <set>
#include <string_view>
#include <unordered_map>

namespace loupe {

namespace {

struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

std::string describe(const Column &column)
{
    return "'" + column.name() + "' (" + std::string(columnTypeName(column.type())) + ")";
}

Status featureError(const Column &column, const std::string &what)
{
    return Status::invalidInput("column " + describe(column) + ": " + what);
}

Status targetError(const Column &column, const std::string &what)
{
    return Status::invalidInput("target column " + describe(column) + ": " + what);
}

std::size_t firstMissingRow(const Column &column)
{
    for (std::size_t row = 0; row < column.size(); ++row) {
        if (!column.isValid(row))
            return row;
    }
    return column.size();
}

bool isTextColumn(ColumnType type)
{
    return type == ColumnType::String || type == ColumnType::Categorical;
}

// Distinct levels of a bool, int64, string or categorical column in their documented order;
// stops once more than `cap` are found (the result then has cap + 1 entries).
std::vector<std::string> distinctLevels(const Column &column, std::size_t cap)
{
    switch (column.type()) {
    case ColumnType::Bool:
        return {"false", "true"};
    case ColumnType::Categorical:
        return column.categories();
    case ColumnType::Int64: {
        std::set<std::int64_t> values;
        for (std::size_t row = 0; row < column.size() && values.size() <= cap; ++row) {
            if (column.isValid(row))
                values.insert(column.intAt(row));
        }
        std::vector<std::string> levels;
        for (std::int64_t value : values)
            levels.push_back(std::to_string(value));
        return levels;
    }
    default: {
        std::set<std::string_view> values;
        for (std::size_t row = 0; row < column.size() && values.size() <= cap; ++row) {
            if (column.isValid(row))
                values.insert(column.stringAt(row));
        }
        return std::vector<std::string>(values.begin(), values.end());
    }
    }
}

// Maps a cell to the index of its level (-1 for a missing cell).
class LevelLookup {
public:
    LevelLookup(const Column &column, const std::vector<std::string> &levels) : m_column(column)
    {
        for (std::size_t i = 0; i < levels.size(); ++i)
            m_byText.emplace(levels[i], static_cast<int>(i));
        if (column.type() == ColumnType::Categorical) {
            for (const std::string &category : column.categories()) {
                const auto found = m_byText.find(category);
                m_byCode.push_back(found == m_byText.end() ? -1 : found->second);
            }
        }
    }

    int indexOf(std::size_t row) const
    {
        if (!m_column.isValid(row))
            return -1;
        switch (m_column.type()) {
        case ColumnType::Bool:
            return m_column.intAt(row) != 0 ? 1 : 0;
        case ColumnType::Categorical:
            return m_byCode[static_cast<std::size_t>(m_column.intAt(row))];
        case ColumnType::Int64: {
            const auto found = m_byText.find(std::to_string(m_column.intAt(row)));
            return found == m_byText.end() ? -1 : found->second;
        }
        default: {
            const auto found = m_byText.find(m_column.stringAt(row));
            return found == m_byText.end() ? -1 : found->second;
        }
        }
    }

private:
    const Column &m_column;
    std::unordered_map<std::string, int, TextHash, std::equal_to<>> m_byText;
    std::vector<int> m_byCode;
};

// The number a Number / Flag / Seconds feature starts from (NaN when missing).
double rawNumber(const Column &column, FeatureKind kind, std::size_t row)
{
    const double value = column.numericAt(row);
    return kind == FeatureKind::Seconds ? value / static_cast<double>(kNanosPerSecond) : value;
}

Status planClasses(const Column &column, const TableEncodingOptions &options, std::size_t cap, TableEncoding &plan)
{
    plan.classLabels = distinctLevels(column, cap);
    if (plan.classLabels.size() > cap) {
        return targetError(column, "has more than " + std::to_string(cap)
                                       + " distinct values, too many classes (is it an identifier?)");
    }
    if (plan.classLabels.size() < 2) {
        return targetError(column, "has " + std::to_string(plan.classLabels.size())
                                       + " distinct value(s); classification needs at least two classes");
    }
    plan.task = TaskKind::Classification;
    plan.singleColumnTarget = plan.classLabels.size() == 2 && options.binaryTargets == BinaryTargets::SingleColumn;
    return Status::ok();
}

Status planTarget(const Column &column, const TableEncodingOptions &options, TableEncoding &plan)
{
    plan.target = column.name();
    plan.targetType = column.type();
    if (column.missingCount() > 0) {
        return targetError(column, "missing value in row " + std::to_string(firstMissingRow(column) + 1) + " ("
                                       + std::to_string(column.missingCount())
                                       + " rows have no target; remove them before training)");
    }
    const ColumnType type = column.type();
    if (type == ColumnType::DateTime)
        return targetError(column, "a datetime cannot be a target; choose a class or number column");
    if (isTextColumn(type)) {
        if (options.task == TargetTask::Regression)
            return targetError(column, "text values cannot be a regression target");
        return planClasses(column, options, options.maxClasses, plan);
    }
    if (type == ColumnType::Float64) {
        if (options.task == TargetTask::Classification)
            return targetError(column, "float64 values cannot be classes; use an integer, bool or text column");
        plan.task = TaskKind::Regression;
        return Status::ok();
    }
    // Int64 and Bool.
    if (options.task == TargetTask::Regression) {
        plan.task = TaskKind::Regression;
        return Status::ok();
    }
    if (type == ColumnType::Int64 && options.task == TargetTask::Auto) {
        if (distinctLevels(column, options.maxIntegerClasses).size() > options.maxIntegerClasses) {
            plan.task = TaskKind::Regression;
            return Status::ok();
        }
    }
    return planClasses(column, options, std::max(options.maxIntegerClasses, options.maxClasses), plan);
}


// The fitting rows' statistics: the imputation mean and the per-column scaling map (ScalingMath.h).
Status fitNumbers(const Column &column, const TableEncodingOptions &options, const std::vector<std::size_t> &fitRows,
                  EncodedColumn &encoded)
{
    const bool scale = options.scaling != FeatureScaling::None && !isRowScaling(options.scaling)
                       && encoded.kind != FeatureKind::Flag;
    const bool impute = options.missing == MissingValues::Impute && encoded.missingRows > 0;
    if (!scale && !impute)
        return Status::ok();
    MomentsAccumulator accumulator;
    for (std::size_t row : fitRows)
        accumulator.add(rawNumber(column, encoded.kind, row));
    const ColumnMoments moments = accumulator.moments();
    if (moments.count == 0)
        return featureError(column, "no value in the training rows to compute its mean from");
    if (impute)
        encoded.fill = moments.mean;
    if (scale) {
        const AffineScale affine = affineScaleFor(options.scaling, moments);
        encoded.center = affine.center;
        encoded.scale = affine.scale;
        encoded.fitted = moments;
    }
    return Status::ok();
}

Result<EncodedColumn> planFeature(const Column &column, const TableEncodingOptions &options,
                                  const std::vector<std::size_t> &fitRows)
{
    EncodedColumn encoded;
    encoded.name = column.name();
    encoded.type = column.type();
    encoded.kind = TableEncoding::featureKindOf(column.type());
    if (column.missingCount() > 0) {
        if (options.missing == MissingValues::Reject) {
            return featureError(column, "missing value in row " + std::to_string(firstMissingRow(column) + 1) + " ("
                                            + std::to_string(column.missingCount())
                                            + " missing in all; impute them explicitly or exclude the column)");
        }
        encoded.missingRows = column.missingCount();
    }
    if (encoded.kind == FeatureKind::OneHot) {
        encoded.levels = distinctLevels(column, options.maxFeatureLevels);
        if (encoded.levels.size() > options.maxFeatureLevels) {
            return featureError(column, "more than " + std::to_string(options.maxFeatureLevels)
                                            + " distinct values, above the one-hot cap; exclude the column or raise "
                                              "the cap");
        }
        if (encoded.levels.empty())
            return featureError(column, "has no values to encode");
        encoded.featureCount = encoded.levels.size();
        return encoded;
    }
    if (Status status = fitNumbers(column, options, fitRows, encoded); !status.isOk())
        return status;
    return encoded;
}

} // namespace

FeatureKind TableEncoding::featureKindOf(ColumnType type)
{
    switch (type) {
    case ColumnType::Bool:
        return FeatureKind::Flag;
    case ColumnType::DateTime:
        return FeatureKind::Seconds;
    case ColumnType::String:
    case ColumnType::Categorical:
        return FeatureKind::OneHot;
    default:
        return FeatureKind::Number;
    }
}

std::vector<std::size_t> TableEncoding::allRows(const Table &table)
{
    std::vector<std::size_t> rows(table.rowCount());
    std::iota(rows.begin(), rows.end(), std::size_t(0));
    return rows;
}

std::string TableEncoding::levelText(const Column &column, std::size_t row)
{
    switch (column.type()) {
    case ColumnType::Bool:
        return column.intAt(row) != 0 ? "true" : "false";
    case ColumnType::Int64:
        return std::to_string(column.intAt(row));
    case ColumnType::Categorical:
        return std::string(column.categoryAt(row));
    default:
        return column.displayAt(row);
    }
}

Result<TableEncoding> TableEncoding::plan(const Table &table, const TableEncodingOptions &options,
                                          const std::vector<std::size_t> &fitRows)
{
    const Column *target = table.find(options.target);
    if (!target) {
        std::string names;
        for (const Column &column : table.columns())
            names += (names.empty() ? "'" : ", '") + column.name() + "'";
        return Status::invalidInput("target column '" + options.target + "' is not in the table (columns: " + names + ")");
    }
    for (const std::string &name : options.excluded) {
        if (!table.find(name))
            return Status::invalidInput("excluded column '" + name + "' is not in the table");
        if (name == options.target)
            return Status::invalidInput("column '" + name + "' is the target and cannot also be excluded");
    }
    TableEncoding plan;
    plan.scaling = options.scaling;
    if (Status status = planTarget(*target, options, plan); !status.isOk())
        return status;
    std::size_t nextFeature = 0;
    for (const Column &column : table.columns()) {
        const bool skipped = std::find(options.excluded.begin(), options.excluded.end(), column.name())
                             != options.excluded.end();
        if (&column == target || skipped)
            continue;
        auto encoded = planFeature(column, options, fitRows);
        if (!encoded.isOk())
            return encoded.status();
        EncodedColumn feature = encoded.takeValue();
        feature.firstFeature = nextFeature;
        nextFeature += feature.featureCount;
        if (feature.kind == FeatureKind::OneHot) {
            for (const std::string &level : feature.levels)
                plan.featureNames.push_back(feature.name + "=" + level);
        } else {
            plan.featureNames.push_back(feature.name);
        }
        plan.columns.push_back(std::move(feature));
    }
    if (plan.columns.empty())
        return Status::invalidInput("no feature columns: every column other than the target '" + options.target
                                    + "' is excluded");
    return plan;
}

namespace {

Status encodeFeatures(const Table &table, const TableEncoding &encoding, const std::vector<std::size_t> &rows,
                      std::vector<float> &features)
{
    const auto width = static_cast<std::size_t>(encoding.featureCount());
    for (const EncodedColumn &encoded : encoding.columns) {
        const Column &column = *table.find(encoded.name);
        if (encoded.kind == FeatureKind::OneHot) {
            const LevelLookup lookup(column, encoded.levels);
            for (std::size_t i = 0; i < rows.size(); ++i) {
                const int level = lookup.indexOf(rows[i]);
                if (level >= 0)
                    features[i * width + encoded.firstFeature + static_cast<std::size_t>(level)] = 1.0f;
            }
            continue;
        }
        for (std::size_t i = 0; i < rows.size(); ++i) {
            double value = rawNumber(column, encoded.kind, rows[i]);
            if (!column.isValid(rows[i]))
                value = encoded.fill;
            if (!std::isfinite(value)) {
                return featureError(column, "value '" + column.displayAt(rows[i]) + "' in row "
                                                + std::to_string(rows[i] + 1) + " is not a finite number");
            }
            features[i * width + encoded.firstFeature] = static_cast<float>((value - encoded.center) / encoded.scale);
        }
    }
    return Status::ok();
}

// UnitL1 / UnitL2: each row's number features divided by their norm (flags and one-hot excluded).
void normalizeRows(const TableEncoding &encoding, std::size_t rows, std::vector<float> &features)
{
    if (!isRowScaling(encoding.scaling))
        return;
    const auto width = static_cast<std::size_t>(encoding.featureCount());
    for (std::size_t i = 0; i < rows; ++i) {
        float *row = features.data() + i * width;
        double norm = 0.0;
        for (const EncodedColumn &encoded : encoding.columns) {
            if (encoded.kind == FeatureKind::Number || encoded.kind == FeatureKind::Seconds) {
                const double value = row[encoded.firstFeature];
                norm += encoding.scaling == FeatureScaling::UnitL1 ? std::fabs(value) : value * value;
            }
        }
        if (encoding.scaling == FeatureScaling::UnitL2)
            norm = std::sqrt(norm);
        if (!(norm > 0.0))
            continue;
        for (const EncodedColumn &encoded : encoding.columns) {
            if (encoded.kind == FeatureKind::Number || encoded.kind == FeatureKind::Seconds)
                row[encoded.firstFeature] = static_cast<float>(row[encoded.firstFeature] / norm);
        }
    }
}

Status encodeTargets(const Column &column, const TableEncoding &encoding, const std::vector<std::size_t> &rows,
                     std::vector<float> &targets)
{
    const auto width = static_cast<std::size_t>(encoding.targetCount());
    if (encoding.task == TaskKind::Regression) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const double value = column.numericAt(rows[i]);
            if (!std::isfinite(value)) {
                return targetError(column, "value '" + column.displayAt(rows[i]) + "' in row "
                                               + std::to_string(rows[i] + 1) + " is not a finite number");
            }
            targets[i] = static_cast<float>(value);
        }
        return Status::ok();
    }
    const LevelLookup lookup(column, encoding.classLabels);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const int level = lookup.indexOf(rows[i]);
        if (level < 0) {
            return targetError(column, "value '" + column.displayAt(rows[i]) + "' in row "
                                           + std::to_string(rows[i] + 1) + " is not one of the planned classes");
        }
        if (encoding.singleColumnTarget)
            targets[i] = static_cast<float>(level);
        else
            targets[i * width + static_cast<std::size_t>(level)] = 1.0f;
    }
    return Status::ok();
}

} // namespace

Result<TrainingSet> TableEncoding::encode(const Table &table, const std::vector<std::size_t> &rows) const
{
    const Column *targetColumn = table.find(target);
    if (!targetColumn)
        return Status::invalidInput("target column '" + target + "' is not in the table");
    std::vector<float> features(rows.size() * static_cast<std::size_t>(featureCount()), 0.0f);
    std::vector<float> targets(rows.size() * static_cast<std::size_t>(targetCount()), 0.0f);
    if (Status status = encodeFeatures(table, *this, rows, features); !status.isOk())
        return status;
    normalizeRows(*this, rows.size(), features);
    if (Status status = encodeTargets(*targetColumn, *this, rows, targets); !status.isOk())
        return status;
    return TrainingSet::create(std::move(features), featureCount(), std::move(targets), targetCount());
}

} // namespace loupe
