// ModelSpec: the chapter's model parses to what the chapter says; every malformed spec is an
// error whose message starts with the JSON path; toJson() round-trips; the factory builds it.
#include "core/nn/Dense.h"
#include "core/nn/Dropout.h"
#include "core/train/ModelSpec.h"
#include "core/train/ModelFactory.h"

#include <QtTest>

#include <nlohmann/json.hpp>

using namespace loupe;

namespace {

const char *s_valid = R"({"layers": [{"type": "dense", "units": 4, "activation": "relu"},
                                     {"type": "dense", "units": 3, "activation": "softmax"}],
                          "loss": "categorical_crossentropy"})";

// s_valid with one JSON-pointer replacement applied.
std::string variant(const std::string &pointer, const std::string &valueJson)
{
    nlohmann::json root = nlohmann::json::parse(s_valid);
    if (valueJson == "<remove>")
        root.at(nlohmann::json::json_pointer(pointer).parent_pointer()).erase(pointer.substr(pointer.rfind('/') + 1));
    else
        root[nlohmann::json::json_pointer(pointer)] = nlohmann::json::parse(valueJson);
    return root.dump();
}

} // namespace

class TestModelSpec : public QObject {
    Q_OBJECT

private slots:
    void chapterModel();
    void defaults();
    void errors_data();
    void errors();
    void syntaxError();
    void fileErrorsNameTheFile();
    void roundTrip();
    void scalingKey_data();
    void scalingKey();
    void factoryFusesTheOutputActivation();
    void clippingReachesTheOptimizer_data();
    void clippingReachesTheOptimizer();
    void factoryChecksInputFeatures();
};

void TestModelSpec::chapterModel()
{
    const auto spec = ModelSpec::fromFile(LOUPE_SOURCE_DIR "/resources/models/chapter-mlp.json");
    QVERIFY2(spec.isOk(), spec.message().c_str());
    const ModelSpec &s = spec.value();
    QCOMPARE(s.name, std::string("chapter-mlp"));
    QCOMPARE(s.inputFeatures, Index(784));
    QCOMPARE(s.layers.size(), std::size_t(5));
    QCOMPARE(s.layers[0].units, Index(512));
    QVERIFY(s.layers[0].activation == Activation::Relu);
    QVERIFY(s.layers[1].kind == LayerKind::Dropout);
    QCOMPARE(s.layers[1].rate, 0.2f);
    QCOMPARE(s.layers[2].units, Index(512));
    QCOMPARE(s.layers[3].rate, 0.2f);
    QCOMPARE(s.layers[4].units, Index(10));
    QVERIFY(s.layers[4].activation == Activation::Softmax);
    QVERIFY(s.optimizer.kind == OptimizerKind::RmsProp);
    QCOMPARE(s.optimizer.rmsprop.learningRate, 0.001f);
    QCOMPARE(s.optimizer.rmsprop.rho, 0.9f);
    QCOMPARE(s.optimizer.rmsprop.epsilon, 1e-7f);
    QVERIFY(s.loss == LossKind::CategoricalCrossEntropy);
    QCOMPARE(s.batchSize, 128);
    QCOMPARE(s.epochs, 1);
    QCOMPARE(s.seed, std::uint64_t(42));
}

void TestModelSpec::defaults()
{
    const auto spec = ModelSpec::parse(s_valid);
    QVERIFY2(spec.isOk(), spec.message().c_str());
    QCOMPARE(spec.value().name, std::string("model"));
    QCOMPARE(spec.value().inputFeatures, Index(0));
    QVERIFY(spec.value().optimizer.kind == OptimizerKind::RmsProp); // Keras' compile() default
    QCOMPARE(spec.value().batchSize, 32);
    QCOMPARE(spec.value().epochs, 1);
    QVERIFY(spec.value().shuffle);
    QVERIFY(spec.value().layers[0].kernelInitializer == Initializer::GlorotUniform);
}

void TestModelSpec::errors_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("negative-units") << "/layers/0/units" << "-3" << "layers[0].units: expected a positive integer, got -3";
    QTest::newRow("fractional-units") << "/layers/0/units" << "2.5" << "layers[0].units: expected a positive integer, got 2.5";
    QTest::newRow("string-units") << "/layers/0/units" << "\"64\"" << "layers[0].units: expected a positive integer, got \"64\"";
    QTest::newRow("distribution-units") << "/layers/0/units" << R"({"choice":[256,512]})"
                                        << R"(layers[0].units: expected a positive integer, got {"choice":[256,512]})";
    QTest::newRow("missing-units") << "/layers/0/units" << "<remove>" << "layers[0].units: required: a positive integer";
    QTest::newRow("unknown-layer-key") << "/layers/1/unit" << "3"
                                       << "layers[1].unit: unknown key (allowed here: type, units, activation, kernel_initializer)";
    QTest::newRow("unknown-layer-type") << "/layers/0/type" << "\"conv2d\""
                                        << "layers[0].type: unknown layer type \"conv2d\" (expected dense, dropout or activation)";
    QTest::newRow("missing-type") << "/layers/0/type" << "<remove>" << "layers[0].type: required (dense, dropout or activation)";
    QTest::newRow("unknown-activation") << "/layers/0/activation" << "\"gelu\""
                                        << "layers[0].activation: expected linear, relu, tanh, sigmoid or softmax, got \"gelu\"";
    QTest::newRow("bad-initializer") << "/layers/0/kernel_initializer" << "\"ones\""
                                     << "layers[0].kernel_initializer: expected glorot_uniform, he_uniform or he_normal, got \"ones\"";
    QTest::newRow("dropout-rate-one") << "/layers/0" << R"({"type":"dropout","rate":1.0})"
                                      << "layers[0].rate: expected a number in [0, 1), got 1.0";
    QTest::newRow("dropout-last") << "/layers/1" << R"({"type":"dropout","rate":0.5})"
                                  << "layers[1].type: the last layer must be dense or activation, got dropout";
    QTest::newRow("dropout-rate-range") << "/layers/0" << R"({"type":"dropout","rate":1.5})"
                                        << "layers[0].rate: expected a number in [0, 1), got 1.5";
    QTest::newRow("dropout-missing-rate") << "/layers/0" << R"({"type":"dropout"})" << "layers[0].rate: required: a number in [0, 1)";
    QTest::newRow("empty-layers") << "/layers" << "[]" << "layers: expected a non-empty array of layers, got []";
    QTest::newRow("layers-not-array") << "/layers" << "{}" << "layers: expected a non-empty array of layers, got {}";
    QTest::newRow("layer-not-object") << "/layers/0" << "7"
                                      << "layers[0]: expected a layer object like {\"type\": \"dense\", \"units\": 64}, got 7";
    QTest::newRow("missing-loss") << "/loss" << "<remove>"
                                  << "loss: required (categorical_crossentropy, binary_crossentropy or mse)";
    QTest::newRow("unknown-loss") << "/loss" << "\"hinge\""
                                  << "loss: unknown loss \"hinge\" (expected categorical_crossentropy, binary_crossentropy or mse)";
    QTest::newRow("loss-needs-softmax") << "/layers/1/activation" << "\"relu\""
                                        << "layers[1].activation: categorical_crossentropy needs a softmax output, got relu";
    QTest::newRow("bce-needs-sigmoid") << "/loss" << "\"binary_crossentropy\""
                                       << "layers[1].activation: binary_crossentropy needs a sigmoid output, got softmax";
    QTest::newRow("softmax-inside") << "/layers/0/activation" << "\"softmax\""
                                    << "layers[0].activation: softmax is only supported on the last layer";
    QTest::newRow("unknown-top-key") << "/batchsize" << "64"
                                     << "batchsize: unknown key (allowed here: name, input, layers, optimizer, loss, batch_size, epochs, seed, validation_split, shuffle, schedule, scaling, features)";
    QTest::newRow("zero-batch") << "/batch_size" << "0" << "batch_size: expected a positive integer, got 0";
    QTest::newRow("huge-batch") << "/batch_size" << "10000000"
                                << "batch_size: expected a positive integer of at most 1048576, got 10000000";
    QTest::newRow("negative-epochs") << "/epochs" << "-1" << "epochs: expected a positive integer, got -1";
    QTest::newRow("negative-seed") << "/seed" << "-5" << "seed: expected a non-negative integer, got -5";
    QTest::newRow("split-one") << "/validation_split" << "1" << "validation_split: expected a number in [0, 1), got 1";
    QTest::newRow("shuffle-string") << "/shuffle" << "\"yes\"" << "shuffle: expected true or false, got \"yes\"";
    QTest::newRow("name-number") << "/name" << "3" << "name: expected a string, got 3";
    QTest::newRow("scaling-unknown") << "/scaling" << "\"robust\""
                                     << "scaling: unknown scaling method \"robust\" (expected standard, minmax, mean, l1, l2, none)";
    QTest::newRow("scaling-case") << "/scaling" << "\"MinMax\""
                                  << "scaling: unknown scaling method \"MinMax\" (expected standard, minmax, mean, l1, l2, none)";
    QTest::newRow("scaling-number") << "/scaling" << "1"
                                    << "scaling: expected a scaling method name (standard, minmax, mean, l1, l2, none), got 1";
    QTest::newRow("input-not-object") << "/input" << "784" << "input: expected an object like {\"features\": 784}, got 784";
    QTest::newRow("input-features-zero") << "/input/features" << "0" << "input.features: expected a positive integer, got 0";
    QTest::newRow("unknown-optimizer") << "/optimizer" << R"({"type":"adagrad"})"
                                       << "optimizer.type: unknown optimizer \"adagrad\" (expected sgd, rmsprop or adam)";
    QTest::newRow("unknown-optimizer-name") << "/optimizer" << "\"adagrad\""
                                            << "optimizer: unknown optimizer \"adagrad\" (expected sgd, rmsprop or adam)";
    QTest::newRow("negative-lr") << "/optimizer" << R"({"type":"adam","learning_rate":-0.1})"
                                 << "optimizer.learning_rate: expected a number in [0, 1000000], got -0.1";
    QTest::newRow("lr-distribution") << "/optimizer" << R"({"type":"adam","learning_rate":{"loguniform":[1e-4,1e-1]}})"
                                     << R"(optimizer.learning_rate: expected a number in [0, 1000000], got {"loguniform":[0.0001,0.1]})";
    QTest::newRow("rho-one") << "/optimizer" << R"({"type":"rmsprop","rho":1})"
                             << "optimizer.rho: expected a number in [0, 1), got 1";
    QTest::newRow("adam-key-on-sgd") << "/optimizer" << R"({"type":"sgd","beta_1":0.9})"
                                     << "optimizer.beta_1: unknown key (allowed here: type, learning_rate, momentum, nesterov, clipnorm, clipvalue)";
    QTest::newRow("clipnorm-zero") << "/optimizer" << R"({"type":"sgd","clipnorm":0})"
                                   << "optimizer.clipnorm: expected a positive finite number, got 0";
    QTest::newRow("clipnorm-negative") << "/optimizer" << R"({"type":"adam","clipnorm":-1.5})"
                                       << "optimizer.clipnorm: expected a positive finite number, got -1.5";
    QTest::newRow("clipnorm-string") << "/optimizer" << R"({"type":"rmsprop","clipnorm":"1"})"
                                     << "optimizer.clipnorm: expected a positive finite number, got \"1\"";
    QTest::newRow("clipvalue-beyond-float") << "/optimizer" << R"({"type":"sgd","clipvalue":1e39})"
                                            << "optimizer.clipvalue: expected a positive finite number, got 1e+39";
    QTest::newRow("clipvalue-null") << "/optimizer" << R"({"type":"adam","clipvalue":null})"
                                    << "optimizer.clipvalue: expected a positive finite number, got null";
    QTest::newRow("clip-both") << "/optimizer" << R"({"type":"adam","clipnorm":1,"clipvalue":0.5})"
                               << "optimizer.clipvalue: only one of clipnorm and clipvalue can be set (as in Keras)";
    QTest::newRow("nesterov-number") << "/optimizer" << R"({"type":"sgd","nesterov":1})"
                                     << "optimizer.nesterov: expected true or false, got 1";
    QTest::newRow("optimizer-missing-type") << "/optimizer" << R"({"learning_rate":0.1})"
                                            << "optimizer.type: required (sgd, rmsprop or adam)";
}

void TestModelSpec::errors()
{
    QFETCH(QString, pointer);
    QFETCH(QString, value);
    QFETCH(QString, message);
    const auto spec = ModelSpec::parse(variant(pointer.toStdString(), value.toStdString()));
    QVERIFY(!spec.isOk());
    QCOMPARE(spec.status().code(), StatusCode::InvalidInput);
    QCOMPARE(QString::fromStdString(spec.message()), message);
}

void TestModelSpec::syntaxError()
{
    const auto spec = ModelSpec::parse("{\"layers\": [}");
    QVERIFY(!spec.isOk());
    QVERIFY2(spec.message().rfind("model spec:1:13: not valid JSON (syntax error", 0) == 0, spec.message().c_str());
    QVERIFY2(spec.message().find("(at layers)") != std::string::npos, spec.message().c_str());
    // Issue 13, item 1: the model spec said "(root): [json.exception.out_of_range.406] ..." with no position.
    const auto overflow = ModelSpec::parse("{\"epochs\": 1e400}");
    QVERIFY(!overflow.isOk());
    QCOMPARE(overflow.message(), std::string("model spec:1:12: the number 1e400 is outside the range of a double (at epochs)"));
    const auto notObject = ModelSpec::parse("[1, 2]");
    QCOMPARE(QString::fromStdString(notObject.message()), QString("(root): expected a JSON object, got [1,2]"));
}

void TestModelSpec::fileErrorsNameTheFile()
{
    const auto missing = ModelSpec::fromFile("/nonexistent/spec.json");
    QCOMPARE(missing.status().code(), StatusCode::IoError);
    QCOMPARE(QString::fromStdString(missing.message()), QString("/nonexistent/spec.json: cannot open the file (it does not exist or is not readable)"));
}

void TestModelSpec::roundTrip()
{
    const auto spec = ModelSpec::fromFile(LOUPE_SOURCE_DIR "/resources/models/chapter-mlp.json");
    QVERIFY(spec.isOk());
    const std::string text = spec.value().toJsonText();
    QVERIFY2(text.find("\"learning_rate\": 0.001,") != std::string::npos, text.c_str());
    const auto again = ModelSpec::parse(text);
    QVERIFY2(again.isOk(), again.message().c_str());
    QCOMPARE(again.value().toJsonText(), text);
    for (const char *optimizer : {R"("sgd")", R"({"type":"sgd","momentum":0.9,"nesterov":true})", R"({"type":"adam","beta_2":0.99})",
                                  R"({"type":"rmsprop","clipnorm":1.5})", R"({"type":"sgd","clipvalue":0.25})"}) {
        const auto parsed = ModelSpec::parse(variant("/optimizer", optimizer));
        QVERIFY2(parsed.isOk(), parsed.message().c_str());
        const auto reparsed = ModelSpec::parse(parsed.value().toJsonText());
        QVERIFY2(reparsed.isOk(), reparsed.message().c_str());
        QCOMPARE(reparsed.value().toJsonText(), parsed.value().toJsonText());
    }
}

void TestModelSpec::clippingReachesTheOptimizer_data()
{
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<float>("clipNorm");
    QTest::addColumn<float>("clipValue");
    QTest::newRow("sgd-clipnorm") << R"({"type":"sgd","clipnorm":2.5})" << 2.5f << 0.0f;
    QTest::newRow("rmsprop-clipvalue") << R"({"type":"rmsprop","clipvalue":0.5})" << 0.0f << 0.5f;
    QTest::newRow("adam-clipnorm") << R"({"type":"adam","learning_rate":0.01,"clipnorm":1})" << 1.0f << 0.0f;
    QTest::newRow("adam-none") << R"({"type":"adam"})" << 0.0f << 0.0f;
    QTest::newRow("name-only") << R"("sgd")" << 0.0f << 0.0f;
}

void TestModelSpec::clippingReachesTheOptimizer()
{
    QFETCH(QString, optimizer);
    QFETCH(float, clipNorm);
    QFETCH(float, clipValue);
    const auto spec = ModelSpec::parse(variant("/optimizer", optimizer.toStdString()));
    QVERIFY2(spec.isOk(), spec.message().c_str());
    QCOMPARE(spec.value().optimizer.clipping.clipNorm, clipNorm);
    QCOMPARE(spec.value().optimizer.clipping.clipValue, clipValue);
    const auto built = ModelFactory::buildOptimizer(spec.value().optimizer);
    QCOMPARE(built->gradientClipping().clipNorm, clipNorm);
    QCOMPARE(built->gradientClipping().clipValue, clipValue);
    const std::string text = spec.value().toJsonText();
    QCOMPARE(text.find("clipnorm") != std::string::npos, clipNorm > 0.0f);
    QCOMPARE(text.find("clipvalue") != std::string::npos, clipValue > 0.0f);
}

void TestModelSpec::scalingKey_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("method");
    QTest::newRow("standard") << "standard" << int(ScalingMethod::Standardize);
    QTest::newRow("minmax") << "minmax" << int(ScalingMethod::MinMax);
    QTest::newRow("mean") << "mean" << int(ScalingMethod::MeanNormalize);
    QTest::newRow("l1") << "l1" << int(ScalingMethod::UnitL1);
    QTest::newRow("l2") << "l2" << int(ScalingMethod::UnitL2);
    QTest::newRow("none") << "none" << int(ScalingMethod::None);
}

void TestModelSpec::scalingKey()
{
    QFETCH(QString, name);
    QFETCH(int, method);
    QVERIFY(!ModelSpec::parse(s_valid).value().scaling.has_value());
    QVERIFY(ModelSpec::parse(s_valid).value().toJsonText().find("scaling") == std::string::npos);
    const auto spec = ModelSpec::parse(variant("/scaling", "\"" + name.toStdString() + "\""));
    QVERIFY2(spec.isOk(), spec.message().c_str());
    QVERIFY(spec.value().scaling.has_value());
    QCOMPARE(int(*spec.value().scaling), method);
    const std::string text = spec.value().toJsonText();
    QVERIFY2(text.find("\"scaling\": \"" + name.toStdString() + "\"") != std::string::npos, text.c_str());
    const auto again = ModelSpec::parse(text);
    QVERIFY2(again.isOk(), again.message().c_str());
    QCOMPARE(int(*again.value().scaling), method);
}

void TestModelSpec::factoryFusesTheOutputActivation()
{
    const auto spec = ModelSpec::fromFile(LOUPE_SOURCE_DIR "/resources/models/chapter-mlp.json");
    QVERIFY(spec.isOk());
    auto model = ModelFactory::buildModel(spec.value(), 784);
    QVERIFY2(model.isOk(), model.message().c_str());
    Sequential &m = model.value();
    QCOMPARE(m.layerCount(), std::size_t(5));
    QCOMPARE(m.parameterCount(), Index(784 * 512 + 512 + 512 * 512 + 512 + 512 * 10 + 10));
    QVERIFY(dynamic_cast<Dense &>(m.layer(4)).activation() == Activation::Linear);
    QVERIFY(m.predictionActivation() == Activation::Softmax);
    QCOMPARE(ModelFactory::buildLoss(spec.value())->name(), std::string("categorical_crossentropy"));
    QCOMPARE(ModelFactory::buildOptimizer(spec.value().optimizer)->name(), std::string("rmsprop"));
    // predict() returns probabilities.
    const Matrix input = Matrix::Random(3, 784).cwiseAbs();
    const Matrix probabilities = m.predict(constView(input));
    for (Index r = 0; r < 3; ++r)
        QVERIFY(std::abs(probabilities.row(r).sum() - 1.0f) < 1e-5f);
    // Same seed, same weights; another seed, others.
    auto twin = ModelFactory::buildModel(spec.value(), 784);
    QVERIFY(twin.value().weights()[0] == m.weights()[0]);
    ModelSpec other = spec.value();
    other.seed = 43;
    QVERIFY(ModelFactory::buildModel(other, 784).value().weights()[0] != m.weights()[0]);
}

void TestModelSpec::factoryChecksInputFeatures()
{
    const auto spec = ModelSpec::fromFile(LOUPE_SOURCE_DIR "/resources/models/chapter-mlp.json");
    const auto model = ModelFactory::buildModel(spec.value(), 100);
    QVERIFY(!model.isOk());
    QCOMPARE(QString::fromStdString(model.message()),
             QString("input.features: the spec says 784 but the data has 100 features"));
    const auto unknown = ModelFactory::buildModel(ModelSpec::parse(s_valid).value(), 0);
    QCOMPARE(QString::fromStdString(unknown.message()),
             QString("input.features: unknown (give it in the spec or train on data)"));
}

QTEST_APPLESS_MAIN(TestModelSpec)
#include "tst_modelspec.moc"
