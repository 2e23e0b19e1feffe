// loupe-cli pii and mask end to end: the --json shape ({"findings":[{row,column,kind,masked}],
// "columns":[{name,kinds,identifier}]}), exit codes (1 found, 0 clean, 2 bad input), the cap on listed
// findings, k-anonymity, the stored scan run, and the cleaned CSV written by mask.
#include "tests/support/CliProcess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using loupe::testsupport::CliRun;

const char *kPeople = "customer_id,name,zip,date_of_birth,memo,amount\n"
                      "1001,Ann Lee,10001,1985-03-02,call (212) 555-0123,12.5\n"
                      "1002,Bob Ray,10001,1990-07-14,\"card 4111 1111 1111 1111, declined\",7.25\n"
                      "1003,Cy Dot,10002,1979-12-31,ok,3\n"
                      "1004,Di Fox,10002,1966-01-01,SSN 536-22-1097 on file,4\n"
                      "1005,Ed Gil,10003,1971-05-05,mail ed.gil@example.com,5\n";

const char *kClean = "id,city,amount\n1,Paris,1.5\n1,Rome,2.5\n2,Oslo,3\n";

} // namespace

class TestCliPii : public QObject {
    Q_OBJECT

private:
    CliRun run(const QStringList &arguments);
    QString temp(const QString &name) const { return m_dir.filePath(name); }
    void write(const QString &name, const char *text);

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase();
    void jsonShape();
    void rowsAreDataRowIndexes();
    void cleanFileExitsZero();
    void badInput_data();
    void badInput();
    void findingsAreCappedButCounted();
    void kAnonymity();
    void storesScanRun();
    void textOutputMasks();
    void maskWritesCleanedCsv();
};

CliRun TestCliPii::run(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LOUPE_DB"), temp(QStringLiteral("workspace.sqlite")));
    return loupe::testsupport::runCli(arguments, environment, m_dir.path(), 60000);
}

void TestCliPii::write(const QString &name, const char *text)
{
    QFile file(temp(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

void TestCliPii::initTestCase()
{
    QVERIFY(m_dir.isValid());
    write(QStringLiteral("people.csv"), kPeople);
    write(QStringLiteral("clean.csv"), kClean);
}

void TestCliPii::jsonShape()
{
    const CliRun result = run({QStringLiteral("pii"), temp(QStringLiteral("people.csv")), QStringLiteral("--json"),
                               QStringLiteral("--no-workspace")});
    QCOMPARE(result.exitCode, 1);
    const QJsonObject root = QJsonDocument::fromJson(result.out).object();
    QVERIFY2(root.contains(QStringLiteral("findings")) && root.contains(QStringLiteral("columns")), result.out);
    const QJsonArray findings = root.value(QStringLiteral("findings")).toArray();
    QCOMPARE(findings.size(), 14); // 5 birth dates, 5 person names, phone, card, ssn, email
    const QStringList allowed{"ssn", "credit_card", "iban", "email", "phone", "ipv4", "ipv6", "birth_date", "person_name"};
    for (const QJsonValue &value : findings) {
        const QJsonObject finding = value.toObject();
        QCOMPARE(finding.keys(), (QStringList{"column", "kind", "masked", "row"}));
        QVERIFY(finding.value(QStringLiteral("row")).isDouble());
        QVERIFY(allowed.contains(finding.value(QStringLiteral("kind")).toString()));
        QVERIFY(finding.value(QStringLiteral("masked")).toString().contains(QLatin1Char('*')));
    }
    const QJsonArray columns = root.value(QStringLiteral("columns")).toArray();
    QCOMPARE(columns.size(), 6);
    // Issue 14, item 7: names are personal data, as their own kind.
    const QJsonObject nameKinds = columns.at(1).toObject().value(QStringLiteral("kinds")).toObject();
    QCOMPARE(nameKinds, (QJsonObject{{QStringLiteral("person_name"), 5}}));
    QCOMPARE(root.value(QStringLiteral("kinds")).toObject().value(QStringLiteral("person_name")).toInt(), 5);
    for (const QJsonValue &value : columns) {
        const QJsonObject column = value.toObject();
        QVERIFY(column.value(QStringLiteral("name")).isString());
        QVERIFY(column.value(QStringLiteral("kinds")).isObject());
        QVERIFY(column.value(QStringLiteral("identifier")).isBool());
    }
    const QJsonObject memo = columns.at(4).toObject();
    QCOMPARE(memo.value(QStringLiteral("name")).toString(), QStringLiteral("memo"));
    const QJsonObject kinds = memo.value(QStringLiteral("kinds")).toObject();
    QCOMPARE(kinds.value(QStringLiteral("phone")).toInt(), 1);
    QCOMPARE(kinds.value(QStringLiteral("credit_card")).toInt(), 1);
    QCOMPARE(kinds.value(QStringLiteral("ssn")).toInt(), 1);
    QCOMPARE(kinds.value(QStringLiteral("email")).toInt(), 1);
    QCOMPARE(columns.at(3).toObject().value(QStringLiteral("kinds")).toObject().value(QStringLiteral("birth_date")).toInt(), 5);
    QCOMPARE(root.value(QStringLiteral("total_findings")).toInt(), 14);
    QVERIFY(root.value(QStringLiteral("scan_seconds")).isDouble());
}

void TestCliPii::rowsAreDataRowIndexes()
{
    const CliRun result = run({QStringLiteral("pii"), temp(QStringLiteral("people.csv")), QStringLiteral("--json"),
                               QStringLiteral("--no-workspace"), QStringLiteral("--columns"), QStringLiteral("memo")});
    QCOMPARE(result.exitCode, 1);
    const QJsonArray findings = QJsonDocument::fromJson(result.out).object().value(QStringLiteral("findings")).toArray();
    QCOMPARE(findings.size(), 4);
    const QList<int> rows{0, 1, 3, 4};
    const QStringList kinds{"phone", "credit_card", "ssn", "email"};
    const QStringList masked{"(***) ***-0123", "4111 **** **** 1111", "***-**-1097", "e***@example.com"};
    for (int i = 0; i < 4; ++i) {
        const QJsonObject finding = findings.at(i).toObject();
        QCOMPARE(finding.value(QStringLiteral("row")).toInt(), rows[i]);
        QCOMPARE(finding.value(QStringLiteral("column")).toString(), QStringLiteral("memo"));
        QCOMPARE(finding.value(QStringLiteral("kind")).toString(), kinds[i]);
        QCOMPARE(finding.value(QStringLiteral("masked")).toString(), masked[i]);
    }
}

void TestCliPii::cleanFileExitsZero()
{
    const CliRun result = run({QStringLiteral("pii"), temp(QStringLiteral("clean.csv")), QStringLiteral("--json"),
                               QStringLiteral("--no-workspace")});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(root.value(QStringLiteral("findings")).toArray().size(), 0);
    QCOMPARE(root.value(QStringLiteral("total_findings")).toInt(), 0);
}

void TestCliPii::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing file") << QStringList{"pii", "nope.csv"} << "nope.csv";
    QTest::newRow("unknown column") << QStringList{"pii", "people.csv", "--columns", "memo,age"} << "'age'";
    QTest::newRow("unknown quasi") << QStringList{"pii", "people.csv", "--quasi", "zip,age"} << "'age'";
    QTest::newRow("k without quasi") << QStringList{"pii", "people.csv", "--k", "3"} << "--quasi";
    QTest::newRow("k zero") << QStringList{"pii", "people.csv", "--quasi", "zip", "--k", "0"} << "--k";
    QTest::newRow("mask nothing") << QStringList{"mask", "people.csv", "-o", "out.csv"} << "--drop";
    QTest::newRow("mask unknown column") << QStringList{"mask", "people.csv", "-o", "out.csv", "--drop", "age"} << "'age'";
    QTest::newRow("mask without output") << QStringList{"mask", "people.csv", "--drop", "memo"} << "--output";
}

void TestCliPii::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    arguments << QStringLiteral("--no-workspace");
    const CliRun result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err);
    arguments << QStringLiteral("--json");
    const CliRun json = run(arguments);
    QCOMPARE(json.exitCode, 2);
    QVERIFY2(QJsonDocument::fromJson(json.out).object().contains(QStringLiteral("error")), json.out);
}

void TestCliPii::findingsAreCappedButCounted()
{
    const CliRun result = run({QStringLiteral("pii"), temp(QStringLiteral("people.csv")), QStringLiteral("--json"),
                               QStringLiteral("--no-workspace"), QStringLiteral("--max-findings"), QStringLiteral("2")});
    QCOMPARE(result.exitCode, 1);
    const QJsonObject root = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(root.value(QStringLiteral("findings")).toArray().size(), 2);
    QCOMPARE(root.value(QStringLiteral("total_findings")).toInt(), 14);
}

void TestCliPii::kAnonymity()
{
    const CliRun result = run({QStringLiteral("pii"), temp(QStringLiteral("clean.csv")), QStringLiteral("--json"),
                               QStringLiteral("--no-workspace"), QStringLiteral("--quasi"), QStringLiteral("id"),
                               QStringLiteral("--k"), QStringLiteral("2")});
    QCOMPARE(result.exitCode, 1); // id 2 is alone: k = 1 < 2
    const QJsonObject audit = QJsonDocument::fromJson(result.out).object().value(QStringLiteral("k_anonymity")).toObject();
    QCOMPARE(audit.value(QStringLiteral("k")).toInt(), 1);
    QCOMPARE(audit.value(QStringLiteral("groups")).toInt(), 2);
    QCOMPARE(audit.value(QStringLiteral("rows_below_k")).toInt(), 1);
    QCOMPARE(audit.value(QStringLiteral("satisfied")).toBool(), false);
    const CliRun ok = run({QStringLiteral("pii"), temp(QStringLiteral("clean.csv")), QStringLiteral("--no-workspace"),
                           QStringLiteral("--quasi"), QStringLiteral("id"), QStringLiteral("--k"), QStringLiteral("1")});
    QCOMPARE(ok.exitCode, 0);
}

void TestCliPii::storesScanRun()
{
    const QString db = temp(QStringLiteral("scan.sqlite"));
    const CliRun result = run({QStringLiteral("pii"), temp(QStringLiteral("people.csv")), QStringLiteral("--json"),
                               QStringLiteral("--db"), db});
    QCOMPARE(result.exitCode, 1);
    const QJsonObject workspace = QJsonDocument::fromJson(result.out).object().value(QStringLiteral("workspace")).toObject();
    QVERIFY2(workspace.value(QStringLiteral("run_id")).toInt() > 0, result.out);
    {
        QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        sql.setDatabaseName(db);
        QVERIFY(sql.open());
        QSqlQuery query(sql);
        QVERIFY(query.exec(QStringLiteral("SELECT kind, status, summary_json FROM runs")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("scan"));
        QCOMPARE(query.value(1).toString(), QStringLiteral("completed"));
        const QJsonObject summary = QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object();
        QCOMPARE(summary.value(QStringLiteral("total_findings")).toInt(), 14);
        sql.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
}

void TestCliPii::textOutputMasks()
{
    const CliRun result = run({QStringLiteral("pii"), temp(QStringLiteral("people.csv")), QStringLiteral("--no-workspace")});
    QCOMPARE(result.exitCode, 1);
    const QString text = QString::fromUtf8(result.out);
    QVERIFY2(text.contains(QStringLiteral("4111 **** **** 1111")), result.out);
    QVERIFY(!text.contains(QStringLiteral("4111 1111 1111 1111")));
    QVERIFY(!text.contains(QStringLiteral("536-22-1097")));
    QVERIFY(!text.contains(QStringLiteral("1985-03-02")));
    QVERIFY2(text.contains(QStringLiteral("person_name 5")), result.out);
    QVERIFY2(text.contains(QStringLiteral("A** L**")), result.out);
    QVERIFY(!text.contains(QStringLiteral("Ann Lee")));
}

void TestCliPii::maskWritesCleanedCsv()
{
    const QString out = temp(QStringLiteral("people-clean.csv"));
    const CliRun result = run({QStringLiteral("mask"), temp(QStringLiteral("people.csv")), QStringLiteral("-o"), out,
                               QStringLiteral("--drop"), QStringLiteral("date_of_birth"), QStringLiteral("--mask"),
                               QStringLiteral("memo"), QStringLiteral("--mask-all"), QStringLiteral("name"),
                               QStringLiteral("--no-workspace")});
    QCOMPARE(result.exitCode, 0);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray cleaned = file.readAll();
    QVERIFY2(cleaned.startsWith("customer_id,name,zip,memo,amount\n"), cleaned);
    QVERIFY(cleaned.contains("\"card 4111 **** **** 1111, declined\""));
    QVERIFY(cleaned.contains("A******"));
    QVERIFY(!QFile::exists(out + QStringLiteral(".tmp")));
    const CliRun rescan = run({QStringLiteral("pii"), out, QStringLiteral("--no-workspace")});
    QCOMPARE(rescan.exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCliPii)

#include "tst_clipii.moc"
