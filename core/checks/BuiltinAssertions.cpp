// Every built-in assertion, one line each. To add one: write core/checks/assertions/<Name>Assertion.h/.cpp
// (see Assertion.h for the contract, BetweenAssertion as the model), include its header here and add its line.

#include "core/checks/AssertionRegistry.h"
#include "core/checks/assertions/AfterAssertion.h"
#include "core/checks/assertions/BetweenAssertion.h"
#include "core/checks/assertions/CategoricalAssertions.h"
#include "core/checks/assertions/ColumnPairAssertion.h"
#include "core/checks/assertions/DateTimeBoundAssertion.h"
#include "core/checks/assertions/FileAssertion.h"
#include "core/checks/assertions/FrequencyLagAssertions.h"
#include "core/checks/assertions/InColumnAssertion.h"
#include "core/checks/assertions/MonotonicAssertion.h"
#include "core/checks/assertions/NoPiiAssertion.h"
#include "core/checks/assertions/NotBetweenAssertion.h"
#include "core/checks/assertions/NotNullAssertion.h"
#include "core/checks/assertions/RegexAssertion.h"
#include "core/checks/assertions/SchemaAssertions.h"
#include "core/checks/assertions/StatisticAssertion.h"
#include "core/checks/assertions/TimeZoneAssertion.h"
#include "core/checks/assertions/UniqueAssertions.h"

namespace loupe {

void registerBuiltinAssertions(AssertionRegistry &registry)
{
    registry.add(std::make_unique<BetweenAssertion>());
    registry.add(std::make_unique<AfterAssertion>());
    registry.add(std::make_unique<NotBetweenAssertion>());
    registry.add(std::make_unique<DateTimeBoundAssertion>(DateTimeBoundAssertion::Kind::Before));
    registry.add(std::make_unique<DateTimeBoundAssertion>(DateTimeBoundAssertion::Kind::Past));
    registry.add(std::make_unique<DateTimeBoundAssertion>(DateTimeBoundAssertion::Kind::Future));
    registry.add(std::make_unique<FrequencyEqualAssertion>());
    registry.add(std::make_unique<LagAssertion>(LagAssertion::Comparison::Equal));
    registry.add(std::make_unique<LagAssertion>(LagAssertion::Comparison::Less));
    registry.add(std::make_unique<LagAssertion>(LagAssertion::Comparison::LessEqual));
    registry.add(std::make_unique<MonotonicAssertion>(MonotonicAssertion::Direction::Increasing, MonotonicAssertion::Expectation::Monotonic));
    registry.add(std::make_unique<MonotonicAssertion>(MonotonicAssertion::Direction::Decreasing, MonotonicAssertion::Expectation::Monotonic));
    registry.add(std::make_unique<MonotonicAssertion>(MonotonicAssertion::Direction::Increasing, MonotonicAssertion::Expectation::NotMonotonic));
    registry.add(std::make_unique<MonotonicAssertion>(MonotonicAssertion::Direction::Decreasing, MonotonicAssertion::Expectation::NotMonotonic));
    registry.add(std::make_unique<UniqueAssertion>());
    registry.add(std::make_unique<NotUniqueAssertion>());
    registry.add(std::make_unique<CompoundUniqueAssertion>());
    registry.add(std::make_unique<InSetAssertion>(InSetAssertion::Expectation::In));
    registry.add(std::make_unique<InSetAssertion>(InSetAssertion::Expectation::NotIn));
    registry.add(std::make_unique<LevelsEqualAssertion>(LevelsEqualAssertion::Expectation::Equal));
    registry.add(std::make_unique<LevelsEqualAssertion>(LevelsEqualAssertion::Expectation::NotEqual));
    registry.add(std::make_unique<InColumnAssertion>());
    registry.add(std::make_unique<ColumnPairAssertion>());
    registry.add(std::make_unique<NotNullAssertion>());
    registry.add(std::make_unique<NoPiiAssertion>());
    registry.add(std::make_unique<RegexAssertion>(RegexAssertion::Expectation::Matches));
    registry.add(std::make_unique<RegexAssertion>(RegexAssertion::Expectation::DoesNotMatch));
    registry.add(std::make_unique<ColumnExistsAssertion>());
    registry.add(std::make_unique<ColumnsEqualAssertion>());
    registry.add(std::make_unique<RowCountBetweenAssertion>());
    registry.add(std::make_unique<TypeAssertion>());
    registry.add(std::make_unique<StatisticAssertion>(StatisticAssertion::Statistic::Mean));
    registry.add(std::make_unique<StatisticAssertion>(StatisticAssertion::Statistic::Std));
    registry.add(std::make_unique<StatisticAssertion>(StatisticAssertion::Statistic::Min));
    registry.add(std::make_unique<StatisticAssertion>(StatisticAssertion::Statistic::Max));
    registry.add(std::make_unique<StatisticAssertion>(StatisticAssertion::Statistic::Quantile));
    registry.add(std::make_unique<StatisticAssertion>(StatisticAssertion::Statistic::DistinctCount));
    registry.add(std::make_unique<TimeZoneAssertion>(TimeZoneAssertion::Kind::Present));
    registry.add(std::make_unique<TimeZoneAssertion>(TimeZoneAssertion::Kind::Absent));
    registry.add(std::make_unique<TimeZoneAssertion>(TimeZoneAssertion::Kind::Equal));
    registry.add(std::make_unique<TimeZoneAssertion>(TimeZoneAssertion::Kind::NotEqual));
    registry.add(std::make_unique<TimeZoneAssertion>(TimeZoneAssertion::Kind::Utc));
    registry.add(std::make_unique<TimeZoneAssertion>(TimeZoneAssertion::Kind::Consistent));
    registry.add(std::make_unique<FileAssertion>(FileAssertion::Kind::Exists));
    registry.add(std::make_unique<FileAssertion>(FileAssertion::Kind::NameEqual));
    registry.add(std::make_unique<FileAssertion>(FileAssertion::Kind::NameMatches));
    registry.add(std::make_unique<FileAssertion>(FileAssertion::Kind::TypeEqual));
    registry.add(std::make_unique<FileAssertion>(FileAssertion::Kind::SizeBetween));
    registry.add(std::make_unique<FileAssertion>(FileAssertion::Kind::Encoding));
    registry.add(std::make_unique<FileAssertion>(FileAssertion::Kind::LineEndings));
    registry.add(std::make_unique<FileAssertion>(FileAssertion::Kind::SizeEqual));
    registry.add(std::make_unique<FileAssertion>(FileAssertion::Kind::SizeAlmostEqual));
    registry.add(std::make_unique<FileAssertion>(FileAssertion::Kind::SizeZero));
    registry.add(std::make_unique<FileAssertion>(FileAssertion::Kind::Exists, FileAssertion::Expectation::Negated));
    registry.add(std::make_unique<FileAssertion>(FileAssertion::Kind::NameEqual, FileAssertion::Expectation::Negated));
    registry.add(std::make_unique<FileAssertion>(FileAssertion::Kind::NameMatches, FileAssertion::Expectation::Negated));
    registry.add(std::make_unique<FileAssertion>(FileAssertion::Kind::TypeEqual, FileAssertion::Expectation::Negated));
    registry.add(std::make_unique<FileAssertion>(FileAssertion::Kind::SizeEqual, FileAssertion::Expectation::Negated));
    registry.add(std::make_unique<FileAssertion>(FileAssertion::Kind::SizeAlmostEqual, FileAssertion::Expectation::Negated));
    registry.add(std::make_unique<FileAssertion>(FileAssertion::Kind::SizeZero, FileAssertion::Expectation::Negated));
    registry.add(std::make_unique<FileAssertion>(FileAssertion::Kind::Encoding, FileAssertion::Expectation::Negated));
}

} // namespace loupe
