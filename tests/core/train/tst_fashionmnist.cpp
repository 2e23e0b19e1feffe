// The chapter's model, one epoch on Fashion-MNIST's 60,000 training images, for the shipped seed
// and two others. Test accuracy after a single RMSprop epoch depends on the seed (0.80 to 0.85
// over twelve seeds, mean 0.833; PyTorch's runs of the same model spread the same way), so the
// test asks for a mean of at least 0.82 and no run below 0.79 - enough to catch a broken layer,
// loss or optimizer without failing on an unlucky draw. Skipped when the dataset is not
// installed (Debian package dataset-fashion-mnist).
#include "core/data/IdxReader.h"

#include <QtTest>

#include "TrainTestSupport.h"
#include "tests/support/RequiredResource.h"

#include <filesystem>

using namespace loupe;
using namespace loupe::test;

class TestFashionMnist : public QObject {
    Q_OBJECT

private slots:
    void chapterModelOneEpoch();
};

void TestFashionMnist::chapterModelOneEpoch()
{
    const std::string dir = defaultFashionMnistDir();
    if (!std::filesystem::exists(dir + "/train-images-idx3-ubyte.gz"))
        LOUPE_REQUIRE_RESOURCE(QString::fromStdString("Fashion-MNIST not found in " + dir));
    auto train = loadMnistSplit(dir, "train");
    auto test = loadMnistSplit(dir, "t10k");
    QVERIFY2(train.isOk(), train.message().c_str());
    QVERIFY2(test.isOk(), test.message().c_str());
    const auto features = static_cast<Index>(train.value().features);
    auto trainSet = TrainingSet::fromLabels(std::move(train.value().pixels), features, train.value().labels, 10);
    auto testSet = TrainingSet::fromLabels(std::move(test.value().pixels), features, test.value().labels, 10);
    QVERIFY(trainSet.isOk() && testSet.isOk());
    auto spec = ModelSpec::fromFile(LOUPE_SOURCE_DIR "/resources/models/chapter-mlp.json");
    QVERIFY2(spec.isOk(), spec.message().c_str());

    double sum = 0.0;
    const std::vector<std::uint64_t> seeds{spec.value().seed, 1, 2};
    for (std::uint64_t seed : seeds) {
        spec.value().seed = seed;
        auto model = ModelFactory::buildModel(spec.value(), features);
        QVERIFY2(model.isOk(), model.message().c_str());
        Trainer trainer(model.value(), ModelFactory::buildOptimizer(spec.value().optimizer), ModelFactory::buildLoss(spec.value()));
        QVERIFY(ModelFactory::configureTrainer(spec.value(), trainer).isOk());
        const TrainResult result = trainer.fit(trainSet.value());
        QVERIFY2(result.status.isOk(), result.status.message().c_str());
        QCOMPARE(result.stepsCompleted, std::int64_t(469));
        const Evaluation evaluation = trainer.evaluate(testSet.value());
        qInfo("seed %llu: one epoch %.2f s, train loss %.4f, test loss %.4f, test accuracy %.4f",
              static_cast<unsigned long long>(seed), result.seconds, result.lastEpoch->loss, evaluation.loss,
              evaluation.accuracy);
        QVERIFY2(evaluation.accuracy >= 0.79,
                 qPrintable(QString("seed %1: test accuracy %2 after one epoch, want >= 0.79").arg(seed).arg(evaluation.accuracy)));
        sum += evaluation.accuracy;
    }
    const double mean = sum / double(seeds.size());
    QVERIFY2(mean >= 0.82, qPrintable(QString("mean test accuracy %1 after one epoch, want >= 0.82").arg(mean)));
}

QTEST_APPLESS_MAIN(TestFashionMnist)
#include "tst_fashionmnist.moc"
