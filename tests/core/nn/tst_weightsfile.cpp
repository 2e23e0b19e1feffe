// WeightsFile: save/load round trip, and every way a file can be wrong is a clear error that
// names the file and leaves the model untouched.
#include "core/nn/Dense.h"
#include "core/nn/Dropout.h"
#include "core/nn/Sequential.h"
#include "core/nn/WeightsFile.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <iterator>
#include <memory>

using namespace loupe;

namespace {

Sequential makeModel(Index hidden, std::uint64_t seed, bool withDropout = true)
{
    Sequential model;
    model.add(std::make_unique<Dense>(hidden, Activation::Relu));
    if (withDropout)
        model.add(std::make_unique<Dropout>(0.2f));
    model.add(std::make_unique<Dense>(3, Activation::Softmax));
    const Status status = model.build(5, seed);
    Q_ASSERT(status.isOk());
    return model;
}

std::vector<unsigned char> readBytes(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::string &path, const std::vector<unsigned char> &bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char *>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

bool sameWeights(const Sequential &a, const Sequential &b)
{
    const auto wa = a.weights(), wb = b.weights();
    if (wa.size() != wb.size())
        return false;
    for (std::size_t i = 0; i < wa.size(); ++i) {
        if (wa[i].rows() != wb[i].rows() || wa[i].cols() != wb[i].cols() || wa[i] != wb[i])
            return false;
    }
    return true;
}

} // namespace

class TestWeightsFile : public QObject {
    Q_OBJECT

private slots:
    void roundTrip();
    void overwriteLeavesNoTemporary();
    void corruptFiles_data();
    void corruptFiles();
    void mismatchedModels_data();
    void mismatchedModels();
    void emptyBlockReads();
    void missingFile();
    void unwritablePath();

private:
    QTemporaryDir m_dir;
};

void TestWeightsFile::roundTrip()
{
    const std::string path = m_dir.filePath("model.weights").toStdString();
    Sequential saved = makeModel(4, 1);
    QVERIFY(WeightsFile::save(path, saved).isOk());
    Sequential loaded = makeModel(4, 2);
    QVERIFY(!sameWeights(saved, loaded));
    const Status status = WeightsFile::load(path, loaded);
    QVERIFY2(status.isOk(), status.message().c_str());
    QVERIFY(sameWeights(saved, loaded));

    // Header as documented: magic, version 1, layer count 3.
    const auto bytes = readBytes(path);
    QCOMPARE(std::string(bytes.begin(), bytes.begin() + 6), std::string("LOUPEW"));
    QCOMPARE(int(bytes[6] | (bytes[7] << 8)), 1);
    QCOMPARE(int(bytes[8]), 3);
    const auto contents = WeightsFile::read(path);
    QVERIFY(contents.isOk());
    QCOMPARE(contents.value().size(), std::size_t(3));
    QCOMPARE(contents.value()[1].type, std::string("dropout"));
    QCOMPARE(contents.value()[0].blocks[0].rows(), Index(5));
    QCOMPARE(contents.value()[0].blocks[0].cols(), Index(4));
}

void TestWeightsFile::overwriteLeavesNoTemporary()
{
    const std::string path = m_dir.filePath("twice.weights").toStdString();
    Sequential model = makeModel(4, 1);
    QVERIFY(WeightsFile::save(path, model).isOk());
    QVERIFY(WeightsFile::save(path, model).isOk());
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Hidden | QDir::Files).filter(QStringLiteral(".twice.weights.")),
             QStringList());
    QVERIFY(WeightsFile::load(path, model).isOk());
}

void TestWeightsFile::corruptFiles_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("expected");
    QTest::newRow("truncated-in-data") << "cut:-20" << "truncated: its header describes";
    QTest::newRow("truncated-checksum") << "cut:-3" << "truncated: its header describes";
    QTest::newRow("truncated-in-header") << "cut:12" << "truncated: the file ends inside its header";
    QTest::newRow("truncated-in-magic") << "cut:4" << "not a Loupe weights file";
    QTest::newRow("empty") << "cut:0" << "not a Loupe weights file";
    QTest::newRow("flipped-data-byte") << "flip:-30" << "checksum mismatch";
    QTest::newRow("flipped-checksum-byte") << "flip:-1" << "checksum mismatch";
    QTest::newRow("trailing-bytes") << "append" << "unexpected bytes after the data";
    QTest::newRow("foreign-png") << "png" << "not a Loupe weights file";
    QTest::newRow("future-version") << "version" << "unsupported weights format version 7 (this build reads version 1)";
    // A header claiming a 4294967295 x 4 kernel: rejected by size, nothing that big allocated.
    QTest::newRow("huge-shape-claim") << "huge" << "truncated: its header describes";
}

void TestWeightsFile::corruptFiles()
{
    QFETCH(QString, damage);
    QFETCH(QString, expected);
    const std::string good = m_dir.filePath("good.weights").toStdString();
    const std::string bad = m_dir.filePath("bad-" + damage.section(':', 0, 0) + ".weights").toStdString();
    Sequential model = makeModel(4, 1);
    QVERIFY(WeightsFile::save(good, model).isOk());
    std::vector<unsigned char> bytes = readBytes(good);
    const int offset = damage.section(':', 1, 1).toInt();
    const auto at = [&](int position) { return static_cast<std::size_t>(position < 0 ? int(bytes.size()) + position : position); };
    if (damage.startsWith("cut"))
        bytes.resize(at(offset));
    else if (damage.startsWith("flip"))
        bytes[at(offset)] ^= 0x40;
    else if (damage == "append")
        bytes.insert(bytes.end(), {1, 2, 3});
    else if (damage == "png")
        bytes = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    else if (damage == "version")
        bytes[6] = 7;
    else if (damage == "huge")
        std::fill(bytes.begin() + 22, bytes.begin() + 26, 0xFF); // layers[0] block 0 rows
    writeBytes(bad, bytes);

    Sequential target = makeModel(4, 9);
    const auto before = target.weights();
    const Status status = WeightsFile::load(bad, target);
    QVERIFY(!status.isOk());
    QCOMPARE(status.code(), StatusCode::InvalidInput);
    QVERIFY2(status.message().rfind(bad + ": ", 0) == 0, status.message().c_str());
    QVERIFY2(status.message().find(expected.toStdString()) != std::string::npos, status.message().c_str());
    const auto after = target.weights();
    for (std::size_t i = 0; i < before.size(); ++i)
        QVERIFY(before[i] == after[i]);
}

void TestWeightsFile::mismatchedModels_data()
{
    QTest::addColumn<int>("hidden");
    QTest::addColumn<bool>("dropout");
    QTest::addColumn<QString>("expected");
    QTest::newRow("other-width") << 6 << true
                                 << ": layers[0].kernel: shape mismatch: 5x4 in the file, 5x6 in the model";
    QTest::newRow("other-depth") << 4 << false << ": the file has 3 layers but the model has 2";
}

void TestWeightsFile::mismatchedModels()
{
    QFETCH(int, hidden);
    QFETCH(bool, dropout);
    QFETCH(QString, expected);
    const std::string path = m_dir.filePath("shape.weights").toStdString();
    Sequential saved = makeModel(4, 1);
    QVERIFY(WeightsFile::save(path, saved).isOk());
    Sequential other = makeModel(hidden, 1, dropout);
    const Status status = WeightsFile::load(path, other);
    QCOMPARE(status.code(), StatusCode::InvalidInput);
    QCOMPARE(QString::fromStdString(status.message()), QString::fromStdString(path) + expected);
}

// Found by fuzz_weightsfile under UBSan: a block of 0 values copied from a null pointer (undefined behaviour).
void TestWeightsFile::emptyBlockReads()
{
    std::vector<unsigned char> bytes = {'L', 'O', 'U', 'P', 'E', 'W', 1, 0, 1, 0, 0, 0, 5, 'd', 'e', 'n', 's', 'e',
                                        1, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0};
    const std::uint64_t sum = WeightsFile::checksum(bytes.data(), bytes.size());
    for (int i = 0; i < 8; ++i)
        bytes.push_back(static_cast<unsigned char>(sum >> (8 * i)));
    const std::string path = m_dir.filePath("empty-block.weights").toStdString();
    writeBytes(path, bytes);
    const auto contents = WeightsFile::read(path);
    QVERIFY2(contents.isOk(), contents.message().c_str());
    QCOMPARE(contents.value()[0].blocks[0].rows(), Index(0));
    QCOMPARE(contents.value()[0].blocks[0].cols(), Index(3));
}

void TestWeightsFile::missingFile()
{
    Sequential model = makeModel(4, 1);
    const std::string path = m_dir.filePath("absent.weights").toStdString();
    const Status status = WeightsFile::load(path, model);
    QCOMPARE(status.code(), StatusCode::IoError);
    QVERIFY2(status.message().rfind(path + ": cannot open", 0) == 0, status.message().c_str());
}

void TestWeightsFile::unwritablePath()
{
    Sequential model = makeModel(4, 1);
    const std::string path = m_dir.filePath("no-such-dir/model.weights").toStdString();
    const Status status = WeightsFile::save(path, model);
    QCOMPARE(status.code(), StatusCode::InvalidInput); // a path to nowhere is the caller's mistake (OutputPlan)
    QVERIFY2(status.message().rfind(path + ": the directory ", 0) == 0, status.message().c_str());
    QVERIFY2(status.message().find("does not exist") != std::string::npos, status.message().c_str());
}

QTEST_APPLESS_MAIN(TestWeightsFile)
#include "tst_weightsfile.moc"
