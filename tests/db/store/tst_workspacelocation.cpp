// WorkspaceLocation: default path under the per-user data directory, --db and LOUPE_DB precedence.

#include "db/store/WorkspaceLocation.h"

#include "db/store/Store.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
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
    void checkFolder_data();
    void checkFolder();
    void storeRefusesAMissingFolder();
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

// Issue 13, item 10: --db /nonexistent/dir/x created directories anywhere. Only the default
// workspace's folder is created; any other SQLite file must be in an existing folder.
void TestWorkspaceLocation::checkFolder_data()
{
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("expected"); // empty: ok
    QTest::newRow("missing folder") << "/nonexistent/dir/x" << "the folder '/nonexistent/dir' does not exist";
    QTest::newRow("missing folder, sqlite URL") << "sqlite:///nonexistent/dir/x.sqlite" << "does not exist";
    QTest::newRow("folder is a file") << "/etc/hostname/x.sqlite" << "is not a folder";
    QTest::newRow("existing folder") << "/tmp/ws.sqlite" << "";
    QTest::newRow("relative, here") << "ws.sqlite" << "";
    QTest::newRow("in memory") << ":memory:" << "";
    QTest::newRow("PostgreSQL URL") << "postgresql://u@h/d" << "";
    QTest::newRow("default path") << WorkspaceLocation::defaultPath() << "";
}

void TestWorkspaceLocation::checkFolder()
{
    QFETCH(QString, location);
    QFETCH(QString, expected);
    const Status status = WorkspaceLocation::checkFolder(location);
    if (expected.isEmpty()) {
        QVERIFY2(status.isOk(), status.message().c_str());
        return;
    }
    QVERIFY(!status.isOk());
    QCOMPARE(status.code(), StatusCode::InvalidInput);
    QVERIFY2(QString::fromStdString(status.message()).contains(expected), status.message().c_str());
}

void TestWorkspaceLocation::storeRefusesAMissingFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("a/b/ws.sqlite"));
    auto opened = Store::open(path);
    QVERIFY(!opened.isOk());
    QVERIFY2(opened.message().find("does not exist") != std::string::npos, opened.message().c_str());
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("a"))));
}

QTEST_GUILESS_MAIN(TestWorkspaceLocation)
#include "tst_workspacelocation.moc"
