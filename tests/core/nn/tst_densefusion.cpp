// The fused element-wise passes equal the unfused math: a model run with Dense + Dropout fused
// (LayerFusion::On) gives the outputs and every gradient of the same model run layer by layer
// (Off), over several training steps (so the dropout masks advance alike) and in inference; and
// Dense's one-pass backward (dZ and the bias column sums together) equals the plain formulas.
#include "core/nn/Dense.h"
#include "core/nn/Dropout.h"
#include "core/nn/Sequential.h"

#include <QtTest>

#include "GradientCheck.h"

#include <memory>

using namespace loupe;
using namespace loupe::test;

Q_DECLARE_METATYPE(loupe::Activation)

namespace {

Sequential buildModel(LayerFusion fusion, Index features, Activation hidden, float rate, Index units)
{
    Sequential model;
    model.setLayerFusion(fusion);
    model.add(std::make_unique<Dense>(units, hidden));
    model.add(std::make_unique<Dropout>(rate));
    model.add(std::make_unique<Dense>(units, Activation::Relu));
    model.add(std::make_unique<Dropout>(rate));
    model.add(std::make_unique<Dense>(5, Activation::Linear));
    const Status built = model.build(features, 77);
    Q_ASSERT(built.isOk());
    return model;
}

float largestDifference(const Matrix &a, const Matrix &b)
{
    if (a.rows() != b.rows() || a.cols() != b.cols())
        return std::numeric_limits<float>::infinity();
    return a.size() == 0 ? 0.0f : (a - b).cwiseAbs().maxCoeff();
}

} // namespace

class TestDenseFusion : public QObject {
    Q_OBJECT

private slots:
    void fusedEqualsUnfused_data();
    void fusedEqualsUnfused();
    void backwardEqualsFormulas_data();
    void backwardEqualsFormulas();
};

void TestDenseFusion::fusedEqualsUnfused_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<Activation>("hidden");
    QTest::addColumn<float>("rate");
    QTest::addColumn<int>("units");
    QTest::newRow("one-row") << 1 << Activation::Relu << 0.2f << 16;
    QTest::newRow("small-batch") << 7 << Activation::Relu << 0.5f << 16;
    QTest::newRow("threaded-batch") << 128 << Activation::Relu << 0.2f << 96;
    QTest::newRow("odd-threaded-batch") << 97 << Activation::Relu << 0.3f << 96;
    QTest::newRow("rate-zero") << 64 << Activation::Relu << 0.0f << 96;
    QTest::newRow("tanh-not-fused") << 64 << Activation::Tanh << 0.2f << 96; // first pair runs unfused
}

void TestDenseFusion::fusedEqualsUnfused()
{
    QFETCH(int, rows);
    QFETCH(Activation, hidden);
    QFETCH(float, rate);
    QFETCH(int, units);
    const Index features = 40;
    Sequential fused = buildModel(LayerFusion::On, features, hidden, rate, units);
    Sequential plain = buildModel(LayerFusion::Off, features, hidden, rate, units);
    RandomGenerator rng(5);
    for (int step = 0; step < 3; ++step) {
        const Matrix input = randomMatrix(rows, features, rng);
        const Matrix outputGradient = randomMatrix(rows, 5, rng);
        const Matrix a = fused.forward(constView(input), Mode::Training);
        const Matrix b = plain.forward(constView(input), Mode::Training);
        QVERIFY2(largestDifference(a, b) <= 1e-5f, qPrintable(QString("step %1 output").arg(step)));
        fused.backward(constView(input), constView(outputGradient));
        plain.backward(constView(input), constView(outputGradient));
        for (std::size_t i = 0; i < fused.parameterBlocks().size(); ++i) {
            const float difference = largestDifference(*fused.parameterBlocks()[i].gradient, *plain.parameterBlocks()[i].gradient);
            QVERIFY2(difference <= 1e-5f, qPrintable(QString("step %1 %2: %3").arg(step)
                                                        .arg(QString::fromStdString(fused.parameterBlocks()[i].name)).arg(difference)));
        }
    }
    const Matrix input = randomMatrix(rows, features, rng);
    QVERIFY(largestDifference(fused.predict(constView(input)), plain.predict(constView(input))) <= 1e-5f);
}

void TestDenseFusion::backwardEqualsFormulas_data()
{
    QTest::addColumn<Activation>("activation");
    QTest::addColumn<int>("rows");
    QTest::newRow("relu-1") << Activation::Relu << 1;
    QTest::newRow("relu-97") << Activation::Relu << 97;
    QTest::newRow("tanh-128") << Activation::Tanh << 128;
    QTest::newRow("sigmoid-33") << Activation::Sigmoid << 33;
    QTest::newRow("linear-128") << Activation::Linear << 128;
}

void TestDenseFusion::backwardEqualsFormulas()
{
    QFETCH(Activation, activation);
    QFETCH(int, rows);
    RandomGenerator rng(9);
    Dense dense(96, activation);
    dense.build(80, rng);
    *dense.parameters()[1].value = randomMatrix(1, 96, rng, -0.2f, 0.2f);
    const Matrix input = randomMatrix(rows, 80, rng);
    Matrix output(rows, 96);
    dense.forward(constView(input), viewOf(output), Mode::Training);
    Matrix z = input * dense.kernel();
    z.rowwise() += dense.bias().row(0);
    Matrix expected = z;
    applyActivation(activation, viewOf(expected));
    QVERIFY(largestDifference(output, expected) < 1e-4f);

    const Matrix outputGradient = randomMatrix(rows, 96, rng);
    Matrix scratch = outputGradient;
    Matrix inputGradient(rows, 80);
    MatrixView inputGradientView = viewOf(inputGradient);
    dense.backward(constView(input), constView(output), viewOf(scratch), &inputGradientView);
    Matrix dz = outputGradient;
    activationBackward(activation, constView(expected), viewOf(dz));
    QVERIFY(largestDifference(dense.kernelGradient(), input.transpose() * dz) < 1e-4f);
    QVERIFY(largestDifference(dense.biasGradient(), dz.colwise().sum()) < 1e-4f);
    QVERIFY(largestDifference(inputGradient, dz * dense.kernel().transpose()) < 1e-4f);
}

QTEST_APPLESS_MAIN(TestDenseFusion)
#include "tst_densefusion.moc"
