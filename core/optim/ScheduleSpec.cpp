#include "core/optim/ScheduleSpec.h"

#include "core/util/JsonReader.h"
#include "core/util/NumberText.h"

#include "core/optim/ConstantSchedule.h"
#include "core/optim/CosineAnnealSchedule.h"
#include "core/optim/ExponentialSchedule.h"
#include "core/optim/LearningRateLimits.h"
#include "core/optim/ScheduleSpecParser.h"
#include "core/optim/StepDecaySchedule.h"
#include "core/optim/WarmRestartsSchedule.h"
#include "core/optim/WarmupSchedule.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <cstdio>
#include <utility>

namespace loupe {

namespace {

constexpr std::int64_t s_maxTMult = 1000;

struct KindName {
    ScheduleKind kind;
    const char *name;
};

constexpr std::array<KindName, 7> s_kindNames{{
    {ScheduleKind::Constant, "constant"},
    {ScheduleKind::Cosine, "cosine"},
    {ScheduleKind::CosineCyclic, "cosine-cyclic"},
    {ScheduleKind::WarmRestarts, "sgdr"},
    {ScheduleKind::StepDecay, "step"},
    {ScheduleKind::Exponential, "exponential"},
    {ScheduleKind::OneCycle, "one-cycle"},
}};

Status outOfRange(const char *key, const std::string &expected, double got)
{
    return Status::invalidInput(std::string(key) + ": expected " + expected + ", got " + numberText("%g", got));
}

bool positiveFinite(double value)
{
    return std::isfinite(value) && value > 0.0;
}

// A rate the user gives directly (lr0, max_lr).
Status checkRate(const char *key, double rate)
{
    if (!LearningRateLimits::isAllowedPositive(rate))
        return outOfRange(key, LearningRateLimits::allowedPositiveText(), rate);
    return Status::ok();
}

// A rate that follows from `key` (one-cycle's initial and final rates): "div_factor: the initial rate
// max_lr / div_factor = inf is not a learning rate in [0, 1e+06] (div_factor = 1e-320)".
Status checkDerivedRate(const char *key, const char *formula, double rate, double keyValue)
{
    if (LearningRateLimits::isAllowed(rate))
        return Status::ok();
    return Status::invalidInput(std::string(key) + ": the " + formula + " = " + numberText("%g", rate) + " is not "
                                + LearningRateLimits::allowedText() + " (" + key + " = " + numberText("%g", keyValue)
                                + ")");
}

Status checkOneCycle(const OneCycleSchedule::Options &options)
{
    if (Status rate = checkRate("max_lr", options.maxLr); !rate.isOk())
        return rate;
    if (options.totalSteps < 2) {
        return options.totalSteps == 0
                   ? Status::invalidInput("total_steps: missing; one-cycle needs the run's length in steps")
                   : outOfRange("total_steps", "an integer >= 2", static_cast<double>(options.totalSteps));
    }
    const bool three = options.phases == CyclePhases::Three;
    if (!(options.pctStart > 0.0 && (three ? options.pctStart <= 0.5 : options.pctStart < 1.0)))
        return outOfRange("pct_start", three ? "a number in (0, 0.5] with three_phase" : "a number in (0, 1)",
                          options.pctStart);
    if (!positiveFinite(options.divFactor))
        return outOfRange("div_factor", "a finite number > 0", options.divFactor);
    const double initial = options.maxLr / options.divFactor;
    if (Status rate = checkDerivedRate("div_factor", "initial rate max_lr / div_factor", initial, options.divFactor);
        !rate.isOk())
        return rate;
    if (!positiveFinite(options.finalDivFactor))
        return outOfRange("final_div_factor", "a finite number > 0", options.finalDivFactor);
    return checkDerivedRate("final_div_factor", "final rate max_lr / div_factor / final_div_factor",
                            initial / options.finalDivFactor, options.finalDivFactor);
}

} // namespace

std::string scheduleKindName(ScheduleKind kind)
{
    for (const KindName &entry : s_kindNames) {
        if (entry.kind == kind)
            return entry.name;
    }
    return "constant";
}

std::optional<ScheduleKind> scheduleKindFromName(std::string_view name)
{
    for (const KindName &entry : s_kindNames) {
        if (name == entry.name)
            return entry.kind;
    }
    return std::nullopt;
}

std::string scheduleKindList()
{
    std::string list;
    for (const KindName &entry : s_kindNames)
        list += (list.empty() ? "" : ", ") + std::string(entry.name);
    return list;
}

std::string scheduleUnitName(ScheduleUnit unit)
{
    return unit == ScheduleUnit::Step ? "step" : "epoch";
}

ScheduleSpec ScheduleSpec::defaults(ScheduleKind kind)
{
    ScheduleSpec spec;
    spec.kind = kind;
    spec.gamma = kind == ScheduleKind::Exponential ? 0.95 : 0.1;
    spec.oneCycle.totalSteps = 0;
    return spec;
}

const std::vector<std::string> &ScheduleSpec::parameterNames(ScheduleKind kind)
{
    static const std::vector<std::string> constant{"lr0", "warmup", "per"};
    static const std::vector<std::string> cosine{"lr0", "length", "warmup", "per"};
    static const std::vector<std::string> restarts{"lr0", "t0", "t_mult", "eta_min", "warmup", "per"};
    static const std::vector<std::string> step{"lr0", "step_size", "gamma", "warmup", "per"};
    static const std::vector<std::string> exponential{"lr0", "gamma", "warmup", "per"};
    static const std::vector<std::string> oneCycle{"max_lr",     "total_steps",      "pct_start",   "anneal_strategy",
                                                   "div_factor", "final_div_factor", "three_phase", "warmup",
                                                   "per"};
    switch (kind) {
    case ScheduleKind::Constant:
        return constant;
    case ScheduleKind::Cosine:
    case ScheduleKind::CosineCyclic:
        return cosine;
    case ScheduleKind::WarmRestarts:
        return restarts;
    case ScheduleKind::StepDecay:
        return step;
    case ScheduleKind::Exponential:
        return exponential;
    case ScheduleKind::OneCycle:
        return oneCycle;
    }
    return constant;
}

Result<ScheduleSpec> ScheduleSpec::parse(const std::string &jsonText, std::string_view source)
{
    Result<nlohmann::json> root = JsonReader::parse(jsonText, source);
    if (!root.isOk())
        return root.status();
    return fromJson(root.value());
}

Result<ScheduleSpec> ScheduleSpec::fromJson(const nlohmann::json &object)
{
    return ScheduleSpecParser().parse(object);
}

Status ScheduleSpec::validate() const
{
    if (warmup < 0)
        return outOfRange("warmup", "an integer >= 0", static_cast<double>(warmup));
    if (kind == ScheduleKind::OneCycle)
        return checkOneCycle(oneCycle);
    if (Status rate = checkRate("lr0", lr0); !rate.isOk())
        return rate;
    switch (kind) {
    case ScheduleKind::Cosine:
    case ScheduleKind::CosineCyclic:
        if (length < 1)
            return outOfRange("length", "an integer >= 1", static_cast<double>(length));
        break;
    case ScheduleKind::WarmRestarts:
        if (t0 < 1)
            return outOfRange("t0", "an integer >= 1", static_cast<double>(t0));
        if (tMult < 1 || tMult > s_maxTMult)
            return outOfRange("t_mult", "an integer in [1, " + std::to_string(s_maxTMult) + "]",
                              static_cast<double>(tMult));
        if (!(etaMin >= 0.0 && etaMin <= lr0))
            return outOfRange("eta_min", "a number in [0, lr0] = [0, " + numberText("%g", lr0) + "]", etaMin);
        break;
    case ScheduleKind::StepDecay:
        if (stepSize < 1)
            return outOfRange("step_size", "an integer >= 1", static_cast<double>(stepSize));
        [[fallthrough]];
    case ScheduleKind::Exponential:
        if (!(gamma > 0.0 && gamma <= 1.0))
            return outOfRange("gamma", "a number in (0, 1]", gamma);
        break;
    case ScheduleKind::Constant:
    case ScheduleKind::OneCycle:
        break;
    }
    return Status::ok();
}

nlohmann::ordered_json ScheduleSpec::toJson() const
{
    nlohmann::ordered_json json;
    json["name"] = scheduleKindName(kind);
    for (const std::string &key : parameterNames(kind)) {
        if (key == "lr0") json[key] = lr0;
        else if (key == "length") json[key] = length;
        else if (key == "t0") json[key] = t0;
        else if (key == "t_mult") json[key] = tMult;
        else if (key == "eta_min") json[key] = etaMin;
        else if (key == "step_size") json[key] = stepSize;
        else if (key == "gamma") json[key] = gamma;
        else if (key == "max_lr") json[key] = oneCycle.maxLr;
        else if (key == "total_steps") json[key] = oneCycle.totalSteps;
        else if (key == "pct_start") json[key] = oneCycle.pctStart;
        else if (key == "anneal_strategy") json[key] = oneCycle.anneal == AnnealShape::Linear ? "linear" : "cos";
        else if (key == "div_factor") json[key] = oneCycle.divFactor;
        else if (key == "final_div_factor") json[key] = oneCycle.finalDivFactor;
        else if (key == "three_phase") json[key] = oneCycle.phases == CyclePhases::Three;
        else if (key == "warmup") json[key] = warmup;
        else if (key == "per") json[key] = scheduleUnitName(unit);
    }
    return json;
}

std::unique_ptr<Schedule> ScheduleSpec::build() const
{
    std::unique_ptr<Schedule> schedule;
    switch (kind) {
    case ScheduleKind::Constant:
        schedule = std::make_unique<ConstantSchedule>(lr0);
        break;
    case ScheduleKind::Cosine:
        schedule = std::make_unique<CosineAnnealSchedule>(lr0, static_cast<double>(length), CosineCycle::Clamp);
        break;
    case ScheduleKind::CosineCyclic:
        schedule = std::make_unique<CosineAnnealSchedule>(lr0, static_cast<double>(length), CosineCycle::Restart);
        break;
    case ScheduleKind::WarmRestarts:
        schedule = std::make_unique<WarmRestartsSchedule>(lr0, static_cast<double>(t0), static_cast<int>(tMult),
                                                          etaMin);
        break;
    case ScheduleKind::StepDecay:
        schedule = std::make_unique<StepDecaySchedule>(lr0, static_cast<double>(stepSize), gamma);
        break;
    case ScheduleKind::Exponential:
        schedule = std::make_unique<ExponentialSchedule>(lr0, gamma);
        break;
    case ScheduleKind::OneCycle:
        schedule = std::make_unique<OneCycleSchedule>(oneCycle);
        break;
    }
    if (warmup > 0)
        schedule = std::make_unique<WarmupSchedule>(std::move(schedule), static_cast<double>(warmup));
    return schedule;
}

} // namespace loupe
