// TemplatePath: reading and replacing values of a template by SearchSpace's parameter paths,
// and the errors for paths that do not exist or are malformed.
#include "core/search/SearchSpace.h"
#include "core/search/TemplatePath.h"

#include <QtTest>

using namespace loupe;

namespace {

nlohmann::json sample()
{
    return nlohmann::json::parse(R"({"batch_size": {"choice": [64, 128]},
        "layers": [{"type": "dense", "units": {"choice": [256, {"uniform": [1, 2]}]}},
                   {"type": "dropout", "rate": {"uniform": [0, 0.5]}}]})");
}

} // namespace

class TestTemplatePath : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void get_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("root key") << "batch_size" << R"({"choice":[64,128]})";
        QTest::newRow("array element") << "layers[1].rate" << R"({"uniform":[0,0.5]})";
        QTest::newRow("inside a choice option") << "layers[0].units.choice[1]" << R"({"uniform":[1,2]})";
        QTest::newRow("whole document") << "" << QString::fromStdString(sample().dump());
    }
    void get()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        const auto value = TemplatePath::get(sample(), path.toStdString());
        QVERIFY2(value.isOk(), value.message().c_str());
        QCOMPARE(QString::fromStdString(value.value().dump()), expected);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing key") << "layers[1].units" << "layers[1].units: no such key";
        QTest::newRow("index past the end") << "layers[5]" << "layers[5]: no such element (the array has 2)";
        QTest::newRow("index into an object") << "batch_size[0]" << "batch_size[0]: no such element (not an array)";
        QTest::newRow("malformed index") << "layers[x]" << "layers[x]: malformed index at character 7";
        QTest::newRow("empty step") << "layers..rate" << "layers..rate: empty key at character 8";
    }
    void errors()
    {
        QFETCH(QString, path);
        QFETCH(QString, message);
        nlohmann::json document = sample();
        const auto value = TemplatePath::get(document, path.toStdString());
        QVERIFY(!value.isOk());
        QCOMPARE(QString::fromStdString(value.message()), message);
        QVERIFY(!TemplatePath::replace(document, path.toStdString(), 1).isOk());
        QCOMPARE(document, sample()); // unchanged on failure
    }

    void replaceEveryParameterPathOfAParsedSpace()
    {
        // The paths SearchSpace reports must all be addressable.
        nlohmann::json document = sample();
        const auto space = SearchSpace::fromTemplate(document);
        QVERIFY2(space.isOk(), space.message().c_str());
        QCOMPARE(space.value().size(), 4);
        for (const SearchParameter &parameter : space.value().parameters())
            QVERIFY2(TemplatePath::get(document, parameter.path).isOk(), parameter.path.c_str());
        QVERIFY(TemplatePath::replace(document, "layers[1].rate", nlohmann::json{{"uniform", {0.1, 0.2}}}).isOk());
        QCOMPARE(document["layers"][1]["rate"]["uniform"][1].get<double>(), 0.2);
        const auto reparsed = SearchSpace::fromTemplate(document);
        QVERIFY(reparsed.isOk());
        QCOMPARE(reparsed.value().parameter(reparsed.value().indexOf("layers[1].rate")).distribution.high(), 0.2);
    }
};

QTEST_APPLESS_MAIN(TestTemplatePath)
#include "tst_templatepath.moc"
