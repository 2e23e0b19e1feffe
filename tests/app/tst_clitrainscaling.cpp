// The model spec's "scaling" key in training: loupe-cli train fits the chosen scaling on the training
// rows only (a tiny CSV whose extreme values sit in the validation and test rows), prints the fitted
// per-column parameters under "scaling" and stores them with the run (summary) and the method in the
// run's config; --scale and --no-standardize replace the key; a bad key or the key with Fashion-MNIST
// is exit 2; the pages' requests (Train, Search, LR pages) go through the same TrainingDataService, so
// the same choices give the CLI's data, scaling and stored config exactly; a search template may fix
// the scaling but not search it (the data is scaled once per study).

#include "tests/support/CliProcess.h"
#include "jobs/TrainTypes.h"
#include "core/data/CsvReader.h"
#include "core/search/SearchSpace.h"
#include "core/data/DataSplitter.h"
#include "core/train/TrainingDataService.h"
#include "core/train/TrainingObjective.h"
#include "core/train/TrainingReport.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace loupe;

namespace {

using testsupport::CliRun;

constexpr std::size_t s_rows = 40;
constexpr std::uint64_t s_seed = 7;
const SplitFractions s_fractions{0.2, 0.1}; // the spec's validation_split, train's default test fraction

struct Expected {
    double count = 0, mean = 0, stddev = 0, min = 0, max = 0;
};

// Population statistics of `values` at `rows`, computed here independently of the engine.
Expected statisticsOf(const std::vector<double> &values, const std::vector<std::size_t> &rows)
{
    Expected e;
    e.min = values[rows.front()];
    e.max = e.min;
    for (std::size_t row : rows) {
        e.mean += values[row];
        e.min = std::min(e.min, values[row]);
        e.max = std::max(e.max, values[row]);
    }
    e.count = double(rows.size());
    e.mean /= e.count;
    for (std::size_t row : rows)
        e.stddev += (values[row] - e.mean) * (values[row] - e.mean);
    e.stddev = std::sqrt(e.stddev / e.count);
    return e;
}

bool near(double actual, double expected)
{
    return std::fabs(actual - expected) <= 1e-9 * std::max(1.0, std::fabs(expected));
}

QJsonObject columnNamed(const QJsonObject &scaling, const QString &name)
{
    for (const QJsonValue &value : scaling.value(QStringLiteral("columns")).toArray()) {
        if (value.toObject().value(QStringLiteral("name")).toString() == name)
            return value.toObject();
    }
    return {};
}

} // namespace

class TestCliTrainScaling : public QObject {
    Q_OBJECT

private:
    CliRun run(const QStringList &arguments);
    QString temp(const QString &name) const { return m_dir.filePath(name); }
    QString writeSpec(const QString &name, const QString &scalingKey);
    QStringList trainArguments(const QString &spec, const QString &db) const;
    // The run a `train --json` printed as run_id, read back from the workspace db; nullopt when absent.
    std::optional<RunRecord> storedRun(const QString &db, const QJsonObject &printed) const;
    void compareColumn(const QJsonObject &scaling, const QString &name, const std::vector<double> &values,
                       const QString &method);

    QTemporaryDir m_dir;
    RowPartition m_partition;
    std::vector<double> m_x;
    std::vector<double> m_y;

private slots:
    void initTestCase();
    void specKeyFitsOnTrainingRowsAndIsStored_data();
    void specKeyFitsOnTrainingRowsAndIsStored();
    void scaleOptionReplacesSpecKey();
    void noStandardizeReplacesSpecKey();
    void noKeyStandardizes();
    void badSpecKeyIsBadInput();
    void specKeyWithFashionMnistIsBadInput();
    void guiRequestAndCliArgumentsAgree_data();
    void guiRequestAndCliArgumentsAgree();
    void searchTemplateScalingIsFixed();
};

CliRun TestCliTrainScaling::run(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LOUPE_DB"), temp(QStringLiteral("default.sqlite")));
    environment.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
    return testsupport::runCli(arguments, environment, m_dir.path(), 60000);
}

QString TestCliTrainScaling::writeSpec(const QString &name, const QString &scalingKey)
{
    const QString key = scalingKey.isEmpty() ? QString() : QStringLiteral("\"scaling\": \"%1\",").arg(scalingKey);
    const QString text = QStringLiteral(R"({"name": "logistic", %1
  "layers": [{"type": "dense", "units": 2, "activation": "softmax"}],
  "loss": "categorical_crossentropy", "epochs": 1, "batch_size": 8, "seed": %2, "validation_split": 0.2})")
                             .arg(key)
                             .arg(s_seed);
    QFile file(temp(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0)
        qWarning() << "cannot write" << file.fileName();
    return file.fileName();
}

QStringList TestCliTrainScaling::trainArguments(const QString &spec, const QString &db) const
{
    return {QStringLiteral("train"), spec,          QStringLiteral("--data"), temp(QStringLiteral("rows.csv")),
            QStringLiteral("--target"), QStringLiteral("label"), QStringLiteral("--db"), temp(db),
            QStringLiteral("--json")};
}

std::optional<RunRecord> TestCliTrainScaling::storedRun(const QString &db, const QJsonObject &printed) const
{
    auto store = Store::open(temp(db));
    if (!store.isOk())
        return std::nullopt;
    auto record = RunRepository(*store.value()).findRun(printed.value(QStringLiteral("run_id")).toInteger());
    return record.isOk() ? record.value() : std::nullopt;
}

// The data: x and y with the extremes of x in a validation row and a test row, so that a fit that
// saw those rows would give another min, max, mean and stddev than the training rows alone.
void TestCliTrainScaling::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto partition = DataSplitter::partition(s_rows, s_fractions, s_seed);
    QVERIFY2(partition.isOk(), partition.message().c_str());
    m_partition = partition.value();
    QVERIFY(!m_partition.test.empty() && !m_partition.validation.empty());
    QByteArray csv = "x,y,label\n";
    for (std::size_t row = 0; row < s_rows; ++row) {
        m_x.push_back(1.5 * double(row) + double(row % 7));
        m_y.push_back(double((row * 13) % 17));
    }
    m_x[m_partition.test.front()] = 1000.0;
    m_x[m_partition.validation.front()] = -1000.0;
    for (std::size_t row = 0; row < s_rows; ++row)
        csv += QByteArray::number(m_x[row], 'g', 17) + ',' + QByteArray::number(m_y[row]) + ','
            + (row % 3 == 0 ? "yes" : "no") + '\n';
    QFile file(temp(QStringLiteral("rows.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(csv) == csv.size());
}

void TestCliTrainScaling::compareColumn(const QJsonObject &scaling, const QString &name,
                                        const std::vector<double> &values, const QString &method)
{
    const QJsonObject column = columnNamed(scaling, name);
    QVERIFY2(!column.isEmpty(), qPrintable(name));
    const Expected train = statisticsOf(values, m_partition.train);
    QCOMPARE(column.value(QStringLiteral("count")).toDouble(), train.count);
    for (auto [key, expected] : {std::pair{"mean", train.mean}, std::pair{"stddev", train.stddev},
                                 std::pair{"min", train.min}, std::pair{"max", train.max}}) {
        const double actual = column.value(QLatin1String(key)).toDouble(std::nan(""));
        QVERIFY2(near(actual, expected), qPrintable(QStringLiteral("%1.%2: %3, expected %4 (training rows)")
                                                        .arg(name, QLatin1String(key))
                                                        .arg(actual, 0, 'g', 17)
                                                        .arg(expected, 0, 'g', 17)));
    }
    const double center = column.value(QStringLiteral("center")).toDouble();
    const double scale = column.value(QStringLiteral("scale")).toDouble();
    if (method == QLatin1String("minmax")) {
        QVERIFY(near(center, train.min));
        QVERIFY(near(scale, train.max - train.min));
    } else if (method == QLatin1String("standard")) {
        QVERIFY(near(center, train.mean));
        QVERIFY(near(scale, train.stddev));
    } else if (method == QLatin1String("mean")) {
        QVERIFY(near(center, train.mean));
        QVERIFY(near(scale, train.max - train.min));
    }
}

void TestCliTrainScaling::specKeyFitsOnTrainingRowsAndIsStored_data()
{
    QTest::addColumn<QString>("method");
    QTest::newRow("minmax") << "minmax";
    QTest::newRow("standard") << "standard";
    QTest::newRow("mean") << "mean";
}

void TestCliTrainScaling::specKeyFitsOnTrainingRowsAndIsStored()
{
    QFETCH(QString, method);
    const QString db = method + QStringLiteral(".sqlite");
    const CliRun result = run(trainArguments(writeSpec(method + QStringLiteral(".json"), method), db));
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject json = testsupport::cliJson(result);
    const QJsonObject scaling = json.value(QStringLiteral("scaling")).toObject();
    QCOMPARE(scaling.value(QStringLiteral("method")).toString(), method);
    QCOMPARE(scaling.value(QStringLiteral("train_rows")).toInt(), int(m_partition.train.size()));
    QCOMPARE(scaling.value(QStringLiteral("columns")).toArray().size(), 2);
    compareColumn(scaling, QStringLiteral("x"), m_x, method);
    compareColumn(scaling, QStringLiteral("y"), m_y, method);
    // The extremes of x are in the validation and test rows: a fit on every row would show them.
    QVERIFY(columnNamed(scaling, QStringLiteral("x")).value(QStringLiteral("max")).toDouble() < 1000.0);
    QVERIFY(columnNamed(scaling, QStringLiteral("x")).value(QStringLiteral("min")).toDouble() > -1000.0);

    const std::optional<RunRecord> record = storedRun(db, json);
    QVERIFY(record.has_value());
    const QJsonObject summary = QJsonDocument::fromJson(record->summaryJson.toUtf8()).object();
    QCOMPARE(summary.value(QStringLiteral("scaling")).toObject(), scaling);
    const QJsonObject config = QJsonDocument::fromJson(record->configJson.toUtf8()).object();
    QCOMPARE(config.value(QStringLiteral("scaling")).toString(), method);
}

void TestCliTrainScaling::scaleOptionReplacesSpecKey()
{
    QStringList arguments = trainArguments(writeSpec(QStringLiteral("l2.json"), QStringLiteral("l2")),
                                           QStringLiteral("override.sqlite"));
    arguments << QStringLiteral("--scale") << QStringLiteral("minmax");
    const CliRun result = run(arguments);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject json = testsupport::cliJson(result);
    const QJsonObject scaling = json.value(QStringLiteral("scaling")).toObject();
    QCOMPARE(scaling.value(QStringLiteral("method")).toString(), QStringLiteral("minmax"));
    compareColumn(scaling, QStringLiteral("x"), m_x, QStringLiteral("minmax"));
    const std::optional<RunRecord> record = storedRun(QStringLiteral("override.sqlite"), json);
    QVERIFY(record.has_value());
    const QJsonObject config = QJsonDocument::fromJson(record->configJson.toUtf8()).object();
    QCOMPARE(config.value(QStringLiteral("scaling")).toString(), QStringLiteral("minmax")); // what the run used
}

void TestCliTrainScaling::noStandardizeReplacesSpecKey()
{
    QStringList arguments = trainArguments(writeSpec(QStringLiteral("minmax-off.json"), QStringLiteral("minmax")),
                                           QStringLiteral("off.sqlite"));
    arguments << QStringLiteral("--no-standardize");
    const CliRun result = run(arguments);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject scaling = testsupport::cliJson(result).value(QStringLiteral("scaling")).toObject();
    QCOMPARE(scaling.value(QStringLiteral("method")).toString(), QStringLiteral("none"));
    const QJsonObject x = columnNamed(scaling, QStringLiteral("x"));
    QCOMPARE(x.value(QStringLiteral("center")).toDouble(), 0.0);
    QCOMPARE(x.value(QStringLiteral("scale")).toDouble(), 1.0);
    QVERIFY(!x.contains(QStringLiteral("mean")));
}

void TestCliTrainScaling::noKeyStandardizes()
{
    const CliRun result = run(trainArguments(writeSpec(QStringLiteral("plain.json"), QString()),
                                             QStringLiteral("plain.sqlite")));
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject scaling = testsupport::cliJson(result).value(QStringLiteral("scaling")).toObject();
    QCOMPARE(scaling.value(QStringLiteral("method")).toString(), QStringLiteral("standard"));
    compareColumn(scaling, QStringLiteral("x"), m_x, QStringLiteral("standard"));
}

void TestCliTrainScaling::badSpecKeyIsBadInput()
{
    const QString spec = writeSpec(QStringLiteral("robust.json"), QStringLiteral("robust"));
    const CliRun result = run(trainArguments(spec, QStringLiteral("bad.sqlite")));
    QCOMPARE(result.exitCode, 2);
    const QString expected = spec
        + QStringLiteral(": scaling: unknown scaling method \"robust\" (expected standard, minmax, mean, l1, l2, none)");
    QVERIFY2(QString::fromUtf8(result.out + result.err).contains(expected), (result.out + result.err).constData());
}

void TestCliTrainScaling::specKeyWithFashionMnistIsBadInput()
{
    const QString spec = writeSpec(QStringLiteral("fm.json"), QStringLiteral("minmax"));
    const CliRun result = run({QStringLiteral("train"), spec, QStringLiteral("--data"), QStringLiteral("fashion-mnist"),
                               QStringLiteral("--no-workspace")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("\"scaling\": \"minmax\" applies to CSV data"), result.err.constData());
}

void TestCliTrainScaling::guiRequestAndCliArgumentsAgree_data()
{
    QTest::addColumn<QString>("specKey");     // "": the spec has no "scaling"
    QTest::addColumn<QStringList>("options"); // the CLI's explicit choice, if any
    QTest::addColumn<QString>("chosen");      // the same choice on the page's scaling control ("": as the spec says)
    QTest::addColumn<QString>("expected");
    QTest::newRow("no key, no choice") << "" << QStringList() << "" << "standard";
    QTest::newRow("the spec's key") << "minmax" << QStringList() << "" << "minmax";
    QTest::newRow("a choice, no key") << "" << QStringList{QStringLiteral("--scale"), QStringLiteral("mean")} << "mean"
                                      << "mean";
    QTest::newRow("the choice beats the key")
        << "l2" << QStringList{QStringLiteral("--scale"), QStringLiteral("minmax")} << "minmax" << "minmax";
    QTest::newRow("no-standardize beats the key")
        << "minmax" << QStringList{QStringLiteral("--no-standardize")} << "none" << "none";
}

// The CLI route (arguments, stored run) against the page's route (a TrainRequest as TrainSetupPanel
// builds it, prepared by the service the jobs call) for the same CSV, spec and choice.
void TestCliTrainScaling::guiRequestAndCliArgumentsAgree()
{
    QFETCH(QString, specKey);
    QFETCH(QStringList, options);
    QFETCH(QString, chosen);
    QFETCH(QString, expected);
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
    const QString specPath = writeSpec(tag + QStringLiteral(".json"), specKey);
    const QString db = tag + QStringLiteral(".sqlite");
    const CliRun result = run(trainArguments(specPath, db) + options);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject cli = testsupport::cliJson(result);

    QFile specFile(specPath);
    QVERIFY(specFile.open(QIODevice::ReadOnly));
    auto csv = CsvReader().readFile(temp(QStringLiteral("rows.csv")).toStdString());
    QVERIFY2(csv.isOk(), csv.message().c_str());
    TrainRequest request;
    request.specJson = QString::fromUtf8(specFile.readAll());
    request.source = TrainRequest::Source::Table;
    request.table = std::make_shared<const Table>(csv.value().table);
    request.tableName = "rows.csv";
    request.target = "label";
    if (!chosen.isEmpty())
        request.scaling = scalingMethodFromName(chosen.toStdString());
    auto spec = request.spec();
    QVERIFY2(spec.isOk(), spec.message().c_str());
    auto data = TrainingDataService::prepare(request, spec.value());
    QVERIFY2(data.isOk(), data.message().c_str());

    const QJsonObject gui = QJsonDocument::fromJson(QByteArray::fromStdString(
        TrainingReport::startSummaryJson(data.value()).dump())).object();
    QCOMPARE(gui.value(QStringLiteral("scaling")).toObject().value(QStringLiteral("method")).toString(), expected);
    for (const QString &key : gui.keys())
        QVERIFY2(gui.value(key) == cli.value(key), qPrintable(key));

    const std::optional<RunRecord> record = storedRun(db, cli);
    QVERIFY(record.has_value());
    const QJsonObject config = QJsonDocument::fromJson(record->configJson.toUtf8()).object();
    QCOMPARE(config.value(QStringLiteral("scaling")).toString(), expected);
    const ModelSpec trained = TrainingDataService::specAsTrained(spec.value(), data.value());
    QVERIFY(trained.scaling.has_value());
    QCOMPARE(QString::fromStdString(scalingMethodName(*trained.scaling)), expected);
}

void TestCliTrainScaling::searchTemplateScalingIsFixed()
{
    nlohmann::json templateJson = nlohmann::json::parse(R"({"layers": [{"type": "dense", "units": 2,
        "activation": "softmax"}], "loss": "categorical_crossentropy",
        "optimizer": {"type": "adam", "learning_rate": {"loguniform": [-7, -2]}}, "scaling": "minmax"})");
    auto fixed = SearchSpace::fromTemplate(templateJson);
    QVERIFY2(fixed.isOk(), fixed.message().c_str());
    auto reference = TrainingObjective::referenceSpec(fixed.value());
    QVERIFY2(reference.isOk(), reference.message().c_str());
    QVERIFY(reference.value().scaling == ScalingMethod::MinMax);

    templateJson["scaling"] = nlohmann::json::parse(R"({"choice": ["minmax", "standard"]})");
    auto searched = SearchSpace::fromTemplate(templateJson);
    QVERIFY2(searched.isOk(), searched.message().c_str());
    auto refused = TrainingObjective::referenceSpec(searched.value());
    QVERIFY(!refused.isOk());
    QVERIFY2(refused.message().rfind("scaling: the data is scaled once for the whole study", 0) == 0,
             refused.message().c_str());
}

QTEST_GUILESS_MAIN(TestCliTrainScaling)
#include "tst_clitrainscaling.moc"
