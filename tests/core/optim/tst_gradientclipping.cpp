// Gradient clipping (Keras' clipnorm / clipvalue) on every optimizer, against hand-computed steps.
// Two steps on one 1x3 block from w = 1 with gradients g1 = (3, -4, 0) (norm 5) and
// g2 = (0.3, 0.2, -0.5) (norm 0.616): clipnorm 1 rescales g1 to (0.6, -0.8, 0) and leaves g2;
// clipvalue 0.4 gives (0.4, -0.4, 0) and (0.3, 0.2, -0.4); both (1, 0.7) give (0.6, -0.7, 0) and g2.
// SGD by hand, e.g. momentum 0.9, lr 0.1, clipnorm: v1 = (-0.06, 0.08, 0), w1 = (0.94, 1.08, 1);
// v2 = (-0.084, 0.052, 0.05), w2 = (0.856, 1.132, 1.05). RMSprop and Adam: the same clipped
// gradients through the rules in RmsProp.h / Adam.h, evaluated in double precision by a ten-line
// Python script (plain floats, no library), printed to 9 digits.
#include "core/optim/Adam.h"
#include "core/optim/RmsProp.h"
#include "core/optim/Sgd.h"

#include <QtTest>

#include <array>
#include <cmath>
#include <limits>
#include <memory>

using namespace loupe;

using Weights3 = std::array<double, 3>;
Q_DECLARE_METATYPE(Weights3)

namespace {

std::unique_ptr<Optimizer> makeClippedOptimizer(const QString &name, GradientClipping clipping)
{
    std::unique_ptr<Optimizer> optimizer;
    if (name == "sgd-momentum")
        optimizer = std::make_unique<Sgd>(Sgd::Options{0.1f, 0.9f, Nesterov::Off});
    else if (name == "rmsprop")
        optimizer = std::make_unique<RmsProp>(RmsProp::Options{0.01f, 0.9f, 0.0f, 1e-7f, Centered::Off});
    else
        optimizer = std::make_unique<Adam>(Adam::Options{0.01f, 0.9f, 0.999f, 1e-7f});
    optimizer->setGradientClipping(clipping);
    return optimizer;
}

} // namespace

class TestGradientClipping : public QObject {
    Q_OBJECT

private slots:
    void handComputedSteps_data();
    void handComputedSteps();
    void normIsPerTensorNotGlobal();
    void layerGradientIsLeftAlone();
    void largeBlockClipsLikeSmallOne();
    void nonFiniteGradientsStayVisible();
};

void TestGradientClipping::handComputedSteps_data()
{
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<float>("clipNorm");
    QTest::addColumn<float>("clipValue");
    QTest::addColumn<Weights3>("expected");
    QTest::newRow("sgd none") << "sgd-momentum" << 0.0f << 0.0f << Weights3{0.4, 1.74, 1.05};
    QTest::newRow("sgd clipnorm") << "sgd-momentum" << 1.0f << 0.0f << Weights3{0.856, 1.132, 1.05};
    QTest::newRow("sgd clipvalue") << "sgd-momentum" << 0.0f << 0.4f << Weights3{0.894, 1.056, 1.04};
    QTest::newRow("sgd both") << "sgd-momentum" << 1.0f << 0.7f << Weights3{0.856, 1.113, 1.05};
    QTest::newRow("rmsprop none") << "rmsprop" << 0.0f << 0.0f << Weights3{0.965062259, 1.029958418, 1.031622757};
    QTest::newRow("rmsprop clipnorm") << "rmsprop" << 1.0f << 0.0f << Weights3{0.953633052, 1.023564538, 1.031622757};
    QTest::newRow("rmsprop clipvalue") << "rmsprop" << 0.0f << 0.4f << Weights3{0.948765648, 1.016878567, 1.031622752};
    QTest::newRow("rmsprop both") << "rmsprop" << 1.0f << 0.7f << Weights3{0.953633052, 1.022503551, 1.031622757};
    QTest::newRow("adam none") << "adam" << 0.0f << 0.0f << Weights3{0.982591912, 1.016320412, 1.007441321};
    QTest::newRow("adam clipnorm") << "adam" << 1.0f << 0.0f << Weights3{0.980678300, 1.014694624, 1.007441321};
    QTest::newRow("adam clipvalue") << "adam" << 0.0f << 0.4f << Weights3{0.980174390, 1.012663273, 1.007441309};
    QTest::newRow("adam both") << "adam" << 1.0f << 0.7f << Weights3{0.980678300, 1.014397216, 1.007441321};
}

void TestGradientClipping::handComputedSteps()
{
    QFETCH(QString, optimizer);
    QFETCH(float, clipNorm);
    QFETCH(float, clipValue);
    QFETCH(Weights3, expected);
    auto opt = makeClippedOptimizer(optimizer, GradientClipping{clipNorm, clipValue});
    Matrix value = Matrix::Constant(1, 3, 1.0f);
    Matrix gradient(1, 3);
    const std::vector<ParameterBlock> blocks{{"w", &value, &gradient}};
    gradient << 3.0f, -4.0f, 0.0f;
    opt->step(blocks);
    gradient << 0.3f, 0.2f, -0.5f;
    opt->step(blocks);
    for (int i = 0; i < 3; ++i)
        QVERIFY2(std::abs(value(0, i) - expected[std::size_t(i)]) < 2e-6,
                 qPrintable(QString("w[%1] = %2, expected %3").arg(i).arg(double(value(0, i)), 0, 'g', 9).arg(expected[std::size_t(i)], 0, 'g', 9)));
}

void TestGradientClipping::normIsPerTensorNotGlobal()
{
    // Plain SGD, lr 1: a block of norm 5 is scaled to norm 1, a block of norm 0.5 is not touched
    // (a global norm of sqrt(25.25) would have scaled both).
    Sgd sgd(Sgd::Options{1.0f, 0.0f, Nesterov::Off});
    sgd.setGradientClipping(GradientClipping{1.0f, 0.0f});
    Matrix a = Matrix::Zero(1, 2), ga(1, 2), b = Matrix::Zero(1, 2), gb(1, 2);
    ga << 3.0f, -4.0f;
    gb << 0.3f, -0.4f;
    sgd.step({{"a", &a, &ga}, {"b", &b, &gb}});
    QCOMPARE(a(0, 0), -0.6f);
    QCOMPARE(a(0, 1), 0.8f);
    QCOMPARE(b(0, 0), -0.3f);
    QCOMPARE(b(0, 1), 0.4f);
}

void TestGradientClipping::layerGradientIsLeftAlone()
{
    Sgd sgd(Sgd::Options{1.0f, 0.0f, Nesterov::Off});
    sgd.setGradientClipping(GradientClipping{1.0f, 0.5f});
    Matrix w = Matrix::Zero(1, 2), g(1, 2);
    g << 3.0f, -4.0f;
    sgd.step({{"w", &w, &g}});
    QCOMPARE(g(0, 0), 3.0f);
    QCOMPARE(g(0, 1), -4.0f);
    QCOMPARE(w(0, 0), -0.5f); // (0.6, -0.8) then clamped to 0.5
    QCOMPARE(w(0, 1), 0.5f);
}

void TestGradientClipping::largeBlockClipsLikeSmallOne()
{
    // 400 x 400 takes the threaded path; every element equals 1, so the norm is 400 and clipnorm 4
    // makes each element 0.01: one SGD step at lr 1 moves every weight by exactly -0.01.
    Sgd sgd(Sgd::Options{1.0f, 0.0f, Nesterov::Off});
    sgd.setGradientClipping(GradientClipping{4.0f, 0.0f});
    Matrix w = Matrix::Zero(400, 400), g = Matrix::Constant(400, 400, 1.0f);
    sgd.step({{"w", &w, &g}});
    QVERIFY(std::abs(w.minCoeff() + 0.01f) < 1e-7f);
    QVERIFY(std::abs(w.maxCoeff() + 0.01f) < 1e-7f);
}

void TestGradientClipping::nonFiniteGradientsStayVisible()
{
    // Clipping must not hide a blow-up from the divergence guards: as tf.clip_by_norm, an infinite
    // element makes the norm infinite, the finite elements 0 and itself NaN; clipvalue keeps NaN.
    Sgd byNorm(Sgd::Options{1.0f, 0.0f, Nesterov::Off});
    byNorm.setGradientClipping(GradientClipping{1.0f, 0.0f});
    Matrix w = Matrix::Zero(1, 2), g(1, 2);
    g << std::numeric_limits<float>::infinity(), 1.0f;
    byNorm.step({{"w", &w, &g}});
    QVERIFY(std::isnan(w(0, 0)));
    QCOMPARE(w(0, 1), 0.0f);
    Sgd byValue(Sgd::Options{1.0f, 0.0f, Nesterov::Off});
    byValue.setGradientClipping(GradientClipping{0.0f, 1.0f});
    Matrix v = Matrix::Zero(1, 2), h(1, 2);
    h << std::numeric_limits<float>::quiet_NaN(), 5.0f;
    byValue.step({{"v", &v, &h}});
    QVERIFY(std::isnan(v(0, 0)));
    QCOMPARE(v(0, 1), -1.0f);
}

QTEST_APPLESS_MAIN(TestGradientClipping)
#include "tst_gradientclipping.moc"
