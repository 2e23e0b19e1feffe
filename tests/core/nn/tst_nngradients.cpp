// Finite-difference gradient checks of every layer, activation and loss, input and parameter
// gradients alike, plus the dropout contract (its mask is random per call, so it is checked
// against its own forward pass instead).
#include "core/nn/ActivationLayer.h"
#include "core/nn/BinaryCrossEntropy.h"
#include "core/nn/Dense.h"
#include "core/nn/Dropout.h"
#include "core/nn/MeanSquaredError.h"
#include "core/nn/Sequential.h"
#include "core/nn/SoftmaxCrossEntropy.h"

#include <QtTest>

#include "GradientCheck.h"

#include <memory>

using namespace loupe;
using namespace loupe::test;

Q_DECLARE_METATYPE(loupe::Activation)
Q_DECLARE_METATYPE(loupe::Initializer)

namespace {

// Inputs whose magnitude is at least 0.1, so relu's kink is never within eps of a probe.
Matrix awayFromZero(Index rows, Index cols, RandomGenerator &rng)
{
    Matrix m = randomMatrix(rows, cols, rng, 0.1f, 1.0f);
    for (Index i = 0; i < m.size(); ++i) {
        if (rng.uniformFloat() < 0.5f)
            m.data()[i] = -m.data()[i];
    }
    return m;
}

// Smallest |x W + b| of a dense layer on this input.
float smallestPreActivation(const Dense &dense, const Matrix &input)
{
    Matrix z = input * dense.kernel();
    z.rowwise() += dense.bias().row(0);
    return z.cwiseAbs().minCoeff();
}

} // namespace

class TestNnGradients : public QObject {
    Q_OBJECT

private slots:
    void dense_data();
    void dense();
    void activationLayer_data();
    void activationLayer();
    void sequentialEndToEnd();
    void losses_data();
    void losses();
    void softmaxCrossEntropyIsStable();
    void binaryCrossEntropyLogitsIsStable();
    void dropoutContract_data();
    void dropoutContract();
    void dropoutSkipsInputGradientWhenNull();
    void denseLargeBatchMatchesReference_data();
    void denseLargeBatchMatchesReference();
};

void TestNnGradients::dense_data()
{
    QTest::addColumn<Activation>("activation");
    QTest::addColumn<Initializer>("initializer");
    QTest::newRow("linear") << Activation::Linear << Initializer::GlorotUniform;
    QTest::newRow("relu") << Activation::Relu << Initializer::GlorotUniform;
    QTest::newRow("relu-he-normal") << Activation::Relu << Initializer::HeNormal;
    QTest::newRow("tanh") << Activation::Tanh << Initializer::HeUniform;
    QTest::newRow("sigmoid") << Activation::Sigmoid << Initializer::GlorotUniform;
    QTest::newRow("softmax") << Activation::Softmax << Initializer::GlorotUniform;
}

void TestNnGradients::dense()
{
    QFETCH(Activation, activation);
    QFETCH(Initializer, initializer);
    // Relu needs every pre-activation clear of its kink: try seeds until one is (deterministic).
    for (std::uint64_t seed = 1; seed < 200; ++seed) {
        RandomGenerator rng(seed);
        Dense dense(5, activation, initializer);
        dense.build(4, rng);
        Matrix bias = randomMatrix(1, 5, rng, -0.5f, 0.5f);
        *dense.parameters()[1].value = bias;
        const Matrix input = randomMatrix(3, 4, rng);
        if (activation == Activation::Relu && smallestPreActivation(dense, input) < 0.03f)
            continue;
        const std::string mismatch = checkLayerGradients(dense, input, seed + 1000);
        QVERIFY2(mismatch.empty(), mismatch.c_str());
        return;
    }
    QFAIL("no seed gave pre-activations clear of the relu kink");
}

void TestNnGradients::activationLayer_data()
{
    QTest::addColumn<Activation>("activation");
    QTest::newRow("linear") << Activation::Linear;
    QTest::newRow("relu") << Activation::Relu;
    QTest::newRow("tanh") << Activation::Tanh;
    QTest::newRow("sigmoid") << Activation::Sigmoid;
    QTest::newRow("softmax") << Activation::Softmax;
}

void TestNnGradients::activationLayer()
{
    QFETCH(Activation, activation);
    RandomGenerator rng(7);
    ActivationLayer layer(activation);
    layer.build(6, rng);
    const Matrix input = awayFromZero(4, 6, rng);
    const std::string mismatch = checkLayerGradients(layer, input, 99);
    QVERIFY2(mismatch.empty(), mismatch.c_str());
}

void TestNnGradients::sequentialEndToEnd()
{
    // A whole model through its public API: dL/dW by finite differences on the model's loss.
    Sequential model;
    model.add(std::make_unique<Dense>(6, Activation::Tanh));
    model.add(std::make_unique<ActivationLayer>(Activation::Sigmoid));
    model.add(std::make_unique<Dense>(3, Activation::Linear));
    QVERIFY(model.build(4, 11).isOk());
    RandomGenerator rng(12);
    const Matrix input = randomMatrix(5, 4, rng);
    Matrix target = Matrix::Zero(5, 3);
    for (Index r = 0; r < 5; ++r)
        target(r, r % 3) = 1.0f;
    SoftmaxCrossEntropy loss;
    Matrix gradient(5, 3);
    loss.valueAndGradient(model.forward(constView(input), Mode::Training), constView(target), viewOf(gradient));
    model.backward(constView(input), constView(gradient));
    for (const ParameterBlock &block : model.parameterBlocks()) {
        const Matrix analytic = *block.gradient;
        for (Index i = 0; i < block.value->size(); ++i) {
            const float saved = block.value->data()[i];
            block.value->data()[i] = saved + s_fdEpsilon;
            const double plus = loss.value(model.forward(constView(input), Mode::Training), constView(target));
            block.value->data()[i] = saved - s_fdEpsilon;
            const double minus = loss.value(model.forward(constView(input), Mode::Training), constView(target));
            block.value->data()[i] = saved;
            const double numeric = (plus - minus) / (2.0 * s_fdEpsilon);
            const std::string where = block.name + "[" + std::to_string(i) + "]: numeric " + std::to_string(numeric)
                + ", analytic " + std::to_string(analytic.data()[i]);
            QVERIFY2(std::abs(numeric - analytic.data()[i]) < 1e-4 + 1e-2 * std::abs(analytic.data()[i]), where.c_str());
        }
    }
}

void TestNnGradients::losses_data()
{
    QTest::addColumn<QString>("loss");
    QTest::addColumn<int>("columns");
    QTest::newRow("softmax-cross-entropy") << "softmax" << 4;
    QTest::newRow("binary-cross-entropy-logits") << "bce-logits" << 1;
    QTest::newRow("binary-cross-entropy-logits-multilabel") << "bce-logits" << 3;
    QTest::newRow("binary-cross-entropy-probabilities") << "bce-probabilities" << 2;
    QTest::newRow("mse") << "mse" << 3;
}

void TestNnGradients::losses()
{
    QFETCH(QString, loss);
    QFETCH(int, columns);
    RandomGenerator rng(21);
    std::unique_ptr<Loss> function;
    Matrix output = randomMatrix(6, columns, rng, -2.0f, 2.0f);
    Matrix target = Matrix::Zero(6, columns);
    if (loss == "softmax") {
        function = std::make_unique<SoftmaxCrossEntropy>();
        for (Index r = 0; r < 6; ++r)
            target(r, r % columns) = 1.0f;
    } else {
        for (Index i = 0; i < target.size(); ++i)
            target.data()[i] = rng.uniformFloat() < 0.5f ? 0.0f : 1.0f;
        if (loss == "bce-logits") {
            function = std::make_unique<BinaryCrossEntropy>(BinaryInput::Logits);
        } else if (loss == "bce-probabilities") {
            function = std::make_unique<BinaryCrossEntropy>(BinaryInput::Probabilities);
            output = randomMatrix(6, columns, rng, 0.2f, 0.8f);
        } else {
            function = std::make_unique<MeanSquaredError>();
            target = randomMatrix(6, columns, rng);
        }
    }
    const std::string mismatch = checkLossGradient(*function, output, target);
    QVERIFY2(mismatch.empty(), mismatch.c_str());
}

void TestNnGradients::softmaxCrossEntropyIsStable()
{
    // Logits far beyond exp()'s float range: finite loss and gradient, the right values.
    Matrix logits(2, 3);
    logits << 1000.0f, 0.0f, -1000.0f, -1000.0f, 0.0f, 1000.0f;
    Matrix target(2, 3);
    target << 0.0f, 0.0f, 1.0f, 0.0f, 0.0f, 1.0f;
    Matrix gradient(2, 3);
    const double value = SoftmaxCrossEntropy().valueAndGradient(constView(logits), constView(target), viewOf(gradient));
    QVERIFY(std::isfinite(value));
    QCOMPARE(value, 1000.0); // (2000 + 0) / 2
    QVERIFY(gradient.allFinite());
    QCOMPARE(gradient(0, 0), 0.5f);  // p = 1, divided by 2 rows
    QCOMPARE(gradient(0, 2), -0.5f); // p = 0 - 1
    QCOMPARE(gradient(1, 2) + 1.0f, 1.0f);
}

void TestNnGradients::binaryCrossEntropyLogitsIsStable()
{
    Matrix logits(1, 2);
    logits << 500.0f, -500.0f;
    Matrix target(1, 2);
    target << 0.0f, 0.0f;
    Matrix gradient(1, 2);
    const double value = BinaryCrossEntropy(BinaryInput::Logits).valueAndGradient(constView(logits), constView(target), viewOf(gradient));
    QCOMPARE(value, 250.0); // (500 + 0) / 2
    QCOMPARE(gradient(0, 0), 0.5f);
    QVERIFY(std::abs(gradient(0, 1)) < 1e-30f);
}

void TestNnGradients::dropoutContract_data()
{
    QTest::addColumn<float>("rate");
    QTest::newRow("0.2") << 0.2f;
    QTest::newRow("0.5") << 0.5f;
    QTest::newRow("0") << 0.0f;
}

void TestNnGradients::dropoutContract()
{
    QFETCH(float, rate);
    const Index rows = 64, cols = 256;
    RandomGenerator rng(5);
    Dropout dropout(rate);
    dropout.build(cols, rng);
    const Matrix input = awayFromZero(rows, cols, rng);
    Matrix output(rows, cols);
    dropout.forward(constView(input), viewOf(output), Mode::Training);

    // Each output is 0 or input / (1 - rate); the kept fraction is 1 - rate (binomial, 5 sd).
    const float scale = 1.0f / (1.0f - rate);
    Index kept = 0;
    for (Index i = 0; i < input.size(); ++i) {
        const bool isKept = output.data()[i] != 0.0f;
        kept += isKept ? 1 : 0;
        if (isKept)
            QCOMPARE(output.data()[i], input.data()[i] * scale);
    }
    const double n = double(input.size());
    const double expected = n * (1.0 - rate);
    QVERIFY2(std::abs(kept - expected) <= 5.0 * std::sqrt(n * rate * (1.0 - rate)) + 0.5,
             qPrintable(QString("kept %1 of %2, expected about %3").arg(kept).arg(n).arg(expected)));

    // Backward is the same diagonal Jacobian: dInput = dOutput * output / input.
    const Matrix outputGradient = randomMatrix(rows, cols, rng);
    Matrix scratch = outputGradient;
    Matrix inputGradient(rows, cols);
    MatrixView inputGradientView = viewOf(inputGradient);
    dropout.backward(constView(input), constView(output), viewOf(scratch), &inputGradientView);
    for (Index i = 0; i < input.size(); ++i)
        QCOMPARE(inputGradient.data()[i], outputGradient.data()[i] * (output.data()[i] != 0.0f ? scale : 0.0f));

    // Inference is the identity; the next training call draws a different mask (rate > 0).
    Matrix inference(rows, cols);
    dropout.forward(constView(input), viewOf(inference), Mode::Inference);
    QVERIFY(inference == input);
    Matrix second(rows, cols);
    dropout.forward(constView(input), viewOf(second), Mode::Training);
    QCOMPARE(second == output, rate == 0.0f);

    // Same seed, same masks.
    RandomGenerator again(5);
    Dropout twin(rate);
    twin.build(cols, again);
    Matrix twinOutput(rows, cols);
    twin.forward(constView(input), viewOf(twinOutput), Mode::Training);
    QVERIFY(twinOutput == output);
}

void TestNnGradients::dropoutSkipsInputGradientWhenNull()
{
    RandomGenerator rng(1);
    Dropout dropout(0.3f);
    dropout.build(3, rng);
    Matrix input = Matrix::Ones(2, 3), output(2, 3), gradient = Matrix::Ones(2, 3);
    dropout.forward(constView(input), viewOf(output), Mode::Training);
    dropout.backward(constView(input), constView(output), viewOf(gradient), nullptr);
    QVERIFY(gradient == Matrix::Ones(2, 3)); // untouched, nothing written
}

void TestNnGradients::denseLargeBatchMatchesReference_data()
{
    QTest::addColumn<int>("rows");
    QTest::newRow("even") << 128;
    QTest::newRow("odd") << 97;
}

void TestNnGradients::denseLargeBatchMatchesReference()
{
    // Batches this large run on several threads (WorkSplit pieces): the result must be the plain
    // formulas, computed here without the layer.
    QFETCH(int, rows);
    RandomGenerator rng(31);
    Dense dense(96, Activation::Relu);
    dense.build(80, rng);
    *dense.parameters()[1].value = randomMatrix(1, 96, rng, -0.2f, 0.2f);
    const Matrix input = randomMatrix(rows, 80, rng);
    Matrix output(rows, 96);
    dense.forward(constView(input), viewOf(output), Mode::Training);
    Matrix z = input * dense.kernel();
    z.rowwise() += dense.bias().row(0);
    const Matrix expected = z.cwiseMax(0.0f);
    QVERIFY((output - expected).cwiseAbs().maxCoeff() < 1e-4f);

    const Matrix outputGradient = randomMatrix(rows, 96, rng);
    Matrix scratch = outputGradient;
    Matrix inputGradient(rows, 80);
    MatrixView inputGradientView = viewOf(inputGradient);
    dense.backward(constView(input), constView(output), viewOf(scratch), &inputGradientView);
    const Matrix dz = outputGradient.cwiseProduct((expected.array() > 0.0f).cast<float>().matrix());
    QVERIFY((dense.kernelGradient() - input.transpose() * dz).cwiseAbs().maxCoeff() < 1e-4f);
    QVERIFY((dense.biasGradient() - dz.colwise().sum()).cwiseAbs().maxCoeff() < 1e-4f);
    QVERIFY((inputGradient - dz * dense.kernel().transpose()).cwiseAbs().maxCoeff() < 1e-4f);
}

QTEST_APPLESS_MAIN(TestNnGradients)
#include "tst_nngradients.moc"
