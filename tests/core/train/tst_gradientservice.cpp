// GradientService and WeightsInterchange: the loss and per-layer gradient norms of a tiny 3-4-out
// net on a 5-row batch against reference numbers, the weights-file <-> interchange-JSON round trip,
// and bad inputs with messages that name the file, the entry or column, and the expected shape.
//
// Reference numbers: PyTorch 1.13 (Debian python3-torch) in float64, run once with the same weights
// and batch: h = act(x W1 + b1), z = h W2 + b2, then F.cross_entropy(z, y) (cce: softmax fused),
// F.binary_cross_entropy_with_logits(z[:,0], y) (bce: sigmoid fused), ((z[:,0] - y)^2).mean() (mse);
// loss.backward(); then .norm() of each grad and weight. Dropout (rate 0.5 in the cce spec) is off.
#include "core/data/CsvReader.h"
#include "core/nn/WeightsFile.h"
#include "core/train/GradientService.h"
#include "core/train/ModelFactory.h"
#include "core/train/WeightsInterchange.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <array>

using namespace loupe;

using Norms = std::array<double, 7>; // loss, then per layer: weight grad, bias grad, weight
Q_DECLARE_METATYPE(Norms)

namespace {

const char *s_batch = "a,b,c,y\n1,2,-1,0\n0.5,-1.5,2,2\n-2,0,1,1\n3,1,0.5,2\n0,-0.5,-0.5,0\n";
const char *s_hidden = R"([[0.2,-0.5,0.1,0.4],[0.7,0.3,-0.2,-0.6],[-0.3,0.8,0.5,0.1]], "bias": [0.1,-0.2,0.05,0.0]})";

std::string weightsJson(const std::string &last)
{
    return std::string(R"({"layers": [{"weights": )") + s_hidden + ", " + last + "]}";
}

const std::string s_threeOut =
    R"({"weights": [[0.5,-0.4,0.3],[-0.6,0.2,0.7],[0.1,0.9,-0.5],[0.3,-0.1,0.2]], "bias": [0.0,0.1,-0.1]})";
const std::string s_oneOut = R"({"weights": [[0.5],[-0.6],[0.1],[0.3]], "bias": [0.1]})";

std::string specJson(const char *hidden, const char *output, const char *loss, bool dropout)
{
    return std::string(R"({"layers": [{"type": "dense", "units": 4, "activation": ")") + hidden + "\"}, "
        + (dropout ? R"({"type": "dropout", "rate": 0.5}, )" : "") + R"({"type": "dense", "units": )"
        + (std::string(output) == "softmax" ? "3" : "1") + R"(, "activation": ")" + output + R"("}], "loss": ")" + loss
        + "\"}";
}

} // namespace

class TestGradientService : public QObject {
    Q_OBJECT

private:
    QString write(const QString &name, const std::string &text);
    QTemporaryDir m_dir;

private slots:
    void againstPyTorch_data();
    void againstPyTorch();
    void finiteDifferencesAgree();
    void roundTripThroughJson();
    void badInputs_data();
    void badInputs();
};

QString TestGradientService::write(const QString &name, const std::string &text)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text.data(), qint64(text.size()));
    return path;
}

void TestGradientService::againstPyTorch_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("weights");
    QTest::addColumn<QString>("batch");
    QTest::addColumn<Norms>("expected");
    QTest::newRow("relu softmax cce, dropout off")
        << QString::fromStdString(specJson("relu", "softmax", "categorical_crossentropy", true))
        << QString::fromStdString(weightsJson(s_threeOut)) << QString(s_batch)
        << Norms{1.1230884165781814, 0.9023937916621662, 0.20948730579895725, 1.5588457268119895, 0.5188803010164649,
                 0.18200358956203225, 1.6124515496597098};
    QTest::newRow("tanh sigmoid bce")
        << QString::fromStdString(specJson("tanh", "sigmoid", "binary_crossentropy", false))
        << QString::fromStdString(weightsJson(s_oneOut))
        << QString("a,b,c,y\n1,2,-1,1\n0.5,-1.5,2,0\n-2,0,1,0\n3,1,0.5,1\n0,-0.5,-0.5,1\n")
        << Norms{0.40235367613976614, 0.17714586025275586, 0.03648464014222491, 1.5588457268119895, 0.3336226770312625,
                 0.046164400803651355, 0.8426149773176358};
    // The mse net's output is linear in PyTorch, so the spec's last layer is linear too.
    QTest::newRow("sigmoid linear mse")
        << QString::fromStdString(specJson("sigmoid", "linear", "mse", false))
        << QString::fromStdString(weightsJson(s_oneOut))
        << QString("a,b,c,y\n1,2,-1,0.5\n0.5,-1.5,2,-1\n-2,0,1,2\n3,1,0.5,0\n0,-0.5,-0.5,1.5\n")
        << Norms{1.4260245780124305, 0.4188919757601299, 0.11914284196169032, 1.5588457268119895, 0.5750014368626293,
                 0.6090326379021717, 0.8426149773176358};
}

void TestGradientService::againstPyTorch()
{
    QFETCH(QString, spec);
    QFETCH(QString, weights);
    QFETCH(QString, batch);
    QFETCH(Norms, expected);
    QVERIFY(m_dir.isValid());
    GradientService::Request request;
    request.specPath = write("spec.json", spec.toStdString()).toStdString();
    request.weightsPath = write("w.json", weights.toStdString()).toStdString();
    request.dataPath = write("batch.csv", batch.toStdString()).toStdString();
    request.target = "y";
    const auto report = GradientService::compute(request);
    QVERIFY2(report.isOk(), report.message().c_str());
    const GradientReport &r = report.value();
    QCOMPARE(r.layers.size(), std::size_t(2));
    QCOMPARE(r.layers[0].name, std::string("layers[0]"));
    const std::array<double, 7> got{r.loss, r.layers[0].weightGradNorm, r.layers[0].biasGradNorm, r.layers[0].weightNorm,
                                    r.layers[1].weightGradNorm, r.layers[1].biasGradNorm, r.layers[1].weightNorm};
    for (std::size_t i = 0; i < got.size(); ++i)
        QVERIFY2(std::abs(got[i] - expected[i]) <= 2e-6 * std::max(1.0, std::abs(expected[i])),
                 qPrintable(QString("value %1: %2, PyTorch %3").arg(i).arg(got[i], 0, 'g', 10).arg(expected[i], 0, 'g', 10)));
    const auto json = r.toJson();
    QCOMPARE(json.begin().key(), std::string("loss"));
    QCOMPARE(json["layers"][1]["name"].get<std::string>(), std::string(spec.contains("dropout") ? "layers[2]" : "layers[1]"));
    QVERIFY(json["layers"][0].contains("weight_grad_norm") && json["layers"][0].contains("bias_grad_norm")
            && json["layers"][0].contains("weight_norm"));
}

void TestGradientService::finiteDifferencesAgree()
{
    // The smooth tanh/sigmoid/bce net: central differences of the loss (step 1e-2, float32 forward)
    // over every parameter of both layers give gradient vectors whose norms match the report's.
    const auto spec = ModelSpec::parse(specJson("tanh", "sigmoid", "binary_crossentropy", false));
    QVERIFY(spec.isOk());
    const auto batch = CsvReader(CsvOptions{}).readBuffer("a,b,c,y\n1,2,-1,1\n0.5,-1.5,2,0\n-2,0,1,0\n3,1,0.5,1\n0,-0.5,-0.5,1\n");
    QVERIFY(batch.isOk());
    const auto weights = DenseWeightsJson::parse(weightsJson(s_oneOut), "w.json");
    QVERIFY(weights.isOk());
    const auto lossAt = [&](const std::vector<DenseWeightsJson::Layer> &layers) {
        return GradientService::compute(spec.value(), layers, "w.json", batch.value().table, "batch", "y").value().loss;
    };
    const auto report = GradientService::compute(spec.value(), weights.value(), "w.json", batch.value().table, "batch", "y");
    QVERIFY2(report.isOk(), report.message().c_str());
    constexpr float step = 1e-2f;
    for (std::size_t l = 0; l < 2; ++l) {
        for (const bool bias : {false, true}) {
            double sumOfSquares = 0.0;
            const Matrix &block = bias ? weights.value()[l].bias : weights.value()[l].weights;
            for (Index i = 0; i < block.size(); ++i) {
                auto plus = weights.value(), minus = weights.value();
                (bias ? plus[l].bias : plus[l].weights).data()[i] += step;
                (bias ? minus[l].bias : minus[l].weights).data()[i] -= step;
                const double derivative = (lossAt(plus) - lossAt(minus)) / (2.0 * double(step));
                sumOfSquares += derivative * derivative;
            }
            const double expected = bias ? report.value().layers[l].biasGradNorm : report.value().layers[l].weightGradNorm;
            QVERIFY2(std::abs(std::sqrt(sumOfSquares) - expected) <= 2e-3 * expected,
                     qPrintable(QString("layer %1 %2: finite differences %3, backward %4")
                                    .arg(l).arg(bias ? "bias" : "weights").arg(std::sqrt(sumOfSquares), 0, 'g', 8)
                                    .arg(expected, 0, 'g', 8)));
        }
    }
}

void TestGradientService::roundTripThroughJson()
{
    // A seeded model -> weights file -> interchange JSON text -> model -> weights file: same bytes.
    auto spec = ModelSpec::parse(specJson("relu", "softmax", "categorical_crossentropy", true));
    QVERIFY2(spec.isOk(), spec.message().c_str());
    spec.value().seed = 7;
    auto model = ModelFactory::buildModel(spec.value(), 3);
    QVERIFY(model.isOk());
    const QString first = m_dir.filePath("first.weights");
    QVERIFY(WeightsFile::save(first.toStdString(), model.value()).isOk());
    auto exported = WeightsInterchange::exportFile(first.toStdString());
    QVERIFY2(exported.isOk(), exported.message().c_str());
    QCOMPARE(exported.value().size(), std::size_t(2));
    QCOMPARE(exported.value()[0].weights.rows(), Index(3)); // [inputs][outputs]
    QCOMPARE(exported.value()[0].weights.cols(), Index(4));
    const std::string text = DenseWeightsJson::toJson(exported.value()).dump();
    auto parsed = DenseWeightsJson::parse(text, "w.json");
    QVERIFY2(parsed.isOk(), parsed.message().c_str());
    auto rebuilt = WeightsInterchange::buildModel(spec.value(), parsed.value(), "w.json");
    QVERIFY2(rebuilt.isOk(), rebuilt.message().c_str());
    const std::vector<Matrix> before = model.value().weights(), after = rebuilt.value().weights();
    QCOMPARE(after.size(), before.size());
    for (std::size_t i = 0; i < before.size(); ++i)
        QVERIFY(after[i] == before[i]); // bit for bit: the shortest text reads back to the same float
    const QString second = m_dir.filePath("second.weights");
    QVERIFY(WeightsFile::save(second.toStdString(), rebuilt.value()).isOk());
    QFile a(first), b(second);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), b.readAll());
}

void TestGradientService::badInputs_data()
{
    QTest::addColumn<QString>("weights");
    QTest::addColumn<QString>("batch");
    QTest::addColumn<QString>("message");
    const QString good = QString::fromStdString(weightsJson(s_threeOut));
    QTest::newRow("syntax") << QString("{\"layers\": [\n  {\"weights\": [[1,]]}]}") << QString(s_batch)
                            << "w.json:2:19: not valid JSON";
    QTest::newRow("not a number") << QString(R"({"layers": [{"weights": [[1, "x"]], "bias": [0, 0]}]})") << QString(s_batch)
                                  << "w.json: layers[0].weights[0][1]: expected a finite number, got \"x\"";
    QTest::newRow("ragged rows") << QString(R"({"layers": [{"weights": [[1, 2], [3]], "bias": [0, 0]}]})") << QString(s_batch)
                                 << "w.json: layers[0].weights[1]: expected 2 numbers, got 1";
    QTest::newRow("bias length") << QString(R"({"layers": [{"weights": [[1, 2]], "bias": [0]}]})") << QString(s_batch)
                                 << "w.json: layers[0].bias: expected 2 numbers (one per output, as weights[0] has), got 1";
    QTest::newRow("unknown key") << QString(R"({"layers": [{"weights": [[1]], "bias": [0], "kernel": 1}]})") << QString(s_batch)
                                 << "w.json: layers[0].kernel: unknown key (allowed here: weights, bias)";
    QTest::newRow("entry count")
        << QString::fromStdString(std::string(R"({"layers": [{"weights": )") + s_hidden + "]}") << QString(s_batch)
        << "w.json: layers: 1 entries, but the spec has 2 dense layers (one entry per dense layer, in order)";
    QTest::newRow("transposed last layer")
        << QString::fromStdString(weightsJson(R"({"weights": [[0.5,-0.6,0.1,0.3],[1,1,1,1],[2,2,2,2]], "bias": [0,0,0,0]})"))
        << QString(s_batch)
        << "w.json: layers[1].weights: 3 x 4, expected 4 x 3 ([inputs][outputs]) for the spec's layers[2] (dense, 3 units)";
    QTest::newRow("feature count") << good << QString("a,b,y\n1,2,0\n")
                                   << "batch.csv: 2 input columns besides the target, but the model's first layer takes 3 inputs";
    QTest::newRow("no target") << good << QString("a,b,c,label\n1,2,3,0\n") << "batch.csv: no column \"y\" (--target)";
    QTest::newRow("class out of range") << good << QString("a,b,c,y\n1,2,3,0\n1,2,3,3\n")
                                        << "batch.csv: column \"y\" row 2: expected a class index 0..2, got 3";
    QTest::newRow("text feature") << good << QString("a,b,c,y\n1,x,3,0\n")
                                  << "batch.csv: column \"b\" is string; every column but the target must hold numbers";
    QTest::newRow("missing value") << good << QString("a,b,c,y\n1,,3,0\n1,2,3,1\n")
                                   << "batch.csv: column \"b\" row 1: missing or not a finite number";
}

void TestGradientService::badInputs()
{
    QFETCH(QString, weights);
    QFETCH(QString, batch);
    QFETCH(QString, message);
    QVERIFY(m_dir.isValid());
    QDir::setCurrent(m_dir.path());
    write("w.json", weights.toStdString());
    write("batch.csv", batch.toStdString());
    GradientService::Request request;
    request.specPath = write("spec.json", specJson("relu", "softmax", "categorical_crossentropy", true)).toStdString();
    request.weightsPath = "w.json";
    request.dataPath = "batch.csv";
    request.target = "y";
    const auto report = GradientService::compute(request);
    QVERIFY(!report.isOk());
    QCOMPARE(report.status().code(), StatusCode::InvalidInput);
    QVERIFY2(report.message().rfind(message.toStdString(), 0) == 0, report.message().c_str());
}

QTEST_APPLESS_MAIN(TestGradientService)
#include "tst_gradientservice.moc"
