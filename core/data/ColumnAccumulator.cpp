#include "core/data/ColumnAccumulator.h"

#include <cassert>
#include <limits>

namespace loupe {

using State = ColumnBuilder::State;

void ColumnAccumulator::reserve(std::size_t rows, std::size_t textBytes)
{
    m_valid.reserve(rows);
    switch (m_kind) {
    case Kind::Float64:
        m_doubles.reserve(rows);
        break;
    case Kind::Text:
        m_offsets.reserve(rows + 1);
        m_chars.reserve(textBytes);
        break;
    case Kind::Empty:
    case Kind::NeedsReread:
        break;
    default:
        m_ints.reserve(rows);
    }
}

ColumnAccumulator::Kind ColumnAccumulator::kindOf(State state)
{
    switch (state) {
    case State::Empty:
        return Kind::Empty;
    case State::Int64:
        return Kind::Int64;
    case State::Float64:
        return Kind::Float64;
    case State::Bool:
        return Kind::Bool;
    case State::DateTime:
        return Kind::DateTime;
    case State::String:
    case State::Raw:
        return Kind::Text;
    default:
        return Kind::NeedsReread;
    }
}

void ColumnAccumulator::append(const ColumnBuilder &part)
{
    assert(part.state() != State::Ignored);
    const Kind incoming = kindOf(part.state());
    const std::size_t partRows = part.state() == State::Dropped ? 0 : part.size();
    if (m_kind == Kind::NeedsReread || incoming == Kind::NeedsReread) {
        if (m_kind != Kind::NeedsReread)
            becomeTyped(Kind::NeedsReread);
        return; // the re-read rebuilds the column; row counts come from the chunk results
    }
    if (m_kind == Kind::Empty && incoming != Kind::Empty)
        becomeTyped(incoming);
    else if (m_kind == Kind::Int64 && incoming == Kind::Float64)
        convertToFloat();
    const bool fits = incoming == Kind::Empty || incoming == m_kind
                      || (m_kind == Kind::Float64 && incoming == Kind::Int64);
    if (!fits) {
        becomeTyped(Kind::NeedsReread);
        return;
    }
    appendValues(part);
    m_rows += partRows;
}

// Gives the rows seen so far (all missing) storage of the new kind; NeedsReread frees everything.
void ColumnAccumulator::becomeTyped(Kind kind)
{
    m_kind = kind;
    switch (kind) {
    case Kind::NeedsReread:
        std::vector<std::uint8_t>().swap(m_valid);
        std::vector<std::int64_t>().swap(m_ints);
        std::vector<double>().swap(m_doubles);
        std::string().swap(m_chars);
        std::vector<std::uint64_t>{0}.swap(m_offsets);
        break;
    case Kind::Float64:
        m_doubles.assign(m_rows, kMissingDouble);
        break;
    case Kind::Text:
        m_offsets.assign(m_rows + 1, 0);
        break;
    default:
        m_ints.assign(m_rows, 0);
    }
}

void ColumnAccumulator::convertToFloat()
{
    std::vector<double> doubles;
    doubles.reserve(m_ints.capacity());
    for (std::size_t i = 0; i < m_ints.size(); ++i)
        doubles.push_back(m_valid[i] ? static_cast<double>(m_ints[i]) : kMissingDouble);
    m_doubles.swap(doubles);
    std::vector<std::int64_t>().swap(m_ints);
    m_kind = Kind::Float64;
}

void ColumnAccumulator::appendValues(const ColumnBuilder &part)
{
    const std::size_t rows = part.size();
    m_valid.insert(m_valid.end(), part.validity().begin(), part.validity().end());
    const bool empty = part.state() == State::Empty;
    switch (m_kind) {
    case Kind::Empty:
        break;
    case Kind::Float64:
        if (empty)
            m_doubles.insert(m_doubles.end(), rows, kMissingDouble);
        else if (part.state() == State::Int64)
            for (std::size_t i = 0; i < rows; ++i)
                m_doubles.push_back(part.validity()[i] ? static_cast<double>(part.ints()[i]) : kMissingDouble);
        else
            m_doubles.insert(m_doubles.end(), part.doubles().begin(), part.doubles().end());
        break;
    case Kind::Text: {
        const std::uint64_t base = m_chars.size();
        if (empty) {
            m_offsets.insert(m_offsets.end(), rows, base);
            break;
        }
        m_chars.append(part.chars());
        const std::size_t at = m_offsets.size();
        m_offsets.resize(at + rows);
        const std::uint64_t *from = part.offsets().data() + 1;
        std::uint64_t *to = m_offsets.data() + at;
        for (std::size_t i = 0; i < rows; ++i)
            to[i] = base + from[i];
        break;
    }
    default:
        if (empty)
            m_ints.insert(m_ints.end(), rows, 0);
        else
            m_ints.insert(m_ints.end(), part.ints().begin(), part.ints().end());
    }
}

ColumnType ColumnAccumulator::columnType() const
{
    switch (m_kind) {
    case Kind::Int64:
        return ColumnType::Int64;
    case Kind::Float64:
        return ColumnType::Float64;
    case Kind::Bool:
        return ColumnType::Bool;
    case Kind::DateTime:
        return ColumnType::DateTime;
    default:
        return ColumnType::String;
    }
}

Column ColumnAccumulator::takeColumn(const std::string &name)
{
    assert(m_kind != Kind::NeedsReread);
    if (m_kind == Kind::Empty) // no value at all: a text column of missing values
        becomeTyped(Kind::Text);
    Column column(name, columnType());
    column.validity().swap(m_valid);
    column.ints().swap(m_ints);
    column.doubles().swap(m_doubles);
    column.chars().swap(m_chars);
    column.offsets().swap(m_offsets);
    column.recountMissing();
    *this = ColumnAccumulator();
    return column;
}

} // namespace loupe
