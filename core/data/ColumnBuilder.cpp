#include "core/data/ColumnBuilder.h"

#include "core/data/DateTimeParser.h"

#include <cassert>
#include <limits>

namespace loupe {

ColumnBuilder::ColumnBuilder(State start, Mode mode) : m_state(start), m_mode(mode)
{
    assert(mode == Mode::Infer || (start != State::Empty && start != State::Dropped && start != State::Raw
                                   && start != State::Ignored));
}

void ColumnBuilder::reserve(std::size_t rows, std::size_t textBytes)
{
    if (m_state == State::Ignored || m_state == State::Dropped)
        return;
    m_valid.reserve(rows);
    switch (m_state) {
    case State::Float64:
        m_doubles.reserve(rows);
        break;
    case State::String:
    case State::Raw:
        m_offsets.reserve(rows + 1);
        m_chars.reserve(textBytes);
        break;
    case State::Empty:
        break;
    default:
        m_ints.reserve(rows);
    }
}

ColumnBuilder::AppendStatus ColumnBuilder::appendOther(std::string_view text)
{
    switch (m_state) {
    case State::Ignored:
    case State::Dropped:
        return AppendStatus::Ok;
    case State::Raw:
        return appendText(text);
    default:
        break;
    }
    if (FieldParser::isMissingToken(text)) {
        appendMissing();
        return AppendStatus::Ok;
    }
    return appendTyped(text);
}

ColumnBuilder::AppendStatus ColumnBuilder::appendTyped(std::string_view text)
{
    const std::string_view trimmed = FieldParser::trimSpaces(text);
    switch (m_state) {
    case State::Int64: {
        std::int64_t value;
        if (!FieldParser::parseInt64(trimmed, value))
            return widen(text);
        m_ints.push_back(value);
        break;
    }
    case State::Float64: {
        double value;
        if (!FieldParser::parseFloat64(trimmed, value))
            return widen(text);
        m_doubles.push_back(value);
        break;
    }
    case State::Bool: {
        bool value;
        const bool ok = m_mode == Mode::Forced ? FieldParser::parseBoolOrBinary(trimmed, value)
                                               : FieldParser::parseBool(trimmed, value);
        if (!ok)
            return widen(text);
        m_ints.push_back(value ? 1 : 0);
        break;
    }
    case State::DateTime: {
        std::int64_t value;
        if (!DateTimeParser::parse(trimmed, value))
            return widen(text);
        m_ints.push_back(value);
        break;
    }
    case State::String:
        return appendText(text);
    case State::Empty:
        return appendFirst(text);
    default:
        return AppendStatus::Ok;
    }
    m_valid.push_back(1);
    return AppendStatus::Ok;
}

// Chooses the state from the first non-missing value, pads the rows seen so far as missing, appends it.
ColumnBuilder::AppendStatus ColumnBuilder::appendFirst(std::string_view text)
{
    const std::string_view trimmed = FieldParser::trimSpaces(text);
    std::int64_t asInt;
    double asDouble;
    bool asBool;
    if (FieldParser::parseInt64(trimmed, asInt))
        m_state = State::Int64;
    else if (FieldParser::parseFloat64(trimmed, asDouble))
        m_state = State::Float64;
    else if (FieldParser::parseBool(trimmed, asBool))
        m_state = State::Bool;
    else if (DateTimeParser::parse(trimmed, asInt))
        m_state = State::DateTime;
    else
        m_state = State::String;
    const std::size_t rows = m_valid.size();
    if (m_state == State::Float64)
        m_doubles.assign(rows, kMissingDouble);
    else if (m_state == State::String)
        m_offsets.assign(rows + 1, 0);
    else
        m_ints.assign(rows, 0);
    return appendTyped(text);
}

ColumnBuilder::AppendStatus ColumnBuilder::widen(std::string_view text)
{
    if (m_mode == Mode::Forced)
        return AppendStatus::BadValue;
    double value;
    if (m_state == State::Int64 && FieldParser::parseFloat64(FieldParser::trimSpaces(text), value)) {
        m_doubles.resize(m_ints.size());
        for (std::size_t i = 0; i < m_ints.size(); ++i)
            m_doubles[i] = m_valid[i] ? static_cast<double>(m_ints[i]) : kMissingDouble;
        std::vector<std::int64_t>().swap(m_ints);
        m_state = State::Float64;
        m_doubles.push_back(value);
        m_valid.push_back(1);
        return AppendStatus::Ok;
    }
    dropAll();
    return AppendStatus::Ok;
}

void ColumnBuilder::appendMissing()
{
    m_valid.push_back(0);
    switch (m_state) {
    case State::Float64:
        m_doubles.push_back(kMissingDouble);
        break;
    case State::String:
        m_offsets.push_back(m_chars.size());
        break;
    case State::Empty:
        break;
    default:
        m_ints.push_back(0);
    }
}

void ColumnBuilder::dropAll()
{
    release();
    m_state = State::Dropped;
}

void ColumnBuilder::release()
{
    std::vector<std::uint8_t>().swap(m_valid);
    std::vector<std::int64_t>().swap(m_ints);
    std::vector<double>().swap(m_doubles);
    std::string().swap(m_chars);
    std::vector<std::uint64_t>{0}.swap(m_offsets);
}

void ColumnBuilder::reset(State start)
{
    m_state = start;
    m_valid.clear();
    m_ints.clear();
    m_doubles.clear();
    m_chars.clear();
    m_offsets.resize(1);
    m_offsets[0] = 0;
}

ColumnType ColumnBuilder::columnType(State state)
{
    switch (state) {
    case State::Int64:
        return ColumnType::Int64;
    case State::Float64:
        return ColumnType::Float64;
    case State::Bool:
        return ColumnType::Bool;
    case State::DateTime:
        return ColumnType::DateTime;
    default:
        return ColumnType::String;
    }
}

ColumnBuilder::State ColumnBuilder::stateFor(ColumnType type)
{
    switch (type) {
    case ColumnType::Int64:
        return State::Int64;
    case ColumnType::Float64:
        return State::Float64;
    case ColumnType::Bool:
        return State::Bool;
    case ColumnType::DateTime:
        return State::DateTime;
    default:
        return State::String;
    }
}

} // namespace loupe
