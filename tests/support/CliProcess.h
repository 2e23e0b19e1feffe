#pragma once
// Running the built loupe-cli from a test: its exit code and output, and its --json output as one
// object. Header-only; used by the app tests that drive the CLI as a process.
#include <QDebug>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

namespace loupe::testsupport {

struct CliRun {
    int exitCode = -1; // -1: crashed or did not finish
    QByteArray out;
    QByteArray err;
};

inline CliRun runCli(const QStringList &arguments, const QProcessEnvironment &environment,
                     const QString &workingDirectory, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(workingDirectory);
    process.start(QStringLiteral(LOUPE_CLI_PATH), arguments);
    CliRun result;
    if (!process.waitForStarted() || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        qWarning() << "loupe-cli did not finish:" << arguments;
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// The one JSON object on stdout; warns (and returns an empty object) when there is not exactly one.
inline QJsonObject cliJson(const CliRun &result)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qWarning().noquote() << "not one JSON object:" << error.errorString() << result.out << result.err;
    return document.object();
}

} // namespace loupe::testsupport
