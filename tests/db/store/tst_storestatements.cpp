// Store's statement helpers (exec with values, change, changeOne, insertReturningId, forEachRow,
// selectAll, selectFirst): what each returns, and that each failure names the location and the
// statement (or, for changeOne / insertReturningId, what was missing).

#include "db/store/Store.h"

#include <QSqlQuery>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

using namespace loupe;

namespace {

QString textOf(const QSqlQuery &row)
{
    return row.value(0).toString();
}

// What `helper` gives for `sql` and `values`, as text: a count, an id, rows joined by '+', "none" for no
// row, "ok"; or "error: " + the message.
QString outcome(Store &store, const QString &helper, const QString &sql, const QVariantList &values)
{
    const auto error = [](const Status &status) {
        return QStringLiteral("error: ") + QString::fromStdString(status.message());
    };
    if (helper == QLatin1String("exec")) {
        const Status status = store.exec(sql, values);
        return status.isOk() ? QStringLiteral("ok") : error(status);
    }
    if (helper == QLatin1String("change")) {
        auto changed = store.change(sql, values);
        return changed.isOk() ? QString::number(changed.value()) : error(changed.status());
    }
    if (helper == QLatin1String("changeOne")) {
        const Status status = store.changeOne(sql, values, "no note " + values.last().toString().toStdString());
        return status.isOk() ? QStringLiteral("ok") : error(status);
    }
    if (helper == QLatin1String("insertReturningId")) {
        auto id = store.insertReturningId(sql, values, "adding a note");
        return id.isOk() ? QString::number(id.value()) : error(id.status());
    }
    if (helper == QLatin1String("forEachRow")) {
        QStringList texts;
        const Status status = store.forEachRow(sql, values, [&texts](const QSqlQuery &row) { texts << textOf(row); });
        return status.isOk() ? texts.join(QLatin1Char('+')) : error(status);
    }
    if (helper == QLatin1String("selectAll")) {
        auto rows = store.selectAll(sql, values, textOf);
        return rows.isOk() ? QStringList(rows.value().begin(), rows.value().end()).join(QLatin1Char('+'))
                           : error(rows.status());
    }
    auto row = store.selectFirst(sql, values, textOf);
    return !row.isOk() ? error(row.status()) : row.value() ? *row.value() : QStringLiteral("none");
}

} // namespace

class TestStoreStatements : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void helpers_data();
    void helpers();
};

void TestStoreStatements::helpers_data()
{
    QTest::addColumn<QString>("helper");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QVariantList>("values");
    QTest::addColumn<QString>("expected"); // LOCATION stands for the workspace's path

    const QString insert = QStringLiteral("INSERT INTO notes (text) VALUES (?)");
    const QString update = QStringLiteral("UPDATE notes SET text = ? WHERE id = ?");
    const QString select = QStringLiteral("SELECT text FROM notes WHERE id >= ? ORDER BY id");
    QTest::newRow("exec binds values") << "exec" << insert << QVariantList{"c"} << "ok";
    QTest::newRow("exec names the statement") << "exec" << "INSERT INTO nowhere VALUES (?)" << QVariantList{1}
                                              << "error: SQL error in 'LOCATION': no such table: nowhere";
    QTest::newRow("change counts rows") << "change" << "UPDATE notes SET text = upper(text) WHERE id >= ?"
                                        << QVariantList{1} << "2";
    QTest::newRow("changeOne changes one") << "changeOne" << update << QVariantList{"z", 2} << "ok";
    QTest::newRow("changeOne names what is missing") << "changeOne" << update << QVariantList{"z", 9}
                                                     << "error: no note 9 in LOCATION";
    QTest::newRow("insertReturningId") << "insertReturningId" << insert + QStringLiteral(" RETURNING id")
                                       << QVariantList{"c"} << "3";
    QTest::newRow("insertReturningId without an id") << "insertReturningId" << insert << QVariantList{"c"}
                                                     << "error: adding a note returned no id in LOCATION";
    QTest::newRow("forEachRow in order") << "forEachRow" << select << QVariantList{1} << "a+b";
    QTest::newRow("forEachRow names the statement") << "forEachRow" << "SELECT nope FROM notes WHERE id = ?"
                                                    << QVariantList{1}
                                                    << "error: SQL error in 'LOCATION': no such column: nope";
    QTest::newRow("selectAll") << "selectAll" << select << QVariantList{2} << "b";
    QTest::newRow("selectAll of nothing") << "selectAll" << select << QVariantList{9} << "";
    QTest::newRow("selectFirst") << "selectFirst" << select << QVariantList{1} << "a";
    QTest::newRow("selectFirst of nothing") << "selectFirst" << select << QVariantList{9} << "none";
    QTest::newRow("selectFirst without values") << "selectFirst" << "SELECT count(*) FROM notes" << QVariantList()
                                                << "2";
}

void TestStoreStatements::helpers()
{
    QFETCH(QString, helper);
    QFETCH(QString, sql);
    QFETCH(QVariantList, values);
    QFETCH(QString, expected);

    const QString location = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()) + QStringLiteral(".sqlite"));
    auto opened = Store::open(location);
    QVERIFY2(opened.isOk(), opened.message().c_str());
    Store &store = *opened.value();
    QVERIFY(store.exec(QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")).isOk());
    QVERIFY(store.exec(QStringLiteral("INSERT INTO notes (text) VALUES ('a'), ('b')")).isOk());

    const QString got = outcome(store, helper, sql, values);
    expected.replace(QLatin1String("LOCATION"), location);
    if (!expected.startsWith(QLatin1String("error: "))) {
        QCOMPARE(got, expected);
        return;
    }
    QVERIFY2(got.startsWith(expected), qPrintable(got));
    if (got.contains(QLatin1String("SQL error")))
        QVERIFY2(got.contains(QStringLiteral("[statement: ") + sql + QLatin1Char(']')), qPrintable(got));
}

QTEST_GUILESS_MAIN(TestStoreStatements)
#include "tst_storestatements.moc"
