// ConnectionSpec::parse: file paths, sqlite:// and postgresql:// URLs, and malformed input.

#include "db/store/ConnectionSpec.h"

#include <QTest>

using namespace loupe;

class TestConnectionSpec : public QObject {
    Q_OBJECT

private slots:
    void sqliteForms_data();
    void sqliteForms();
    void postgresUrl_data();
    void postgresUrl();
    void rejected_data();
    void rejected();
    void displayNameHidesPassword();
};

void TestConnectionSpec::sqliteForms_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("filePath");
    QTest::newRow("absolute path") << "/home/ana/ws.sqlite" << "/home/ana/ws.sqlite";
    QTest::newRow("relative path") << "data/ws.sqlite" << "data/ws.sqlite";
    QTest::newRow("surrounding blanks") << "  /tmp/a b.sqlite \n" << "/tmp/a b.sqlite";
    QTest::newRow("sqlite url absolute") << "sqlite:///var/lib/loupe/ws.sqlite" << "/var/lib/loupe/ws.sqlite";
    QTest::newRow("sqlite url relative") << "sqlite://ws.sqlite" << "ws.sqlite";
    QTest::newRow("sqlite url percent-encoded") << "sqlite:///tmp/my%20ws.sqlite" << "/tmp/my ws.sqlite";
    QTest::newRow("sqlite url upper case") << "SQLITE:///x.db" << "/x.db";
    QTest::newRow("memory") << ":memory:" << ":memory:";
}

void TestConnectionSpec::sqliteForms()
{
    QFETCH(QString, input);
    QFETCH(QString, filePath);
    auto spec = ConnectionSpec::parse(input);
    QVERIFY2(spec.isOk(), spec.message().c_str());
    QCOMPARE(spec.value().backend, StoreBackend::Sqlite);
    QCOMPARE(spec.value().filePath, filePath);
    QCOMPARE(spec.value().displayName(), filePath);
}

void TestConnectionSpec::postgresUrl_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("options");
    QTest::newRow("full") << "postgresql://ana:s3cret@db.example.org:6543/loupe" << "db.example.org" << 6543
                          << "ana" << "s3cret" << "loupe" << "";
    QTest::newRow("defaults") << "postgresql:///loupe" << "localhost" << 5432 << "" << "" << "loupe" << "";
    QTest::newRow("postgres scheme") << "postgres://bob@10.0.0.5/search" << "10.0.0.5" << 5432 << "bob" << ""
                                     << "search" << "";
    QTest::newRow("encoded password") << "postgresql://ana:p%40ss%2Fw@h:1/d" << "h" << 1 << "ana" << "p@ss/w" << "d"
                                      << "";
    QTest::newRow("options") << "postgresql://u@h/d?sslmode=require&connect_timeout=5" << "h" << 5432 << "u" << ""
                             << "d" << "sslmode=require;connect_timeout=5";
    QTest::newRow("socket dir option") << "postgresql://u@localhost/d?host=/var/run/postgresql" << "localhost" << 5432
                                       << "u" << "" << "d" << "host=/var/run/postgresql";
    QTest::newRow("ipv6") << "postgresql://u@[::1]:5433/d" << "::1" << 5433 << "u" << "" << "d" << "";
}

void TestConnectionSpec::postgresUrl()
{
    QFETCH(QString, input);
    auto spec = ConnectionSpec::parse(input);
    QVERIFY2(spec.isOk(), spec.message().c_str());
    const ConnectionSpec &s = spec.value();
    QCOMPARE(s.backend, StoreBackend::PostgreSql);
    QTEST(s.host, "host");
    QTEST(s.port, "port");
    QTEST(s.user, "user");
    QTEST(s.password, "password");
    QTEST(s.database, "database");
    QTEST(s.connectOptions, "options");
}

void TestConnectionSpec::rejected_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("empty") << "";
    QTest::newRow("blank") << "   ";
    QTest::newRow("mysql") << "mysql://u@h/d";
    QTest::newRow("sqlite url without file") << "sqlite://";
    QTest::newRow("postgres path too deep") << "postgresql://u@h/d/extra";
    QTest::newRow("postgres bad port") << "postgresql://u@h:99999/d";
    QTest::newRow("postgres option with semicolon") << "postgresql://u@h/d?options=a%3Bb";
}

void TestConnectionSpec::rejected()
{
    QFETCH(QString, input);
    auto spec = ConnectionSpec::parse(input);
    QVERIFY(!spec.isOk());
    QCOMPARE(spec.status().code(), StatusCode::InvalidInput);
    QVERIFY(!spec.message().empty());
    if (!input.trimmed().isEmpty())
        QVERIFY2(QString::fromStdString(spec.message()).contains(input.trimmed()), spec.message().c_str());
}

void TestConnectionSpec::displayNameHidesPassword()
{
    auto spec = ConnectionSpec::parse(QStringLiteral("postgresql://ana:topsecret@db:5433/loupe"));
    QVERIFY(spec.isOk());
    QCOMPARE(spec.value().displayName(), QStringLiteral("postgresql://ana@db:5433/loupe"));
    QVERIFY(!spec.value().displayName().contains(QStringLiteral("topsecret")));
}

QTEST_GUILESS_MAIN(TestConnectionSpec)
#include "tst_connectionspec.moc"
