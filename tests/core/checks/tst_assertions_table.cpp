// Table-level assertions: schema (column_exists, columns_equal, row_count_between, type), statistics
// (mean/std/min/max/quantile between) and the file checks on the data file. Pass and fail each way; bad
// parameters are named in the error.
#include "core/checks/AssertionRegistry.h"

#include "AssertionTestKit.h"

#include <QTemporaryDir>

#include <fstream>

using namespace loupe;
using namespace loupe::testkit;

class TestAssertionsTable : public QObject {
    Q_OBJECT

private:
    Table m_table;
    QTemporaryDir m_dir;

    static void addColumns()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("error");
        QTest::addColumn<bool>("passed");
    }

    void check(const CheckEnvironment &environment)
    {
        QFETCH(QString, spec);
        QFETCH(QString, error);
        QFETCH(bool, passed);
        const std::string text = spec.toStdString();
        const std::string name = nlohmann::json::parse(text)["assert"].get<std::string>();
        const Assertion *assertion = AssertionRegistry::builtin().find(name);
        QVERIFY2(assertion, name.c_str());
        const Run result = run(*assertion, m_table, text, {}, environment);
        verify(result, error, passed, Rows{});
        if (error.isEmpty())
            QVERIFY(result.outcome.tableLevel);
    }

    std::string writeFile(const char *name, const std::string &content)
    {
        const std::string path = m_dir.filePath(QString::fromUtf8(name)).toStdString();
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_table.addColumn(intColumn("a", {1, 2, 3, 4, std::nullopt}));
        m_table.addColumn(doubleColumn("b", {1.0, 2.0, 3.0, 4.0, 10.0}));
        m_table.addColumn(dateColumn("t", {"2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"}));
        m_table.addColumn(stringColumn("s", {"x", "y", "x", "z", "y"}));
        writeFile("good.csv", "a,b\n1,2\n");
        writeFile("bad.csv", "a,b\r\n1,\xff\r\n");
        writeFile("accents.csv", "name\ncaf\xc3\xa9\n");
        writeFile("empty.csv", "");
    }

    void schema_data()
    {
        addColumns();
        QTest::newRow("column exists") << R"({"assert":"column_exists","column":"a"})" << "" << true;
        QTest::newRow("column missing") << R"({"assert":"column_exists","column":"aa"})" << "" << false;
        QTest::newRow("column exists no name") << R"({"assert":"column_exists"})" << "parameter 'column'" << false;
        QTest::newRow("columns equal") << R"({"assert":"columns_equal","columns":["a","b","t","s"]})" << "" << true;
        QTest::newRow("columns reordered") << R"({"assert":"columns_equal","columns":["b","a","t","s"]})" << "" << false;
        QTest::newRow("columns any order") << R"({"assert":"columns_equal","columns":["b","a","t","s"],"ordered":false})" << "" << true;
        QTest::newRow("columns extra") << R"({"assert":"columns_equal","columns":["a","b","t"]})" << "" << false;
        QTest::newRow("columns bad ordered") << R"({"assert":"columns_equal","columns":["a"],"ordered":1})" << "parameter 'ordered'" << false;
        QTest::newRow("rows exact") << R"({"assert":"row_count_between","min":5,"max":5})" << "" << true;
        QTest::newRow("rows too many") << R"({"assert":"row_count_between","max":4})" << "" << false;
        QTest::newRow("rows too few") << R"({"assert":"row_count_between","min":6})" << "" << false;
        QTest::newRow("rows negative") << R"({"assert":"row_count_between","min":-1})" << "parameter 'min'" << false;
        QTest::newRow("rows fraction") << R"({"assert":"row_count_between","min":2.5})" << "parameter 'min'" << false;
        QTest::newRow("rows min above max") << R"({"assert":"row_count_between","min":6,"max":2})" << "parameter 'min'" << false;
        QTest::newRow("rows no bound") << R"({"assert":"row_count_between"})" << "parameter 'min' or 'max'" << false;
        QTest::newRow("type int64") << R"({"assert":"type","column":"a","type":"int64"})" << "" << true;
        QTest::newRow("type number") << R"({"assert":"type","column":"b","type":"number"})" << "" << true;
        QTest::newRow("type text") << R"({"assert":"type","column":"s","type":"text"})" << "" << true;
        QTest::newRow("type wrong") << R"({"assert":"type","column":"b","type":"int64"})" << "" << false;
        QTest::newRow("type unknown") << R"({"assert":"type","column":"b","type":"decimal"})" << "parameter 'type'" << false;
    }

    void schema() { check({}); }

    void statistics_data()
    {
        addColumns();
        QTest::newRow("mean in") << R"({"assert":"mean_between","column":"a","min":2,"max":3})" << "" << true;
        QTest::newRow("mean below") << R"({"assert":"mean_between","column":"a","min":2.6})" << "" << false;
        QTest::newRow("std in") << R"({"assert":"std_between","column":"b","min":3.5,"max":3.6})" << "" << true;
        QTest::newRow("std above") << R"({"assert":"std_between","column":"b","max":3})" << "" << false;
        QTest::newRow("min dates") << R"({"assert":"min_between","column":"t","min":"2024-01-01","max":"2024-01-01"})" << "" << true;
        QTest::newRow("min dates fails") << R"({"assert":"min_between","column":"t","min":"2024-01-02"})" << "" << false;
        QTest::newRow("max in") << R"({"assert":"max_between","column":"b","min":5,"max":10})" << "" << true;
        QTest::newRow("max strict") << R"({"assert":"max_between","column":"b","max":10,"strict_max":true})" << "" << false;
        QTest::newRow("median") << R"({"assert":"quantile_between","column":"b","quantile":0.5,"min":3,"max":3})" << "" << true;
        QTest::newRow("q90 interpolated") << R"({"assert":"quantile_between","column":"b","quantile":0.9,"min":7.5,"max":7.7})" << "" << true;
        QTest::newRow("q90 fails") << R"({"assert":"quantile_between","column":"b","quantile":0.9,"max":7.5})" << "" << false;
        QTest::newRow("median date") << R"({"assert":"quantile_between","column":"t","quantile":0.5,"min":"2024-01-03","max":"2024-01-03"})" << "" << true;
        QTest::newRow("quantile out of range") << R"({"assert":"quantile_between","column":"b","quantile":1.5,"max":1})" << "parameter 'quantile'" << false;
        QTest::newRow("quantile missing") << R"({"assert":"quantile_between","column":"b","max":1})" << "parameter 'quantile'" << false;
        QTest::newRow("mean of text") << R"({"assert":"mean_between","column":"s","max":1})" << "parameter 'column'" << false;
        QTest::newRow("mean bad bound") << R"({"assert":"mean_between","column":"a","min":"abc"})" << "parameter 'min'" << false;
        QTest::newRow("mean bounds crossed") << R"({"assert":"mean_between","column":"a","min":3,"max":1})" << "parameter 'min'" << false;
    }

    void statistics() { check({}); }

    void files_data()
    {
        addColumns();
        QTest::addColumn<QString>("file");
        QTest::newRow("exists") << R"({"assert":"file_exists"})" << "" << true << "good.csv";
        QTest::newRow("does not exist") << R"({"assert":"file_exists"})" << "" << false << "missing.csv";
        QTest::newRow("no file") << R"({"assert":"file_exists"})" << "" << false << "";
        QTest::newRow("name equal") << R"({"assert":"file_name_equal","name":"good.csv"})" << "" << true << "good.csv";
        QTest::newRow("name differs") << R"({"assert":"file_name_equal","name":"x.csv"})" << "" << false << "good.csv";
        QTest::newRow("name matches") << R"({"assert":"file_name_matches","pattern":"[a-z]+\\.csv"})" << "" << true << "good.csv";
        QTest::newRow("name does not match") << R"({"assert":"file_name_matches","pattern":"data_\\d+\\.csv"})" << "" << false << "good.csv";
        QTest::newRow("name bad pattern") << "{\"assert\":\"file_name_matches\",\"pattern\":\"(\"}" << "parameter 'pattern'" << false << "good.csv";
        QTest::newRow("type") << R"({"assert":"file_type_equal","extension":"csv"})" << "" << true << "good.csv";
        QTest::newRow("type differs") << R"({"assert":"file_type_equal","extension":".tsv"})" << "" << false << "good.csv";
        QTest::newRow("size in") << R"({"assert":"file_size_between","min":1,"max":100})" << "" << true << "good.csv";
        QTest::newRow("size above") << R"({"assert":"file_size_between","max":4})" << "" << false << "good.csv";
        QTest::newRow("size negative") << R"({"assert":"file_size_between","min":-1})" << "parameter 'min'" << false << "good.csv";
        QTest::newRow("utf-8") << R"({"assert":"file_encoding","encoding":"utf-8"})" << "" << true << "accents.csv";
        QTest::newRow("utf-8 invalid") << R"({"assert":"file_encoding","encoding":"utf-8"})" << "" << false << "bad.csv";
        QTest::newRow("ascii") << R"({"assert":"file_encoding","encoding":"ascii"})" << "" << true << "good.csv";
        QTest::newRow("ascii accents") << R"({"assert":"file_encoding","encoding":"ascii"})" << "" << false << "accents.csv";
        QTest::newRow("encoding unknown") << R"({"assert":"file_encoding","encoding":"latin-1"})" << "parameter 'encoding'" << false << "good.csv";
        QTest::newRow("lf") << R"({"assert":"file_line_endings","style":"lf"})" << "" << true << "good.csv";
        QTest::newRow("lf on crlf") << R"({"assert":"file_line_endings","style":"lf"})" << "" << false << "bad.csv";
        QTest::newRow("crlf") << R"({"assert":"file_line_endings","style":"crlf"})" << "" << true << "bad.csv";
        QTest::newRow("crlf on lf") << R"({"assert":"file_line_endings","style":"crlf"})" << "" << false << "good.csv";
        QTest::newRow("style unknown") << R"({"assert":"file_line_endings","style":"cr"})" << "parameter 'style'" << false << "good.csv";
        // marbles' Not forms (good.csv is "a,b\n1,2\n": 8 bytes) and the size forms they negate.
        QTest::newRow("not exists, missing") << R"({"assert":"file_not_exists"})" << "" << true << "missing.csv";
        QTest::newRow("not exists, no file") << R"({"assert":"file_not_exists"})" << "" << true << "";
        QTest::newRow("not exists, exists") << R"({"assert":"file_not_exists"})" << "" << false << "good.csv";
        QTest::newRow("name not equal") << R"({"assert":"file_name_not_equal","name":"x.csv"})" << "" << true << "good.csv";
        QTest::newRow("name not equal, equal") << R"({"assert":"file_name_not_equal","name":"good.csv"})" << "" << false << "good.csv";
        QTest::newRow("name not matches") << R"({"assert":"file_name_not_matches","pattern":"data_\\d+\\.csv"})" << "" << true << "good.csv";
        QTest::newRow("name not matches, matches") << R"({"assert":"file_name_not_matches","pattern":"[a-z]+\\.csv"})" << "" << false << "good.csv";
        QTest::newRow("name not matches, bad pattern") << "{\"assert\":\"file_name_not_matches\",\"pattern\":\"(\"}" << "parameter 'pattern'" << false << "good.csv";
        QTest::newRow("type not equal") << R"({"assert":"file_type_not_equal","extension":"tsv"})" << "" << true << "good.csv";
        QTest::newRow("type not equal, equal") << R"({"assert":"file_type_not_equal","extension":".csv"})" << "" << false << "good.csv";
        QTest::newRow("size equal") << R"({"assert":"file_size_equal","size":8})" << "" << true << "good.csv";
        QTest::newRow("size equal, differs") << R"({"assert":"file_size_equal","size":9})" << "" << false << "good.csv";
        QTest::newRow("size not equal") << R"({"assert":"file_size_not_equal","size":9})" << "" << true << "good.csv";
        QTest::newRow("size not equal, equal") << R"({"assert":"file_size_not_equal","size":8})" << "" << false << "good.csv";
        QTest::newRow("size not equal, no size") << R"({"assert":"file_size_not_equal"})" << "parameter 'size'" << false << "good.csv";
        QTest::newRow("size almost, delta") << R"({"assert":"file_size_almost_equal","size":10,"delta":2})" << "" << true << "good.csv";
        QTest::newRow("size almost, delta short") << R"({"assert":"file_size_almost_equal","size":10,"delta":1.5})" << "" << false << "good.csv";
        QTest::newRow("size almost, places -1") << R"({"assert":"file_size_almost_equal","size":13,"places":-1})" << "" << true << "good.csv";
        QTest::newRow("size almost, default places") << R"({"assert":"file_size_almost_equal","size":9})" << "" << false << "good.csv";
        QTest::newRow("size almost, both") << R"({"assert":"file_size_almost_equal","size":9,"delta":1,"places":0})" << "parameter 'delta'" << false << "good.csv";
        QTest::newRow("size not almost") << R"({"assert":"file_size_not_almost_equal","size":100,"delta":10})" << "" << true << "good.csv";
        QTest::newRow("size not almost, within") << R"({"assert":"file_size_not_almost_equal","size":50,"places":-2})" << "" << false << "good.csv";
        QTest::newRow("size not almost, negative delta") << R"({"assert":"file_size_not_almost_equal","size":8,"delta":-1})" << "parameter 'delta'" << false << "good.csv";
        QTest::newRow("size zero") << R"({"assert":"file_size_zero"})" << "" << true << "empty.csv";
        QTest::newRow("size zero, not empty") << R"({"assert":"file_size_zero"})" << "" << false << "good.csv";
        QTest::newRow("size not zero") << R"({"assert":"file_size_not_zero"})" << "" << true << "good.csv";
        QTest::newRow("size not zero, empty") << R"({"assert":"file_size_not_zero"})" << "" << false << "empty.csv";
        QTest::newRow("size not zero, no file") << R"({"assert":"file_size_not_zero"})" << "" << false << "";
        QTest::newRow("encoding not equal") << R"({"assert":"file_encoding_not_equal","encoding":"ascii"})" << "" << true << "accents.csv";
        QTest::newRow("encoding not equal, valid") << R"({"assert":"file_encoding_not_equal","encoding":"utf-8"})" << "" << false << "accents.csv";
        QTest::newRow("encoding not equal, unknown") << R"({"assert":"file_encoding_not_equal","encoding":"latin-1"})" << "parameter 'encoding'" << false << "good.csv";
    }

    void files()
    {
        QFETCH(QString, file);
        CheckEnvironment environment;
        if (!file.isEmpty())
            environment.dataPath = m_dir.filePath(file).toStdString();
        check(environment);
    }

    void messages()
    {
        CheckEnvironment environment;
        environment.dataPath = m_dir.filePath("bad.csv").toStdString();
        const Run encoding = run(*AssertionRegistry::builtin().find("file_encoding"), m_table,
                                 R"({"encoding":"utf-8"})", {}, environment);
        QCOMPARE(QString::fromStdString(encoding.outcome.message),
                 QString("the file is not valid utf-8: line 2, byte offset 7"));
        const Run notEqual = run(*AssertionRegistry::builtin().find("file_size_not_equal"), m_table, R"({"size":10})",
                                {}, environment);
        QCOMPARE(QString::fromStdString(notEqual.outcome.message),
                 QString("the file has 10 bytes, exactly the size it must not have"));
        const Run almost = run(*AssertionRegistry::builtin().find("file_size_not_almost_equal"), m_table,
                               R"({"size":8,"delta":2})", {}, environment);
        QCOMPARE(QString::fromStdString(almost.outcome.message), QString("the file has 10 bytes, within delta 2 of 8"));
        QCOMPARE(QString::fromStdString(almost.outcome.observed), QString("size = 10 bytes, difference 2"));
        const Run notName = run(*AssertionRegistry::builtin().find("file_name_not_equal"), m_table,
                                R"({"name":"bad.csv"})", {}, environment);
        QCOMPARE(QString::fromStdString(notName.outcome.message), QString("the file's name is bad.csv"));
        const Run missing = run(*AssertionRegistry::builtin().find("column_exists"), m_table, R"({"column":"aa"})");
        QCOMPARE(QString::fromStdString(missing.outcome.message), QString("column aa does not exist (did you mean a?)"));
        const Run quantile = run(*AssertionRegistry::builtin().find("quantile_between"), m_table,
                                 R"({"column":"b","quantile":0.9,"max":7.5})");
        QVERIFY2(QString::fromStdString(quantile.outcome.observed).startsWith("quantile(0.9) = 7.6"),
                 quantile.outcome.observed.c_str());
    }
};

QTEST_APPLESS_MAIN(TestAssertionsTable)
#include "tst_assertions_table.moc"
