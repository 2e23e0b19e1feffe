#include "app/cli/SimulateCommand.h"

#include "app/cli/ArgumentParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/CommandOutputs.h"
#include "core/data/CsvWriter.h"
#include "core/util/Timer.h"

#include <QFileInfo>

#include <algorithm>
#include <iomanip>
#include <limits>

namespace loupe::cli {

namespace {

QString validDefectNames()
{
    QStringList names;
    for (const std::string &name : defectNames())
        names.append(QString::fromStdString(name));
    return names.join(QStringLiteral(", "));
}

} // namespace

QString SimulateCommand::summary() const
{
    return QStringLiteral("Write seeded synthetic card transactions to a CSV file");
}

QString SimulateCommand::description() const
{
    return QStringLiteral("The same --rows, --seed, --fraud-rate and --defects always give the same bytes.\n"
                          "Defects (comma-separated): %1.\n"
                          "With --json: {\"rows\", \"columns\", \"path\", \"seed\", \"fraud_rate\", \"defects\", \"seconds\"}.")
        .arg(validDefectNames());
}

void SimulateCommand::declareArguments(ArgumentParser &parser) const
{
    parser.addIntegerOption(QStringLiteral("rows"), QStringLiteral("N"), QStringLiteral("how many transactions"), 1,
                            s_maxRows)
        .required();
    parser.addTextOption(QStringLiteral("output"), QStringLiteral("FILE"), QStringLiteral("the CSV file to write (- for stdout)"))
        .withShortName(QLatin1Char('o'))
        .required();
    parser.addIntegerOption(QStringLiteral("seed"), QStringLiteral("S"), QStringLiteral("random seed (default 42)"), 0,
                            std::numeric_limits<std::int64_t>::max());
    parser.addNumberOption(QStringLiteral("fraud-rate"), QStringLiteral("R"),
                           QStringLiteral("fraction of fraudulent transactions (default 0.01)"), 0.0, 1.0);
    parser.addTextOption(QStringLiteral("defects"), QStringLiteral("LIST"),
                         QStringLiteral("comma-separated defects to plant: ") + validDefectNames());
    parser.addNumberOption(QStringLiteral("defect-rate"), QStringLiteral("R"),
                           QStringLiteral("fraction of rows carrying each defect (default 0.001)"), 0.0, 1.0);
}

Result<std::vector<Defect>> SimulateCommand::parseDefects(const QString &list)
{
    std::vector<Defect> defects;
    for (const QString &item : list.split(QLatin1Char(','))) {
        const QString name = item.trimmed();
        const auto defect = defectFromName(name.toStdString());
        if (!defect)
            return Status::invalidInput(QStringLiteral("option --defects: '%1' is not a defect; valid names: %2")
                                            .arg(name, validDefectNames())
                                            .toStdString());
        if (std::find(defects.begin(), defects.end(), *defect) == defects.end())
            defects.push_back(*defect);
    }
    return defects;
}

ExitCode SimulateCommand::run(const ParsedArguments &arguments, CliContext &context)
{
    SimulationOptions options;
    options.rows = static_cast<std::size_t>(arguments.intValue(QStringLiteral("rows"), 0));
    options.seed = static_cast<std::uint64_t>(arguments.intValue(QStringLiteral("seed"), 42));
    options.fraudRate = arguments.doubleValue(QStringLiteral("fraud-rate"), options.fraudRate);
    options.defectRate = arguments.doubleValue(QStringLiteral("defect-rate"), options.defectRate);
    if (arguments.isSet(QStringLiteral("defects"))) {
        auto defects = parseDefects(arguments.value(QStringLiteral("defects")));
        if (!defects.isOk())
            return context.fail(defects.status());
        options.defects = defects.takeValue();
    }
    const QString path = arguments.value(QStringLiteral("output"));
    CommandOutputs outputs(context);
    const OutputTarget target = outputs.addOutput(QStringLiteral("-o"), path, FileAccess::OwnerOnly, StreamUse::Allowed);
    if (Status checked = outputs.check(); !checked.isOk())
        return context.fail(checked);

    const Timer timer;
    const Table table = TransactionSimulator(options).generate();
    if (Status written = CsvWriter::writeFile(table, target); !written.isOk())
        return context.fail(written);
    const double seconds = timer.seconds();

    const std::string absolute = toUtf8(QFileInfo(path).absoluteFilePath());
    if (context.isJson()) {
        nlohmann::ordered_json defects = nlohmann::ordered_json::array();
        for (Defect defect : options.defects)
            defects.push_back(defectName(defect));
        context.printJson({{"rows", table.rowCount()}, {"columns", table.columnCount()}, {"path", absolute},
                           {"seed", options.seed}, {"fraud_rate", options.fraudRate}, {"defects", defects},
                           {"seconds", seconds}});
    } else { // with -o - the data owns stdout: the summary goes to stderr
        (target.isStandardOutput() ? context.err() : context.out())
            << "wrote " << table.rowCount() << " rows x " << table.columnCount() << " columns to "
            << (target.isStandardOutput() ? std::string("standard output") : absolute) << " (seed " << options.seed
            << ", " << std::fixed << std::setprecision(3) << seconds << " s)\n";
    }
    return ExitCode::Success;
}

} // namespace loupe::cli
