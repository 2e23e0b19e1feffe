// WorkspaceLocation: default path under the per-user data directory, --db and LOUPE_DB precedence.

#include "db/store/WorkspaceLocation.h"

#include <QStandardPaths>
#include <QTest>

using namespace loupe;

class TestWorkspaceLocation : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void defaultPathIsPerUserDataFile();
    void commandLineWins();
    void environmentBeatsDefault();
};

void TestWorkspaceLocation::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qunsetenv("LOUPE_DB");
}

void TestWorkspaceLocation::cleanup()
{
    qunsetenv("LOUPE_DB");
}

void TestWorkspaceLocation::defaultPathIsPerUserDataFile()
{
    const QString path = WorkspaceLocation::defaultPath();
    QVERIFY2(path.endsWith(QStringLiteral("/loupe/workspace.sqlite")), qPrintable(path));
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    QVERIFY2(path.startsWith(base), qPrintable(path));
    QCOMPARE(WorkspaceLocation::resolve(), path);
    QCOMPARE(WorkspaceLocation::resolve(QStringLiteral("   ")), path);
}

void TestWorkspaceLocation::commandLineWins()
{
    qputenv("LOUPE_DB", "/env/ws.sqlite");
    QCOMPARE(WorkspaceLocation::resolve(QStringLiteral("/cli/ws.sqlite")), QStringLiteral("/cli/ws.sqlite"));
    QCOMPARE(WorkspaceLocation::resolve(QStringLiteral("postgresql://u@h/d")), QStringLiteral("postgresql://u@h/d"));
}

void TestWorkspaceLocation::environmentBeatsDefault()
{
    qputenv("LOUPE_DB", " /env/ws.sqlite ");
    QCOMPARE(WorkspaceLocation::resolve(), QStringLiteral("/env/ws.sqlite"));
    qputenv("LOUPE_DB", "");
    QCOMPARE(WorkspaceLocation::resolve(), WorkspaceLocation::defaultPath());
}

QTEST_GUILESS_MAIN(TestWorkspaceLocation)
#include "tst_workspacelocation.moc"
