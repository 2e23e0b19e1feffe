// loupe-cli: the headless front door. Everything lives in app/cli (loupe_cli_lib); see docs/cli.md.

#include "app/cli/CliApplication.h"

#include <QCoreApplication>
#include <QStringList>

#include <clocale>
#include <iostream>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv); // decodes arguments, loads the SQL driver plugins
    QCoreApplication::setApplicationName(QStringLiteral("loupe-cli"));
    QCoreApplication::setApplicationVersion(QLatin1String(loupe::cli::CliApplication::s_version));
    // QCoreApplication adopts the user's locale; numbers in files and output stay in the C locale.
    std::setlocale(LC_NUMERIC, "C");
    std::ios::sync_with_stdio(false);

    loupe::cli::CliApplication cli(std::cout, std::cerr);
    return cli.run(QCoreApplication::arguments().mid(1));
}
