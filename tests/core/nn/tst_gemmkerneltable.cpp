// The GEMM kernel cache is an input like any other: every malformed, mistyped, foreign or hostile
// file is refused with a message naming what is wrong, and the table then measures again and
// replaces the file, never crashes or runs a kernel the file made up. A valid file round-trips
// and is used without measuring.
#include "core/nn/GemmKernelTable.h"
#include "core/util/JsonReader.h"

#include <QtTest>

#include <QTemporaryDir>

#include <fstream>
#include <string>

using namespace loupe;

namespace {

std::string validCache(const std::string &key)
{
    GemmChoices choices;
    GemmChoice choice;
    choice.kernel = GemmKernel::EigenWhole;
    choice.gflops = {{GemmKernel::EigenSplit, 100.0}, {GemmKernel::EigenWhole, 120.5}};
    choices.emplace(GemmShape{GemmProduct::Forward, 128, 512, 784, 2}, choice);
    return GemmKernelCache::serialize(choices, key);
}

// A valid document with `entry` as its only choice.
std::string cacheWithEntry(const std::string &key, const std::string &entry)
{
    return R"({"format": "loupe-gemm-kernels", "version": 1, "machine": )" + nlohmann::json(key).dump()
        + R"(, "choices": [)" + entry + "]}";
}

void writeFile(const QString &path, const std::string &bytes)
{
    std::ofstream out(path.toStdString(), std::ios::binary | std::ios::trunc);
    out << bytes;
}

GemmKernelTable::Options quickOptions(const QString &file)
{
    GemmKernelTable::Options options;
    options.cacheFile = file.toStdString();
    options.rounds = 1;
    options.secondsPerRound = 0.0002;
    return options;
}

} // namespace

class TestGemmKernelTable : public QObject {
    Q_OBJECT

private slots:
    void refusesBadCache_data();
    void refusesBadCache();
    void validCacheRoundTrips();
    void tableUsesValidCacheWithoutMeasuring();
    void tableRemeasuresAfterBadCache_data();
    void tableRemeasuresAfterBadCache();
    void unwritableCacheOnlyCostsAMeasurement();
    void forcedKernelWins();
    void smallProductsAreNotMeasured();
    void machineKeyNamesFeaturesNotNames();
};

void TestGemmKernelTable::refusesBadCache_data()
{
    const std::string key = GemmKernelCache::machineKey();
    const std::string good = R"({"product": "forward", "m": 128, "n": 512, "k": 784, "threads": 2, "kernel": "eigen-split"})";
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("mentions");
    const auto add = [](const char *name, const std::string &text, const char *mentions) {
        QTest::newRow(name) << QByteArray::fromStdString(text) << QString::fromUtf8(mentions);
    };
    add("empty", "", "");
    add("not-json", "gemm kernels", "");
    add("truncated", validCache(key).substr(0, 40), "");
    add("binary", std::string("\0\xff\xfe{\x01", 5), "");
    add("array-root", "[]", "(root)");
    add("no-format", R"({"version": 1})", "format");
    add("other-format", R"({"format": "loupe-weights", "version": 1})", "format");
    add("version-2", R"({"format": "loupe-gemm-kernels", "version": 2})", "version");
    add("version-text", R"({"format": "loupe-gemm-kernels", "version": "1"})", "version");
    add("machine-number", R"({"format": "loupe-gemm-kernels", "version": 1, "machine": 7})", "machine");
    add("other-machine", validCache("cpu=sse4.2;build=sse;eigen=3.4.0;openblas=none"), "another machine");
    add("choices-object", R"({"format": "loupe-gemm-kernels", "version": 1, "machine": )" + nlohmann::json(key).dump()
            + R"(, "choices": {}})", "choices");
    add("entry-not-object", cacheWithEntry(key, "42"), "choices[0]");
    add("unknown-product", cacheWithEntry(key, R"({"product": "backward", "m": 1, "n": 1, "k": 1, "threads": 1, "kernel": "eigen-split"})"), "choices[0].product");
    add("m-zero", cacheWithEntry(key, R"({"product": "forward", "m": 0, "n": 1, "k": 1, "threads": 1, "kernel": "eigen-split"})"), "choices[0].m");
    add("n-negative", cacheWithEntry(key, R"({"product": "forward", "m": 1, "n": -5, "k": 1, "threads": 1, "kernel": "eigen-split"})"), "choices[0].n");
    add("k-fraction", cacheWithEntry(key, R"({"product": "forward", "m": 1, "n": 1, "k": 1.5, "threads": 1, "kernel": "eigen-split"})"), "choices[0].k");
    add("k-text", cacheWithEntry(key, R"({"product": "forward", "m": 1, "n": 1, "k": "784", "threads": 1, "kernel": "eigen-split"})"), "choices[0].k");
    add("m-huge", cacheWithEntry(key, R"({"product": "forward", "m": 99999999999999, "n": 1, "k": 1, "threads": 1, "kernel": "eigen-split"})"), "choices[0].m");
    add("threads-missing", cacheWithEntry(key, R"({"product": "forward", "m": 1, "n": 1, "k": 1, "kernel": "eigen-split"})"), "choices[0].threads");
    add("threads-huge", cacheWithEntry(key, R"({"product": "forward", "m": 1, "n": 1, "k": 1, "threads": 100000, "kernel": "eigen-split"})"), "choices[0].threads");
    add("unknown-kernel", cacheWithEntry(key, R"({"product": "forward", "m": 1, "n": 1, "k": 1, "threads": 1, "kernel": "mkl"})"), "choices[0].kernel");
    add("kernel-number", cacheWithEntry(key, R"({"product": "forward", "m": 1, "n": 1, "k": 1, "threads": 1, "kernel": 2})"), "choices[0].kernel");
    add("gflops-array", cacheWithEntry(key, R"({"product": "forward", "m": 1, "n": 1, "k": 1, "threads": 1, "kernel": "eigen-split", "gflops": [1]})"), "gflops");
    add("gflops-unknown", cacheWithEntry(key, R"({"product": "forward", "m": 1, "n": 1, "k": 1, "threads": 1, "kernel": "eigen-split", "gflops": {"mkl": 1}})"), "gflops.mkl");
    add("gflops-negative", cacheWithEntry(key, R"({"product": "forward", "m": 1, "n": 1, "k": 1, "threads": 1, "kernel": "eigen-split", "gflops": {"eigen-split": -1}})"), "gflops");
    add("duplicate", cacheWithEntry(key, good + ", " + good), "choices[1]");
    add("deep", std::string(200, '[') + std::string(200, ']'), "");
}

void TestGemmKernelTable::refusesBadCache()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, mentions);
    const auto parsed = GemmKernelCache::parse(text.toStdString(), "cache.json", GemmKernelCache::machineKey());
    QVERIFY(!parsed.isOk());
    QVERIFY2(QString::fromStdString(parsed.message()).startsWith("cache.json"), parsed.message().c_str());
    QVERIFY2(QString::fromStdString(parsed.message()).contains(mentions), parsed.message().c_str());
}

void TestGemmKernelTable::validCacheRoundTrips()
{
    const std::string key = GemmKernelCache::machineKey();
    const auto parsed = GemmKernelCache::parse(validCache(key), "cache.json", key);
    QVERIFY2(parsed.isOk(), parsed.message().c_str());
    QCOMPARE(parsed.value().size(), std::size_t(1));
    const auto &[shape, choice] = *parsed.value().begin();
    QVERIFY((shape == GemmShape{GemmProduct::Forward, 128, 512, 784, 2}));
    QCOMPARE(choice.kernel, GemmKernel::EigenWhole);
    QCOMPARE(choice.gflops.at(GemmKernel::EigenWhole), 120.5);
    QCOMPARE(GemmKernelCache::serialize(parsed.value(), key), validCache(key));
}

void TestGemmKernelTable::tableUsesValidCacheWithoutMeasuring()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("gemm.json");
    writeFile(file, validCache(GemmKernelCache::machineKey()));
    GemmKernelTable table(quickOptions(file));
    // The file says EigenWhole for this shape: only a read cache can have said so without a
    // measurement here (a measurement would have recorded every candidate's rate).
    QCOMPARE(table.kernelFor({GemmProduct::Forward, 128, 512, 784, 2}), GemmKernel::EigenWhole);
    QVERIFY(table.cacheLoaded());
    QCOMPARE(table.choices().begin()->second.gflops.size(), std::size_t(2));
}

void TestGemmKernelTable::tableRemeasuresAfterBadCache_data()
{
    QTest::addColumn<QByteArray>("text");
    const std::string key = GemmKernelCache::machineKey();
    QTest::newRow("garbage") << QByteArray("{\"format\": ");
    QTest::newRow("made-up-kernel") << QByteArray::fromStdString(cacheWithEntry(key,
        R"({"product": "forward", "m": 64, "n": 64, "k": 64, "threads": 1, "kernel": "turbo"})"));
    QTest::newRow("other-machine") << QByteArray::fromStdString(validCache("cpu=none"));
}

void TestGemmKernelTable::tableRemeasuresAfterBadCache()
{
    QFETCH(QByteArray, text);
    QTemporaryDir dir;
    const QString file = dir.filePath("sub/dir/gemm.json"); // directories are created when saving
    QVERIFY(QDir().mkpath(dir.filePath("sub/dir")));
    writeFile(file, text.toStdString());
    GemmKernelTable table(quickOptions(file));
    const GemmShape shape{GemmProduct::Forward, 64, 64, 64, 1};
    QVERIFY(gemmKernelAvailable(table.kernelFor(shape)));
    QVERIFY(!table.cacheLoaded());
    QVERIFY(!table.cacheProblem().empty());
    QVERIFY(!table.choices().at(shape).gflops.empty()); // measured
    // The bad file was replaced by a valid one holding the measured choice.
    auto text2 = JsonReader::readFile(file.toStdString());
    QVERIFY(text2.isOk());
    const auto parsed = GemmKernelCache::parse(text2.value(), "cache", GemmKernelCache::machineKey());
    QVERIFY2(parsed.isOk(), parsed.message().c_str());
    QCOMPARE(parsed.value().at(shape).kernel, table.choices().at(shape).kernel);
    // A second table (the next process) reads it and does not measure.
    GemmKernelTable next(quickOptions(file));
    QCOMPARE(next.kernelFor(shape), table.choices().at(shape).kernel);
    QVERIFY(next.cacheLoaded());
}

void TestGemmKernelTable::unwritableCacheOnlyCostsAMeasurement()
{
    QTemporaryDir dir;
    writeFile(dir.filePath("file"), "x");
    // The "directory" of the cache is a regular file: nothing can be written, nothing breaks.
    GemmKernelTable table(quickOptions(dir.filePath("file/gemm.json")));
    QVERIFY(gemmKernelAvailable(table.kernelFor({GemmProduct::InputGradient, 32, 48, 16, 2})));
    // A directory where the file should be is read as a refused cache.
    QVERIFY(QDir().mkpath(dir.filePath("isdir.json")));
    GemmKernelTable other(quickOptions(dir.filePath("isdir.json")));
    QVERIFY(gemmKernelAvailable(other.kernelFor({GemmProduct::InputGradient, 32, 48, 16, 2})));
    QVERIFY(!other.cacheLoaded());
}

void TestGemmKernelTable::forcedKernelWins()
{
    GemmKernelTable::Options options;
    options.forced = GemmKernel::EigenWhole;
    GemmKernelTable table(options);
    QCOMPARE(table.kernelFor({GemmProduct::WeightGradient, 512, 512, 128, 2}), GemmKernel::EigenWhole);
    QVERIFY(table.choices().empty());
}

void TestGemmKernelTable::smallProductsAreNotMeasured()
{
    GemmKernelTable table(GemmKernelTable::Options{});
    QCOMPARE(table.kernelFor({GemmProduct::Forward, 4, 8, 16, 1}), GemmKernel::EigenSplit);
    QVERIFY(table.choices().empty());
}

void TestGemmKernelTable::machineKeyNamesFeaturesNotNames()
{
    const std::string key = GemmKernelCache::machineKey();
    QVERIFY(key.rfind("cpu=", 0) == 0);
    QVERIFY(key.find(";build=") != std::string::npos);
    QVERIFY(key.find(";eigen=") != std::string::npos);
    QVERIFY(key.find(";openblas=") != std::string::npos);
    QCOMPARE(GemmKernelCache::fileName(key), GemmKernelCache::fileName(key));
    QVERIFY(GemmKernelCache::fileName(key) != GemmKernelCache::fileName(key + "x"));
    QVERIFY(QString::fromStdString(GemmKernelCache::fileName(key)).contains(QRegularExpression("^gemm-kernels-[0-9a-f]{16}\\.json$")));
}

QTEST_APPLESS_MAIN(TestGemmKernelTable)
#include "tst_gemmkerneltable.moc"
