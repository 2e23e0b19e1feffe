#include "core/data/RowPredicate.h"

#include "core/data/DateTimeParser.h"
#include "core/data/FieldParser.h"

#include <cmath>

namespace loupe {

namespace {

Status unreadableOperand(const Column &column, std::string_view operand, std::string_view expected)
{
    return Status::invalidInput("filter on '" + column.name() + "' (" + std::string(columnTypeName(column.type()))
                                + "): '" + std::string(operand) + "' is not " + std::string(expected));
}

bool isTextFilterColumn(const Column &column)
{
    return column.type() == ColumnType::String || column.type() == ColumnType::Categorical;
}

} // namespace

Result<RowPredicate> RowPredicate::compile(const Column &column, const RowFilter &filter)
{
    RowPredicate predicate(column, filter.condition);
    if (!filterConditionTakesOperand(filter.condition))
        return predicate;
    predicate.m_text = filter.operand;
    if (filter.condition == FilterCondition::Contains || isTextFilterColumn(column))
        return predicate;
    const std::string_view operand = FieldParser::trimSpaces(filter.operand);
    switch (column.type()) {
    case ColumnType::Int64:
        predicate.m_integerOperand = FieldParser::parseInt64(operand, predicate.m_integer);
        if (!predicate.m_integerOperand && !FieldParser::parseFloat64(operand, predicate.m_real))
            return unreadableOperand(column, filter.operand, "a number");
        break;
    case ColumnType::Float64:
        if (!FieldParser::parseFloat64(operand, predicate.m_real))
            return unreadableOperand(column, filter.operand, "a number");
        break;
    case ColumnType::Bool: {
        bool value = false;
        if (!FieldParser::parseBoolOrBinary(operand, value))
            return unreadableOperand(column, filter.operand, "true, false, 1 or 0");
        predicate.m_integer = value ? 1 : 0;
        break;
    }
    case ColumnType::DateTime:
        if (!DateTimeParser::parse(operand, predicate.m_integer))
            return unreadableOperand(column, filter.operand, "a date (YYYY-MM-DD, optionally with HH:MM[:SS])");
        break;
    case ColumnType::String:
    case ColumnType::Categorical:
        break;
    }
    return predicate;
}

template <typename T>
bool RowPredicate::compare(const T &value, const T &operand) const
{
    switch (m_condition) {
    case FilterCondition::Equals:
        return value == operand;
    case FilterCondition::Less:
        return value < operand;
    case FilterCondition::Greater:
        return operand < value;
    default:
        return false;
    }
}

bool RowPredicate::containsText(std::size_t row) const
{
    switch (m_column->type()) {
    case ColumnType::String:
        return m_column->stringAt(row).find(m_text) != std::string_view::npos;
    case ColumnType::Categorical:
        return m_column->categoryAt(row).find(m_text) != std::string_view::npos;
    default:
        return m_column->displayAt(row).find(m_text) != std::string::npos;
    }
}

bool RowPredicate::matches(std::size_t row) const
{
    const bool present = m_column->isValid(row);
    if (m_condition == FilterCondition::IsMissing)
        return !present;
    if (m_condition == FilterCondition::IsPresent || !present)
        return present;
    if (m_condition == FilterCondition::Contains)
        return containsText(row);
    switch (m_column->type()) {
    case ColumnType::Int64:
        if (m_integerOperand)
            return compare(m_column->intAt(row), m_integer);
        return compare(static_cast<double>(m_column->intAt(row)), m_real);
    case ColumnType::Bool:
    case ColumnType::DateTime:
        return compare(m_column->intAt(row), m_integer);
    case ColumnType::Float64: {
        const double value = m_column->doubleAt(row);
        return !std::isnan(value) && compare(value, m_real);
    }
    case ColumnType::String:
        return compare(m_column->stringAt(row), std::string_view(m_text));
    case ColumnType::Categorical:
        return compare(m_column->categoryAt(row), std::string_view(m_text));
    }
    return false;
}

} // namespace loupe
