// A PostgreSQL password given in a workspace or storage URL never reaches what loupe-cli prints:
// every command that records into the workspace runs against a throw-away cluster with a planted
// password in its URL (the cluster trusts the user, so the password is sent and ignored), in text
// and in --json, and its whole output is searched for the password. Malformed URLs, which the
// commands quote in their errors, are searched too. Issue 13, item 8.
#include "db/store/ConnectionSpec.h"
#include "tests/support/CliProcess.h"
#include "tests/support/TemporaryPostgres.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace loupe;
using namespace loupe::testsupport;

namespace {

const QString s_password = QStringLiteral("S3cretPass");

QString fixture(const QString &folder, const QString &name)
{
    return QStringLiteral(LOUPE_FIXTURES_DIR) + QLatin1Char('/') + folder + QLatin1Char('/') + name;
}

} // namespace

class TestCliSecrets : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void redacted_data();
    void redacted();
    void recordingCommandsHideThePassword_data();
    void recordingCommandsHideThePassword();
    void malformedUrlsHideThePassword_data();
    void malformedUrlsHideThePassword();

private:
    CliRun run(const QStringList &arguments);

    test::TemporaryPostgres m_postgres;
    QTemporaryDir m_dir;
    QString m_url; // postgresql://loupe:S3cretPass@127.0.0.1:PORT/secrets
};

void TestCliSecrets::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (const QString why = m_postgres.unavailableReason(); !why.isEmpty())
        LOUPE_REQUIRE_RESOURCE(why);
    QVERIFY2(m_postgres.start(), qPrintable(m_postgres.lastOutput()));
    const Status created = m_postgres.createDatabase(QStringLiteral("secrets"));
    QVERIFY2(created.isOk(), created.message().c_str());
    m_url = m_postgres.url(QStringLiteral("secrets"))
                .replace(QStringLiteral("://loupe@"), QStringLiteral("://loupe:") + s_password + QLatin1Char('@'));
    QVERIFY(m_url.contains(s_password));
}

void TestCliSecrets::cleanupTestCase()
{
    m_postgres.stop();
}

CliRun TestCliSecrets::run(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
    return runCli(arguments, environment, m_dir.path(), 120000);
}

void TestCliSecrets::redacted_data()
{
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("expected");
    QTest::newRow("password") << "postgresql://alice:S3cretPass@db:5432/loupe" << "postgresql://alice:***@db:5432/loupe";
    QTest::newRow("password with @") << "postgresql://alice:p@ss@db/loupe" << "postgresql://alice:***@db/loupe";
    QTest::newRow("no password") << "postgresql://alice@db:5432/loupe" << "postgresql://alice@db:5432/loupe";
    QTest::newRow("no user") << "postgresql://db:5432/loupe" << "postgresql://db:5432/loupe";
    QTest::newRow("malformed port") << "postgres://bob:S3cretPass@db:99999999/x" << "postgres://bob:***@db:99999999/x";
    QTest::newRow("sqlite path") << "/tmp/a:b@c/workspace.sqlite" << "/tmp/a:b@c/workspace.sqlite";
}

void TestCliSecrets::redacted()
{
    QFETCH(QString, location);
    QFETCH(QString, expected);
    QCOMPARE(ConnectionSpec::redacted(location), expected);
}

void TestCliSecrets::recordingCommandsHideThePassword_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("saysWhere"); // the text form names the workspace it recorded in
    const QString typed = fixture(QStringLiteral("cli"), QStringLiteral("typed.csv"));
    const QString tiny = fixture(QStringLiteral("train"), QStringLiteral("tiny.csv"));
    const QString spec = fixture(QStringLiteral("train"), QStringLiteral("tiny-spec.json"));
    const QStringList trainData{QStringLiteral("--data"), tiny, QStringLiteral("--target"), QStringLiteral("label")};
    const QList<std::pair<const char *, QStringList>> commands{
        {"load", {QStringLiteral("load"), typed}},
        {"pii", {QStringLiteral("pii"), typed}},
        {"train", QStringList{QStringLiteral("train"), spec} + trainData},
        {"lr-find", QStringList{QStringLiteral("lr-find"), spec} + trainData
                        + QStringList{QStringLiteral("--mode"), QStringLiteral("onepass"), QStringLiteral("--steps"),
                                      QStringLiteral("10")}},
    };
    for (const auto &[name, arguments] : commands) {
        QTest::newRow(qPrintable(QStringLiteral("%1 text").arg(QLatin1String(name)))) << arguments << true;
        QTest::newRow(qPrintable(QStringLiteral("%1 json").arg(QLatin1String(name))))
            << (arguments + QStringList{QStringLiteral("--json")}) << false;
    }
}

void TestCliSecrets::recordingCommandsHideThePassword()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, saysWhere);
    const CliRun result = run(arguments + QStringList{QStringLiteral("--db"), m_url});
    QVERIFY2(result.exitCode == 0 || result.exitCode == 1, result.err.constData());
    QVERIFY2(!result.out.contains(s_password.toUtf8()), result.out.constData());
    QVERIFY2(!result.err.contains(s_password.toUtf8()), result.err.constData());
    // The run was recorded, and the text says where without the secret.
    if (saysWhere)
        QVERIFY2(result.out.contains("127.0.0.1"), result.out.constData());
}

void TestCliSecrets::malformedUrlsHideThePassword_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString typed = fixture(QStringLiteral("cli"), QStringLiteral("typed.csv"));
    const QString badPort = QStringLiteral("postgresql://loupe:%1@127.0.0.1:99999999/x").arg(s_password);
    const QString badPath = QStringLiteral("postgresql://loupe:%1@127.0.0.1/a/b").arg(s_password);
    QTest::newRow("load, bad port") << QStringList{QStringLiteral("load"), typed, QStringLiteral("--db"), badPort};
    QTest::newRow("load, bad path") << QStringList{QStringLiteral("load"), typed, QStringLiteral("--db"), badPath};
    QTest::newRow("search storage, bad port")
        << QStringList{QStringLiteral("search"), QStringLiteral("--objective"), QStringLiteral("branin"), QStringLiteral("--max-evals"),
                       QStringLiteral("2"), QStringLiteral("--storage"), badPort};
    QTest::newRow("worker storage, bad path")
        << QStringList{QStringLiteral("worker"), QStringLiteral("--storage"), badPath, QStringLiteral("--study"),
                       QStringLiteral("s")};
}

void TestCliSecrets::malformedUrlsHideThePassword()
{
    QFETCH(QStringList, arguments);
    for (const QStringList &form : {arguments, arguments + QStringList{QStringLiteral("--json")}}) {
        const CliRun result = run(form);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(!result.out.contains(s_password.toUtf8()), result.out.constData());
        QVERIFY2(!result.err.contains(s_password.toUtf8()), result.err.constData());
        QVERIFY2((result.out + result.err).contains("***"), (result.out + result.err).constData());
    }
}

QTEST_MAIN(TestCliSecrets)
#include "tst_clisecrets.moc"
