#include "core/optim/ScheduleSpecParser.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace loupe {

namespace {

std::string shown(const nlohmann::json &value)
{
    std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (text.size() > 40)
        text = text.substr(0, 37) + "...";
    return text;
}

Status expected(const std::string &key, const std::string &what, const nlohmann::json &value)
{
    return Status::invalidInput(key + ": expected " + what + ", got " + shown(value));
}

std::string joinedNames(const std::vector<std::string> &names)
{
    std::string text;
    for (const std::string &name : names)
        text += (text.empty() ? "" : ", ") + name;
    return text;
}

} // namespace

Result<ScheduleSpec> ScheduleSpecParser::parse(const nlohmann::json &root)
{
    if (!root.is_object())
        return Status::invalidInput("schedule: expected a JSON object like {\"name\": \"cosine\", \"lr0\": 0.01}, got "
                                    + shown(root));
    const auto name = root.find("name");
    if (name == root.end())
        return Status::invalidInput("name: missing; expected one of " + scheduleKindList());
    std::string kindName;
    if (Status status = readString("name", *name, kindName); !status.isOk())
        return status;
    const auto kind = scheduleKindFromName(kindName);
    if (!kind)
        return Status::invalidInput("name: unknown schedule \"" + kindName + "\"; expected one of " + scheduleKindList());

    ScheduleSpec spec = ScheduleSpec::defaults(*kind);
    const std::vector<std::string> &allowed = ScheduleSpec::parameterNames(*kind);
    for (auto item = root.begin(); item != root.end(); ++item) {
        if (item.key() == "name")
            continue;
        if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end()) {
            return Status::invalidInput(item.key() + ": not a parameter of the \"" + kindName
                                        + "\" schedule (its parameters: " + joinedNames(allowed) + ")");
        }
        if (Status status = readKey(item.key(), item.value(), spec); !status.isOk())
            return status;
    }
    if (Status status = spec.validate(); !status.isOk())
        return status;
    return spec;
}

Status ScheduleSpecParser::readKey(const std::string &key, const nlohmann::json &value, ScheduleSpec &spec)
{
    OneCycleSchedule::Options &cycle = spec.oneCycle;
    if (key == "lr0") return readNumber(key, value, spec.lr0);
    if (key == "length") return readInteger(key, value, spec.length);
    if (key == "t0") return readInteger(key, value, spec.t0);
    if (key == "t_mult") return readInteger(key, value, spec.tMult);
    if (key == "eta_min") return readNumber(key, value, spec.etaMin);
    if (key == "step_size") return readInteger(key, value, spec.stepSize);
    if (key == "gamma") return readNumber(key, value, spec.gamma);
    if (key == "max_lr") return readNumber(key, value, cycle.maxLr);
    if (key == "total_steps") return readInteger(key, value, cycle.totalSteps);
    if (key == "pct_start") return readNumber(key, value, cycle.pctStart);
    if (key == "div_factor") return readNumber(key, value, cycle.divFactor);
    if (key == "final_div_factor") return readNumber(key, value, cycle.finalDivFactor);
    if (key == "warmup") return readInteger(key, value, spec.warmup);
    if (key == "three_phase") {
        bool three = false;
        Status status = readBool(key, value, three);
        cycle.phases = three ? CyclePhases::Three : CyclePhases::Two;
        return status;
    }
    std::string text;
    if (Status status = readString(key, value, text); !status.isOk())
        return status;
    if (key == "anneal_strategy") {
        if (text != "cos" && text != "linear")
            return expected(key, "\"cos\" or \"linear\"", value);
        cycle.anneal = text == "cos" ? AnnealShape::Cosine : AnnealShape::Linear;
        return Status::ok();
    }
    // key == "per"
    if (text != "epoch" && text != "step")
        return expected(key, "\"epoch\" or \"step\"", value);
    spec.unit = text == "step" ? ScheduleUnit::Step : ScheduleUnit::Epoch;
    return Status::ok();
}

Status ScheduleSpecParser::readNumber(const std::string &key, const nlohmann::json &value, double &target)
{
    if (!value.is_number())
        return expected(key, "a number", value);
    target = value.get<double>();
    return Status::ok();
}

Status ScheduleSpecParser::readInteger(const std::string &key, const nlohmann::json &value, std::int64_t &target)
{
    if (value.is_number_integer()) {
        constexpr auto largest = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
        if (value.is_number_unsigned() && value.get<std::uint64_t>() > largest)
            return expected(key, "an integer", value);
        target = value.get<std::int64_t>();
        return Status::ok();
    }
    if (value.is_number_float()) {
        const double number = value.get<double>();
        if (std::isfinite(number) && std::floor(number) == number && std::fabs(number) < 9.0e15) {
            target = static_cast<std::int64_t>(number);
            return Status::ok();
        }
    }
    return expected(key, "an integer", value);
}

Status ScheduleSpecParser::readBool(const std::string &key, const nlohmann::json &value, bool &target)
{
    if (!value.is_boolean())
        return expected(key, "true or false", value);
    target = value.get<bool>();
    return Status::ok();
}

Status ScheduleSpecParser::readString(const std::string &key, const nlohmann::json &value, std::string &target)
{
    if (!value.is_string())
        return expected(key, "a string", value);
    target = value.get<std::string>();
    return Status::ok();
}

} // namespace loupe
