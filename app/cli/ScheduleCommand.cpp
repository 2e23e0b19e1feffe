#include "app/cli/ScheduleCommand.h"

#include "app/cli/ArgumentParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/ParsedArguments.h"
#include "app/cli/TextTable.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <limits>

namespace loupe::cli {

namespace {

constexpr std::int64_t s_defaultCount = 10;
constexpr std::int64_t s_maxCount = 100000;

enum class ValueKind { Number, Integer, Text, Flag };

struct OptionKey {
    const char *option;  // command-line name
    const char *jsonKey; // ScheduleSpec key
    ValueKind kind;
};

constexpr std::array<OptionKey, 14> s_options{{
    {"lr0", "lr0", ValueKind::Number},
    {"length", "length", ValueKind::Integer},
    {"t0", "t0", ValueKind::Integer},
    {"t-mult", "t_mult", ValueKind::Integer},
    {"eta-min", "eta_min", ValueKind::Number},
    {"step-size", "step_size", ValueKind::Integer},
    {"gamma", "gamma", ValueKind::Number},
    {"max-lr", "max_lr", ValueKind::Number},
    {"pct-start", "pct_start", ValueKind::Number},
    {"anneal", "anneal_strategy", ValueKind::Text},
    {"div-factor", "div_factor", ValueKind::Number},
    {"final-div-factor", "final_div_factor", ValueKind::Number},
    {"three-phase", "three_phase", ValueKind::Flag},
    {"warmup", "warmup", ValueKind::Integer},
}};

bool takes(ScheduleKind kind, const char *jsonKey)
{
    const std::vector<std::string> &keys = ScheduleSpec::parameterNames(kind);
    return std::find(keys.begin(), keys.end(), jsonKey) != keys.end();
}

QString optionsOf(ScheduleKind kind)
{
    QStringList names;
    for (const OptionKey &entry : s_options) {
        if (takes(kind, entry.jsonKey))
            names.append(QStringLiteral("--") + QLatin1String(entry.option));
    }
    return names.join(QStringLiteral(", "));
}

// "t_mult: expected ..." -> "option --t-mult: expected ...".
Status renamed(const Status &status)
{
    const std::string &message = status.message();
    const std::size_t colon = message.find(':');
    const std::string key = colon == std::string::npos ? std::string() : message.substr(0, colon);
    for (const OptionKey &entry : s_options) {
        if (key == entry.jsonKey)
            return Status::invalidInput("option --" + std::string(entry.option) + message.substr(colon));
    }
    return status;
}

Result<std::int64_t> valueCount(const ParsedArguments &arguments)
{
    const bool epochs = arguments.isSet(QStringLiteral("epochs"));
    const bool steps = arguments.isSet(QStringLiteral("steps"));
    if (epochs && steps)
        return Status::invalidInput("options --epochs and --steps exclude each other (t counts one or the other)");
    if (steps)
        return arguments.intValue(QStringLiteral("steps"), s_defaultCount);
    return arguments.intValue(QStringLiteral("epochs"), s_defaultCount);
}

std::string shortNumber(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

std::string describe(const nlohmann::ordered_json &params)
{
    std::string text;
    for (auto item = params.begin(); item != params.end(); ++item) {
        if (item.key() == "per")
            continue;
        const std::string value = item.value().is_number_float() ? shortNumber(item.value().get<double>())
                                                                 : item.value().dump();
        text += (text.empty() ? "" : ", ") + item.key() + "=" + value;
    }
    return text;
}

} // namespace

QString ScheduleCommand::summary() const
{
    return QStringLiteral("Print the learning rate a schedule gives at each epoch or step");
}

QString ScheduleCommand::description() const
{
    return QStringLiteral(
               "NAME: %1.\n"
               "Parameters per schedule (defaults in brackets; formulas in docs/schedules.md):\n"
               "  constant       --lr0 [0.01]\n"
               "  cosine         --lr0 [0.01] --length [5]   the chapter's anneal, t clamped to length-1\n"
               "  cosine-cyclic  --lr0 [0.01] --length [5]   restarts every length\n"
               "  sgdr           --lr0 [0.01] --t0 [10] --t-mult [1] --eta-min [0]\n"
               "  step           --lr0 [0.01] --step-size [10] --gamma [0.1]\n"
               "  exponential    --lr0 [0.01] --gamma [0.95]\n"
               "  one-cycle      --max-lr [0.01] --pct-start [0.3] --anneal [cos] --div-factor [25]\n"
               "                 --final-div-factor [1e4] --three-phase; total steps = --steps/--epochs\n"
               "  all            --warmup N: linear warm-up of N epochs/steps in front\n"
               "--epochs N (default 10) or --steps N: how many values, and what t counts.\n"
               "With --json: {\"name\", \"params\": {...}, \"lr\": [...]}.")
        .arg(QString::fromStdString(scheduleKindList()));
}

void ScheduleCommand::declareArguments(ArgumentParser &parser) const
{
    constexpr double lowest = -std::numeric_limits<double>::max();
    constexpr double highest = std::numeric_limits<double>::max();
    constexpr std::int64_t least = std::numeric_limits<std::int64_t>::min();
    constexpr std::int64_t most = std::numeric_limits<std::int64_t>::max();
    parser.addPositional(QStringLiteral("NAME"), QString::fromStdString("the schedule: " + scheduleKindList()));
    parser.addNumberOption(QStringLiteral("lr0"), QStringLiteral("X"), QStringLiteral("initial (maximum) rate"), lowest,
                           highest);
    parser.addIntegerOption(QStringLiteral("length"), QStringLiteral("L"), QStringLiteral("cosine: anneal length l"),
                            least, most);
    parser.addIntegerOption(QStringLiteral("t0"), QStringLiteral("N"), QStringLiteral("sgdr: first period T_0"), least,
                            most);
    parser.addIntegerOption(QStringLiteral("t-mult"), QStringLiteral("M"), QStringLiteral("sgdr: period factor T_mult"),
                            least, most);
    parser.addNumberOption(QStringLiteral("eta-min"), QStringLiteral("X"), QStringLiteral("sgdr: lowest rate"), lowest,
                           highest);
    parser.addIntegerOption(QStringLiteral("step-size"), QStringLiteral("N"), QStringLiteral("step: decay every N"),
                            least, most);
    parser.addNumberOption(QStringLiteral("gamma"), QStringLiteral("G"), QStringLiteral("step, exponential: decay factor"),
                           lowest, highest);
    parser.addNumberOption(QStringLiteral("max-lr"), QStringLiteral("X"), QStringLiteral("one-cycle: peak rate"),
                           lowest, highest);
    parser.addNumberOption(QStringLiteral("pct-start"), QStringLiteral("X"),
                           QStringLiteral("one-cycle: share of steps rising"), lowest, highest);
    parser.addTextOption(QStringLiteral("anneal"), QStringLiteral("SHAPE"), QStringLiteral("one-cycle: cos or linear"));
    parser.addNumberOption(QStringLiteral("div-factor"), QStringLiteral("X"),
                           QStringLiteral("one-cycle: initial rate = max-lr / X"), lowest, highest);
    parser.addNumberOption(QStringLiteral("final-div-factor"), QStringLiteral("X"),
                           QStringLiteral("one-cycle: final rate = initial / X"), lowest, highest);
    parser.addFlag(QStringLiteral("three-phase"), QStringLiteral("one-cycle: fall back to the initial rate first"));
    parser.addIntegerOption(QStringLiteral("warmup"), QStringLiteral("N"), QStringLiteral("linear warm-up length"),
                            least, most);
    parser.addIntegerOption(QStringLiteral("epochs"), QStringLiteral("N"),
                            QStringLiteral("print N values, t counting epochs (default 10)"), 1, s_maxCount);
    parser.addIntegerOption(QStringLiteral("steps"), QStringLiteral("N"),
                            QStringLiteral("print N values, t counting optimizer steps"), 1, s_maxCount);
}

Result<ScheduleSpec> ScheduleCommand::specFrom(const ParsedArguments &arguments)
{
    const QString name = arguments.positional(0);
    const auto kind = scheduleKindFromName(name.toStdString());
    if (!kind)
        return Status::invalidInput("NAME: unknown schedule '" + name.toStdString() + "'; expected one of "
                                    + scheduleKindList());
    auto count = valueCount(arguments);
    if (!count.isOk())
        return count.status();
    const bool steps = arguments.isSet(QStringLiteral("steps"));
    nlohmann::json json{{"name", name.toStdString()}, {"per", steps ? "step" : "epoch"}};
    if (*kind == ScheduleKind::OneCycle) {
        if (count.value() < 2)
            return Status::invalidInput(QStringLiteral("option --%1: one-cycle needs at least 2 values, got %2")
                                            .arg(steps ? QStringLiteral("steps") : QStringLiteral("epochs"))
                                            .arg(count.value())
                                            .toStdString());
        json["total_steps"] = count.value();
    }
    for (const OptionKey &entry : s_options) {
        const QString option = QLatin1String(entry.option);
        if (!arguments.isSet(option))
            continue;
        if (!takes(*kind, entry.jsonKey))
            return Status::invalidInput(QStringLiteral("option --%1 does not apply to the %2 schedule (its options: %3)")
                                            .arg(option, name, optionsOf(*kind))
                                            .toStdString());
        switch (entry.kind) {
        case ValueKind::Number: json[entry.jsonKey] = arguments.doubleValue(option, 0.0); break;
        case ValueKind::Integer: json[entry.jsonKey] = arguments.intValue(option, 0); break;
        case ValueKind::Text: json[entry.jsonKey] = arguments.value(option).toStdString(); break;
        case ValueKind::Flag: json[entry.jsonKey] = true; break;
        }
    }
    auto spec = ScheduleSpec::fromJson(json);
    if (!spec.isOk())
        return renamed(spec.status());
    return spec;
}

ExitCode ScheduleCommand::run(const ParsedArguments &arguments, CliContext &context)
{
    auto spec = specFrom(arguments);
    if (!spec.isOk())
        return context.fail(spec.status());
    const std::int64_t count = valueCount(arguments).value();
    const std::vector<double> rates = spec.value().build()->sample(count);
    nlohmann::ordered_json params = spec.value().toJson();
    params.erase("name");
    const std::string unit = scheduleUnitName(spec.value().unit);
    if (context.isJson()) {
        nlohmann::ordered_json document;
        document["name"] = scheduleKindName(spec.value().kind);
        document["params"] = params;
        document["lr"] = rates;
        context.printJson(document);
        return ExitCode::Success;
    }
    context.out() << "schedule " << scheduleKindName(spec.value().kind) << " (" << describe(params) << "), per "
                  << unit << '\n';
    TextTable table;
    table.addRow({unit, "lr"});
    table.addSeparator();
    for (std::size_t t = 0; t < rates.size(); ++t)
        table.addRow({std::to_string(t), shortNumber(rates[t])});
    table.print(context.out());
    context.out().flush();
    return ExitCode::Success;
}

} // namespace loupe::cli
