// Value-set assertions: unique, not_unique, compound_unique, in_set / not_in_set (with marbles' constants),
// levels_equal / levels_not_equal, in_column, not_null, distinct_count_between. Exact failing rows each way.
#include "core/checks/AssertionRegistry.h"
#include "core/checks/CategoricalConstants.h"

#include "AssertionTestKit.h"

using namespace loupe;
using namespace loupe::testkit;

class TestAssertionsSets : public QObject {
    Q_OBJECT

private:
    Table m_table;

private slots:
    void initTestCase()
    {
        m_table.addColumn(intColumn("id", {1, 2, 2, 3, std::nullopt, 3}));
        m_table.addColumn(intColumn("uid", {10, 11, 12, 13, 14, 15}));
        m_table.addColumn(stringColumn("name", {"ann", "bob", "ann", "cy", std::nullopt, "bob"}));
        m_table.addColumn(categoricalColumn("state", {"NY", "CA", "NY", "XX", std::nullopt, "CA"}));
        m_table.addColumn(stringColumn("day", {"Monday", "Tuesday", "Funday", "Sunday", "Monday", std::nullopt}));
        m_table.addColumn(doubleColumn("code", {1.5, 2.5, 1.5, std::nullopt, 0.0, -0.0}));
        m_table.addColumn(intColumn("ref", {3, 1, 2, 2, 9, 1}));
    }

    void assertion_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("error");
        QTest::addColumn<bool>("passed");
        QTest::addColumn<Rows>("rows");

        QTest::newRow("unique int") << R"({"assert":"unique","column":"id"})" << "" << false << Rows{1, 2, 3, 5};
        QTest::newRow("unique text") << R"({"assert":"unique","column":"name"})" << "" << false << Rows{0, 1, 2, 5};
        QTest::newRow("unique float, -0 == 0") << R"({"assert":"unique","column":"code"})" << "" << false << Rows{0, 2, 4, 5};
        QTest::newRow("unique categorical") << R"({"assert":"unique","column":"state"})" << "" << false << Rows{0, 1, 2, 5};
        QTest::newRow("unique passes") << R"({"assert":"unique","column":"uid"})" << "" << true << Rows{};
        QTest::newRow("unique no column") << R"({"assert":"unique","column":"ids"})" << "parameter 'column'" << false << Rows{};
        QTest::newRow("not_unique passes") << R"({"assert":"not_unique","column":"id"})" << "" << true << Rows{};
        QTest::newRow("not_unique fails") << R"({"assert":"not_unique","column":"uid"})" << "" << false << Rows{};
        QTest::newRow("compound passes") << R"({"assert":"compound_unique","columns":["id","name"]})" << "" << true << Rows{};
        QTest::newRow("compound fails") << R"({"assert":"compound_unique","columns":["name","code"]})" << "" << false << Rows{0, 2};
        QTest::newRow("compound one column") << R"({"assert":"compound_unique","columns":["name"]})" << "parameter 'columns'" << false << Rows{};
        QTest::newRow("compound twice") << R"({"assert":"compound_unique","columns":["name","name"]})" << "parameter 'columns'" << false << Rows{};
        QTest::newRow("compound unknown") << R"({"assert":"compound_unique","columns":["name","nope"]})" << "parameter 'columns'" << false << Rows{};

        QTest::newRow("in_set constant categorical") << R"({"assert":"in_set","column":"state","constant":"US_STATES_ABBR"})" << "" << false << Rows{3};
        QTest::newRow("in_set weekdays") << R"({"assert":"in_set","column":"day","constant":"WEEKDAYS"})" << "" << false << Rows{2};
        QTest::newRow("in_set values") << R"({"assert":"in_set","column":"name","values":["ann","bob"]})" << "" << false << Rows{3};
        QTest::newRow("in_set numbers") << R"({"assert":"in_set","column":"id","values":[1,2,3]})" << "" << true << Rows{};
        QTest::newRow("in_set floats") << R"({"assert":"in_set","column":"code","values":[1.5,0]})" << "" << false << Rows{1};
        QTest::newRow("in_set text for numbers") << R"({"assert":"in_set","column":"id","values":["one"]})" << "parameter 'values'" << false << Rows{};
        QTest::newRow("in_set unknown constant") << R"({"assert":"in_set","column":"day","constant":"PLANETS"})" << "parameter 'constant'" << false << Rows{};
        QTest::newRow("in_set both") << R"({"assert":"in_set","column":"day","constant":"WEEKDAYS","values":["x"]})" << "parameter 'values' or 'constant'" << false << Rows{};
        QTest::newRow("in_set neither") << R"({"assert":"in_set","column":"day"})" << "parameter 'values' or 'constant'" << false << Rows{};
        QTest::newRow("in_set empty") << R"({"assert":"in_set","column":"day","values":[]})" << "parameter 'values'" << false << Rows{};
        QTest::newRow("not_in_set") << R"({"assert":"not_in_set","column":"name","values":["bob"]})" << "" << false << Rows{1, 5};
        QTest::newRow("not_in_set passes") << R"({"assert":"not_in_set","column":"state","constant":"CONTINENTS"})" << "" << true << Rows{};

        QTest::newRow("levels_equal passes") << R"({"assert":"levels_equal","column":"state","values":["NY","CA","XX"]})" << "" << true << Rows{};
        QTest::newRow("levels_equal extra value") << R"({"assert":"levels_equal","column":"state","values":["NY","CA","TX"]})" << "" << false << Rows{3};
        QTest::newRow("levels_equal unseen level") << R"({"assert":"levels_equal","column":"state","values":["NY","CA","XX","TX"]})" << "" << false << Rows{};
        QTest::newRow("levels_not_equal fails") << R"({"assert":"levels_not_equal","column":"state","values":["CA","NY","XX"]})" << "" << false << Rows{};
        QTest::newRow("levels_not_equal passes") << R"({"assert":"levels_not_equal","column":"state","values":["NY"]})" << "" << true << Rows{};

        QTest::newRow("in_column fails") << R"({"assert":"in_column","column":"ref","other":"id"})" << "" << false << Rows{4};
        QTest::newRow("in_column passes") << R"({"assert":"in_column","column":"id","other":"ref"})" << "" << true << Rows{};
        QTest::newRow("in_column text") << R"({"assert":"in_column","column":"state","other":"state"})" << "" << true << Rows{};
        QTest::newRow("in_column kinds differ") << R"({"assert":"in_column","column":"id","other":"name"})" << "parameter 'other'" << false << Rows{};

        QTest::newRow("not_null fails") << R"({"assert":"not_null","column":"id"})" << "" << false << Rows{4};
        QTest::newRow("not_null passes") << R"({"assert":"not_null","column":"uid"})" << "" << true << Rows{};
        QTest::newRow("not_null no column") << R"({"assert":"not_null"})" << "parameter 'column'" << false << Rows{};

        QTest::newRow("distinct passes") << R"({"assert":"distinct_count_between","column":"id","min":3,"max":3})" << "" << true << Rows{};
        QTest::newRow("distinct fails") << R"({"assert":"distinct_count_between","column":"name","max":2})" << "" << false << Rows{};
        QTest::newRow("distinct no bound") << R"({"assert":"distinct_count_between","column":"name"})" << "parameter 'min' or 'max'" << false << Rows{};
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
        verify(run(*assertion, m_table, text), error, passed, rows);
    }

    void uniqueMessageAndValues()
    {
        const Run result = run(*AssertionRegistry::builtin().find("unique"), m_table, R"({"column":"name"})");
        QCOMPARE(QString::fromStdString(result.outcome.message),
                 QString("4 of 5 values in name are not unique (2 values occur more than once)"));
        QCOMPARE(result.outcome.offendingValues, (std::vector<std::string>{"ann", "bob", "ann", "bob"}));
    }

    void compoundValues()
    {
        const Run result = run(*AssertionRegistry::builtin().find("compound_unique"), m_table,
                               R"({"columns":["name","code"]})");
        QCOMPARE(result.outcome.offendingValues.front(), std::string("name=ann, code=1.5"));
        QCOMPARE(result.outcome.columns, (std::vector<std::string>{"name", "code"}));
    }

    void levelsNeverSeenAreNamed()
    {
        const Run result = run(*AssertionRegistry::builtin().find("levels_equal"), m_table,
                               R"({"column":"state","values":["NY","CA","XX","TX"]})");
        QVERIFY2(QString::fromStdString(result.outcome.message).contains("levels never seen: TX"),
                 result.outcome.message.c_str());
    }

    void notNullCountsEveryRow()
    {
        const Run result = run(*AssertionRegistry::builtin().find("not_null"), m_table, R"({"column":"day"})");
        QCOMPARE(result.outcome.checkedCount, std::uint64_t(6));
        QCOMPARE(rowsOf(result.outcome), (Rows{5}));
    }

    void constantsAreMarbles()
    {
        QCOMPARE(CategoricalConstants::find("US_STATES").size(), std::size_t(50));
        QCOMPARE(CategoricalConstants::find("US_STATES_ABBR").size(), std::size_t(50));
        QCOMPARE(CategoricalConstants::find("US_TERRITORIES").size(), std::size_t(9));
        QCOMPARE(CategoricalConstants::find("US_TERRITORIES_ABBR")[1], std::string_view("DC"));
        QCOMPARE(CategoricalConstants::find("MONTHS_ABBR")[8], std::string_view("Sep"));
        QCOMPARE(CategoricalConstants::find("WEEKDAYS").front(), std::string_view("Monday"));
        QCOMPARE(CategoricalConstants::find("CONTINENTS").size(), std::size_t(7));
        QVERIFY(CategoricalConstants::find("weekdays").empty());
    }
};

QTEST_APPLESS_MAIN(TestAssertionsSets)
#include "tst_assertions_sets.moc"
