#include "app/cli/DemoCommand.h"

#include "app/cli/ArgumentParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/DemoTour.h"
#include "app/cli/FileChecks.h"
#include "core/util/Timer.h"

#include <QDir>

#include <iomanip>
#include <limits>

namespace loupe::cli {

namespace {

const QString s_defaultOutDir = QStringLiteral("loupe-demo");

void printFiles(CliContext &context, const DemoState &state)
{
    std::ostream &out = context.out();
    out << "\nEverything the tour made is in " << toUtf8(QDir(state.settings.outDir).absolutePath()) << ":\n";
    for (const auto &[what, path] : state.files)
        out << "  " << std::left << std::setw(16) << (toUtf8(what) + ":") << toUtf8(path) << '\n';
    if (state.isRecorded)
        out << "Open it in the GUI: loupe --db " << toUtf8(state.settings.workspace->displayLocation()) << ' '
            << toUtf8(state.dataPath) << '\n';
    out.flush();
}

nlohmann::ordered_json filesJson(const DemoState &state)
{
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const auto &[what, path] : state.files)
        files.push_back({{"what", toUtf8(what)}, {"path", toUtf8(path)}});
    return files;
}

} // namespace

QString DemoCommand::summary() const
{
    return QStringLiteral("Run the headless tour: simulate, load, summarise, report, record, check, pii, sufficiency, search");
}

QString DemoCommand::description() const
{
    QString text = QStringLiteral("Steps, in order:\n");
    for (const DemoStep &step : DemoTour::steps())
        text += QStringLiteral("  %1  %2\n").arg(step.name, -12).arg(step.description);
    text += QStringLiteral("Files go to DIR (default ./%1): transactions.csv, summary.json, summary.txt,\n"
                           "suite.json, check-report.txt/.json/.html, pii.json, sufficiency.json, search.json and\n"
                           "workspace.sqlite (unless --db names another workspace or --no-workspace is given).\n"
                           "Failing data tests and personal data found are the point of the tour: they do not fail it.\n"
                           "With --json: {\"out_dir\", \"rows\", \"steps\":[{\"name\",\"note\",\"seconds\"}], \"files\":[{\"what\",\"path\"}]}.")
                .arg(s_defaultOutDir);
    return text;
}

void DemoCommand::declareArguments(ArgumentParser &parser) const
{
    parser.addTextOption(QStringLiteral("out"), QStringLiteral("DIR"),
                         QStringLiteral("directory for the tour's files (created if needed; default ./%1)").arg(s_defaultOutDir));
    parser.addIntegerOption(QStringLiteral("rows"), QStringLiteral("N"),
                            QStringLiteral("transactions to simulate (default %1)").arg(s_defaultRows), 1, 10'000'000);
    parser.addIntegerOption(QStringLiteral("seed"), QStringLiteral("S"), QStringLiteral("random seed (default 42)"), 0,
                            std::numeric_limits<std::int64_t>::max());
}

ExitCode DemoCommand::run(const ParsedArguments &arguments, CliContext &context)
{
    DemoState state;
    state.settings.outDir = QDir(arguments.value(QStringLiteral("out"), s_defaultOutDir)).absolutePath();
    state.settings.rows = static_cast<std::size_t>(arguments.intValue(QStringLiteral("rows"), s_defaultRows));
    state.settings.seed = static_cast<std::uint64_t>(arguments.intValue(QStringLiteral("seed"), 42));
    if (Status directory = ensureDirectory(state.settings.outDir); !directory.isOk())
        return context.fail(directory);
    // The tour keeps its own workspace beside its files unless --db chose one.
    CliWorkspace ownWorkspace(state.path(QStringLiteral("workspace.sqlite")), WorkspaceUse::Record);
    if (context.workspace().isEnabled())
        state.settings.workspace = arguments.isSet(QStringLiteral("db")) ? &context.workspace() : &ownWorkspace;

    nlohmann::ordered_json steps = nlohmann::ordered_json::array();
    const std::vector<DemoStep> tour = DemoTour::steps();
    for (std::size_t i = 0; i < tour.size(); ++i) {
        const Timer timer;
        auto note = tour[i].run(state);
        if (!note.isOk())
            return context.fail(Status::error(note.status().code(),
                                              "step '" + toUtf8(tour[i].name) + "' failed: " + note.message()));
        steps.push_back({{"name", toUtf8(tour[i].name)}, {"note", note.value()}, {"seconds", timer.seconds()}});
        if (!context.isJson())
            context.out() << '[' << i + 1 << '/' << tour.size() << "] " << toUtf8(tour[i].name) << ": " << note.value()
                          << std::endl;
    }
    if (context.isJson())
        context.printJson({{"out_dir", toUtf8(state.settings.outDir)}, {"rows", state.table.rowCount()},
                           {"steps", steps}, {"files", filesJson(state)}});
    else
        printFiles(context, state);
    return ExitCode::Success;
}

} // namespace loupe::cli
