// SearchSpace templates: distributions anywhere in a JSON document, nested conditional choices,
// errors that name the JSON path, instantiation back to plain JSON, and TrialParams' JSON forms.
#include "core/util/RandomGenerator.h"
#include "core/search/RandomSampler.h"
#include "core/search/SearchSpace.h"
#include "core/search/TrialParams.h"

#include <QtTest>

using namespace loupe;

namespace {

const char *s_chapter = R"({
  "layers": [
    {"type": "dense", "units": {"choice": [256, 512, 1024], "name": "Dense"}, "activation": "relu"},
    {"type": "dropout", "rate": {"uniform": [0, 0.5], "name": "Dropout"}},
    {"choice": [
        {"type": "dropout", "rate": 0.1},
        {"type": "dense", "units": {"choice": [64, 128]}, "activation": "relu"}], "name": "extra"},
    {"type": "dense", "units": 10, "activation": "softmax"}
  ],
  "optimizer": {"choice": ["rmsprop", "adam", "sgd"], "name": "optimizer"},
  "batch_size": {"quniform": [64, 128, 64]}
})";

SearchSpace chapterSpace()
{
    Result<SearchSpace> space = SearchSpace::fromTemplate(nlohmann::json::parse(s_chapter));
    if (!space.isOk())
        qFatal("%s", space.message().c_str());
    return space.takeValue();
}

} // namespace

class TestSearchSpace : public QObject {
    Q_OBJECT

private slots:
    void parsesNamesPathsAndConditions();
    void parseErrorsNameThePath_data();
    void parseErrorsNameThePath();
    void instantiateReplacesDistributions();
    void inactiveParametersAreAbsent();
    void paramsJsonRoundTrip();
    void paramsFromJsonRejects_data();
    void paramsFromJsonRejects();
    void fileErrorsNameTheFile();
};

void TestSearchSpace::parsesNamesPathsAndConditions()
{
    const SearchSpace space = chapterSpace();
    QCOMPARE(space.size(), 6);
    // Object keys are walked in nlohmann::json's (sorted) order, so batch_size comes first.
    QCOMPARE(space.parameter(0).name, std::string("batch_size"));
    QCOMPARE(space.parameter(space.indexOf("Dense")).path, std::string("layers[0].units"));
    QCOMPARE(space.parameter(space.indexOf("Dropout")).path, std::string("layers[1].rate"));
    const int extra = space.indexOf("extra");
    const int nested = space.indexOf("layers[2].choice[1].units");
    QVERIFY(extra >= 0 && nested > extra);
    QCOMPARE(space.parameter(nested).parent, extra);
    QCOMPARE(space.parameter(nested).parentOption, 1);
    QCOMPARE(space.parameter(space.indexOf("batch_size")).distribution.kind(), DistributionKind::QUniform);
    QCOMPARE(space.parameter(space.indexOf("optimizer")).distribution.optionCount(), 3);
}

void TestSearchSpace::parseErrorsNameThePath_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("reversed-bounds") << R"({"layers": [{}, {"rate": {"uniform": [3, 1]}}]})"
                                     << "layers[1].rate.uniform: uniform needs finite low < high, got [3, 1]";
    QTest::newRow("wrong-arity") << R"({"lr": {"quniform": [1, 2]}})" << "lr.quniform: quniform expects an array of 3";
    QTest::newRow("not-a-number") << R"({"lr": {"normal": [0, "x"]}})" << "lr.normal[1]: expected a number";
    QTest::newRow("empty-choice") << R"({"units": {"choice": []}})" << "units.choice: choice expects a non-empty";
    QTest::newRow("extra-key") << R"({"units": {"choice": [1, 2], "label": "u"}})"
                               << "units.label: a distribution object holds one kind key";
    QTest::newRow("duplicate-name") << R"({"a": {"uniform": [0, 1], "name": "x"}, "b": {"uniform": [0, 1], "name": "x"}})"
                                    << "b: parameter name \"x\" is used twice";
    QTest::newRow("bad-pchoice") << R"({"act": {"pchoice": [[0.5, "relu"], [0.6, "tanh"]]}})"
                                 << "act.pchoice: pchoice probabilities must sum to 1";
    QTest::newRow("pchoice-pair") << R"({"act": {"pchoice": [[0.5, "relu"], "tanh"]}})"
                                  << "act.pchoice[1]: expected [probability, option]";
    QTest::newRow("nested-error") << R"({"x": {"choice": [1, {"y": {"randint": [0]}}]}})"
                                  << "x.choice[1].y.randint: randint needs integers low < upper";
    // Found by fuzz_searchspace: the draw's range overflowed an unsigned 64-bit count.
    QTest::newRow("randint-beyond-2^53") << R"({"n": {"randint": [2, 918446744073709551615]}})"
                                         << "n.randint: randint bounds must lie within +-2^53";
    QTest::newRow("empty-name") << R"({"x": {"uniform": [0, 1], "name": ""}})" << "x.name: expected a non-empty string";
    QTest::newRow("root") << R"({"uniform": [1, 1]})" << "uniform: uniform needs finite low < high";
}

void TestSearchSpace::parseErrorsNameThePath()
{
    QFETCH(QString, json);
    QFETCH(QString, message);
    const Result<SearchSpace> space = SearchSpace::fromTemplate(nlohmann::json::parse(json.toStdString()));
    QVERIFY(!space.isOk());
    QVERIFY2(QString::fromStdString(space.message()).startsWith(message), space.message().c_str());
}

void TestSearchSpace::instantiateReplacesDistributions()
{
    const SearchSpace space = chapterSpace();
    TrialParams params(space.size());
    params.set(space.indexOf("Dense"), 2);
    params.set(space.indexOf("Dropout"), 0.25);
    params.set(space.indexOf("extra"), 1);
    params.set(space.indexOf("layers[2].choice[1].units"), 0);
    params.set(space.indexOf("optimizer"), 1);
    params.set(space.indexOf("batch_size"), 128);
    const nlohmann::json model = space.instantiate(params);
    QCOMPARE(model["layers"][0]["units"], nlohmann::json(1024));
    QCOMPARE(model["layers"][1]["rate"], nlohmann::json(0.25));
    QCOMPARE(model["layers"][2], nlohmann::json::parse(R"({"type": "dense", "units": 64, "activation": "relu"})"));
    QCOMPARE(model["optimizer"], nlohmann::json("adam"));
    QVERIFY(model["batch_size"].is_number_integer());
    QCOMPARE(model["batch_size"], nlohmann::json(128));
    QCOMPARE(model["layers"][3]["units"], nlohmann::json(10));

    const nlohmann::json values = params.valuesJson(space);
    QCOMPARE(values["Dense"], nlohmann::json(1024));
    QCOMPARE(values["extra"]["units"], nlohmann::json(64));
    const nlohmann::json indices = params.indicesJson(space);
    QCOMPARE(indices, nlohmann::json::parse(R"({"Dense": 2, "extra": 1, "layers[2].choice[1].units": 0, "optimizer": 1})"));
}

void TestSearchSpace::inactiveParametersAreAbsent()
{
    const SearchSpace space = chapterSpace();
    const int extra = space.indexOf("extra");
    const int nested = space.indexOf("layers[2].choice[1].units");
    int seenActive = 0;
    int seenInactive = 0;
    RandomGenerator rng(5);
    for (int i = 0; i < 200; ++i) {
        const TrialParams params = RandomSampler::sampleFromPrior(space, rng);
        const bool expectNested = params.index(extra) == 1;
        QCOMPARE(params.isActive(nested), expectNested);
        QCOMPARE(params.toJson(space).contains("layers[2].choice[1].units"), expectNested);
        (expectNested ? seenActive : seenInactive)++;
        const nlohmann::json model = space.instantiate(params);
        QCOMPARE(model["layers"][2]["type"], nlohmann::json(expectNested ? "dense" : "dropout"));
    }
    QVERIFY(seenActive > 0 && seenInactive > 0);
}

void TestSearchSpace::paramsJsonRoundTrip()
{
    const SearchSpace space = chapterSpace();
    RandomGenerator rng(9);
    for (int i = 0; i < 50; ++i) {
        const TrialParams params = RandomSampler::sampleFromPrior(space, rng);
        const Result<TrialParams> back = TrialParams::fromJson(space, params.toJson(space));
        QVERIFY2(back.isOk(), back.message().c_str());
        QVERIFY(back.value() == params);
    }
}

void TestSearchSpace::paramsFromJsonRejects_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("message");
    const QString base = R"("Dense": 0, "Dropout": 0.1, "optimizer": 0, "batch_size": 64)";
    QTest::newRow("unknown") << "{" + base + R"(, "extra": 0, "bogus": 1})" << "unknown parameter \"bogus\"";
    QTest::newRow("missing") << "{" + base + "}" << "\"extra\" is missing";
    QTest::newRow("inactive") << "{" + base + R"(, "extra": 0, "layers[2].choice[1].units": 1})"
                              << "\"layers[2].choice[1].units\" is set but inactive";
    QTest::newRow("off-grid") << R"({"Dense": 0, "Dropout": 0.1, "optimizer": 0, "batch_size": 100, "extra": 0})"
                              << "\"batch_size\" = 100 is not a value of";
    QTest::newRow("index-range") << R"({"Dense": 3, "Dropout": 0.1, "optimizer": 0, "batch_size": 64, "extra": 0})"
                                 << "\"Dense\" = 3 is not a value of";
    QTest::newRow("not-number") << R"({"Dense": "a"})" << "\"Dense\" expected a number";
}

void TestSearchSpace::paramsFromJsonRejects()
{
    QFETCH(QString, json);
    QFETCH(QString, message);
    const Result<TrialParams> params = TrialParams::fromJson(chapterSpace(), nlohmann::json::parse(json.toStdString()));
    QVERIFY(!params.isOk());
    QVERIFY2(QString::fromStdString(params.message()).contains(message), params.message().c_str());
}

void TestSearchSpace::fileErrorsNameTheFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("space.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"a\": {\"uniform\": [0, 1]},\n \"b\": }");
    file.close();
    const Result<SearchSpace> space = SearchSpace::fromTemplateFile(path.toStdString());
    QVERIFY(!space.isOk());
    QVERIFY2(QString::fromStdString(space.message()).startsWith(path + ":2:7: not valid JSON (syntax error"),
             space.message().c_str());
    QVERIFY2(QString::fromStdString(space.message()).endsWith("(at b)"), space.message().c_str());
}

QTEST_APPLESS_MAIN(TestSearchSpace)
#include "tst_searchspace.moc"
