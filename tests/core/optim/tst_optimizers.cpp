// Optimizers against hand-computed steps: w0 = 1, gradients 0.5, -0.25, 1.0 (values worked out
// on paper / in double precision from the documented update rules), plus per-block state,
// learning-rate changes between steps, and the parallel path on a large block.
#include "core/optim/Adam.h"
#include "core/optim/RmsProp.h"
#include "core/optim/Sgd.h"

#include <QtTest>

#include <array>
#include <memory>

using namespace loupe;

using Expected = std::array<double, 3>;
Q_DECLARE_METATYPE(Expected)

namespace {

constexpr std::array<float, 3> s_gradients{0.5f, -0.25f, 1.0f};

std::unique_ptr<Optimizer> makeOptimizer(const QString &name)
{
    if (name == "sgd")
        return std::make_unique<Sgd>(Sgd::Options{0.1f, 0.0f, Nesterov::Off});
    if (name == "sgd-momentum")
        return std::make_unique<Sgd>(Sgd::Options{0.1f, 0.9f, Nesterov::Off});
    if (name == "sgd-nesterov")
        return std::make_unique<Sgd>(Sgd::Options{0.1f, 0.9f, Nesterov::On});
    if (name == "rmsprop")
        return std::make_unique<RmsProp>(RmsProp::Options{0.01f, 0.9f, 0.0f, 1e-7f, Centered::Off});
    if (name == "rmsprop-momentum")
        return std::make_unique<RmsProp>(RmsProp::Options{0.01f, 0.9f, 0.9f, 1e-7f, Centered::Off});
    if (name == "rmsprop-centered")
        return std::make_unique<RmsProp>(RmsProp::Options{0.01f, 0.9f, 0.0f, 1e-7f, Centered::On});
    return std::make_unique<Adam>(Adam::Options{0.01f, 0.9f, 0.999f, 1e-7f});
}

} // namespace

class TestOptimizers : public QObject {
    Q_OBJECT

private slots:
    void handComputedSteps_data();
    void handComputedSteps();
    void kerasDefaults();
    void statePerBlock();
    void learningRateChangesBetweenSteps();
    void largeBlocksMatchSmallOnes_data();
    void largeBlocksMatchSmallOnes();
    void resetForgetsState();
};

void TestOptimizers::handComputedSteps_data()
{
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<Expected>("expected");
    // lr 0.1: w1 = 1 - 0.05; w2 = 0.95 + 0.025; w3 = 0.975 - 0.1.
    QTest::newRow("sgd") << "sgd" << Expected{0.95, 0.975, 0.875};
    // v1 = -0.05, w1 = 0.95; v2 = -0.045 + 0.025 = -0.02, w2 = 0.93; v3 = -0.018 - 0.1, w3 = 0.812.
    QTest::newRow("sgd-momentum") << "sgd-momentum" << Expected{0.95, 0.93, 0.812};
    // w += 0.9 v - lr g: 1 - 0.045 - 0.05 = 0.905; 0.905 - 0.018 + 0.025 = 0.912; 0.912 - 0.1062 - 0.1.
    QTest::newRow("sgd-nesterov") << "sgd-nesterov" << Expected{0.905, 0.912, 0.7058};
    // v1 = 0.025, step = 0.01 * 0.5 / (sqrt(0.025) + 1e-7) = 0.0316228 ...
    QTest::newRow("rmsprop") << "rmsprop" << Expected{0.968377243, 0.983121430, 0.954935645};
    QTest::newRow("rmsprop-momentum") << "rmsprop-momentum" << Expected{0.968377243, 0.954660949, 0.914130500};
    // a1 = 0.05, s = 0.025 - 0.0025 = 0.0225, step = 0.005 / 0.15 ...
    QTest::newRow("rmsprop-centered") << "rmsprop-centered" << Expected{0.966666689, 0.981514527, 0.951627282};
    // alpha1 = 0.01 sqrt(0.001) / 0.1, m1 = 0.05, v1 = 0.00025: step = 0.0099999 ...
    QTest::newRow("adam") << "adam" << Expected{0.990000063, 0.987336708, 0.980755610};
}

void TestOptimizers::handComputedSteps()
{
    QFETCH(QString, optimizer);
    QFETCH(Expected, expected);
    auto opt = makeOptimizer(optimizer);
    Matrix value = Matrix::Constant(1, 2, 1.0f);
    Matrix gradient(1, 2);
    const std::vector<ParameterBlock> blocks{{"w", &value, &gradient}};
    for (int step = 0; step < 3; ++step) {
        gradient.setConstant(s_gradients[step]);
        opt->step(blocks);
        QCOMPARE(opt->iterations(), std::int64_t(step + 1));
        for (Index i = 0; i < 2; ++i) {
            const double got = value(0, i);
            QVERIFY2(std::abs(got - expected[step]) < 2e-6,
                     qPrintable(QString("step %1: got %2, expected %3").arg(step + 1).arg(got, 0, 'g', 9).arg(expected[step], 0, 'g', 9)));
        }
    }
}

void TestOptimizers::kerasDefaults()
{
    QCOMPARE(Sgd::Options().learningRate, 0.01f);
    QCOMPARE(RmsProp::Options().learningRate, 0.001f);
    QCOMPARE(RmsProp::Options().rho, 0.9f);
    QCOMPARE(RmsProp::Options().epsilon, 1e-7f);
    QCOMPARE(RmsProp::Options().momentum, 0.0f);
    QVERIFY(RmsProp::Options().centered == Centered::Off);
    QCOMPARE(Adam::Options().beta1, 0.9f);
    QCOMPARE(Adam::Options().beta2, 0.999f);
    QCOMPARE(Adam::Options().epsilon, 1e-7f);
}

void TestOptimizers::statePerBlock()
{
    // Two blocks with different gradient histories move as two independent optimizers would.
    auto joint = makeOptimizer("rmsprop");
    auto alone = makeOptimizer("rmsprop");
    Matrix a = Matrix::Constant(2, 2, 1.0f), b = Matrix::Constant(1, 3, 1.0f), c = Matrix::Constant(1, 3, 1.0f);
    Matrix ga(2, 2), gb(1, 3), gc(1, 3);
    const std::vector<ParameterBlock> both{{"a", &a, &ga}, {"b", &b, &gb}};
    const std::vector<ParameterBlock> single{{"c", &c, &gc}};
    for (int step = 0; step < 3; ++step) {
        ga.setConstant(10.0f * s_gradients[step]);
        gb.setConstant(s_gradients[step]);
        gc.setConstant(s_gradients[step]);
        joint->step(both);
        alone->step(single);
    }
    QVERIFY(b == c);
}

void TestOptimizers::learningRateChangesBetweenSteps()
{
    Sgd sgd({0.1f, 0.0f, Nesterov::Off});
    Matrix value = Matrix::Constant(1, 1, 1.0f), gradient = Matrix::Constant(1, 1, 1.0f);
    const std::vector<ParameterBlock> blocks{{"w", &value, &gradient}};
    sgd.step(blocks);
    sgd.setLearningRate(0.5f);
    QCOMPARE(sgd.learningRate(), 0.5f);
    sgd.step(blocks);
    QVERIFY(std::abs(value(0, 0) - (1.0f - 0.1f - 0.5f)) < 1e-6f);
}

void TestOptimizers::largeBlocksMatchSmallOnes_data()
{
    QTest::addColumn<QString>("optimizer");
    for (const char *name : {"sgd-nesterov", "rmsprop", "rmsprop-centered", "adam"})
        QTest::newRow(name) << name;
}

void TestOptimizers::largeBlocksMatchSmallOnes()
{
    // Above the threshold the update runs chunked on OpenMP threads: every element must still
    // follow the same rule as a one-element block.
    QFETCH(QString, optimizer);
    auto big = makeOptimizer(optimizer);
    auto small = makeOptimizer(optimizer);
    Matrix bigValue = Matrix::Constant(300, 1000, 1.0f), bigGradient(300, 1000);
    Matrix smallValue = Matrix::Constant(1, 1, 1.0f), smallGradient(1, 1);
    for (int step = 0; step < 3; ++step) {
        bigGradient.setConstant(s_gradients[step]);
        smallGradient.setConstant(s_gradients[step]);
        big->step({{"w", &bigValue, &bigGradient}});
        small->step({{"w", &smallValue, &smallGradient}});
    }
    QVERIFY((bigValue.array() == smallValue(0, 0)).all());
}

void TestOptimizers::resetForgetsState()
{
    auto opt = makeOptimizer("adam");
    Matrix value = Matrix::Constant(1, 1, 1.0f), gradient = Matrix::Constant(1, 1, 0.5f);
    const std::vector<ParameterBlock> blocks{{"w", &value, &gradient}};
    opt->step(blocks);
    opt->step(blocks);
    opt->reset();
    QCOMPARE(opt->iterations(), std::int64_t(0));
    value.setConstant(1.0f);
    opt->step(blocks);
    QVERIFY(std::abs(value(0, 0) - 0.990000063) < 2e-6);
}

QTEST_APPLESS_MAIN(TestOptimizers)
#include "tst_optimizers.moc"
