// End-to-end tests of `loupe-cli sufficiency` and `loupe-cli scale` (and `train --scale`): the JSON
// shapes, exit codes (0 ok, 1 an insufficient verdict, 2 bad input or a refused fit), the leakage
// refusal, the written CSV and parameters, --apply reproducing a fit, and bad arguments.
#include "core/data/CsvReader.h"
#include "core/data/DataSplitter.h"
#include "tests/support/CliProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

using loupe::Column;
using loupe::ColumnType;
using loupe::CsvReader;
using loupe::DataSplitter;

namespace {

using loupe::testsupport::CliRun;
using loupe::testsupport::cliJson;

QString fixture(const QString &name)
{
    return QStringLiteral(LOUPE_FIXTURES_DIR "/prepare/") + name;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCliPrepare : public QObject {
    Q_OBJECT

private:
    CliRun run(const QStringList &arguments);
    QString temp(const QString &name) const { return m_dir.filePath(name); }
    QStringList scaleArguments(const QStringList &extra) const;

    QTemporaryDir m_dir;

private slots:
    void sufficiencyJson();
    void sufficiencyInsufficientExitsOne();
    void sufficiencyText();
    void sufficiencyBadInput_data();
    void sufficiencyBadInput();
    void scaleFitsOnTrainingRows();
    void scaleRefusesFitOnAllRows();
    void scaleApplyReproducesTheFit();
    void scaleText();
    void scaleBadArguments_data();
    void scaleBadArguments();
    void trainStoresTheFittedScaling();
};

CliRun TestCliPrepare::run(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LOUPE_DB"), temp(QStringLiteral("default.sqlite")));
    environment.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
    return loupe::testsupport::runCli(arguments, environment, m_dir.path(), 60000);
}

QStringList TestCliPrepare::scaleArguments(const QStringList &extra) const
{
    return QStringList{QStringLiteral("scale"), fixture(QStringLiteral("customers.csv"))} + extra;
}

void TestCliPrepare::sufficiencyJson()
{
    const CliRun result = run({"sufficiency", fixture("customers.csv"), "--target", "label", "--json"});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject json = cliJson(result);
    QCOMPARE(json["rows"].toInt(), 120);
    QCOMPARE(json["task"].toString(), QStringLiteral("classification"));
    QCOMPARE(json["verdict"].toString(), QStringLiteral("warning"));
    QVERIFY(json["parameters"].isNull());
    const QJsonArray checks = json["checks"].toArray();
    QCOMPARE(checks.size(), 6);
    QJsonObject byId;
    for (const QJsonValue &check : checks)
        byId[check["id"].toString()] = check;
    const QJsonObject &ids = byId; // const: QJsonValue's operator[] (QJsonValueRef has none in Qt 6.4)
    QCOMPARE(ids["samples_per_class"]["verdict"].toString(), QStringLiteral("ok"));
    QCOMPARE(ids["samples_per_class"]["items"]["yes"].toInt(), 31);
    QCOMPARE(ids["duplicate_rows"]["verdict"].toString(), QStringLiteral("warning"));
    QCOMPARE(ids["duplicate_rows"]["rows"].toArray(), (QJsonArray{118, 119}));
    QCOMPARE(ids["constant_columns"]["items"].toObject().keys(), QStringList{"country"});
    QCOMPARE(ids["missing_values"]["items"]["score"].toDouble(), 3.0 / 120.0);
    QVERIFY(result.err.isEmpty());
}

void TestCliPrepare::sufficiencyInsufficientExitsOne()
{
    const CliRun result = run({"sufficiency", fixture("customers.csv"), "--target", "label", "--spec",
                               fixture("big-model.json"), "--json"});
    QCOMPARE(result.exitCode, 1);
    const QJsonObject json = cliJson(result);
    QCOMPARE(json["verdict"].toString(), QStringLiteral("insufficient"));
    QCOMPARE(json["parameters"].toInt(), 4 * 64 + 64 + 64 * 2 + 2);
    QCOMPARE(json["checks"].toArray().at(2)["id"].toString(), QStringLiteral("samples_per_parameter"));
    QCOMPARE(json["checks"].toArray().at(2)["verdict"].toString(), QStringLiteral("insufficient"));
    const CliRun small = run({"sufficiency", fixture("customers.csv"), "--target", "label", "--spec",
                              fixture("small-model.json")});
    QCOMPARE(small.exitCode, 0);
}

void TestCliPrepare::sufficiencyText()
{
    const CliRun result = run({"sufficiency", fixture("customers.csv"), "--target", "label"});
    QCOMPARE(result.exitCode, 0);
    const QString text = QString::fromUtf8(result.out);
    QVERIFY2(text.contains("120 rows, 4 features, classification"), qPrintable(text));
    QVERIFY(text.contains("Samples per class"));
    QVERIFY(text.contains("Duplicate rows"));
    QVERIFY(text.contains("verdict: warning"));
}

void TestCliPrepare::sufficiencyBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString data = fixture("customers.csv");
    QTest::newRow("no target") << QStringList{"sufficiency", data} << "--target";
    QTest::newRow("unknown target") << QStringList{"sufficiency", data, "--target", "nope"}
                                    << "target column 'nope' is not in the table";
    QTest::newRow("unknown excluded") << QStringList{"sufficiency", data, "--target", "label", "--exclude", "zz"}
                                      << "excluded column 'zz' is not in the table";
    QTest::newRow("missing file") << QStringList{"sufficiency", fixture("absent.csv"), "--target", "label"}
                                  << "absent.csv";
    QTest::newRow("bad spec") << QStringList{"sufficiency", data, "--target", "label", "--spec", data} << "customers.csv";
}

void TestCliPrepare::sufficiencyBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
    const CliRun json = run(arguments + QStringList{"--json"});
    QCOMPARE(json.exitCode, 2);
    QCOMPARE(cliJson(json)["exit_code"].toInt(), 2);
}

void TestCliPrepare::scaleFitsOnTrainingRows()
{
    const CliRun result = run(scaleArguments({"--method", "minmax", "--columns", "amount,age", "--test-fraction",
                                              "0.25", "--seed", "4", "-o", temp("out.csv"), "--params-out",
                                              temp("params.json"), "--json"}));
    QCOMPARE(result.exitCode, 0);
    const QJsonObject json = cliJson(result);
    QCOMPARE(json["method"].toString(), QStringLiteral("minmax"));
    QCOMPARE(json["train_rows"].toInt(), 90);
    QCOMPARE(json["test_rows"].toInt(), 30);
    const QJsonObject scaler = json["scaler"].toObject();
    QCOMPARE(scaler["fit_rows"].toInt(), 90);
    QCOMPARE(scaler["columns"].toArray().size(), 2);
    const QJsonObject amount = scaler["columns"].toArray()[0].toObject();
    QCOMPARE(amount["name"].toString(), QStringLiteral("amount"));
    // The fit is the training rows' alone: split the file as the command does (DataSplitter, the
    // same fraction and seed) and take amount's range over those rows; the test rows widen it.
    auto input = CsvReader().readFile(fixture(QStringLiteral("customers.csv")).toStdString());
    QVERIFY2(input.isOk(), input.message().c_str());
    const Column *column = input.value().table.find("amount");
    QVERIFY(column && column->type() == ColumnType::Float64);
    auto partition = DataSplitter::partition(column->size(), {0.0, 0.25}, 4);
    QVERIFY2(partition.isOk(), partition.message().c_str());
    QCOMPARE(partition.value().train.size(), std::size_t(90));
    const auto rangeOf = [&](const std::vector<std::size_t> &rows) {
        std::pair<double, double> range{std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
        for (std::size_t row : rows) {
            if (column->isValid(row)) {
                range.first = std::min(range.first, column->doubleAt(row));
                range.second = std::max(range.second, column->doubleAt(row));
            }
        }
        return range;
    };
    std::vector<std::size_t> everyRow(column->size());
    std::iota(everyRow.begin(), everyRow.end(), std::size_t(0));
    const auto [trainMin, trainMax] = rangeOf(partition.value().train);
    const auto [allMin, allMax] = rangeOf(everyRow);
    QVERIFY2(trainMin != allMin || trainMax != allMax, "the fixture's test rows must widen amount's range");
    QCOMPARE(amount["min"].toDouble(), trainMin);
    QCOMPARE(amount["max"].toDouble(), trainMax);
    QCOMPARE(amount["center"].toDouble(), trainMin);
    QCOMPARE(amount["scale"].toDouble(), trainMax - trainMin);
    QCOMPARE(QJsonDocument::fromJson(readAll(temp("params.json"))).object(), scaler);
    const QList<QByteArray> lines = readAll(temp("out.csv")).trimmed().split('\n');
    QCOMPARE(lines.size(), 121);
    QCOMPARE(lines[0], QByteArray("amount,age,score,country,label"));
    // Every row is scaled with the training rows' fit: (x - min) / (max - min).
    auto output = CsvReader().readFile(temp(QStringLiteral("out.csv")).toStdString());
    QVERIFY2(output.isOk(), output.message().c_str());
    const Column *scaled = output.value().table.find("amount");
    QVERIFY(scaled && scaled->size() == column->size());
    for (std::size_t row = 0; row < column->size(); ++row) {
        QCOMPARE(scaled->isValid(row), column->isValid(row));
        if (!column->isValid(row))
            continue;
        const double expected = (column->doubleAt(row) - trainMin) / (trainMax - trainMin);
        QVERIFY2(std::abs(scaled->doubleAt(row) - expected) <= 1e-12 * std::max(1.0, std::abs(expected)),
                 qPrintable(QString("row %1: %2, expected %3").arg(row).arg(scaled->doubleAt(row)).arg(expected)));
    }
    QVERIFY(!QFile::exists(temp("out.csv.tmp")));
}

void TestCliPrepare::scaleRefusesFitOnAllRows()
{
    const CliRun refused = run(scaleArguments({"--method", "standard", "--fit-on", "all", "-o", temp("all.csv")}));
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("refusing to fit on 24 row(s) of the test split (row indices"), refused.err.constData());
    QVERIFY(!QFile::exists(temp("all.csv")));
    const CliRun noTest = run(scaleArguments({"--method", "standard", "--fit-on", "all", "--test-fraction", "0", "-o",
                                              temp("all.csv"), "--json"}));
    QCOMPARE(noTest.exitCode, 0);
    QCOMPARE(cliJson(noTest)["train_rows"].toInt(), 120);
}

void TestCliPrepare::scaleApplyReproducesTheFit()
{
    QCOMPARE(run(scaleArguments({"--method", "mean", "-o", temp("fit.csv"), "--params-out", temp("mean.json")})).exitCode, 0);
    const CliRun applied = run(scaleArguments({"--apply", temp("mean.json"), "-o", temp("applied.csv"), "--json"}));
    QCOMPARE(applied.exitCode, 0);
    QCOMPARE(cliJson(applied)["method"].toString(), QStringLiteral("mean"));
    QVERIFY(!readAll(temp("fit.csv")).isEmpty());
    QCOMPARE(readAll(temp("applied.csv")), readAll(temp("fit.csv")));
}

void TestCliPrepare::scaleText()
{
    const CliRun result = run(scaleArguments({"--method", "l2", "--columns", "amount,age", "-o", temp("l2.csv")}));
    QCOMPARE(result.exitCode, 0);
    const QString text = QString::fromUtf8(result.out);
    QVERIFY2(text.contains("scaled 2 column(s) with l2, fitted on 96 training rows (24 test rows held out)"),
             qPrintable(text));
    QVERIFY(text.contains("amount"));
}

void TestCliPrepare::scaleBadArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown method") << QStringList{"--method", "robust", "-o", "x.csv"} << "option --method: 'robust'";
    QTest::newRow("no method") << QStringList{"-o", "x.csv"} << "exactly one of --method";
    QTest::newRow("method and apply") << QStringList{"--method", "l1", "--apply", "p.json", "-o", "x.csv"}
                                      << "exactly one of --method";
    QTest::newRow("range without minmax") << QStringList{"--method", "standard", "--range", "0,1", "-o", "x.csv"}
                                          << "--range applies to --method minmax only";
    QTest::newRow("bad range") << QStringList{"--method", "minmax", "--range", "1,0", "-o", "x.csv"}
                               << "option --range";
    QTest::newRow("text column") << QStringList{"--method", "standard", "--columns", "country", "-o", "x.csv"}
                                 << "column 'country' (";
    QTest::newRow("unknown column") << QStringList{"--method", "standard", "--columns", "zz", "-o", "x.csv"}
                                    << "column 'zz' is not in the table";
    QTest::newRow("no output") << QStringList{"--method", "standard"} << "--output";
    QTest::newRow("bad fit-on") << QStringList{"--method", "standard", "--fit-on", "test", "-o", "x.csv"}
                                << "option --fit-on";
    QTest::newRow("split with apply") << QStringList{"--apply", "p.json", "--seed", "3", "-o", "x.csv"}
                                      << "option --seed applies to fitting";
    QTest::newRow("missing params") << QStringList{"--apply", "absent.json", "-o", "x.csv"} << "absent.json";
}

void TestCliPrepare::scaleBadArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun result = run(scaleArguments(arguments));
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
    QVERIFY(!QFile::exists(temp("x.csv")));
}

void TestCliPrepare::trainStoresTheFittedScaling()
{
    const CliRun result = run({"train", fixture("small-model.json"), "--data", fixture("customers.csv"), "--target",
                               "label", "--exclude", "score", "--exclude", "country", "--scale", "minmax",
                               "--no-workspace", "--json"});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject scaling = cliJson(result)["scaling"].toObject();
    QCOMPARE(scaling["method"].toString(), QStringLiteral("minmax"));
    QCOMPARE(scaling["fitted_on"].toString(), QStringLiteral("training rows"));
    QCOMPARE(scaling["columns"].toArray().size(), 2);
    const CliRun bad = run({"train", fixture("small-model.json"), "--data", fixture("customers.csv"), "--target",
                            "label", "--scale", "robust", "--no-workspace"});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("option --scale: 'robust'"), bad.err.constData());
}

QTEST_GUILESS_MAIN(TestCliPrepare)
#include "tst_cliprepare.moc"
