// SufficiencyAnalyzer: every check reaching each of its verdicts, the measured values, duplicate
// rows by hash (with their row indices), constant columns, missing shares and bad input.
#include "core/prep/DuplicateRows.h"
#include "core/train/SufficiencyAnalyzer.h"

#include <QtTest>

#include <cmath>

using namespace loupe;

namespace {

// `counts[i]` rows of class "c<i>" in column y, and `features` float columns f0.. with distinct values.
Table classTable(const std::vector<std::size_t> &counts, std::size_t features = 1)
{
    Column target("y", ColumnType::String);
    for (std::size_t i = 0; i < counts.size(); ++i) {
        for (std::size_t n = 0; n < counts[i]; ++n)
            target.appendString("c" + std::to_string(i));
    }
    Table table;
    for (std::size_t f = 0; f < features; ++f) {
        Column column("f" + std::to_string(f), ColumnType::Float64);
        for (std::size_t row = 0; row < target.size(); ++row)
            column.appendDouble(static_cast<double>(row * (f + 1)));
        table.addColumn(std::move(column));
    }
    table.addColumn(std::move(target));
    return table;
}

SufficiencyReport analyzed(const Table &table, std::optional<ModelSpec> spec = std::nullopt)
{
    SufficiencyOptions options;
    options.target = "y";
    options.spec = std::move(spec);
    auto report = SufficiencyAnalyzer::analyze(table, options);
    if (!report.isOk())
        qFatal("analyze failed: %s", report.message().c_str());
    return report.takeValue();
}

ModelSpec specWithHidden(int hidden)
{
    std::string layers;
    if (hidden > 0)
        layers = R"({"type":"dense","units":)" + std::to_string(hidden) + R"(,"activation":"relu"},)";
    auto spec = ModelSpec::parse(R"({"layers":[)" + layers + R"({"type":"dense","units":2,"activation":"softmax"}],"loss":"categorical_crossentropy"})");
    if (!spec.isOk())
        qFatal("spec: %s", spec.message().c_str());
    return spec.takeValue();
}

Verdict verdictOf(const SufficiencyReport &report, const std::string &id)
{
    const SufficiencyCheck *check = report.find(id);
    if (!check)
        qFatal("no check %s", id.c_str());
    return check->verdict;
}

} // namespace

Q_DECLARE_METATYPE(loupe::Verdict)

class TestSufficiency : public QObject {
    Q_OBJECT

private slots:
    void samplesPerClass_data();
    void samplesPerClass();
    void regressionHasNoClasses();
    void samplesPerFeature_data();
    void samplesPerFeature();
    void featuresFollowTheAutomaticChoice();
    void samplesPerParameter_data();
    void samplesPerParameter();
    void classImbalance_data();
    void classImbalance();
    void duplicateRows();
    void duplicateRowsIgnoreHashOnlyMatches();
    void constantColumns();
    void missingValues();
    void rejectsBadInput();
    void jsonNamesEveryCheck();
};

void TestSufficiency::samplesPerClass_data()
{
    QTest::addColumn<std::vector<std::size_t>>("counts");
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<double>("smallest");
    QTest::newRow("30 each") << std::vector<std::size_t>{30, 40} << Verdict::Ok << 30.0;
    QTest::newRow("one class of 20") << std::vector<std::size_t>{60, 20} << Verdict::Warning << 20.0;
    QTest::newRow("one class of 14") << std::vector<std::size_t>{60, 14} << Verdict::Insufficient << 14.0;
}

void TestSufficiency::samplesPerClass()
{
    QFETCH(std::vector<std::size_t>, counts);
    QFETCH(Verdict, verdict);
    QFETCH(double, smallest);
    const SufficiencyReport report = analyzed(classTable(counts));
    const SufficiencyCheck *check = report.find("samples_per_class");
    QCOMPARE(check->verdict, verdict);
    QCOMPARE(check->value, smallest);
    QCOMPARE(check->required, 30.0);
    QCOMPARE(check->items.size(), counts.size());
    QCOMPARE(check->items[1].second, double(counts[1]));
    QVERIFY2(check->reason.find("'c1' has " + std::to_string(counts[1])) != std::string::npos || counts[1] >= counts[0],
             check->reason.c_str());
    QCOMPARE(report.task, std::string("classification"));
}

void TestSufficiency::regressionHasNoClasses()
{
    Table table = classTable({40}, 2);
    table.column(2) = Column("y", ColumnType::Float64);
    for (std::size_t row = 0; row < 40; ++row)
        table.column(2).appendDouble(row * 0.5);
    const SufficiencyReport report = analyzed(table);
    QCOMPARE(report.task, std::string("regression"));
    QCOMPARE(verdictOf(report, "samples_per_class"), Verdict::Ok);
    QVERIFY(std::isnan(report.find("samples_per_class")->value));
    QCOMPARE(verdictOf(report, "class_imbalance"), Verdict::Ok);
}

void TestSufficiency::samplesPerFeature_data()
{
    QTest::addColumn<std::size_t>("features");
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<double>("perFeature");
    QTest::newRow("60 rows, 1 feature") << std::size_t(1) << Verdict::Ok << 60.0;
    QTest::newRow("60 rows, 6 features") << std::size_t(6) << Verdict::Ok << 10.0;
    QTest::newRow("60 rows, 8 features") << std::size_t(8) << Verdict::Warning << 7.5;
    QTest::newRow("60 rows, 20 features") << std::size_t(20) << Verdict::Insufficient << 3.0;
}

void TestSufficiency::samplesPerFeature()
{
    QFETCH(std::size_t, features);
    QFETCH(Verdict, verdict);
    QFETCH(double, perFeature);
    const SufficiencyReport report = analyzed(classTable({30, 30}, features));
    QCOMPARE(report.features, features);
    QCOMPARE(verdictOf(report, "samples_per_feature"), verdict);
    QCOMPARE(report.find("samples_per_feature")->value, perFeature);
}

// A table that cannot be encoded as it is (an identifier, and a text column above the one-hot cap) is
// counted as the automatic feature choice would train it, the one the Train page starts from: the
// two float features, not one per column.
void TestSufficiency::featuresFollowTheAutomaticChoice()
{
    Table table = classTable({30, 30}, 2);
    Column id("customer_id", ColumnType::Int64);
    Column memo("memo", ColumnType::String);
    for (std::size_t row = 0; row < table.rowCount(); ++row) {
        id.appendInt(static_cast<std::int64_t>(1000 + row));
        memo.appendString("note number " + std::to_string(row));
    }
    table.addColumn(std::move(id));
    table.addColumn(std::move(memo));
    const SufficiencyReport report = analyzed(table);
    QCOMPARE(report.features, std::size_t(2));
    const SufficiencyCheck *check = report.find("samples_per_feature");
    QVERIFY(check);
    QCOMPARE(check->value, 30.0);
    QVERIFY2(check->reason.find("2 model inputs of the automatic feature choice") != std::string::npos, check->reason.c_str());
    QVERIFY2(check->reason.find("leaves out customer_id, memo.") != std::string::npos, check->reason.c_str());
}

void TestSufficiency::samplesPerParameter_data()
{
    QTest::addColumn<int>("hidden");
    QTest::addColumn<std::size_t>("parameters");
    QTest::addColumn<Verdict>("verdict");
    // 60 rows, one feature, two classes.
    QTest::newRow("logistic: 4 parameters") << 0 << std::size_t(4) << Verdict::Ok;
    QTest::newRow("8 hidden: 34 parameters") << 8 << std::size_t(34) << Verdict::Warning;
    QTest::newRow("64 hidden: 258 parameters") << 64 << std::size_t(258) << Verdict::Insufficient;
}

void TestSufficiency::samplesPerParameter()
{
    QFETCH(int, hidden);
    QFETCH(std::size_t, parameters);
    QFETCH(Verdict, verdict);
    const SufficiencyReport report = analyzed(classTable({30, 30}), specWithHidden(hidden));
    QCOMPARE(report.parameters, parameters);
    QCOMPARE(verdictOf(report, "samples_per_parameter"), verdict);
    QCOMPARE(report.find("samples_per_parameter")->value, 60.0 / double(parameters));
    QVERIFY(!analyzed(classTable({30, 30})).find("samples_per_parameter"));
}

void TestSufficiency::classImbalance_data()
{
    QTest::addColumn<std::vector<std::size_t>>("counts");
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<double>("ratio");
    QTest::newRow("balanced") << std::vector<std::size_t>{30, 30} << Verdict::Ok << 1.0;
    QTest::newRow("10 to 1") << std::vector<std::size_t>{300, 30} << Verdict::Ok << 10.0;
    QTest::newRow("12 to 1") << std::vector<std::size_t>{30, 360, 40} << Verdict::Warning << 12.0;
}

void TestSufficiency::classImbalance()
{
    QFETCH(std::vector<std::size_t>, counts);
    QFETCH(Verdict, verdict);
    QFETCH(double, ratio);
    const SufficiencyReport report = analyzed(classTable(counts));
    QCOMPARE(verdictOf(report, "class_imbalance"), verdict);
    QCOMPARE(report.find("class_imbalance")->value, ratio);
}

void TestSufficiency::duplicateRows()
{
    Table table = classTable({30, 30});
    QCOMPARE(verdictOf(analyzed(table), "duplicate_rows"), Verdict::Ok);
    // Rows 7 and 40 repeat rows 2 and 35 in every column.
    table.column(0).doubles()[7] = table.column(0).doubles()[2];
    table.column(0).doubles()[40] = table.column(0).doubles()[35];
    const SufficiencyReport report = analyzed(table);
    const SufficiencyCheck *check = report.find("duplicate_rows");
    QCOMPARE(check->verdict, Verdict::Warning);
    QCOMPARE(check->value, 2.0);
    QCOMPARE(check->rows, (std::vector<std::size_t>{7, 40}));
    QVERIFY2(check->reason.find("starting at row 7, 40") != std::string::npos, check->reason.c_str());
    const DuplicateRowsResult found = DuplicateRows::find(table);
    QCOMPARE(found.originals, (std::vector<std::size_t>{2, 35}));
}

void TestSufficiency::duplicateRowsIgnoreHashOnlyMatches()
{
    // Same numbers, different classes: not duplicates. Missing equals missing.
    Table table;
    Column x("x", ColumnType::Float64);
    Column s("s", ColumnType::String);
    for (int row = 0; row < 4; ++row) {
        x.appendDouble(1.0);
        if (row < 2)
            s.appendMissing();
        else
            s.appendString(row == 2 ? "a" : "b");
    }
    table.addColumn(std::move(x));
    table.addColumn(std::move(s));
    const DuplicateRowsResult found = DuplicateRows::find(table);
    QCOMPARE(found.count, std::size_t(1));
    QCOMPARE(found.firstRows, (std::vector<std::size_t>{1}));
}

void TestSufficiency::constantColumns()
{
    Table table = classTable({30, 30}, 2);
    QCOMPARE(verdictOf(analyzed(table), "constant_columns"), Verdict::Ok);
    for (double &value : table.column(1).doubles())
        value = 5.0;
    SufficiencyReport report = analyzed(table);
    QCOMPARE(verdictOf(report, "constant_columns"), Verdict::Warning);
    QCOMPARE(report.find("constant_columns")->items.front().first, std::string("f1"));
    for (double &value : table.column(0).doubles())
        value = 1.0;
    report = analyzed(table);
    QCOMPARE(verdictOf(report, "constant_columns"), Verdict::Insufficient);
    QCOMPARE(report.overall(), Verdict::Insufficient);
}

void TestSufficiency::missingValues()
{
    Table table = classTable({30, 30}, 2);
    QCOMPARE(verdictOf(analyzed(table), "missing_values"), Verdict::Ok);
    for (std::size_t row = 0; row < 6; ++row)
        table.column(0).validity()[row] = 0;
    table.column(0).recountMissing();
    SufficiencyReport report = analyzed(table);
    QCOMPARE(verdictOf(report, "missing_values"), Verdict::Warning);
    QCOMPARE(report.find("missing_values")->value, 0.1);
    QVERIFY2(report.find("missing_values")->reason.find("'f0', misses 10.0%") != std::string::npos,
             report.find("missing_values")->reason.c_str());
    for (std::size_t row = 0; row < 30; ++row)
        table.column(1).validity()[row] = 0;
    table.column(1).recountMissing();
    report = analyzed(table);
    QCOMPARE(verdictOf(report, "missing_values"), Verdict::Insufficient);
    QCOMPARE(report.find("missing_values")->items.size(), std::size_t(2));
    QCOMPARE(report.find("missing_values")->items[1].second, 0.5);
}

void TestSufficiency::rejectsBadInput()
{
    SufficiencyOptions options;
    options.target = "nope";
    auto report = SufficiencyAnalyzer::analyze(classTable({30, 30}), options);
    QVERIFY(!report.isOk());
    QCOMPARE(report.message(), std::string("target column 'nope' is not in the table"));
    options.target = "y";
    options.excluded = {"zz"};
    QCOMPARE(SufficiencyAnalyzer::analyze(classTable({30, 30}), options).message(),
             std::string("excluded column 'zz' is not in the table"));
    options.excluded.clear();
    QVERIFY(!SufficiencyAnalyzer::analyze(classTable({}), options).isOk());
}

void TestSufficiency::jsonNamesEveryCheck()
{
    const nlohmann::ordered_json json = analyzed(classTable({30, 14}), specWithHidden(0)).toJson();
    QCOMPARE(json["verdict"].get<std::string>(), std::string("insufficient"));
    QCOMPARE(json["parameters"].get<int>(), 4);
    std::vector<std::string> ids;
    for (const auto &check : json["checks"])
        ids.push_back(check["id"].get<std::string>());
    QCOMPARE(ids, (std::vector<std::string>{"samples_per_class", "samples_per_feature", "samples_per_parameter",
                                            "class_imbalance", "duplicate_rows", "constant_columns",
                                            "missing_values"}));
    QCOMPARE(json["checks"][0]["items"]["c1"].get<double>(), 14.0);
}

QTEST_APPLESS_MAIN(TestSufficiency)
#include "tst_sufficiency.moc"
