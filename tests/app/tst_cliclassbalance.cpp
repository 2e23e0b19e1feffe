// loupe-cli and imbalanced class targets: --class-weight and --resample on train, lr-find and search
// (bad values refused with exit 2 naming the option; a regression target refused naming the
// parameter), the class balance and the imbalance metrics in train's --json, and --adapt-spec
// fitting a spec written for Fashion-MNIST (784 inputs, 10 classes) to the CSV, with the hint
// when it is not given.
// Fixture: tests/fixtures/train/transactions-300.csv (see tst_clifeatureplan.cpp).

#include "tests/support/CliProcess.h"

#include <QFile>
#include <QJsonArray>
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

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

// A spec and its search template (hidden units {"choice": [4, 8]} instead of 8).
bool writeSpec(const QString &path, const QByteArray &text)
{
    QByteArray space = text;
    space.replace(R"("units": 8)", R"("units": {"choice": [4, 8]})");
    return writeFile(path, text) && writeFile(QString(path).replace(QStringLiteral(".json"), QStringLiteral("-space.json")), space);
}

} // namespace

class TestCliClassBalance : public QObject {
    Q_OBJECT

private:
    CliRun run(const QStringList &arguments);
    // train / lr-find / search on the fixture with the given spec (search: the template).
    QStringList commandArguments(const QString &command, const QString &spec) const;
    QString temp(const QString &name) const { return m_dir.filePath(name); }
    // The search template of a spec: the same file with the hidden units a choice.
    QString searchTemplate(const QString &spec) const { return QString(spec).replace(QStringLiteral(".json"), QStringLiteral("-space.json")); }

    QTemporaryDir m_dir;
    QString m_spec;
    QString m_mnistSpec;

private slots:
    void initTestCase();
    void badValuesAreRefused_data();
    void badValuesAreRefused();
    void trainReportsBalanceAndMetrics_data();
    void trainReportsBalanceAndMetrics();
    void otherCommandsAcceptTheOptions_data();
    void otherCommandsAcceptTheOptions();
    void regressionTargetIsRefused();
    void adaptSpec_data();
    void adaptSpec();
};

CliRun TestCliClassBalance::run(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
    return testsupport::runCli(arguments, environment, m_dir.path(), 120000);
}

QStringList TestCliClassBalance::commandArguments(const QString &command, const QString &spec) const
{
    const QString specOrTemplate = command == QLatin1String("search") ? searchTemplate(spec) : spec;
    QStringList arguments{command, specOrTemplate, QStringLiteral("--data"), transactions(), QStringLiteral("--target"),
                          QStringLiteral("is_fraud"), QStringLiteral("--test-fraction"), QStringLiteral("0.3")};
    if (command == QLatin1String("lr-find"))
        // Rates 1e-3 .. 3.2e-2: low enough to start below the best and high enough for the loss to fall, so
        // the finder has a recommendation (with none it exits 1, which is not what these rows test).
        arguments << QStringLiteral("--mode") << QStringLiteral("range") << QStringLiteral("--start") << QStringLiteral("1e-3")
                  << QStringLiteral("--steps") << QStringLiteral("6")
                  << QStringLiteral("--no-workspace");
    else if (command == QLatin1String("search"))
        arguments << QStringLiteral("--max-evals") << QStringLiteral("2") << QStringLiteral("--storage")
                  << temp(QStringLiteral("search-%1.sqlite").arg(QDateTime::currentMSecsSinceEpoch()));
    else
        arguments << QStringLiteral("--no-workspace");
    return arguments;
}

void TestCliClassBalance::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFileInfo::exists(transactions()));
    m_spec = temp(QStringLiteral("fraud-spec.json"));
    QVERIFY(writeSpec(m_spec, R"({"name": "fraud-mlp", "layers": [{"type": "dense", "units": 8, "activation": "relu"},
                  {"type": "dense", "units": 2, "activation": "softmax"}],
                  "optimizer": {"type": "adam", "learning_rate": 0.01}, "loss": "categorical_crossentropy",
                  "batch_size": 32, "epochs": 2, "seed": 4})"));
    m_mnistSpec = temp(QStringLiteral("mnist-spec.json"));
    QVERIFY(writeSpec(m_mnistSpec, R"({"name": "chapter", "input": {"features": 784},
                  "layers": [{"type": "dense", "units": 8, "activation": "relu"},
                  {"type": "dense", "units": 10, "activation": "softmax"}],
                  "optimizer": {"type": "adam", "learning_rate": 0.01}, "loss": "categorical_crossentropy",
                  "batch_size": 32, "epochs": 1, "seed": 4})"));
}

void TestCliClassBalance::badValuesAreRefused_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    for (const char *command : {"train", "lr-find", "search"}) {
        QTest::addRow("%s --class-weight heavy", command)
            << command << QStringList{"--class-weight", "heavy"}
            << "option --class-weight: 'heavy' is not one of none, balanced";
        QTest::addRow("%s --resample smote", command)
            << command << QStringList{"--resample", "smote"}
            << "option --resample: 'smote' is not one of none, oversample, undersample";
        QTest::addRow("%s --class-weight Balanced", command)
            << command << QStringList{"--class-weight", "Balanced"} << "option --class-weight: 'Balanced'";
    }
}

void TestCliClassBalance::badValuesAreRefused()
{
    QFETCH(QString, command);
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    const CliRun result = run(commandArguments(command, m_spec) + options);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
}

void TestCliClassBalance::trainReportsBalanceAndMetrics_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("classWeight");
    QTest::addColumn<QString>("resample");
    QTest::addColumn<bool>("evenRows");
    QTest::newRow("default") << QStringList{} << "none" << "none" << false;
    QTest::newRow("balanced") << QStringList{"--class-weight", "balanced"} << "balanced" << "none" << false;
    QTest::newRow("oversample") << QStringList{"--resample", "oversample"} << "none" << "oversample" << true;
    QTest::newRow("undersample+balanced") << QStringList{"--resample", "undersample", "--class-weight", "balanced"}
                                          << "balanced" << "undersample" << true;
}

void TestCliClassBalance::trainReportsBalanceAndMetrics()
{
    QFETCH(QStringList, options);
    QFETCH(QString, classWeight);
    QFETCH(QString, resample);
    QFETCH(bool, evenRows);
    const CliRun result = run(commandArguments(QStringLiteral("train"), m_spec) + options << QStringLiteral("--json"));
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject json = testsupport::cliJson(result);
    const QJsonObject balance = json.value(QStringLiteral("class_balance")).toObject();
    QCOMPARE(balance.value(QStringLiteral("class_weight")).toString(), classWeight);
    QCOMPARE(balance.value(QStringLiteral("resample")).toString(), resample);
    const QJsonArray classes = balance.value(QStringLiteral("classes")).toArray();
    QCOMPARE(classes.size(), 2);
    const QJsonObject no = classes.at(0).toObject();
    const QJsonObject yes = classes.at(1).toObject();
    QCOMPARE(no.value(QStringLiteral("trained_rows")).toInt() == yes.value(QStringLiteral("trained_rows")).toInt(),
             evenRows);
    if (classWeight == QLatin1String("balanced"))
        QVERIFY(yes.value(QStringLiteral("weight")).toDouble() != 1.0 || evenRows);
    QCOMPARE(json.value(QStringLiteral("feature_plan")).toObject().value(QStringLiteral("class_weight")).toString(),
             classWeight);
    const QJsonObject metrics = json.value(QStringLiteral("metrics")).toObject();
    QCOMPARE(metrics.value(QStringLiteral("evaluated_on")).toString(), QStringLiteral("test"));
    const double balanced = metrics.value(QStringLiteral("balanced_accuracy")).toDouble(-1.0);
    QVERIFY(balanced >= 0.0 && balanced <= 1.0);
    // The split is not stratified: PR-AUC is null when the test rows hold no fraud.
    const bool anyFraud = metrics.value(QStringLiteral("classes")).toArray().at(1).toObject().value(QStringLiteral("rows")).toInt() > 0;
    QCOMPARE(metrics.value(QStringLiteral("pr_auc")).isDouble(), anyFraud);
    QCOMPARE(metrics.value(QStringLiteral("pr_auc_class")).toString(), QStringLiteral("true"));
    QCOMPARE(metrics.value(QStringLiteral("classes")).toArray().size(), 2);
    if (!options.isEmpty())
        QVERIFY2(QString::fromUtf8(result.err).contains(QStringLiteral("class balance: class weight ") + classWeight),
                 result.err.constData());
}

void TestCliClassBalance::otherCommandsAcceptTheOptions_data()
{
    QTest::addColumn<QString>("command");
    QTest::newRow("lr-find") << "lr-find";
    QTest::newRow("search") << "search";
}

void TestCliClassBalance::otherCommandsAcceptTheOptions()
{
    QFETCH(QString, command);
    const CliRun result = run(commandArguments(command, m_spec) << QStringLiteral("--class-weight")
                                                                << QStringLiteral("balanced") << QStringLiteral("--resample")
                                                                << QStringLiteral("oversample"));
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(QString::fromUtf8(result.err).contains(QStringLiteral("class weight balanced, resample oversample")),
             result.err.constData());
}

void TestCliClassBalance::regressionTargetIsRefused()
{
    const QString spec = temp(QStringLiteral("regression.json"));
    QVERIFY(writeFile(spec, R"({"layers": [{"type": "dense", "units": 1}], "loss": "mse", "epochs": 1})"));
    const CliRun result = run({QStringLiteral("train"), spec, QStringLiteral("--data"), transactions(),
                               QStringLiteral("--target"), QStringLiteral("amount"), QStringLiteral("--class-weight"),
                               QStringLiteral("balanced"), QStringLiteral("--no-workspace")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(QStringLiteral("class_weight: \"balanced\" needs a class target")),
             result.err.constData());
}

void TestCliClassBalance::adaptSpec_data()
{
    QTest::addColumn<QString>("command");
    QTest::newRow("train") << "train";
    QTest::newRow("lr-find") << "lr-find";
    QTest::newRow("search") << "search";
}

void TestCliClassBalance::adaptSpec()
{
    QFETCH(QString, command);
    const CliRun refused = run(commandArguments(command, m_mnistSpec));
    QCOMPARE(refused.exitCode, 2);
    const QString refusal = QString::fromUtf8(refused.err);
    QVERIFY2(refusal.contains(QStringLiteral("input.features: the spec says 784")), qPrintable(refusal));
    QVERIFY2(refusal.contains(QStringLiteral("--adapt-spec")), qPrintable(refusal));

    const CliRun adapted = run(commandArguments(command, m_mnistSpec) << QStringLiteral("--adapt-spec"));
    QVERIFY2(adapted.exitCode == 0, adapted.err.constData());
    const QString err = QString::fromUtf8(adapted.err);
    QVERIFY2(err.contains(QStringLiteral("--adapt-spec: the spec expects 784 inputs")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("input.features 784 -> taken from the data")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("layers[1].units 10 -> 2")), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestCliClassBalance)
#include "tst_cliclassbalance.moc"
