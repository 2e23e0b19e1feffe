// IdxReader and loadMnistSplit on tiny fixtures (tests/fixtures/idx, made by make_fixtures.py)
// and, when the Debian package dataset-fashion-mnist is installed, on the real Fashion-MNIST files.
#include "core/data/IdxReader.h"
#include "core/util/Timer.h"
#include "tests/support/RequiredResource.h"

#include <QtTest>

#include <algorithm>
#include <array>
#include <filesystem>

using namespace loupe;

namespace {

std::string fixture(const char *name)
{
    return std::string(LOUPE_FIXTURES_DIR) + "/idx/" + name;
}

// The bytes make_fixtures.py writes into the images-ok files.
std::vector<std::uint8_t> expectedImageBytes()
{
    std::vector<std::uint8_t> bytes;
    for (int i = 0; i < 5 * 2 * 3; ++i)
        bytes.push_back(static_cast<std::uint8_t>((i * 37 + 11) % 256));
    return bytes;
}

} // namespace

class TestIdxReader : public QObject {
    Q_OBJECT

private slots:
    void readsLabels();
    void readsImages_data();
    void readsImages();
    void rejectsBrokenFiles_data();
    void rejectsBrokenFiles();
    void missingFileIsIoError();
    void loadsMiniatureSplit();
    void rejectsMismatchedSplit();
    void rejectsUnknownSplit();
    void defaultDirectoryFollowsEnvironment();
    void fashionMnistTrain();
    void fashionMnistTest();
};

void TestIdxReader::readsLabels()
{
    const Result<IdxArray> result = IdxReader::readFile(fixture("labels-ok.idx1"));
    QVERIFY2(result.isOk(), result.message().c_str());
    QCOMPARE(result.value().shape, std::vector<std::uint32_t>{5});
    QCOMPARE(result.value().data, (std::vector<std::uint8_t>{0, 3, 9, 1, 7}));
}

void TestIdxReader::readsImages_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("plain") << "images-ok.idx3";
    QTest::newRow("gzip") << "images-ok.idx3.gz";
}

void TestIdxReader::readsImages()
{
    QFETCH(QString, file);
    const Result<IdxArray> result = IdxReader::readFile(fixture(qPrintable(file)));
    QVERIFY2(result.isOk(), result.message().c_str());
    QCOMPARE(result.value().shape, (std::vector<std::uint32_t>{5, 2, 3}));
    QCOMPARE(result.value().data, expectedImageBytes());
}

void TestIdxReader::rejectsBrokenFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected"); // a phrase the message must contain
    QTest::newRow("empty") << "empty.idx" << "file is empty";
    QTest::newRow("short-magic") << "short-magic.idx" << "inside the 4-byte IDX magic";
    QTest::newRow("png-not-idx") << "wrong-magic.idx" << "not an IDX file (magic number 0x89504E47";
    QTest::newRow("float-type") << "float-type.idx3" << "type code 0x0D";
    QTest::newRow("zero-dimensions") << "zero-dims.idx" << "declares 0 dimensions";
    QTest::newRow("header-truncated") << "header-truncated.idx3" << "header truncated";
    QTest::newRow("labels-truncated") << "labels-truncated.idx1" << "need 10 data bytes but only 4";
    QTest::newRow("gzip-payload-truncated") << "images-truncated.idx3.gz" << "need 30 data bytes but only 20";
    QTest::newRow("gzip-stream-cut") << "stream-cut.idx3.gz" << "compressed data is damaged";
    QTest::newRow("trailing-bytes") << "labels-trailing.idx1" << "trailing bytes";
    QTest::newRow("implausible-dims") << "huge-dims.idx3" << "implausible dimensions";
}

void TestIdxReader::rejectsBrokenFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, expected);
    const std::string path = fixture(qPrintable(file));
    QVERIFY(std::filesystem::exists(path));
    const Result<IdxArray> result = IdxReader::readFile(path);
    QVERIFY(!result.isOk());
    QCOMPARE(result.status().code(), StatusCode::InvalidInput);
    const QString message = QString::fromStdString(result.message());
    QVERIFY2(message.startsWith(QString::fromStdString(path)), qPrintable("message does not name the file: " + message));
    QVERIFY2(message.contains(expected), qPrintable("unexpected message: " + message));
}

void TestIdxReader::missingFileIsIoError()
{
    const std::string path = fixture("no-such-file.idx3");
    const Result<IdxArray> result = IdxReader::readFile(path);
    QVERIFY(!result.isOk());
    QCOMPARE(result.status().code(), StatusCode::IoError);
    QVERIFY(result.message().find(path) != std::string::npos);
}

void TestIdxReader::loadsMiniatureSplit()
{
    const Result<ImageDataset> result = loadMnistSplit(fixture("mnist-mini"), "train");
    QVERIFY2(result.isOk(), result.message().c_str());
    const ImageDataset &data = result.value();
    QCOMPARE(data.count, std::size_t(3));
    QCOMPARE(data.features, std::size_t(16));
    QCOMPARE(data.labels, (std::vector<std::uint8_t>{2, 0, 9}));
    QCOMPARE(data.pixels.size(), std::size_t(48));
    for (std::size_t i = 0; i < data.pixels.size(); ++i)
        QCOMPARE(data.pixels[i], static_cast<float>((i * 53) % 256) / 255.0f);
}

void TestIdxReader::rejectsMismatchedSplit()
{
    const Result<ImageDataset> result = loadMnistSplit(fixture("mnist-mini"), "t10k");
    QVERIFY(!result.isOk());
    QVERIFY2(result.message().find("has 3 images but") != std::string::npos, result.message().c_str());
    QVERIFY2(result.message().find("t10k-labels-idx1-ubyte.gz has 2 labels") != std::string::npos,
             result.message().c_str());
}

void TestIdxReader::rejectsUnknownSplit()
{
    const Result<ImageDataset> result = loadMnistSplit(fixture("mnist-mini"), "validation");
    QVERIFY(!result.isOk());
    QVERIFY(result.message().find("'validation'") != std::string::npos);
}

void TestIdxReader::defaultDirectoryFollowsEnvironment()
{
    const QByteArray saved = qgetenv("LOUPE_FASHION_MNIST_DIR");
    qunsetenv("LOUPE_FASHION_MNIST_DIR");
    QCOMPARE(QString::fromStdString(defaultFashionMnistDir()), QStringLiteral("/usr/share/datasets/fashion-mnist"));
    qputenv("LOUPE_FASHION_MNIST_DIR", "/data/fmnist");
    QCOMPARE(QString::fromStdString(defaultFashionMnistDir()), QStringLiteral("/data/fmnist"));
    if (saved.isNull())
        qunsetenv("LOUPE_FASHION_MNIST_DIR");
    else
        qputenv("LOUPE_FASHION_MNIST_DIR", saved);
}

void TestIdxReader::fashionMnistTrain()
{
    const std::string dir = "/usr/share/datasets/fashion-mnist";
    if (!std::filesystem::exists(dir + "/train-images-idx3-ubyte.gz"))
        LOUPE_REQUIRE_RESOURCE(QStringLiteral("Fashion-MNIST is not installed (Debian package dataset-fashion-mnist)"));
    const Result<IdxArray> images = IdxReader::readFile(dir + "/train-images-idx3-ubyte.gz");
    QVERIFY2(images.isOk(), images.message().c_str());
    QCOMPARE(images.value().shape, (std::vector<std::uint32_t>{60000, 28, 28}));

    Timer timer;
    const Result<ImageDataset> result = loadMnistSplit(dir, "train");
    const double seconds = timer.seconds();
    QVERIFY2(result.isOk(), result.message().c_str());
    const ImageDataset &data = result.value();
    QCOMPARE(data.count, std::size_t(60000));
    QCOMPARE(data.features, std::size_t(784));
    QCOMPARE(data.pixels.size(), std::size_t(60000) * 784);
    // Fashion-MNIST's training split is balanced: 6000 of each of the ten classes.
    std::array<std::size_t, 10> perClass{};
    for (std::uint8_t label : data.labels) {
        QVERIFY(label <= 9);
        ++perClass[label];
    }
    for (std::size_t count : perClass)
        QCOMPARE(count, std::size_t(6000));
    const auto [lowest, highest] = std::minmax_element(data.pixels.begin(), data.pixels.end());
    QCOMPARE(*lowest, 0.0f);
    QCOMPARE(*highest, 1.0f);
    qInfo("train split: 60000 images loaded and scaled in %.3f s", seconds);
}

void TestIdxReader::fashionMnistTest()
{
    const std::string dir = "/usr/share/datasets/fashion-mnist";
    if (!std::filesystem::exists(dir + "/t10k-images-idx3-ubyte.gz"))
        LOUPE_REQUIRE_RESOURCE(QStringLiteral("Fashion-MNIST is not installed (Debian package dataset-fashion-mnist)"));
    const Result<ImageDataset> result = loadMnistSplit(dir, "t10k");
    QVERIFY2(result.isOk(), result.message().c_str());
    QCOMPARE(result.value().count, std::size_t(10000));
    QCOMPARE(result.value().features, std::size_t(784));
    QVERIFY(std::all_of(result.value().labels.begin(), result.value().labels.end(),
                        [](std::uint8_t label) { return label <= 9; }));
}

QTEST_APPLESS_MAIN(TestIdxReader)
#include "tst_idxreader.moc"
