// ModelSpecFit: whether a spec fits the data a FeaturePlan describes (inputs, outputs, loss), and
// the spec adapted to it, which then fits and parses back; hidden layers and training keys stay.

#include "core/train/ModelSpecFit.h"

#include <QtTest>

using namespace loupe;

namespace {

// `inputs` number features; `classes` class labels (0: a number target).
FeaturePlan planWith(int inputs, int classes)
{
    FeaturePlan plan;
    plan.target = "y";
    for (int i = 0; i < inputs; ++i) {
        FeatureColumn column;
        column.name = "x" + std::to_string(i);
        plan.columns.push_back(column);
    }
    for (int i = 0; i < classes; ++i)
        plan.classes.push_back(ClassCount{"c" + std::to_string(i), std::size_t(10 + i)});
    return plan;
}

ModelSpec specFrom(const QString &json)
{
    auto spec = ModelSpec::parse(json.toStdString());
    if (!spec.isOk())
        qFatal("spec does not parse: %s", spec.message().c_str());
    return spec.takeValue();
}

const char *s_chapter = R"({"name": "chapter", "input": {"features": 784}, "layers": [
    {"type": "dense", "units": 16, "activation": "relu"}, {"type": "dropout", "rate": 0.2},
    {"type": "dense", "units": 10, "activation": "softmax"}], "loss": "categorical_crossentropy", "epochs": 3})";

} // namespace

class TestModelSpecFit : public QObject {
    Q_OBJECT

private slots:
    void checkAndAdapt_data();
    void checkAndAdapt();
    void describeSaysBothSides();
};

void TestModelSpecFit::checkAndAdapt_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("inputs");
    QTest::addColumn<int>("classes");
    QTest::addColumn<bool>("inputFits");
    QTest::addColumn<bool>("outputFits");
    QTest::addColumn<int>("adaptedUnits");
    QTest::addColumn<int>("adaptedLoss");
    const QString twoSoftmax = R"({"layers": [{"type": "dense", "units": 2, "activation": "softmax"}],
                                   "loss": "categorical_crossentropy"})";
    const QString oneSigmoid = R"({"layers": [{"type": "dense", "units": 1, "activation": "sigmoid"}],
                                   "loss": "binary_crossentropy"})";
    const QString trailingSoftmax = R"({"layers": [{"type": "dense", "units": 10},
                                        {"type": "activation", "activation": "softmax"}],
                                        "loss": "categorical_crossentropy"})";
    QTest::newRow("chapter spec on a binary CSV") << QString::fromLatin1(s_chapter) << 27 << 2 << false << false << 2
                                                  << int(LossKind::CategoricalCrossEntropy);
    QTest::newRow("inputs from the data, two softmax units")
        << twoSoftmax << 5 << 2 << true << true << 2 << int(LossKind::CategoricalCrossEntropy);
    QTest::newRow("one sigmoid unit fits two classes")
        << oneSigmoid << 5 << 2 << true << true << 1 << int(LossKind::BinaryCrossEntropy);
    QTest::newRow("one sigmoid unit, three classes")
        << oneSigmoid << 5 << 3 << true << false << 3 << int(LossKind::CategoricalCrossEntropy);
    QTest::newRow("a number target") << twoSoftmax << 5 << 0 << true << false << 1 << int(LossKind::MeanSquaredError);
    QTest::newRow("an activation layer after the output")
        << trailingSoftmax << 4 << 3 << true << false << 3 << int(LossKind::CategoricalCrossEntropy);
}

void TestModelSpecFit::checkAndAdapt()
{
    QFETCH(QString, spec);
    QFETCH(int, inputs);
    QFETCH(int, classes);
    QFETCH(bool, inputFits);
    QFETCH(bool, outputFits);
    QFETCH(int, adaptedUnits);
    QFETCH(int, adaptedLoss);
    const ModelSpec original = specFrom(spec);
    const FeaturePlan plan = planWith(inputs, classes);
    const SpecFit fit = ModelSpecFit::check(original, plan);
    QCOMPARE(fit.inputFits, inputFits);
    QCOMPARE(fit.outputFits, outputFits);
    QCOMPARE(fit.dataInputs, Index(inputs));

    const ModelSpec adapted = ModelSpecFit::adapt(original, plan);
    QVERIFY2(ModelSpecFit::check(adapted, plan).fits(), ModelSpecFit::check(adapted, plan).describe().c_str());
    QCOMPARE(adapted.inputFeatures, Index(0));
    QCOMPARE(int(adapted.loss), adaptedLoss);
    auto reparsed = ModelSpec::parse(adapted.toJsonText());
    QVERIFY2(reparsed.isOk(), reparsed.message().c_str());
    QCOMPARE(reparsed.value().layers.back().kind, LayerKind::Dense);
    QCOMPARE(int(reparsed.value().layers.back().units), adaptedUnits);
    QCOMPARE(reparsed.value().epochs, original.epochs);
    if (original.layers.size() == 3) // the chapter's hidden layers stay
        QCOMPARE(reparsed.value().layers.size(), std::size_t(3));
}

void TestModelSpecFit::describeSaysBothSides()
{
    const SpecFit fit = ModelSpecFit::check(specFrom(QString::fromLatin1(s_chapter)), planWith(27, 2));
    QCOMPARE(QString::fromStdString(fit.describe()),
             QStringLiteral("the spec expects 784 inputs and 10 output(s); the data gives 27 inputs and 2 classes"));
}

QTEST_APPLESS_MAIN(TestModelSpecFit)
#include "tst_modelspecfit.moc"
