// Comparison assertions: not_between, before/past/future, frequency_equal, lag_*, column_pair, monotonic_*.
// Each passes and fails on a small table with the exact failing rows; bad parameters are named in the error.
#include "core/checks/AssertionRegistry.h"

#include "AssertionTestKit.h"

using namespace loupe;
using namespace loupe::testkit;

class TestAssertionsCompare : public QObject {
    Q_OBJECT

private:
    Table m_table;
    CheckEnvironment m_environment;

private slots:
    void initTestCase()
    {
        m_table.addColumn(intColumn("n", {1, 5, 3, std::nullopt, 10}));
        m_table.addColumn(doubleColumn("x", {1.0, 2.0, 2.0, 4.0, -1.0}));
        m_table.addColumn(dateColumn("t", {"2024-01-01", "2024-01-02", "2024-01-02", std::nullopt, "2024-01-05"}));
        m_table.addColumn(dateColumn("d", {"2024-01-01", "2024-01-02", "2024-01-03", "2024-01-05", "2024-01-06"}));
        m_table.addColumn(dateColumn("e", {"2024-01-02", "2024-01-01", "2024-01-04", "2024-01-04", "2024-01-07"}));
        m_table.addColumn(dateColumn("p", {"2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"}));
        m_table.addColumn(stringColumn("s", {"a", "b", "c", "b", std::nullopt}));
        m_environment.nowNanos = at("2024-01-05");
    }

    void assertion_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("error");
        QTest::addColumn<bool>("passed");
        QTest::addColumn<Rows>("rows");

        QTest::newRow("not_between strict") << R"({"assert":"not_between","column":"n","min":2,"max":6})" << "" << false << Rows{1, 2};
        QTest::newRow("not_between open") << R"({"assert":"not_between","column":"n","min":3,"max":5,"strict":false})" << "" << true << Rows{};
        QTest::newRow("not_between dates") << R"({"assert":"not_between","column":"t","min":"2024-01-02","max":"2024-01-03"})" << "" << false << Rows{1, 2};
        QTest::newRow("not_between local") << R"({"assert":"not_between","column":"n","min":"{low}","max":4})" << "" << false << Rows{2};
        QTest::newRow("not_between empty interval") << R"({"assert":"not_between","column":"n","min":3,"max":3,"strict":false})" << "parameter 'strict'" << false << Rows{};
        QTest::newRow("not_between min above max") << R"({"assert":"not_between","column":"n","min":6,"max":2})" << "parameter 'min'" << false << Rows{};
        QTest::newRow("not_between no max") << R"({"assert":"not_between","column":"n","min":6})" << "parameter 'max'" << false << Rows{};
        QTest::newRow("not_between no column") << R"({"assert":"not_between","column":"nope","min":1,"max":2})" << "parameter 'column'" << false << Rows{};
        QTest::newRow("not_between string column") << R"({"assert":"not_between","column":"s","min":1,"max":2})" << "parameter 'column'" << false << Rows{};

        QTest::newRow("before strict") << R"({"assert":"before","column":"t","target":"2024-01-02"})" << "" << false << Rows{1, 2, 4};
        QTest::newRow("before or equal") << R"({"assert":"before","column":"t","target":"2024-01-02","strict":false})" << "" << false << Rows{4};
        QTest::newRow("before passes") << R"({"assert":"before","column":"t","target":"2024-02-01"})" << "" << true << Rows{};
        QTest::newRow("before number column") << R"({"assert":"before","column":"n","target":"2024-01-02"})" << "parameter 'column'" << false << Rows{};
        QTest::newRow("before bad target") << R"({"assert":"before","column":"t","target":"soon"})" << "parameter 'target'" << false << Rows{};
        QTest::newRow("before bad strict") << R"({"assert":"before","column":"t","target":"2024-01-02","strict":"yes"})" << "parameter 'strict'" << false << Rows{};
        QTest::newRow("past strict") << R"({"assert":"past","column":"d"})" << "" << false << Rows{3, 4};
        QTest::newRow("past or now") << R"({"assert":"past","column":"d","strict":false})" << "" << false << Rows{4};
        QTest::newRow("past passes") << R"({"assert":"past","column":"t","strict":false})" << "" << true << Rows{};
        QTest::newRow("future strict") << R"({"assert":"future","column":"d"})" << "" << false << Rows{0, 1, 2, 3};
        QTest::newRow("future or now") << R"({"assert":"future","column":"d","strict":false})" << "" << false << Rows{0, 1, 2};

        QTest::newRow("frequency fails") << R"({"assert":"frequency_equal","column":"d","frequency":"1d"})" << "" << false << Rows{3};
        QTest::newRow("frequency passes") << R"({"assert":"frequency_equal","column":"p","frequency":"1d"})" << "" << true << Rows{};
        QTest::newRow("frequency skips missing") << R"({"assert":"frequency_equal","column":"t","frequency":"24h"})" << "" << false << Rows{2, 4};
        QTest::newRow("frequency zero") << R"({"assert":"frequency_equal","column":"d","frequency":"0d"})" << "parameter 'frequency'" << false << Rows{};
        QTest::newRow("frequency not a duration") << R"({"assert":"frequency_equal","column":"d","frequency":"daily"})" << "parameter 'frequency'" << false << Rows{};
        QTest::newRow("lag_equal") << R"({"assert":"lag_equal","column":"t","lag":"0d"})" << "" << true << Rows{};
        QTest::newRow("lag_less fails") << R"({"assert":"lag_less","column":"t","lag":"0d"})" << "" << false << Rows{};
        QTest::newRow("lag_less passes") << R"({"assert":"lag_less","column":"t","lag":"1h"})" << "" << true << Rows{};
        QTest::newRow("lag_less_equal") << R"({"assert":"lag_less_equal","column":"t","lag":"0s"})" << "" << true << Rows{};
        QTest::newRow("lag_equal fails") << R"({"assert":"lag_equal","column":"t","lag":"2d"})" << "" << false << Rows{};
        QTest::newRow("lag negative") << R"({"assert":"lag_less","column":"t","lag":"-1d"})" << "parameter 'lag'" << false << Rows{};

        QTest::newRow("pair dates <") << R"({"assert":"column_pair","column":"d","other":"e","op":"<"})" << "" << false << Rows{1, 3};
        QTest::newRow("pair dates >=") << R"({"assert":"column_pair","column":"d","other":"e","op":">="})" << "" << false << Rows{0, 2, 4};
        QTest::newRow("pair int float <=") << R"({"assert":"column_pair","column":"n","other":"x","op":"<="})" << "" << false << Rows{1, 2, 4};
        QTest::newRow("pair text ==") << R"({"assert":"column_pair","column":"s","other":"s","op":"=="})" << "" << true << Rows{};
        QTest::newRow("pair bad op") << R"({"assert":"column_pair","column":"d","other":"e","op":"=<"})" << "parameter 'op'" << false << Rows{};
        QTest::newRow("pair mixed kinds") << R"({"assert":"column_pair","column":"n","other":"d","op":"<"})" << "parameter 'other'" << false << Rows{};
        QTest::newRow("pair no other") << R"({"assert":"column_pair","column":"n","op":"<"})" << "parameter 'other'" << false << Rows{};

        QTest::newRow("increasing strict") << R"({"assert":"monotonic_increasing","column":"n"})" << "" << false << Rows{2};
        QTest::newRow("increasing float") << R"({"assert":"monotonic_increasing","column":"x","strict":false})" << "" << false << Rows{4};
        QTest::newRow("increasing float strict") << R"({"assert":"monotonic_increasing","column":"x"})" << "" << false << Rows{2, 4};
        QTest::newRow("increasing passes") << R"({"assert":"monotonic_increasing","column":"d"})" << "" << true << Rows{};
        QTest::newRow("decreasing") << R"({"assert":"monotonic_decreasing","column":"x","strict":false})" << "" << false << Rows{1, 3};
        QTest::newRow("not increasing fails") << R"({"assert":"not_monotonic_increasing","column":"d"})" << "" << false << Rows{};
        QTest::newRow("not increasing passes") << R"({"assert":"not_monotonic_increasing","column":"n"})" << "" << true << Rows{};
        QTest::newRow("not decreasing passes") << R"({"assert":"not_monotonic_decreasing","column":"n"})" << "" << true << Rows{};
        QTest::newRow("monotonic text") << R"({"assert":"monotonic_increasing","column":"s"})" << "parameter 'column'" << false << Rows{};
    }

    void assertion()
    {
        QFETCH(QString, spec);
        QFETCH(QString, error);
        QFETCH(bool, passed);
        QFETCH(Rows, rows);
        const std::string text = spec.toStdString();
        const std::string name = nlohmann::json::parse(text)["assert"].get<std::string>();
        const Assertion *assertion = AssertionRegistry::builtin().find(name);
        QVERIFY2(assertion, name.c_str());
        const CheckLocals locals{{"low", CheckValue::number(3)}};
        verify(run(*assertion, m_table, text, locals, m_environment), error, passed, rows);
    }

    void failureListsValues()
    {
        const Run result = run(*AssertionRegistry::builtin().find("column_pair"), m_table,
                               R"({"column":"d","other":"e","op":"<"})");
        QCOMPARE(result.outcome.offendingValues.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(result.outcome.offendingValues[0]), QString("d=2024-01-02, e=2024-01-01"));
        QCOMPARE(QString::fromStdString(result.outcome.message), QString("2 of 5 rows have d >= e (expected d < e)"));
    }

    void monotonicMessage()
    {
        const Run result = run(*AssertionRegistry::builtin().find("monotonic_increasing"), m_table, R"({"column":"n"})");
        QCOMPARE(QString::fromStdString(result.outcome.message),
                 QString("1 of 4 values in n break the strictly increasing order (each is compared with the value before it)"));
        QCOMPARE(QString::fromStdString(result.outcome.offendingValues.at(0)), QString("3"));
    }
};

QTEST_APPLESS_MAIN(TestAssertionsCompare)
#include "tst_assertions_compare.moc"
