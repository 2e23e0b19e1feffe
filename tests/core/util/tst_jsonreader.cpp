// JsonReader: the one entry point for JSON text. Hostile documents (too deep, too big, numbers beyond a
// double, broken syntax) come back as a Status that names source:line:column and the member path; good
// documents parse exactly as the library would parse them.
#include "core/util/JsonGuardScan.h"
#include "core/util/JsonReader.h"

#include <QtTest>

#include <fstream>

using namespace loupe;

class TestJsonReader : public QObject {
    Q_OBJECT

private slots:
    void refuses_data();
    void refuses();
    void acceptsWhatTheLibraryAccepts_data();
    void acceptsWhatTheLibraryAccepts();
    void deepNestingFailsFast();
    void sizeLimit();
    void pathAt_data();
    void pathAt();
    void readsFiles();
};

void TestJsonReader::refuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    QTest::newRow("overflow in a suite (issue 13, item 1)")
        << R"({"suite":"s","tests":[{"name":"t","assert":"row_count_between","min":1e999}]})"
        << "s.json:1:70: the number 1e999 is outside the range of a double (at tests[0].min)";
    QTest::newRow("negative overflow") << "[1, -2e400]" << "s.json:1:5: the number -2e400 is outside the range of a double (at [1])";
    QTest::newRow("integer too long for any type")
        << "{\"a\":\n  " + QString(400, '9') + "}"
        << "s.json:2:3: the number " + QString(40, '9') + " is outside the range of a double (at a)";
    QTest::newRow("too deep") << QString(65, '[') + QString(65, ']') << "s.json:1:65: nested deeper than 64 arrays or objects (at …" + QString("[0]").repeated(53) + ")";
    QTest::newRow("too deep inside an object") << "{\"a\": " + QString(64, '[') << "s.json:1:70: nested deeper than 64 arrays or objects (at …" + QString("[0]").repeated(53) + ")";
    QTest::newRow("syntax") << "{\"a\": [1, 2,, 3]}" << "s.json:1:13: not valid JSON (syntax error while parsing value - unexpected ','; expected '[', '{', or a literal) (at a[2])";
    QTest::newRow("truncated") << "{\"a\": {\"b\": tru" << "s.json:1:16: not valid JSON (syntax error while parsing value - invalid literal; last read: '\"b\": tru') (at a.b)";
    QTest::newRow("empty") << "" << "s.json:1:1: not valid JSON (syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal) (at (root))";
    QTest::newRow("bad UTF-8") << QString::fromLatin1("[\"\xff\"]") << "";
    // Found by fuzz_jsonreader: the JSON library ends the text at a NUL byte, so what followed was never read.
    QTest::newRow("NUL after a document") << QStringLiteral("{\"a\": 1}") + QChar(0) + QStringLiteral("{\"b\": 1e999}")
                                          << "s.json:1:9: a NUL byte, which JSON text cannot hold (at (root))";
    QTest::newRow("NUL in a string") << QStringLiteral("{\"a\": \"x") + QChar(0) + QStringLiteral("y\"}")
                                     << "s.json:1:9: a NUL byte, which JSON text cannot hold (at a)";
}

void TestJsonReader::refuses()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    // Latin-1 for the UTF-8 row so the bytes reach the parser as written.
    const std::string bytes = QTest::currentDataTag() == QByteArray("bad UTF-8") ? text.toLatin1().toStdString()
                                                                                 : text.toStdString();
    Result<nlohmann::json> plain = JsonReader::parse(bytes, "s.json");
    Result<nlohmann::ordered_json> ordered = JsonReader::parseOrdered(bytes, "s.json");
    QVERIFY(!plain.isOk());
    QVERIFY(!ordered.isOk());
    QCOMPARE(plain.status().code(), StatusCode::InvalidInput);
    if (QTest::currentDataTag() != QByteArray("bad UTF-8"))
        QCOMPARE(QString::fromStdString(plain.message()), message);
    else
        QVERIFY2(plain.message().rfind("s.json:1:3: not valid JSON (syntax error while parsing value - invalid string: ill-formed UTF-8 byte", 0) == 0,
                 plain.message().c_str());
    QCOMPARE(ordered.message(), plain.message());
}

void TestJsonReader::acceptsWhatTheLibraryAccepts_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("object") << R"({"b": 1, "a": [true, null, "x\"y", -0.5e-3]})";
    QTest::newRow("denormal is a number") << "[1e-320, 4.9e-324]";
    QTest::newRow("underflow rounds to zero") << "[1e-999]";
    QTest::newRow("largest double") << "[1.7976931348623157e308, -1.7976931348623157e308]";
    QTest::newRow("big integers") << "[18446744073709551615, -9223372036854775808]";
    QTest::newRow("64 levels") << QString(64, '[') + QString(64, ']');
    QTest::newRow("brackets inside strings do not count") << "[\"" + QString(500, '[') + "\"]";
    QTest::newRow("escaped quote in a key") << R"({"a\"[": {"b": 2}})";
}

void TestJsonReader::acceptsWhatTheLibraryAccepts()
{
    QFETCH(QString, text);
    const std::string bytes = text.toStdString();
    Result<nlohmann::json> parsed = JsonReader::parse(bytes, "x");
    QVERIFY2(parsed.isOk(), parsed.message().c_str());
    QCOMPARE(parsed.value(), nlohmann::json::parse(bytes));
    Result<nlohmann::ordered_json> ordered = JsonReader::parseOrdered(bytes, "x");
    QVERIFY2(ordered.isOk(), ordered.message().c_str());
    QCOMPARE(ordered.value().dump(), nlohmann::ordered_json::parse(bytes).dump());
}

void TestJsonReader::deepNestingFailsFast()
{
    // Issue 13, items 2 and 3: 20,000 and 100,000 nested arrays used to crash or take gigabytes.
    for (const int depth : {20000, 100000}) {
        const std::string text = std::string(depth, '[') + "1" + std::string(depth, ']');
        Result<nlohmann::json> parsed = JsonReader::parse(text, "a.json");
        QVERIFY(!parsed.isOk());
        QVERIFY2(parsed.message().rfind("a.json:1:65: nested deeper than 64 arrays or objects (at …", 0) == 0,
                 parsed.message().c_str());
        QVERIFY(parsed.message().size() < 400); // the path is shortened, not 300 KB of "[0]"
    }
    JsonLimits shallow;
    shallow.maxDepth = 2;
    QCOMPARE(JsonReader::parse("{\"a\": {\"b\": []}}", "x", shallow).message(),
             std::string("x:1:13: nested deeper than 2 arrays or objects (at a.b)"));
}

void TestJsonReader::sizeLimit()
{
    JsonLimits small;
    small.maxBytes = 10;
    QVERIFY(JsonReader::parse("[1,2,3,4]", "x", small).isOk());
    QCOMPARE(JsonReader::parse("[1,2,3,4,5]", "x", small).message(),
             std::string("x: 11 bytes, above the 10 bytes a JSON document may have"));
}

void TestJsonReader::pathAt_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("path");
    QTest::newRow("top") << "{\"a\": 1}" << 0 << "(root)";
    QTest::newRow("member") << "{\"a\": 1}" << 6 << "a";
    QTest::newRow("second element") << "{\"a\": [1, {\"b\": 2}]}" << 15 << "a[1].b";
    QTest::newRow("after a closed object") << "{\"a\": {\"x\": 1}, \"c\": 3}" << 21 << "c";
}

void TestJsonReader::pathAt()
{
    QFETCH(QString, text);
    QFETCH(int, offset);
    QFETCH(QString, path);
    QCOMPARE(QString::fromStdString(JsonGuardScan::pathAt(text.toStdString(), static_cast<std::size_t>(offset))), path);
}

void TestJsonReader::readsFiles()
{
    QTemporaryDir dir;
    const std::string good = (dir.path() + "/good.json").toStdString();
    const std::string bad = (dir.path() + "/bad.json").toStdString();
    std::ofstream(good) << "{\"k\": [1, 2]}";
    std::ofstream(bad) << "{\n  \"k\": 1e999\n}";
    Result<nlohmann::json> parsed = JsonReader::parseFile(good);
    QVERIFY2(parsed.isOk(), parsed.message().c_str());
    QCOMPARE(parsed.value()["k"][1].get<int>(), 2);
    QCOMPARE(JsonReader::parseFile(bad).message(), bad + ":2:8: the number 1e999 is outside the range of a double (at k)");
    QVERIFY(JsonReader::parseFile(dir.path().toStdString()).message().find("is a directory") != std::string::npos);
    QCOMPARE(JsonReader::parseFile(bad + ".missing").status().code(), StatusCode::IoError);
    JsonLimits small;
    small.maxBytes = 4;
    QVERIFY(JsonReader::parseFile(good, small).message().find("above the 4 bytes") != std::string::npos);
}

QTEST_APPLESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
