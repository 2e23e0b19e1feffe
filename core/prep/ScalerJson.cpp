// Scaler's JSON form: what a run stores and a later process loads back.
#include "core/prep/Scaler.h"
#include "core/util/JsonReader.h"

#include <cmath>

namespace loupe {

namespace {

Status jsonError(const std::string &path, const std::string &what)
{
    return Status::invalidInput(path + ": " + what);
}

Status readNumber(const nlohmann::json &object, const std::string &key, const std::string &path, double &value,
                  bool required)
{
    const auto found = object.find(key);
    if (found == object.end())
        return required ? jsonError(path + "." + key, "missing") : Status::ok();
    if (!found->is_number() || !std::isfinite(found->get<double>()))
        return jsonError(path + "." + key, "expected a finite number, got " + found->dump());
    value = found->get<double>();
    return Status::ok();
}

Result<ScaledColumn> readColumn(const nlohmann::json &json, const std::string &path)
{
    if (!json.is_object())
        return jsonError(path, "expected an object");
    ScaledColumn column;
    const auto name = json.find("name");
    if (name == json.end() || !name->is_string() || name->get<std::string>().empty())
        return jsonError(path + ".name", "expected a non-empty column name");
    column.name = name->get<std::string>();
    AffineScale &affine = column.affine;
    ColumnMoments &moments = column.moments;
    for (auto [key, target, required] : {std::tuple{"center", &affine.center, true},
                                         std::tuple{"scale", &affine.scale, true}, std::tuple{"offset", &affine.offset, false},
                                         std::tuple{"mean", &moments.mean, false}, std::tuple{"stddev", &moments.stddev, false},
                                         std::tuple{"min", &moments.min, false}, std::tuple{"max", &moments.max, false}}) {
        if (Status status = readNumber(json, key, path, *target, required); !status.isOk())
            return status;
    }
    if (affine.scale == 0.0)
        return jsonError(path + ".scale", "must not be 0");
    if (const auto count = json.find("count"); count != json.end()) {
        if (!count->is_number_unsigned())
            return jsonError(path + ".count", "expected a non-negative integer");
        moments.count = count->get<std::size_t>();
    }
    if (const auto constant = json.find("constant"); constant != json.end()) {
        if (!constant->is_boolean())
            return jsonError(path + ".constant", "expected true or false");
        affine.constant = constant->get<bool>();
    }
    return column;
}

Status readRange(const nlohmann::json &json, double &low, double &high)
{
    const auto range = json.find("range");
    if (range == json.end())
        return Status::ok();
    if (!range->is_array() || range->size() != 2 || !(*range)[0].is_number() || !(*range)[1].is_number())
        return jsonError("range", "expected [low, high]");
    low = (*range)[0].get<double>();
    high = (*range)[1].get<double>();
    if (!std::isfinite(low) || !std::isfinite(high) || !(low < high))
        return jsonError("range", "expected finite numbers with low < high");
    return Status::ok();
}

} // namespace

nlohmann::ordered_json Scaler::toJson() const
{
    nlohmann::ordered_json json;
    json["method"] = scalingMethodName(m_method);
    json["range"] = {m_rangeLow, m_rangeHigh};
    json["fit_rows"] = m_fitRows;
    nlohmann::ordered_json columns = nlohmann::ordered_json::array();
    for (const ScaledColumn &column : m_columns) {
        columns.push_back({{"name", column.name},
                           {"center", column.affine.center},
                           {"scale", column.affine.scale},
                           {"offset", column.affine.offset},
                           {"constant", column.affine.constant},
                           {"count", column.moments.count},
                           {"mean", column.moments.mean},
                           {"stddev", column.moments.stddev},
                           {"min", column.moments.min},
                           {"max", column.moments.max}});
    }
    json["columns"] = std::move(columns);
    return json;
}

Result<Scaler> Scaler::fromJson(const nlohmann::json &json)
{
    if (!json.is_object())
        return jsonError("(root)", "expected an object with method and columns");
    const auto method = json.find("method");
    if (method == json.end() || !method->is_string())
        return jsonError("method", "expected one of " + scalingMethodNames());
    const auto parsed = scalingMethodFromName(method->get<std::string>());
    if (!parsed)
        return jsonError("method", "unknown method \"" + method->get<std::string>() + "\" (expected one of "
                                       + scalingMethodNames() + ")");
    Scaler scaler;
    scaler.m_method = *parsed;
    if (Status status = readRange(json, scaler.m_rangeLow, scaler.m_rangeHigh); !status.isOk())
        return status;
    if (const auto fitRows = json.find("fit_rows"); fitRows != json.end()) {
        if (!fitRows->is_number_unsigned())
            return jsonError("fit_rows", "expected a non-negative integer");
        scaler.m_fitRows = fitRows->get<std::size_t>();
    }
    const auto columns = json.find("columns");
    if (columns == json.end() || !columns->is_array() || columns->empty())
        return jsonError("columns", "expected a non-empty array of fitted columns");
    for (std::size_t i = 0; i < columns->size(); ++i) {
        auto column = readColumn((*columns)[i], "columns[" + std::to_string(i) + "]");
        if (!column.isOk())
            return column.status();
        scaler.m_columns.push_back(column.takeValue());
    }
    return scaler;
}

Result<Scaler> Scaler::fromJsonText(const std::string &text, std::string_view source)
{
    Result<nlohmann::json> json = JsonReader::parse(text, source);
    if (!json.isOk())
        return json.status();
    return fromJson(json.value());
}

} // namespace loupe
