// Class weights in the cross-entropy losses (Loss::setClassWeights): the weighted loss is
// sum_r w(r) loss_r / rows with w(r) the weight of row r's class, the gradient is exactly the
// gradient of that loss (finite differences), and weights of 1 change nothing.

#include "GradientCheck.h"

#include "core/nn/BinaryCrossEntropy.h"
#include "core/nn/SoftmaxCrossEntropy.h"

#include <QtTest>

#include <memory>

using namespace loupe;
using namespace loupe::test;

namespace {

std::unique_ptr<Loss> makeLoss(const QString &kind)
{
    if (kind == "softmax")
        return std::make_unique<SoftmaxCrossEntropy>();
    if (kind == "bce-probabilities")
        return std::make_unique<BinaryCrossEntropy>(BinaryInput::Probabilities);
    return std::make_unique<BinaryCrossEntropy>(BinaryInput::Logits);
}

// Outputs and one-hot (or one 0/1 column) targets of `rows` rows; row r has class r % classes, except
// that the last class is given to every fourth row only (an imbalanced batch).
void makeBatch(const QString &kind, int columns, int classes, Matrix &output, Matrix &target)
{
    const Index rows = 8;
    RandomGenerator rng(33);
    output = kind == "bce-probabilities" ? randomMatrix(rows, columns, rng, 0.2f, 0.8f)
                                         : randomMatrix(rows, columns, rng, -2.0f, 2.0f);
    target = Matrix::Zero(rows, columns);
    for (Index r = 0; r < rows; ++r) {
        const Index label = r % 4 == 3 ? classes - 1 : r % (classes - 1);
        if (columns == 1)
            target(r, 0) = float(label);
        else
            target(r, label) = 1.0f;
    }
}

} // namespace

class TestWeightedLoss : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void gradientMatchesWeightedLoss_data();
    void gradientMatchesWeightedLoss();
    void valueIsWeightedMeanOfRows_data() { gradientMatchesWeightedLoss_data(); }
    void valueIsWeightedMeanOfRows();
    void unitWeightsChangeNothing_data() { gradientMatchesWeightedLoss_data(); }
    void unitWeightsChangeNothing();
    void handComputedBinaryCase();
};

void TestWeightedLoss::gradientMatchesWeightedLoss_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("classes");
    QTest::addColumn<QList<float>>("weights");
    QTest::newRow("softmax-2-balanced") << "softmax" << 2 << 2 << QList<float>{0.667f, 2.0f};
    QTest::newRow("softmax-3") << "softmax" << 3 << 3 << QList<float>{0.8f, 0.8f, 2.0f};
    QTest::newRow("bce-logits-1-column") << "bce-logits" << 1 << 2 << QList<float>{0.6f, 3.0f};
    QTest::newRow("bce-probabilities-1-column") << "bce-probabilities" << 1 << 2 << QList<float>{0.6f, 3.0f};
    QTest::newRow("bce-logits-one-hot") << "bce-logits" << 2 << 2 << QList<float>{0.5f, 4.0f};
}

void TestWeightedLoss::gradientMatchesWeightedLoss()
{
    QFETCH(QString, kind);
    QFETCH(int, columns);
    QFETCH(int, classes);
    QFETCH(QList<float>, weights);
    Matrix output, target;
    makeBatch(kind, columns, classes, output, target);
    auto loss = makeLoss(kind);
    loss->setClassWeights(std::vector<float>(weights.begin(), weights.end()));
    const std::string mismatch = checkLossGradient(*loss, output, target);
    QVERIFY2(mismatch.empty(), mismatch.c_str());
}

void TestWeightedLoss::valueIsWeightedMeanOfRows()
{
    QFETCH(QString, kind);
    QFETCH(int, columns);
    QFETCH(int, classes);
    QFETCH(QList<float>, weights);
    Matrix output, target;
    makeBatch(kind, columns, classes, output, target);
    const auto plain = makeLoss(kind);
    auto weighted = makeLoss(kind);
    weighted->setClassWeights(std::vector<float>(weights.begin(), weights.end()));
    double expected = 0.0;
    for (Index r = 0; r < output.rows(); ++r) {
        const ConstMatrixView row(output.data() + r * columns, 1, columns);
        const ConstMatrixView rowTarget(target.data() + r * columns, 1, columns);
        Index label = 0;
        if (columns == 1)
            label = target(r, 0) > 0.5f ? 1 : 0;
        else
            rowTarget.row(0).maxCoeff(&label);
        expected += double(weights[label]) * plain->value(row, rowTarget);
    }
    expected /= double(output.rows());
    QVERIFY2(std::abs(weighted->value(constView(output), constView(target)) - expected) < 1e-9,
             qPrintable(QString::number(weighted->value(constView(output), constView(target))) + " vs "
                        + QString::number(expected)));
}

void TestWeightedLoss::unitWeightsChangeNothing()
{
    QFETCH(QString, kind);
    QFETCH(int, columns);
    QFETCH(int, classes);
    Matrix output, target;
    makeBatch(kind, columns, classes, output, target);
    const auto plain = makeLoss(kind);
    auto unit = makeLoss(kind);
    unit->setClassWeights(std::vector<float>(std::size_t(std::max(columns, 2)), 1.0f));
    Matrix plainGradient(output.rows(), output.cols());
    Matrix unitGradient(output.rows(), output.cols());
    const double a = plain->valueAndGradient(constView(output), constView(target), viewOf(plainGradient));
    const double b = unit->valueAndGradient(constView(output), constView(target), viewOf(unitGradient));
    QCOMPARE(a, b);
    QVERIFY(plainGradient == unitGradient);
}

// Two rows, logits 0 (p = 0.5): each row's loss is ln 2 and its unweighted gradient (0.5 - t) / 2.
// Weights {1, 3}: loss (1 ln2 + 3 ln2) / 2 = 2 ln 2; gradients 1 * 0.5 / 2 and 3 * (-0.5) / 2.
void TestWeightedLoss::handComputedBinaryCase()
{
    BinaryCrossEntropy loss(BinaryInput::Logits);
    loss.setClassWeights({1.0f, 3.0f});
    Matrix output = Matrix::Zero(2, 1);
    Matrix target(2, 1);
    target << 0.0f, 1.0f;
    Matrix gradient(2, 1);
    const double value = loss.valueAndGradient(constView(output), constView(target), viewOf(gradient));
    QVERIFY(std::abs(value - 2.0 * std::log(2.0)) < 1e-12);
    QCOMPARE(gradient(0, 0), 0.25f);
    QCOMPARE(gradient(1, 0), -0.75f);
}

QTEST_APPLESS_MAIN(TestWeightedLoss)
#include "tst_weightedloss.moc"
