#pragma once
// The strict JSON -> ScheduleSpec reader behind ScheduleSpec::fromJson(). Reads "name" first, starts
// from that kind's defaults, then reads every other key, refusing keys the kind does not take;
// finally applies ScheduleSpec::validate(). The first error stops the parse; its message starts
// with the key.

#include "core/optim/ScheduleSpec.h"

#include <nlohmann/json.hpp>

#include <string>

namespace loupe {

class ScheduleSpecParser {
public:
    Result<ScheduleSpec> parse(const nlohmann::json &root);

private:
    Status readKey(const std::string &key, const nlohmann::json &value, ScheduleSpec &spec);
    static Status readNumber(const std::string &key, const nlohmann::json &value, double &target);
    static Status readInteger(const std::string &key, const nlohmann::json &value, std::int64_t &target);
    static Status readBool(const std::string &key, const nlohmann::json &value, bool &target);
    static Status readString(const std::string &key, const nlohmann::json &value, std::string &target);
};

} // namespace loupe
