#include "core/data/RowQuery.h"

namespace loupe {

std::string_view filterConditionName(FilterCondition condition)
{
    switch (condition) {
    case FilterCondition::Contains:
        return "contains";
    case FilterCondition::Equals:
        return "=";
    case FilterCondition::Less:
        return "<";
    case FilterCondition::Greater:
        return ">";
    case FilterCondition::IsMissing:
        return "is missing";
    case FilterCondition::IsPresent:
        return "is not missing";
    }
    return "?";
}

bool filterConditionTakesOperand(FilterCondition condition)
{
    return condition != FilterCondition::IsMissing && condition != FilterCondition::IsPresent;
}

} // namespace loupe
