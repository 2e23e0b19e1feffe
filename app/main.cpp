// loupe — the GUI front door.
//   loupe [--db PATH] [CSV_FILE]
// Opens (creating and migrating) the workspace database, shows the main window and, when a CSV
// file is given, loads it on the Data page. Bad arguments: a message on stderr and exit code 2.

#include "ui/MainWindow.h"

#include "db/store/Store.h"
#include "db/store/WorkspaceLocation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>

#include <cstdio>
#include <optional>

namespace {

constexpr int kExitBadUsage = 2;

struct Arguments {
    QString database; // as given to --db, empty when absent
    QString csvPath;  // absolute, empty when absent
};

int failUsage(const QCommandLineParser &parser, const QString &message)
{
    std::fprintf(stderr, "loupe: %s\n\n%s", qPrintable(message), qPrintable(parser.helpText()));
    return kExitBadUsage;
}

// Returns -1 when the program should go on, otherwise the exit code.
int parseArguments(const QStringList &argv, Arguments &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Loupe: a workbench for debugging ML models and their data."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption database(QStringList{QStringLiteral("db")},
                                      QStringLiteral("Workspace database: a SQLite file or a postgresql:// URL "
                                                     "(default: $LOUPE_DB, else the per-user data directory)."),
                                      QStringLiteral("PATH"));
    parser.addOption(database);
    parser.addPositionalArgument(QStringLiteral("CSV_FILE"), QStringLiteral("A CSV file to open on the Data page."),
                                 QStringLiteral("[CSV_FILE]"));
    if (!parser.parse(argv))
        return failUsage(parser, parser.errorText());
    if (parser.isSet(help)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.isSet(version)) {
        std::printf("loupe %s\n", qPrintable(QCoreApplication::applicationVersion()));
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return failUsage(parser, QStringLiteral("expected at most one CSV_FILE, got %1").arg(positional.size()));
    if (parser.isSet(database)) {
        arguments.database = parser.value(database).trimmed();
        if (arguments.database.isEmpty())
            return failUsage(parser, QStringLiteral("--db needs a non-empty PATH"));
    }
    if (!positional.isEmpty()) {
        const QFileInfo csv(positional.front());
        if (!csv.exists())
            return failUsage(parser, QStringLiteral("CSV_FILE %1: no such file").arg(positional.front()));
        if (!csv.isFile() || !csv.isReadable())
            return failUsage(parser, QStringLiteral("CSV_FILE %1: not a readable file").arg(positional.front()));
        arguments.csvPath = csv.absoluteFilePath();
    }
    return -1;
}

// Opens the workspace once, so a bad or too-new database is reported at start (jobs open their own
// connections). Returns the location to record runs in (empty: none), or nullopt when --db is unusable.
std::optional<QString> openWorkspace(const QString &databaseArgument)
{
    const QString location = loupe::WorkspaceLocation::resolve(databaseArgument);
    const auto opened = loupe::Store::open(location);
    if (opened.isOk())
        return location;
    const QString message = QString::fromStdString(opened.message());
    if (!databaseArgument.isEmpty()) {
        std::fprintf(stderr, "loupe: --db %s: %s\n", qPrintable(databaseArgument), qPrintable(message));
        return std::nullopt;
    }
    QMessageBox::warning(nullptr, QStringLiteral("Loupe"),
                         QStringLiteral("The workspace could not be opened, so runs will not be recorded:\n%1").arg(message));
    return QString();
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Loupe"));
    QApplication::setApplicationName(QStringLiteral("Loupe"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/loupe.svg")));

    Arguments arguments;
    if (const int exitCode = parseArguments(QApplication::arguments(), arguments); exitCode >= 0)
        return exitCode;

    const std::optional<QString> workspace = openWorkspace(arguments.database);
    if (!workspace)
        return kExitBadUsage;

    loupe::MainWindow window(*workspace);
    window.show();
    if (!arguments.csvPath.isEmpty())
        window.openCsv(arguments.csvPath);
    return QApplication::exec();
}
