// Issue 13, items 1-4: JSON that used to abort (a number beyond a double), overflow the stack (20,000
// nested arrays) or grow memory with the square of its depth (a 100,000-deep search template) reaches
// every command that reads JSON, and each gives exit 2 with file:line:column and the member path.
#include "tests/support/CliProcess.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace loupe::testsupport;

namespace {

QString fixture(const QString &folder, const QString &name)
{
    return QStringLiteral(LOUPE_FIXTURES_DIR) + QLatin1Char('/') + folder + QLatin1Char('/') + name;
}

QByteArray nested(int depth)
{
    return QByteArray(depth, '[') + "1" + QByteArray(depth, ']');
}

} // namespace

class TestCliHostileJson : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refusedWithPosition_data();
    void refusedWithPosition();
    void tamperedStudyRows_data();
    void tamperedStudyRows();

private:
    QString write(const QString &name, const QByteArray &content);
    QTemporaryDir m_dir;
};

void TestCliHostileJson::initTestCase()
{
    QVERIFY(m_dir.isValid());
    write(QStringLiteral("suite-overflow.json"),
          R"({"suite":"s","tests":[{"name":"t","assert":"row_count_between","min":1e999}]})");
    write(QStringLiteral("deep-20000.json"), nested(20000));
    write(QStringLiteral("deep-100000.json"), nested(100000));
    write(QStringLiteral("spec-overflow.json"), "{\n  \"name\": \"x\",\n  \"epochs\": 1e400\n}");
    write(QStringLiteral("schedule-overflow.json"), R"({"name": "sgdr", "lr0": 1e999})");
    write(QStringLiteral("template-overflow.json"), R"({"optimizer": {"learning_rate": {"loguniform": [1e-4, 1e999]}}})");
    write(QStringLiteral("scaler-broken.json"), "{\"method\": \"standard\",\n \"columns\": [}");
}

QString TestCliHostileJson::write(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestCliHostileJson::refusedWithPosition_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString tiny = fixture(QStringLiteral("train"), QStringLiteral("tiny.csv"));
    const QString spec = fixture(QStringLiteral("train"), QStringLiteral("tiny-spec.json"));
    const QStringList data{QStringLiteral("--data"), tiny, QStringLiteral("--target"), QStringLiteral("label")};

    QTest::newRow("check: 1e999 in a suite")
        << QStringList{QStringLiteral("check"), QStringLiteral("suite-overflow.json"), tiny}
        << "suite-overflow.json:1:70: the number 1e999 is outside the range of a double (at tests[0].min)";
    QTest::newRow("check: deep suite") << QStringList{QStringLiteral("check"), QStringLiteral("deep-20000.json"), tiny}
                                       << "deep-20000.json:1:65: nested deeper than 64 arrays or objects";
    QTest::newRow("train: 1e400 in a spec")
        << QStringList{QStringLiteral("train"), QStringLiteral("spec-overflow.json")} + data
        << "spec-overflow.json:3:13: the number 1e400 is outside the range of a double (at epochs)";
    QTest::newRow("train: deep spec") << QStringList{QStringLiteral("train"), QStringLiteral("deep-20000.json")} + data
                                      << "deep-20000.json:1:65: nested deeper";
    QTest::newRow("train: 1e999 in --schedule JSON")
        << QStringList{QStringLiteral("train"), spec} + data
               + QStringList{QStringLiteral("--schedule"), QStringLiteral(R"({"name":"sgdr","lr0":1e999})")}
        << "option --schedule:1:22: the number 1e999 is outside the range of a double (at lr0)";
    QTest::newRow("train: 1e999 in a --schedule file")
        << QStringList{QStringLiteral("train"), spec} + data
               + QStringList{QStringLiteral("--schedule"), QStringLiteral("schedule-overflow.json")}
        << "schedule-overflow.json:1:25: the number 1e999 is outside the range of a double (at lr0)";
    QTest::newRow("train: deep --schedule")
        << QStringList{QStringLiteral("train"), spec} + data
               + QStringList{QStringLiteral("--schedule"), QStringLiteral("deep-20000.json")}
        << "deep-20000.json:1:65: nested deeper";
    QTest::newRow("lr-find: deep spec") << QStringList{QStringLiteral("lr-find"), QStringLiteral("deep-20000.json"), QStringLiteral("--mode"),
                                                       QStringLiteral("onepass")} + data
                                        << "deep-20000.json:1:65: nested deeper";
    QTest::newRow("snapshot: deep spec")
        << QStringList{QStringLiteral("snapshot"), QStringLiteral("deep-20000.json"), QStringLiteral("--cycles"),
                       QStringLiteral("2"), QStringLiteral("--epochs"), QStringLiteral("4")} + data
        << "deep-20000.json:1:65: nested deeper";
    QTest::newRow("sufficiency: deep spec")
        << QStringList{QStringLiteral("sufficiency"), tiny, QStringLiteral("--target"), QStringLiteral("label"),
                       QStringLiteral("--spec"), QStringLiteral("deep-20000.json")}
        << "deep-20000.json:1:65: nested deeper";
    QTest::newRow("search: 1e999 in a template")
        << QStringList{QStringLiteral("search"), QStringLiteral("template-overflow.json"), QStringLiteral("--max-evals"),
                       QStringLiteral("2")} + data
        << "template-overflow.json:1:55: the number 1e999 is outside the range of a double "
           "(at optimizer.learning_rate.loguniform[1])";
    QTest::newRow("search: 100,000-deep template")
        << QStringList{QStringLiteral("search"), QStringLiteral("deep-100000.json"), QStringLiteral("--max-evals"),
                       QStringLiteral("2")} + data
        << "deep-100000.json:1:65: nested deeper than 64 arrays or objects";
    QTest::newRow("scale --apply: broken parameters")
        << QStringList{QStringLiteral("scale"), tiny, QStringLiteral("--apply"), QStringLiteral("scaler-broken.json"),
                       QStringLiteral("-o"), QStringLiteral("out.csv")}
        << "scaler-broken.json:2:14: not valid JSON (syntax error while parsing value - unexpected '}'";
}

void TestCliHostileJson::refusedWithPosition()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
    const CliRun result = runCli(arguments + QStringList{QStringLiteral("--db"), QStringLiteral("w.sqlite")},
                                 environment, m_dir.path(), 120000);
    QVERIFY2(result.exitCode == 2, qPrintable(QStringLiteral("exit %1: %2").arg(result.exitCode).arg(QString::fromUtf8(result.err))));
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("out.csv"))));
}

// A shared study's template and objective come from a database other processes write: one bad row
// must give every worker a clean error, not a crash (issue 13, item 3).
void TestCliHostileJson::tamperedStudyRows_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("100,000-deep template") << "space_json" << nested(100000)
                                           << "study 's': stored template:1:65: nested deeper than 64 arrays or objects";
    QTest::newRow("1e999 in the template") << "space_json" << QByteArray(R"({"units": {"choice": [1e999]}})")
                                           << "study 's': stored template:1:23: the number 1e999 is outside the range "
                                              "of a double (at units.choice[0])";
    QTest::newRow("objective of the wrong type") << "objective_json"
                                                 << QByteArray(R"({"objective": "training", "loss": [1, 2]})")
                                                 << "study 's': the stored objective has a value of the wrong type";
    QTest::newRow("objective not JSON") << "objective_json" << QByteArray("{\"objective\": ")
                                        << "study 's': stored objective:1:15: not valid JSON";
}

void TestCliHostileJson::tamperedStudyRows()
{
    QFETCH(QString, column);
    QFETCH(QByteArray, value);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString storage = dir.filePath(QStringLiteral("study.sqlite"));
    const QString tiny = fixture(QStringLiteral("train"), QStringLiteral("tiny.csv"));
    const QString space = write(QStringLiteral("space.json"), R"({"name": "m", "layers": [
        {"type": "dense", "units": {"choice": [4, 8]}, "activation": "relu"},
        {"type": "dense", "units": 3, "activation": "softmax"}],
        "optimizer": {"type": "adam", "learning_rate": 0.01}, "loss": "categorical_crossentropy",
        "batch_size": 8, "epochs": 1, "seed": 1})");
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
    const CliRun created = runCli({QStringLiteral("search"), space, QStringLiteral("--data"), tiny, QStringLiteral("--target"),
                                   QStringLiteral("label"), QStringLiteral("--max-evals"), QStringLiteral("1"),
                                   QStringLiteral("--storage"), storage, QStringLiteral("--study"), QStringLiteral("s"),
                                   QStringLiteral("--no-workspace")},
                                  environment, dir.path(), 120000);
    QVERIFY2(created.exitCode == 0, created.err.constData());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        db.setDatabaseName(storage);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.prepare(QStringLiteral("UPDATE studies SET %1 = ?").arg(column)));
        query.addBindValue(QString::fromUtf8(value));
        QVERIFY(query.exec());
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    const CliRun worker = runCli({QStringLiteral("worker"), QStringLiteral("--storage"), storage, QStringLiteral("--study"),
                                  QStringLiteral("s"), QStringLiteral("--no-workspace")},
                                 environment, dir.path(), 120000);
    QVERIFY2(worker.exitCode == 2, qPrintable(QStringLiteral("exit %1: %2").arg(worker.exitCode).arg(QString::fromUtf8(worker.err))));
    QVERIFY2(QString::fromUtf8(worker.err).contains(message), worker.err.constData());
}

QTEST_GUILESS_MAIN(TestCliHostileJson)
#include "tst_clihostilejson.moc"
