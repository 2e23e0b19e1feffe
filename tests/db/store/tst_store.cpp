// Store: creation, migrations, reopen, version and file-format rejection, SQLite settings,
// foreign keys, transactions and savepoints, two threads on one file.

#include "db/store/Migrator.h"
#include "db/store/SqlScript.h"
#include "db/store/Store.h"
#include "db/store/WorkspaceLocation.h"
#include "db/store/Transaction.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace loupe;

namespace {

QVariant scalar(Store &store, const QString &sql)
{
    QSqlQuery query = store.query();
    if (!query.exec(sql) || !query.next())
        return QVariant();
    return query.value(0);
}

std::unique_ptr<Store> openOrFail(const QString &location)
{
    auto store = Store::open(location);
    if (!store.isOk())
        qWarning("open failed: %s", store.message().c_str());
    return store.isOk() ? store.takeValue() : nullptr;
}

QSet<QString> createdTables(const QString &sql)
{
    QSet<QString> names;
    static const QRegularExpression s_create(QStringLiteral("CREATE TABLE (\\w+)"));
    for (const QString &statement : SqlScript::split(sql)) {
        const auto match = s_create.match(statement);
        if (match.hasMatch())
            names.insert(match.captured(1));
    }
    return names;
}

// The tables `tables` holds after `sql` has run: CREATE TABLE adds, DROP TABLE removes, ALTER TABLE
// ... RENAME TO renames (SQLite rebuilds a table to change its constraints; PostgreSQL alters it).
void applyTableChanges(const QString &sql, QSet<QString> &tables)
{
    static const QRegularExpression s_drop(QStringLiteral("^DROP TABLE (\\w+)"));
    static const QRegularExpression s_rename(QStringLiteral("^ALTER TABLE (\\w+) RENAME TO (\\w+)"));
    for (const QString &statement : SqlScript::split(sql)) {
        tables.unite(createdTables(statement));
        if (const auto drop = s_drop.match(statement); drop.hasMatch())
            tables.remove(drop.captured(1));
        if (const auto rename = s_rename.match(statement); rename.hasMatch() && tables.remove(rename.captured(1)))
            tables.insert(rename.captured(2));
    }
}

} // namespace

class TestStore : public QObject {
    Q_OBJECT

private slots:
    void openCreatesFileAndMigrates();
    void sqliteUrlOpensSameFile();
    void onlyTheDefaultFolderIsCreated();
    void newWorkspaceIsPrivate();
    void reopenKeepsDataAndVersion();
    void newerVersionIsRejected();
    void notADatabaseIsRejected_data();
    void notADatabaseIsRejected();
    void connectionSettings();
    void memoryDatabase();
    void foreignKeysEnforced();
    void checkConstraintsEnforced();
    void transactionCommitAndRollback();
    void savepointRollsBackOnlyInner();
    void sqlErrorNamesLocationAndStatement();
    void backendsShipSameTables();
    void twoThreadsWriteOneFile();
};

void TestStore::openCreatesFileAndMigrates()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ws.sqlite"));
    auto store = openOrFail(path);
    QVERIFY(store);
    QVERIFY(QFile::exists(path));
    QCOMPARE(store->backend(), StoreBackend::Sqlite);
    QVERIFY(store->schemaVersion() >= 1);
    QCOMPARE(store->schemaVersion(), Store::latestSchemaVersion(StoreBackend::Sqlite));
    QCOMPARE(scalar(*store, QStringLiteral("PRAGMA user_version")).toInt(), store->schemaVersion());
    for (const char *table : {"datasets", "runs", "epoch_metrics", "step_metrics", "studies", "trials",
                              "check_results", "check_failures", "artifacts"}) {
        QSqlQuery query = store->query();
        QVERIFY(query.prepare(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?")));
        query.addBindValue(QString::fromLatin1(table));
        QVERIFY(query.exec() && query.next());
        QVERIFY2(query.value(0).toInt() == 1, table);
    }
    QCOMPARE(store->location(), path);
}

// A new workspace file (and its WAL) is readable and writable by its owner only (issue 13, item 9).
void TestStore::newWorkspaceIsPrivate()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("private.sqlite"));
    auto store = openOrFail(path);
    QVERIFY(store);
    const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
                                            | QFileDevice::WriteOther;
    QCOMPARE(QFile::permissions(path) & (ownerOnly | others), ownerOnly);
    QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
    QCOMPARE(QFile::permissions(path + QStringLiteral("-wal")) & others, QFileDevice::Permissions());
}

void TestStore::sqliteUrlOpensSameFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("url.sqlite"));
    QVERIFY(path.startsWith(QLatin1Char('/')));
    {
        auto store = openOrFail(QStringLiteral("sqlite://") + path);
        QVERIFY(store);
        QVERIFY(store->exec(QStringLiteral("INSERT INTO artifacts (kind, path, created_at) "
                                           "VALUES ('plot', 'a.png', '2024-01-01T00:00:00.000Z')")).isOk());
    }
    QVERIFY(QFile::exists(path));
    auto again = openOrFail(path);
    QVERIFY(again);
    QCOMPARE(scalar(*again, QStringLiteral("SELECT count(*) FROM artifacts")).toInt(), 1);
}

// Only the default workspace's folder is created (issue 13, item 10: --db /nonexistent/dir/x created
// directories anywhere); any other workspace must be in an existing folder.
void TestStore::onlyTheDefaultFolderIsCreated()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a/b/c/ws.sqlite"));
    auto refused = Store::open(path);
    QVERIFY(!refused.isOk());
    QVERIFY2(refused.message().find("the folder '" + dir.filePath(QStringLiteral("a/b/c")).toStdString()
                                    + "' does not exist")
                 != std::string::npos,
             refused.message().c_str());
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("a"))));

    const QByteArray previous = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", QFile::encodeName(dir.path()));
    const QString defaultPath = WorkspaceLocation::defaultPath();
    QVERIFY2(defaultPath.startsWith(dir.path()), qPrintable(defaultPath));
    {
        auto store = openOrFail(defaultPath);
        QVERIFY(store);
    }
    QVERIFY(QFile::exists(defaultPath));
    if (previous.isNull())
        qunsetenv("XDG_DATA_HOME");
    else
        qputenv("XDG_DATA_HOME", previous);
}

void TestStore::reopenKeepsDataAndVersion()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ws.sqlite"));
    int version = 0;
    {
        auto store = openOrFail(path);
        QVERIFY(store);
        version = store->schemaVersion();
        QVERIFY(store->exec(QStringLiteral("INSERT INTO studies (name, direction, space_json, sampler, created_at) "
                                           "VALUES ('s1', 'minimize', '{}', 'tpe', '2024-01-01T00:00:00.000Z')")).isOk());
    }
    for (int i = 0; i < 2; ++i) {
        auto store = openOrFail(path);
        QVERIFY(store);
        QCOMPARE(store->schemaVersion(), version);
        QCOMPARE(scalar(*store, QStringLiteral("PRAGMA user_version")).toInt(), version);
        QCOMPARE(scalar(*store, QStringLiteral("SELECT name FROM studies")).toString(), QStringLiteral("s1"));
        QCOMPARE(scalar(*store, QStringLiteral("SELECT count(*) FROM studies")).toInt(), 1);
    }
}

void TestStore::newerVersionIsRejected()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.sqlite"));
    const int future = Store::latestSchemaVersion(StoreBackend::Sqlite) + 41;
    {
        auto store = openOrFail(path);
        QVERIFY(store);
        QVERIFY(store->exec(QStringLiteral("PRAGMA user_version = %1").arg(future)).isOk());
    }
    auto reopened = Store::open(path);
    QVERIFY(!reopened.isOk());
    QCOMPARE(reopened.status().code(), StatusCode::InvalidInput);
    const QString message = QString::fromStdString(reopened.message());
    QVERIFY2(message.contains(path), qPrintable(message));
    QVERIFY2(message.contains(QString::number(future)), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("newer")), qPrintable(message));

    // The file is left as it was.
    QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw-check"));
    raw.setDatabaseName(path);
    QVERIFY(raw.open());
    {
        QSqlQuery query(raw);
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
        QCOMPARE(query.value(0).toInt(), future);
    }
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("raw-check"));
}

void TestStore::notADatabaseIsRejected_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("makeDirectory");
    QTest::newRow("csv text") << QByteArray("a,b,c\n1,2,3\n") << false;
    QTest::newRow("binary noise") << QByteArray(4096, '\x5a') << false;
    QByteArray header("SQLite format 3\0", 16);
    QTest::newRow("sqlite header, garbage body") << header + QByteArray(4080, '\x01') << false;
    QTest::newRow("directory") << QByteArray() << true;
}

void TestStore::notADatabaseIsRejected()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, makeDirectory);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("not-a-db.sqlite"));
    if (makeDirectory) {
        QVERIFY(QDir().mkpath(path));
    } else {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    auto store = Store::open(path);
    QVERIFY(!store.isOk());
    const QString message = QString::fromStdString(store.message());
    QVERIFY2(message.contains(path), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("not")), qPrintable(message));
    if (!makeDirectory) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content); // untouched
    }
}

void TestStore::connectionSettings()
{
    QTemporaryDir dir;
    auto store = openOrFail(dir.filePath(QStringLiteral("ws.sqlite")));
    QVERIFY(store);
    QCOMPARE(scalar(*store, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(scalar(*store, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QCOMPARE(scalar(*store, QStringLiteral("PRAGMA synchronous")).toInt(), 1); // NORMAL
    QCOMPARE(scalar(*store, QStringLiteral("PRAGMA busy_timeout")).toInt(), 5000);
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("ws.sqlite-wal"))));
}

void TestStore::memoryDatabase()
{
    auto store = openOrFail(QStringLiteral(":memory:"));
    QVERIFY(store);
    QCOMPARE(store->schemaVersion(), Store::latestSchemaVersion(StoreBackend::Sqlite));
    QCOMPARE(scalar(*store, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
}

void TestStore::foreignKeysEnforced()
{
    auto store = openOrFail(QStringLiteral(":memory:"));
    QVERIFY(store);
    const Status orphan = store->exec(QStringLiteral("INSERT INTO runs (kind, dataset_id, status, started_at, heartbeat_at) "
                                                     "VALUES ('train', 4242, 'running', 'x', 'x')"));
    QVERIFY(!orphan.isOk());
    QVERIFY2(QString::fromStdString(orphan.message()).contains(QStringLiteral("FOREIGN KEY"), Qt::CaseInsensitive),
             orphan.message().c_str());
    QVERIFY(!store->exec(QStringLiteral("INSERT INTO step_metrics (run_id, step, loss, lr) VALUES (99, 0, 1.0, 0.1)")).isOk());

    // ON DELETE CASCADE removes a run's metrics with it.
    QVERIFY(store->exec(QStringLiteral("INSERT INTO runs (id, kind, status, started_at, heartbeat_at) "
                                       "VALUES (7, 'train', 'running', 'x', 'x')")).isOk());
    QVERIFY(store->exec(QStringLiteral("INSERT INTO step_metrics (run_id, step, loss, lr) VALUES (7, 0, 1.0, 0.1)")).isOk());
    QVERIFY(store->exec(QStringLiteral("INSERT INTO epoch_metrics (run_id, epoch, name, value) VALUES (7, 0, 'loss', 1.0)")).isOk());
    QVERIFY(store->exec(QStringLiteral("DELETE FROM runs WHERE id = 7")).isOk());
    QCOMPARE(scalar(*store, QStringLiteral("SELECT count(*) FROM step_metrics")).toInt(), 0);
    QCOMPARE(scalar(*store, QStringLiteral("SELECT count(*) FROM epoch_metrics")).toInt(), 0);
}

void TestStore::checkConstraintsEnforced()
{
    auto store = openOrFail(QStringLiteral(":memory:"));
    QVERIFY(store);
    QVERIFY(!store->exec(QStringLiteral("INSERT INTO runs (kind, status, started_at, heartbeat_at) "
                                        "VALUES ('dance', 'running', 'x', 'x')")).isOk());
    QVERIFY(!store->exec(QStringLiteral("INSERT INTO runs (kind, status, started_at, heartbeat_at) "
                                        "VALUES ('train', 'sleeping', 'x', 'x')")).isOk());
    QVERIFY(store->exec(QStringLiteral("INSERT INTO studies (id, name, direction, space_json, sampler, created_at) "
                                       "VALUES (1, 's', 'minimize', '{}', 'random', 'x')")).isOk());
    QVERIFY(!store->exec(QStringLiteral("INSERT INTO studies (name, direction, space_json, sampler, created_at) "
                                        "VALUES ('s', 'minimize', '{}', 'random', 'x')")).isOk()); // UNIQUE name
    QVERIFY(store->exec(QStringLiteral("INSERT INTO trials (study_id, number, state, started_at) "
                                       "VALUES (1, 0, 'RUNNING', 'x')")).isOk());
    QVERIFY(!store->exec(QStringLiteral("INSERT INTO trials (study_id, number, state, started_at) "
                                        "VALUES (1, 0, 'RUNNING', 'x')")).isOk()); // UNIQUE (study, number)
    QVERIFY(!store->exec(QStringLiteral("INSERT INTO trials (study_id, number, state, started_at) "
                                        "VALUES (1, 1, 'running', 'x')")).isOk()); // state is upper case
}

void TestStore::transactionCommitAndRollback()
{
    QTemporaryDir dir;
    auto store = openOrFail(dir.filePath(QStringLiteral("tx.sqlite")));
    QVERIFY(store);
    const QString insert = QStringLiteral("INSERT INTO artifacts (kind, path, created_at) VALUES ('k', '%1', 'x')");
    {
        auto tx = Transaction::begin(*store);
        QVERIFY(tx.isOk());
        QVERIFY(store->inTransaction());
        QVERIFY(store->exec(insert.arg(QStringLiteral("dropped"))).isOk());
    } // destructor rolls back
    QVERIFY(!store->inTransaction());
    QCOMPARE(scalar(*store, QStringLiteral("SELECT count(*) FROM artifacts")).toInt(), 0);
    {
        auto tx = Transaction::begin(*store);
        QVERIFY(tx.isOk());
        QVERIFY(store->exec(insert.arg(QStringLiteral("kept"))).isOk());
        QVERIFY(tx.value().commit().isOk());
        QVERIFY(!tx.value().isActive());
    }
    {
        auto tx = Transaction::begin(*store);
        QVERIFY(tx.isOk());
        QVERIFY(store->exec(insert.arg(QStringLiteral("explicitly dropped"))).isOk());
        QVERIFY(tx.value().rollback().isOk());
    }
    QCOMPARE(scalar(*store, QStringLiteral("SELECT group_concat(path) FROM artifacts")).toString(), QStringLiteral("kept"));
}

void TestStore::savepointRollsBackOnlyInner()
{
    auto store = openOrFail(QStringLiteral(":memory:"));
    QVERIFY(store);
    const QString insert = QStringLiteral("INSERT INTO artifacts (kind, path, created_at) VALUES ('k', '%1', 'x')");
    auto outer = Transaction::begin(*store);
    QVERIFY(outer.isOk());
    QVERIFY(store->exec(insert.arg(QStringLiteral("outer"))).isOk());
    {
        auto inner = Transaction::begin(*store);
        QVERIFY(inner.isOk());
        QVERIFY(store->exec(insert.arg(QStringLiteral("inner-dropped"))).isOk());
    }
    {
        auto inner = Transaction::begin(*store);
        QVERIFY(inner.isOk());
        QVERIFY(store->exec(insert.arg(QStringLiteral("inner-kept"))).isOk());
        QVERIFY(inner.value().commit().isOk());
    }
    QVERIFY(store->inTransaction());
    QVERIFY(outer.value().commit().isOk());
    QVERIFY(!store->inTransaction());
    QCOMPARE(scalar(*store, QStringLiteral("SELECT group_concat(path, '+') FROM (SELECT path FROM artifacts ORDER BY id)"))
                 .toString(),
             QStringLiteral("outer+inner-kept"));
}

void TestStore::sqlErrorNamesLocationAndStatement()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("err.sqlite"));
    auto store = openOrFail(path);
    QVERIFY(store);
    const Status status = store->exec(QStringLiteral("SELECT nonexistent_column FROM runs"));
    QVERIFY(!status.isOk());
    QCOMPARE(status.code(), StatusCode::IoError);
    const QString message = QString::fromStdString(status.message());
    QVERIFY2(message.contains(path), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("nonexistent_column")), qPrintable(message));
}

void TestStore::backendsShipSameTables()
{
    QCOMPARE(Migrator::latestVersion(StoreBackend::PostgreSql), Migrator::latestVersion(StoreBackend::Sqlite));
    const auto &sqlite = Migrator::migrations(StoreBackend::Sqlite);
    const auto &postgres = Migrator::migrations(StoreBackend::PostgreSql);
    // After each version both backends hold the same tables (tst_migrator reads the same rows back
    // from both after the upgrade that rebuilds runs on SQLite and alters it on PostgreSQL).
    QSet<QString> sqliteTables;
    QSet<QString> postgresTables;
    for (std::size_t i = 0; i < sqlite.size(); ++i) {
        QCOMPARE(postgres[i].fileName, sqlite[i].fileName);
        applyTableChanges(sqlite[i].sql, sqliteTables);
        applyTableChanges(postgres[i].sql, postgresTables);
        QCOMPARE(postgresTables, sqliteTables);
    }
    QVERIFY(sqliteTables.contains(QStringLiteral("runs")));
    QVERIFY(createdTables(sqlite.front().sql).contains(QStringLiteral("step_metrics")));
}

void TestStore::twoThreadsWriteOneFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("threads.sqlite"));
    QVERIFY(openOrFail(path)); // create and migrate once
    constexpr int rowsPerThread = 200;
    std::string failures[2];
    auto writer = [&](int index) {
        auto store = Store::open(path);
        if (!store.isOk()) {
            failures[index] = store.message();
            return;
        }
        for (int i = 0; i < rowsPerThread && failures[index].empty(); ++i) {
            auto tx = Transaction::begin(*store.value());
            Status status = tx.isOk() ? store.value()->exec(QStringLiteral("INSERT INTO artifacts (kind, path, created_at) "
                                                                           "VALUES ('t%1', 'p', 'x')").arg(index))
                                      : tx.status();
            if (status.isOk())
                status = tx.value().commit();
            if (!status.isOk())
                failures[index] = status.message();
        }
    };
    std::thread first(writer, 0);
    std::thread second(writer, 1);
    first.join();
    second.join();
    QVERIFY2(failures[0].empty(), failures[0].c_str());
    QVERIFY2(failures[1].empty(), failures[1].c_str());
    auto store = openOrFail(path);
    QVERIFY(store);
    QCOMPARE(scalar(*store, QStringLiteral("SELECT count(*) FROM artifacts")).toInt(), 2 * rowsPerThread);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
