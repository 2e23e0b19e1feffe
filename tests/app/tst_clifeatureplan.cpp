// loupe-cli and the automatic feature choice (FeaturePlanner) on a transactions-like CSV with an id,
// a customer id, a customer name, a birth date and free text: training succeeds without --exclude,
// the columns left out are reported with their reasons on stderr and in --json ("feature_plan"),
// and the stored run keeps the plan; --keep uses a column anyway; an explicit --exclude list and
// --no-auto-ignore turn the choice off (the one-hot cap error comes back); lr-find records the plan
// in its config.
// Fixture: tests/fixtures/train/transactions-300.csv, written by
//   loupe-cli simulate --rows 300 --seed 14 --fraud-rate 0.1 -o transactions-300.csv

#include "tests/support/CliProcess.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace loupe;

namespace {

using testsupport::CliRun;

QString transactions()
{
    return QStringLiteral(LOUPE_FIXTURES_DIR "/train/transactions-300.csv");
}

// The column entries of a "feature_plan" object, by name.
QHash<QString, QJsonObject> planColumns(const QJsonObject &plan)
{
    QHash<QString, QJsonObject> columns;
    for (const QJsonValue &value : plan.value(QStringLiteral("columns")).toArray())
        columns.insert(value.toObject().value(QStringLiteral("name")).toString(), value.toObject());
    return columns;
}

} // namespace

class TestCliFeaturePlan : public QObject {
    Q_OBJECT

private:
    CliRun run(const QStringList &arguments);
    QStringList trainArguments(const QString &db) const;
    QString temp(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QString m_spec;

private slots:
    void initTestCase();
    void trainsAndReportsTheColumnsLeftOut();
    void keepUsesAColumnAnyway();
    void explicitChoiceTurnsTheProposalOff_data();
    void explicitChoiceTurnsTheProposalOff();
    void lrFindRecordsThePlan();
};

CliRun TestCliFeaturePlan::run(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
    return testsupport::runCli(arguments, environment, m_dir.path(), 120000);
}

QStringList TestCliFeaturePlan::trainArguments(const QString &db) const
{
    QStringList arguments{QStringLiteral("train"), m_spec, QStringLiteral("--data"), transactions(),
                          QStringLiteral("--target"), QStringLiteral("is_fraud")};
    if (db.isEmpty())
        return arguments << QStringLiteral("--no-workspace");
    return arguments << QStringLiteral("--db") << temp(db);
}

void TestCliFeaturePlan::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFileInfo::exists(transactions()));
    m_spec = temp(QStringLiteral("fraud-spec.json"));
    QFile file(m_spec);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"name": "fraud-mlp", "layers": [{"type": "dense", "units": 8, "activation": "relu"},
                  {"type": "dense", "units": 2, "activation": "softmax"}],
                  "optimizer": {"type": "adam", "learning_rate": 0.01}, "loss": "categorical_crossentropy",
                  "batch_size": 32, "epochs": 2, "seed": 4})");
}

void TestCliFeaturePlan::trainsAndReportsTheColumnsLeftOut()
{
    const CliRun result = run(trainArguments(QStringLiteral("plan.sqlite")) << QStringLiteral("--json"));
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QString err = QString::fromUtf8(result.err);
    QVERIFY2(err.contains(QStringLiteral("loupe-cli train: left out 6 column(s) (automatic choice")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("transaction_id: identifier: unique in every row")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("customer_name: personal data: person names")), qPrintable(err));

    const QJsonObject json = testsupport::cliJson(result);
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    const QJsonObject plan = json.value(QStringLiteral("feature_plan")).toObject();
    QCOMPARE(plan.value(QStringLiteral("target")).toString(), QStringLiteral("is_fraud"));
    QCOMPARE(plan.value(QStringLiteral("selection")).toString(), QStringLiteral("proposed"));
    const QHash<QString, QJsonObject> columns = planColumns(plan);
    const QHash<QString, QString> reasons{{"transaction_id", "identifier"},   {"customer_id", "identifier"},
                                          {"customer_name", "personal_data"}, {"birth_date", "personal_data"},
                                          {"merchant", "high_cardinality"},   {"memo", "high_cardinality"}};
    for (auto item = reasons.begin(); item != reasons.end(); ++item) {
        const QJsonObject column = columns.value(item.key());
        QCOMPARE(column.value(QStringLiteral("role")).toString(), QStringLiteral("ignored"));
        QCOMPARE(column.value(QStringLiteral("reason")).toString(), item.value());
    }
    for (const char *feature : {"timestamp", "category", "amount", "balance"})
        QCOMPARE(columns.value(QLatin1String(feature)).value(QStringLiteral("role")).toString(), QStringLiteral("feature"));
    QCOMPARE(json.value(QStringLiteral("data")).toObject().value(QStringLiteral("features")).toInt(),
             plan.value(QStringLiteral("feature_width")).toInt());
    const QJsonArray classes = plan.value(QStringLiteral("classes")).toArray();
    QCOMPARE(classes.size(), 2);
    QCOMPARE(classes.at(0).toObject().value(QStringLiteral("label")).toString(), QStringLiteral("false"));
    QCOMPARE(classes.at(0).toObject().value(QStringLiteral("count")).toInt(), 268);

    auto store = Store::open(temp(QStringLiteral("plan.sqlite")));
    QVERIFY2(store.isOk(), store.message().c_str());
    auto record = RunRepository(*store.value()).findRun(json.value(QStringLiteral("run_id")).toInteger());
    QVERIFY(record.isOk() && record.value().has_value());
    const QJsonObject summary = QJsonDocument::fromJson(record.value()->summaryJson.toUtf8()).object();
    QCOMPARE(summary.value(QStringLiteral("feature_plan")).toObject(), plan);
}

void TestCliFeaturePlan::keepUsesAColumnAnyway()
{
    const CliRun result = run(trainArguments(QString()) << QStringLiteral("--keep") << QStringLiteral("customer_id")
                                                        << QStringLiteral("--json"));
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject column = planColumns(testsupport::cliJson(result).value(QStringLiteral("feature_plan")).toObject())
                                   .value(QStringLiteral("customer_id"));
    QCOMPARE(column.value(QStringLiteral("role")).toString(), QStringLiteral("feature"));
    QCOMPARE(column.value(QStringLiteral("chosen")).toBool(), true);
    QVERIFY2(QString::fromUtf8(result.err).contains(QStringLiteral("left out 5 column(s)")), result.err.constData());
}

void TestCliFeaturePlan::explicitChoiceTurnsTheProposalOff_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    QTest::newRow("--exclude is the whole list") << QStringList{"--exclude", "customer_name"}
                                                  << "column 'merchant' (string): more than 20 distinct values";
    QTest::newRow("--no-auto-ignore") << QStringList{"--no-auto-ignore", "--max-levels", "100"}
                                      << "column 'memo' (string): missing value in row";
}

void TestCliFeaturePlan::explicitChoiceTurnsTheProposalOff()
{
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    const CliRun result = run(trainArguments(QString()) + options);
    QCOMPARE(result.exitCode, 2);
    const QString err = QString::fromUtf8(result.err);
    QVERIFY2(err.contains(message), qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral("left out")), qPrintable(err));
}

void TestCliFeaturePlan::lrFindRecordsThePlan()
{
    const CliRun result = run({QStringLiteral("lr-find"), m_spec, QStringLiteral("--data"), transactions(),
                               QStringLiteral("--target"), QStringLiteral("is_fraud"), QStringLiteral("--mode"),
                               QStringLiteral("range"), QStringLiteral("--steps"), QStringLiteral("10"),
                               QStringLiteral("--json"), QStringLiteral("--db"), temp(QStringLiteral("lr.sqlite"))});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(QString::fromUtf8(result.err).contains(QStringLiteral("loupe-cli lr-find: left out 6 column(s)")),
             result.err.constData());
    auto store = Store::open(temp(QStringLiteral("lr.sqlite")));
    QVERIFY2(store.isOk(), store.message().c_str());
    auto record = RunRepository(*store.value()).findRun(testsupport::cliJson(result).value(QStringLiteral("run_id")).toInteger());
    QVERIFY(record.isOk() && record.value().has_value());
    const QJsonObject config = QJsonDocument::fromJson(record.value()->configJson.toUtf8()).object();
    const QJsonObject plan = config.value(QStringLiteral("feature_plan")).toObject();
    QCOMPARE(planColumns(plan).value(QStringLiteral("customer_name")).value(QStringLiteral("reason")).toString(),
             QStringLiteral("personal_data"));
}

QTEST_GUILESS_MAIN(TestCliFeaturePlan)
#include "tst_clifeatureplan.moc"
