#pragma once
// A learning-rate schedule as plain JSON, e.g.
//   {"name": "sgdr", "lr0": 0.1, "t0": 10, "t_mult": 2, "eta_min": 0.0, "warmup": 0, "per": "epoch"}
// The form the CLI prints, the Learning-rate page edits and hyperparameter search stores.
//
// Names and their parameters (every parameter has a default except one-cycle's total_steps):
//   constant       lr0
//   cosine         lr0, length          the chapter's anneal, t clamped to length - 1
//   cosine-cyclic  lr0, length          the same without the clamp: restarts every length
//   sgdr           lr0, t0, t_mult, eta_min       (PyTorch CosineAnnealingWarmRestarts; lr0 = eta_max)
//   step           lr0, step_size, gamma          (StepLR)
//   exponential    lr0, gamma                     (ExponentialLR)
//   one-cycle      max_lr, total_steps, pct_start, anneal_strategy, div_factor,
//                  final_div_factor, three_phase  (OneCycleLR)
// and for all of them: warmup (linear warm-up length, 0 = none) and per ("epoch" or "step": what
// t counts). Formulas: docs/schedules.md.
//
// Parsing is strict: an unknown name, a key the named schedule does not take, a wrong type or an
// out-of-range value is InvalidInput whose message starts with the key, e.g.
// "t_mult: expected an integer >= 1, got 0". Every rate the schedule gives lies in LearningRateLimits'
// range (the model spec's): lr0 and max_lr in [smallestPositive, maximum], one-cycle's initial and
// final rates (max_lr / div_factor, then / final_div_factor) in [0, maximum].

#include "core/optim/OneCycleSchedule.h"
#include "core/optim/Schedule.h"
#include "core/util/Status.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loupe {

enum class ScheduleKind { Constant, Cosine, CosineCyclic, WarmRestarts, StepDecay, Exponential, OneCycle };
enum class ScheduleUnit { Epoch, Step };

struct ScheduleSpec {
    ScheduleKind kind = ScheduleKind::Constant;
    ScheduleUnit unit = ScheduleUnit::Epoch;
    std::int64_t warmup = 0;       // >= 0
    double lr0 = 0.01;             // LearningRateLimits::isAllowedPositive (every kind but one-cycle)
    std::int64_t length = 5;       // >= 1 (cosine, cosine-cyclic)
    std::int64_t t0 = 10;          // >= 1 (sgdr)
    std::int64_t tMult = 1;        // >= 1 (sgdr)
    double etaMin = 0.0;           // [0, lr0] (sgdr)
    std::int64_t stepSize = 10;    // >= 1 (step)
    double gamma = 0.1;            // (0, 1] (step: default 0.1; exponential: default 0.95)
    OneCycleSchedule::Options oneCycle; // totalSteps 0 until given

    // The spec of `kind` with every default filled in.
    static ScheduleSpec defaults(ScheduleKind kind);

    // Errors: InvalidInput "<key>: <what is wrong>"; JSON that cannot be read gives
    // "<source>:<line>:<column>: <what> (at <key>)".
    static Result<ScheduleSpec> parse(const std::string &jsonText, std::string_view source = "schedule");
    static Result<ScheduleSpec> fromJson(const nlohmann::json &object);

    // The range checks parse() applies, for specs built in code. InvalidInput naming the key.
    Status validate() const;

    // {"name": ..., then the kind's parameters, "warmup", "per"}; fromJson(toJson()) gives it back.
    nlohmann::ordered_json toJson() const;

    // requires: validate().isOk().
    std::unique_ptr<Schedule> build() const;

    // The JSON keys the kind takes besides "name", in toJson() order.
    static const std::vector<std::string> &parameterNames(ScheduleKind kind);
};

// "constant", "cosine", "cosine-cyclic", "sgdr", "step", "exponential", "one-cycle".
std::string scheduleKindName(ScheduleKind kind);
std::optional<ScheduleKind> scheduleKindFromName(std::string_view name);
// The names above, comma-separated, for messages.
std::string scheduleKindList();
std::string scheduleUnitName(ScheduleUnit unit); // "epoch", "step"

} // namespace loupe
