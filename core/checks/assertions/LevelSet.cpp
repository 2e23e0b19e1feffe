#include "core/checks/assertions/LevelSet.h"

#include "core/checks/CategoricalConstants.h"

#include <charconv>

namespace loupe {

namespace {

std::string joined(const std::vector<std::string_view> &items)
{
    std::string text;
    for (std::string_view item : items)
        text += (text.empty() ? "" : ", ") + std::string(item);
    return text;
}

bool parseNumber(const std::string &text, double &value)
{
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

} // namespace

Result<LevelSet> LevelSet::read(const AssertionParams &params, const Column &column)
{
    LevelSet set;
    set.m_text = column.type() == ColumnType::String || column.type() == ColumnType::Categorical;
    if (column.type() == ColumnType::DateTime)
        return Status::invalidInput("parameter 'column': column '" + column.name()
                                    + "' is datetime; level checks need a string, categorical or number column");
    const bool hasValues = params.has("values");
    const bool hasConstant = params.has("constant");
    if (hasValues == hasConstant)
        return Status::invalidInput("parameter 'values' or 'constant' is required (exactly one of them)");
    if (hasConstant) {
        Result<std::string> name = params.string("constant");
        if (!name.isOk())
            return name.status();
        const auto values = CategoricalConstants::find(name.value());
        if (values.empty())
            return Status::invalidInput("parameter 'constant': no constant '" + name.value() + "' (constants: "
                                        + joined(CategoricalConstants::names()) + ")");
        set.m_constant = name.value();
        for (std::string_view value : values)
            set.m_levels.emplace_back(value);
    } else {
        const nlohmann::json &raw = params.spec()["values"];
        if (raw.is_array()) {
            for (std::size_t i = 0; i < raw.size(); ++i) {
                if (raw[i].is_string())
                    set.m_levels.push_back(raw[i].get<std::string>());
                else if (raw[i].is_number())
                    set.m_levels.push_back(raw[i].dump());
                else
                    return Status::invalidInput("parameter 'values': item " + std::to_string(i)
                                                + " is not a string or number");
            }
        } else {
            Result<std::vector<std::string>> list = params.stringList("values");
            if (!list.isOk())
                return list.status();
            set.m_levels = list.takeValue();
        }
        if (set.m_levels.empty())
            return Status::invalidInput("parameter 'values': the list is empty");
    }
    std::vector<std::string> written = std::move(set.m_levels);
    set.m_levels.clear();
    for (std::string &level : written) {
        const int index = static_cast<int>(set.m_levels.size());
        bool added = false;
        if (set.m_text) {
            added = set.m_labels.emplace(level, index).second;
            if (added && level.size() < kBucketedLength)
                set.addShort({wordAt(level, 0), wordAt(level, 8), level.size(), index});
        } else {
            double number = 0.0;
            if (!parseNumber(level, number))
                return Status::invalidInput("parameter '" + std::string(hasConstant ? "constant" : "values") + "': '"
                                            + level + "' is not a number, but column '" + column.name()
                                            + "' holds numbers");
            added = set.m_numbers.emplace(number == 0.0 ? 0.0 : number, index).second;
        }
        if (added)
            set.m_levels.push_back(std::move(level));
    }
    set.spreadShort();
    return set;
}

void LevelSet::spreadShort()
{
    std::vector<ShortEntry> entries;
    for (const ShortEntry &entry : m_short) {
        if (entry.index >= 0)
            entries.push_back(entry);
    }
    for (std::size_t size = m_short.size(); size <= kMaxSpreadSlots; size *= 2) {
        std::vector<ShortEntry> table(size);
        bool clash = false;
        for (const ShortEntry &entry : entries) {
            ShortEntry &home = table[mixKey(entry.head, entry.length) & (size - 1)];
            clash = clash || home.index >= 0;
            home = entry;
        }
        if (!clash) {
            m_short = std::move(table);
            m_shortMask = size - 1;
            m_collisionFree = true;
            return;
        }
    }
}

void LevelSet::addShort(const ShortEntry &entry)
{
    if ((m_shortCount + 1) * 2 > m_short.size()) {
        std::vector<ShortEntry> old = std::move(m_short);
        m_short.assign(old.size() * 2, ShortEntry{});
        m_shortMask = m_short.size() - 1;
        m_shortCount = 0;
        for (const ShortEntry &moved : old) {
            if (moved.index >= 0)
                addShort(moved);
        }
    }
    std::size_t slot = mixKey(entry.head, entry.length) & m_shortMask;
    while (m_short[slot].index >= 0)
        slot = (slot + 1) & m_shortMask;
    m_short[slot] = entry;
    ++m_shortCount;
}

int LevelSet::levelIndex(const Column &column, std::size_t row) const
{
    if (m_text) {
        return textIndex(column.type() == ColumnType::Categorical ? column.categoryAt(row) : column.stringAt(row));
    }
    double value = column.type() == ColumnType::Float64 ? column.doubleAt(row) : static_cast<double>(column.intAt(row));
    if (value == 0.0)
        value = 0.0;
    const auto found = m_numbers.find(value);
    return found == m_numbers.end() ? -1 : found->second;
}

std::vector<int> LevelSet::categoryLevels(const Column &column) const
{
    std::vector<int> levels;
    levels.reserve(column.categories().size());
    for (const std::string &label : column.categories()) {
        const auto found = m_labels.find(std::string_view(label));
        levels.push_back(found == m_labels.end() ? -1 : found->second);
    }
    return levels;
}

std::string LevelSet::describe() const
{
    if (!m_constant.empty())
        return m_constant;
    std::string text = "[";
    for (std::size_t i = 0; i < m_levels.size(); ++i) {
        if (i == 8) {
            text += ", ... (" + std::to_string(m_levels.size()) + " levels)";
            break;
        }
        text += (i ? ", " : "") + m_levels[i];
    }
    return text + "]";
}

} // namespace loupe
