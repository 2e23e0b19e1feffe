#include "core/data/CsvColumnAssembler.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <string_view>
#include <unordered_map>

namespace loupe {

using State = ColumnBuilder::State;

ColumnType CsvColumnAssembler::joinedType(const std::vector<const ColumnBuilder *> &parts)
{
    std::optional<ColumnType> joined;
    for (const ColumnBuilder *part : parts) {
        if (part->state() == State::Empty)
            continue;
        const ColumnType type = ColumnBuilder::columnType(part->state());
        if (!joined || *joined == type)
            joined = type;
        else if ((*joined == ColumnType::Int64 && type == ColumnType::Float64)
                 || (*joined == ColumnType::Float64 && type == ColumnType::Int64))
            joined = ColumnType::Float64;
        else
            joined = ColumnType::String;
    }
    return joined.value_or(ColumnType::String);
}

bool CsvColumnAssembler::canAssemble(State state, ColumnType type)
{
    if (state == State::Empty)
        return true;
    if (state == State::Dropped || state == State::Ignored)
        return false;
    if (state == State::Raw)
        return type == ColumnType::String;
    const ColumnType own = ColumnBuilder::columnType(state);
    return own == type || (own == ColumnType::Int64 && type == ColumnType::Float64);
}

namespace {

void appendStrings(Column &column, const ColumnBuilder &part)
{
    std::string &chars = column.chars();
    std::vector<std::uint64_t> &offsets = column.offsets();
    const std::uint64_t base = chars.size();
    if (part.state() == State::Empty) {
        offsets.insert(offsets.end(), part.size(), base);
        return;
    }
    chars.append(part.chars());
    const std::vector<std::uint64_t> &own = part.offsets();
    for (std::size_t i = 1; i < own.size(); ++i)
        offsets.push_back(base + own[i]);
}

void appendValues(Column &column, ColumnType type, const ColumnBuilder &part)
{
    if (type == ColumnType::String) {
        appendStrings(column, part);
        return;
    }
    if (type == ColumnType::Float64) {
        std::vector<double> &doubles = column.doubles();
        if (part.state() == State::Empty)
            doubles.insert(doubles.end(), part.size(), std::numeric_limits<double>::quiet_NaN());
        else if (part.state() == State::Int64)
            for (std::size_t i = 0; i < part.size(); ++i)
                doubles.push_back(part.validity()[i] ? static_cast<double>(part.ints()[i])
                                                     : std::numeric_limits<double>::quiet_NaN());
        else
            doubles.insert(doubles.end(), part.doubles().begin(), part.doubles().end());
        return;
    }
    std::vector<std::int64_t> &ints = column.ints();
    if (part.state() == State::Empty)
        ints.insert(ints.end(), part.size(), 0);
    else
        ints.insert(ints.end(), part.ints().begin(), part.ints().end());
}

} // namespace

Column CsvColumnAssembler::assemble(const std::string &name, ColumnType type, const std::vector<ColumnBuilder *> &parts)
{
    Column column(name, type);
    std::size_t rows = 0, chars = 0;
    for (const ColumnBuilder *part : parts) {
        assert(canAssemble(part->state(), type));
        rows += part->size();
        chars += part->chars().size();
    }
    column.reserve(rows);
    if (type == ColumnType::String)
        column.chars().reserve(chars);
    for (ColumnBuilder *part : parts) {
        column.validity().insert(column.validity().end(), part->validity().begin(), part->validity().end());
        appendValues(column, type, *part);
        part->release();
    }
    column.recountMissing();
    return column;
}

std::optional<Column> CsvColumnAssembler::toCategorical(const Column &strings, std::size_t maxLevels, LevelLimit limit)
{
    assert(strings.type() == ColumnType::String);
    const std::size_t rows = strings.size();
    std::unordered_map<std::string_view, std::int32_t> codes;
    for (std::size_t i = 0; i < rows; ++i) {
        if (!strings.isValid(i))
            continue;
        codes.emplace(strings.stringAt(i), 0);
        if (maxLevels != 0 && codes.size() > maxLevels)
            return std::nullopt;
    }
    if (limit == LevelLimit::FewerThanHalfTheRows && codes.size() * 2 >= rows)
        return std::nullopt;
    std::vector<std::string_view> labels;
    labels.reserve(codes.size());
    for (const auto &entry : codes)
        labels.push_back(entry.first);
    std::sort(labels.begin(), labels.end());
    Column column(strings.name(), ColumnType::Categorical);
    for (std::size_t k = 0; k < labels.size(); ++k)
        codes[labels[k]] = column.addCategory(std::string(labels[k]));
    column.reserve(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        if (strings.isValid(i))
            column.appendCategoryCode(codes[strings.stringAt(i)]);
        else
            column.appendMissing();
    }
    return column;
}

} // namespace loupe
