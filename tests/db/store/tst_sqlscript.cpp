// SqlScript::split: statements, comments, quoted semicolons.

#include "db/store/SqlScript.h"

#include <QTest>

using namespace loupe;

class TestSqlScript : public QObject {
    Q_OBJECT

private slots:
    void split_data();
    void split();
};

void TestSqlScript::split_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("statements");
    QTest::newRow("two statements") << "CREATE TABLE a (x INTEGER);\nCREATE TABLE b (y TEXT);\n"
                                    << QStringList{"CREATE TABLE a (x INTEGER)", "CREATE TABLE b (y TEXT)"};
    QTest::newRow("no trailing semicolon") << "SELECT 1" << QStringList{"SELECT 1"};
    QTest::newRow("empty and blank") << " ;; \n ; " << QStringList{};
    QTest::newRow("line comments dropped") << "-- header; with semicolon\nSELECT 1; -- tail\nSELECT 2;"
                                           << QStringList{"SELECT 1", "SELECT 2"};
    QTest::newRow("block comment") << "SELECT /* a; b */ 1;" << QStringList{"SELECT   1"};
    QTest::newRow("quoted semicolon") << "INSERT INTO t VALUES ('a;b');SELECT 2"
                                      << QStringList{"INSERT INTO t VALUES ('a;b')", "SELECT 2"};
    QTest::newRow("escaped quote") << "SELECT 'it''s; fine'; SELECT 3"
                                   << QStringList{"SELECT 'it''s; fine'", "SELECT 3"};
    QTest::newRow("dashes inside string") << "SELECT '--not a comment;'" << QStringList{"SELECT '--not a comment;'"};
    QTest::newRow("quoted identifier") << "CREATE TABLE \"odd;name\" (x INTEGER);"
                                       << QStringList{"CREATE TABLE \"odd;name\" (x INTEGER)"};
}

void TestSqlScript::split()
{
    QFETCH(QString, script);
    QFETCH(QStringList, statements);
    QCOMPARE(SqlScript::split(script), statements);
}

QTEST_GUILESS_MAIN(TestSqlScript)
#include "tst_sqlscript.moc"
