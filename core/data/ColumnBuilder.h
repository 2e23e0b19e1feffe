#pragma once
// Accumulates one column of one parse chunk, deciding the column's type as values arrive.
//
// An inferring builder starts from a seed state (the type guessed from a sample, or Empty) and widens:
//   Empty -> the first non-missing value's type (int64, float64, bool, datetime, else string)
//   Int64 -> Float64 when a value reads as float64 but not int64 (stored ints are converted)
//   any other mismatch -> Dropped: the column will be String, and CsvReader re-reads its text.
// A forced builder keeps its type and refuses a value that does not read (AppendStatus::BadValue).
// Raw builders keep every field's text as is (TypeInference::AllStrings); Ignored builders store nothing.
// Missing tokens (FieldParser::isMissingToken) become missing values except in Raw builders.
// Text that is not valid UTF-8 is stored anyway and reported as AppendStatus::InvalidUtf8.

#include "core/data/ColumnType.h"
#include "core/data/DateTimeParser.h"
#include "core/data/FieldParser.h"
#include "core/data/Utf8.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loupe {

class ColumnBuilder {
public:
    enum class State : std::uint8_t { Empty, Int64, Float64, Bool, DateTime, String, Dropped, Raw, Ignored };
    enum class Mode : std::uint8_t { Infer, Forced };
    enum class AppendStatus : std::uint8_t { Ok, BadValue, InvalidUtf8 };

    // requires: a Forced builder starts in Int64, Float64, Bool, DateTime or String.
    ColumnBuilder(State start, Mode mode);

    // Reserves room for rows values and, for text states, textBytes characters.
    void reserve(std::size_t rows, std::size_t textBytes);

    // Inline for the common cases; missing values, type changes and rare states go through appendOther.
    AppendStatus append(std::string_view text)
    {
        if (FieldParser::isMissingToken(text))
            return appendOther(text);
        switch (m_state) {
        case State::String:
            return appendText(text);
        case State::Int64: {
            std::int64_t value;
            if (!FieldParser::parseInt64(FieldParser::trimSpaces(text), value))
                break;
            m_ints.push_back(value);
            m_valid.push_back(1);
            return AppendStatus::Ok;
        }
        case State::Float64: {
            double value;
            if (!FieldParser::parseFloat64(FieldParser::trimSpaces(text), value))
                break;
            m_doubles.push_back(value);
            m_valid.push_back(1);
            return AppendStatus::Ok;
        }
        case State::DateTime: {
            std::int64_t value;
            if (!DateTimeParser::parse(FieldParser::trimSpaces(text), value))
                break;
            m_ints.push_back(value);
            m_valid.push_back(1);
            return AppendStatus::Ok;
        }
        case State::Bool: {
            bool value;
            if (m_mode == Mode::Forced || !FieldParser::parseBool(FieldParser::trimSpaces(text), value))
                break;
            m_ints.push_back(value ? 1 : 0);
            m_valid.push_back(1);
            return AppendStatus::Ok;
        }
        default:
            break;
        }
        return appendOther(text);
    }

    State state() const { return m_state; }
    Mode mode() const { return m_mode; }
    std::size_t size() const { return m_valid.size(); }
    // The state an inferring builder leaves for the next chunk's seed: Dropped reads as String.
    State seedState() const { return m_state == State::Dropped ? State::String : m_state; }

    const std::vector<std::uint8_t> &validity() const { return m_valid; }
    const std::vector<std::int64_t> &ints() const { return m_ints; }
    const std::vector<double> &doubles() const { return m_doubles; }
    const std::string &chars() const { return m_chars; }
    const std::vector<std::uint64_t> &offsets() const { return m_offsets; } // size() + 1 entries, from 0
    void release(); // frees all storage
    // Empties the builder for the next chunk, keeping its memory, and restarts it in `start`.
    void reset(State start);

    // The ColumnType of a state; Empty has none (callers treat it as "no value yet").
    static ColumnType columnType(State state);
    static State stateFor(ColumnType type); // Categorical -> String

private:
    AppendStatus appendOther(std::string_view text);
    AppendStatus appendTyped(std::string_view text);
    AppendStatus appendFirst(std::string_view text);
    AppendStatus widen(std::string_view text);
    // Stores the text even when it is not UTF-8 (the caller reports it), so rows stay aligned.
    AppendStatus appendText(std::string_view text)
    {
        m_chars.append(text);
        m_offsets.push_back(m_chars.size());
        m_valid.push_back(1);
        return Utf8::isValid(text) ? AppendStatus::Ok : AppendStatus::InvalidUtf8;
    }
    void appendMissing();
    void dropAll();

    State m_state;
    Mode m_mode;
    std::vector<std::uint8_t> m_valid;
    std::vector<std::int64_t> m_ints;
    std::vector<double> m_doubles;
    std::string m_chars;
    std::vector<std::uint64_t> m_offsets{0};
};

} // namespace loupe
