// loupe-cli gradients and weights export|import end to end: the --json shape of gradients
// ({"loss","layers":[{"name","weight_grad_norm","bias_grad_norm","weight_norm"}]}), the loss a
// PyTorch float64 run gives for the same net and batch (see tests/core/train/tst_gradientservice.cpp),
// import -> export giving the JSON back, and bad input as exit 2 with a message naming what is wrong.
#include "tests/support/CliProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using loupe::testsupport::CliRun;

const char *s_spec = R"({"layers": [{"type": "dense", "units": 4, "activation": "relu"}, {"type": "dropout", "rate": 0.5},
            {"type": "dense", "units": 3, "activation": "softmax"}], "loss": "categorical_crossentropy"})";
const char *s_weights = R"({"layers":[{"weights":[[0.2,-0.5,0.1,0.4],[0.7,0.3,-0.2,-0.6],[-0.3,0.8,0.5,0.1]],"bias":[0.1,-0.2,0.05,0.0]},{"weights":[[0.5,-0.4,0.3],[-0.6,0.2,0.7],[0.1,0.9,-0.5],[0.3,-0.1,0.2]],"bias":[0.0,0.1,-0.1]}]})";
const char *s_batch = "a,b,c,y\n1,2,-1,0\n0.5,-1.5,2,2\n-2,0,1,1\n3,1,0.5,2\n0,-0.5,-0.5,0\n";
const char *s_wide = R"({"layers":[{"weights":[[1,2,3,4,5]],"bias":[0,0,0,0,0]},{"weights":[[1,2,3]],"bias":[0,0,0]}]})";

} // namespace

class TestCliGradients : public QObject {
    Q_OBJECT

private:
    CliRun run(const QStringList &arguments);
    QString temp(const QString &name) const { return m_dir.filePath(name); }
    void write(const QString &name, const char *text);

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase();
    void gradientsJson();
    void weightsRoundTrip();
    void badInput_data();
    void badInput();
};

CliRun TestCliGradients::run(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LOUPE_DB"), temp(QStringLiteral("workspace.sqlite")));
    return loupe::testsupport::runCli(arguments, environment, m_dir.path(), 60000);
}

void TestCliGradients::write(const QString &name, const char *text)
{
    QFile file(temp(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

void TestCliGradients::initTestCase()
{
    QVERIFY(m_dir.isValid());
    write("spec.json", s_spec);
    write("w.json", s_weights);
    write("batch.csv", s_batch);
    write("wide.json", s_wide);
    write("text.csv", "a,b,c,y\n1,x,3,0\n");
}

void TestCliGradients::gradientsJson()
{
    const CliRun result = run({"gradients", "spec.json", "--weights", "w.json", "--data", "batch.csv", "--target", "y", "--json"});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject json = loupe::testsupport::cliJson(result);
    QVERIFY(std::abs(json["loss"].toDouble() - 1.1230884165781814) < 1e-6);
    const QJsonArray layers = json["layers"].toArray();
    QCOMPARE(layers.size(), 2);
    QCOMPARE(layers[0].toObject()["name"].toString(), QString("layers[0]"));
    QCOMPARE(layers[1].toObject()["name"].toString(), QString("layers[2]"));
    QVERIFY(std::abs(layers[1].toObject()["weight_grad_norm"].toDouble() - 0.5188803010164649) < 1e-6);
    QVERIFY(std::abs(layers[0].toObject()["bias_grad_norm"].toDouble() - 0.20948730579895725) < 1e-6);
    QVERIFY(std::abs(layers[0].toObject()["weight_norm"].toDouble() - 1.5588457268119895) < 1e-6);
    const CliRun text = run({"gradients", "spec.json", "--weights", "w.json", "--data", "batch.csv", "--target", "y"});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.startsWith("loss 1.12309\n"), text.out.constData());
}

void TestCliGradients::weightsRoundTrip()
{
    const CliRun imported = run({"weights", "import", "w.json", "--spec", "spec.json", "-o", "model.weights"});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    const CliRun exported = run({"weights", "export", "model.weights"});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    QCOMPARE(QJsonDocument::fromJson(exported.out), QJsonDocument::fromJson(s_weights));
    const CliRun toFile = run({"weights", "export", "model.weights", "-o", "back.json", "--json"});
    QCOMPARE(toFile.exitCode, 0);
    QCOMPARE(loupe::testsupport::cliJson(toFile)["dense_layers"].toInt(), 2);
    QFile back(temp("back.json"));
    QVERIFY(back.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(back.readAll()), QJsonDocument::fromJson(s_weights));
}

void TestCliGradients::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QStringList gradients{"gradients", "spec.json", "--data", "batch.csv", "--target", "y", "--weights"};
    QTest::newRow("missing weights file") << (gradients + QStringList{"nope.json"}) << "nope.json";
    QTest::newRow("csv as weights") << (gradients + QStringList{"batch.csv"}) << "batch.csv:1:1: not valid JSON";
    QTest::newRow("wrong shape") << (gradients + QStringList{"wide.json"})
                                 << "wide.json: layers[0].weights: 1 x 5, expected 1 x 4 ([inputs][outputs]) for the spec's layers[0]";
    QTest::newRow("text column") << QStringList{"gradients", "spec.json", "--weights", "w.json", "--data", "text.csv", "--target", "y"}
                                 << "text.csv: column \"b\" is string";
    QTest::newRow("unknown target") << QStringList{"gradients", "spec.json", "--weights", "w.json", "--data", "batch.csv", "--target", "z"}
                                    << "no column \"z\"";
    QTest::newRow("no target option") << QStringList{"gradients", "spec.json", "--weights", "w.json", "--data", "batch.csv"}
                                      << "--target";
    QTest::newRow("unknown action") << QStringList{"weights", "convert", "w.json"} << "ACTION: expected export or import";
    QTest::newRow("import without spec") << QStringList{"weights", "import", "w.json", "-o", "x.weights"} << "--spec";
    QTest::newRow("import without output") << QStringList{"weights", "import", "w.json", "--spec", "spec.json"} << "-o";
    QTest::newRow("import over its input") << QStringList{"weights", "import", "w.json", "--spec", "spec.json", "-o", "w.json"}
                                           << "same file";
    QTest::newRow("import wrong shape") << QStringList{"weights", "import", "wide.json", "--spec", "spec.json", "-o", "x.weights"}
                                        << "wide.json: layers[0].weights: 1 x 5, expected 1 x 4";
    QTest::newRow("export a json file") << QStringList{"weights", "export", "w.json"} << "w.json";
}

void TestCliGradients::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
    QVERIFY(!QFile::exists(temp("x.weights")));
}

QTEST_GUILESS_MAIN(TestCliGradients)
#include "tst_cligradients.moc"
