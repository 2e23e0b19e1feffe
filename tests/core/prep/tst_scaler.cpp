// Scaler, LeakageGuard and TableScaling: hand-computed values for every method, fit on the training
// rows only, the fitted map applied unchanged, the refusal to fit on test rows, constant columns,
// missing values, the JSON round trip, and the scaling choices of TableEncoding.
#include "core/prep/LeakageGuard.h"
#include "core/prep/Scaler.h"
#include "core/prep/TableScaling.h"
#include "core/train/TableEncoding.h"

#include <QtTest>

#include <cmath>
#include <optional>

using namespace loupe;

namespace {

Column numbers(const std::string &name, const std::vector<std::optional<double>> &values)
{
    Column column(name, ColumnType::Float64);
    for (const auto &value : values) {
        if (value)
            column.appendDouble(*value);
        else
            column.appendMissing();
    }
    return column;
}

// Rows 0-3 are the training rows, 4-5 the test rows.
//   a: training 3, 1, 0, 4 -> mean 2, population variance 2.5, min 0, max 4
//   b: second column for the row norms; c: constant 7 on the training rows; d: with missing cells
Table sample()
{
    Table table;
    table.addColumn(numbers("a", {3, 1, 0, 4, 10, 20}));
    table.addColumn(numbers("b", {4, 0, 0, 3, 1, 1}));
    table.addColumn(numbers("c", {7, 7, 7, 7, 1, 7}));
    table.addColumn(numbers("d", {1, std::nullopt, 3, 5, std::nullopt, 2}));
    Column text("name", ColumnType::String);
    for (const char *value : {"x", "y", "z", "x", "y", "z"})
        text.appendString(value);
    table.addColumn(std::move(text));
    return table;
}

const std::vector<std::size_t> s_train = {0, 1, 2, 3};
const std::vector<std::size_t> s_test = {4, 5};

Scaler fitted(ScalingMethod method, std::vector<std::string> columns, double low = 0.0, double high = 1.0)
{
    ScalerOptions options;
    options.method = method;
    options.columns = std::move(columns);
    options.rangeLow = low;
    options.rangeHigh = high;
    auto scaler = Scaler::fit(sample(), options, s_train, s_test);
    if (!scaler.isOk())
        qFatal("fit failed: %s", scaler.message().c_str());
    return scaler.takeValue();
}

std::vector<double> scaledColumn(const Scaler &scaler, const std::string &name)
{
    auto table = scaler.transform(sample());
    if (!table.isOk())
        qFatal("transform failed: %s", table.message().c_str());
    const Column &column = *table.value().find(name);
    std::vector<double> values;
    for (std::size_t row = 0; row < column.size(); ++row)
        values.push_back(column.isValid(row) ? column.doubleAt(row) : std::nan(""));
    return values;
}

void compareValues(const std::vector<double> &actual, const std::vector<double> &expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        if (std::isnan(expected[i])) {
            QVERIFY2(std::isnan(actual[i]), qPrintable(QStringLiteral("row %1 should stay missing").arg(i)));
            continue;
        }
        QVERIFY2(std::fabs(actual[i] - expected[i]) < 1e-12,
                 qPrintable(QStringLiteral("row %1: %2, expected %3").arg(i).arg(actual[i]).arg(expected[i])));
    }
}

} // namespace

class TestScaler : public QObject {
    Q_OBJECT

private slots:
    void perColumnMethods_data();
    void perColumnMethods();
    void rowMethods_data();
    void rowMethods();
    void fitsOnTrainingRowsOnly();
    void appliesUnchangedToNewData();
    void refusesTestRows_data();
    void refusesTestRows();
    void constantColumns_data();
    void constantColumns();
    void missingValuesSkippedAndKept();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void jsonRejectsBadParameters_data();
    void jsonRejectsBadParameters();
    void tableScalingRefusesFitOnAll();
    void trainingEncodingUsesTheChosenScaling();
};

void TestScaler::perColumnMethods_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<std::vector<double>>("expected");
    const double sd = std::sqrt(2.5);
    QTest::newRow("standard") << int(ScalingMethod::Standardize) << 0.0 << 1.0
                              << std::vector<double>{1 / sd, -1 / sd, -2 / sd, 2 / sd, 8 / sd, 18 / sd};
    QTest::newRow("minmax") << int(ScalingMethod::MinMax) << 0.0 << 1.0
                            << std::vector<double>{0.75, 0.25, 0.0, 1.0, 2.5, 5.0};
    QTest::newRow("minmax to [-1, 1]") << int(ScalingMethod::MinMax) << -1.0 << 1.0
                                       << std::vector<double>{0.5, -0.5, -1.0, 1.0, 4.0, 9.0};
    QTest::newRow("mean") << int(ScalingMethod::MeanNormalize) << 0.0 << 1.0
                          << std::vector<double>{0.25, -0.25, -0.5, 0.5, 2.0, 4.5};
}

void TestScaler::perColumnMethods()
{
    QFETCH(int, method);
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(std::vector<double>, expected);
    const Scaler scaler = fitted(ScalingMethod(method), {"a"}, low, high);
    compareValues(scaledColumn(scaler, "a"), expected);
    QCOMPARE(scaler.apply(0, 4.0), expected[3]);
}

void TestScaler::rowMethods_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<std::vector<double>>("expectedA");
    QTest::addColumn<std::vector<double>>("expectedB");
    // Row 2 is (0, 0): its norm is 0 and it stays as it is.
    QTest::newRow("l1") << int(ScalingMethod::UnitL1) << std::vector<double>{3.0 / 7, 1, 0, 4.0 / 7, 10.0 / 11, 20.0 / 21}
                        << std::vector<double>{4.0 / 7, 0, 0, 3.0 / 7, 1.0 / 11, 1.0 / 21};
    QTest::newRow("l2") << int(ScalingMethod::UnitL2)
                        << std::vector<double>{0.6, 1, 0, 0.8, 10 / std::sqrt(101.0), 20 / std::sqrt(401.0)}
                        << std::vector<double>{0.8, 0, 0, 0.6, 1 / std::sqrt(101.0), 1 / std::sqrt(401.0)};
}

void TestScaler::rowMethods()
{
    QFETCH(int, method);
    QFETCH(std::vector<double>, expectedA);
    QFETCH(std::vector<double>, expectedB);
    const Scaler scaler = fitted(ScalingMethod(method), {"a", "b"});
    compareValues(scaledColumn(scaler, "a"), expectedA);
    compareValues(scaledColumn(scaler, "b"), expectedB);
}

void TestScaler::fitsOnTrainingRowsOnly()
{
    const Scaler scaler = fitted(ScalingMethod::Standardize, {"a"});
    const ColumnMoments &moments = scaler.columns()[0].moments;
    QCOMPARE(moments.count, std::size_t(4));
    QCOMPARE(moments.mean, 2.0); // all six rows would give 38 / 6
    QCOMPARE(moments.min, 0.0);
    QCOMPARE(moments.max, 4.0); // all rows would give 20
    QVERIFY(std::fabs(moments.stddev - std::sqrt(2.5)) < 1e-12);
    QCOMPARE(scaler.fitRowCount(), std::size_t(4));
}

void TestScaler::appliesUnchangedToNewData()
{
    const Scaler scaler = fitted(ScalingMethod::MinMax, {"a"});
    Table live;
    live.addColumn(numbers("a", {2, 8, -4}));
    auto scaled = scaler.transform(live);
    QVERIFY(scaled.isOk());
    const Column &a = scaled.value().column(0);
    QCOMPARE(a.doubleAt(0), 0.5);
    QCOMPARE(a.doubleAt(1), 2.0);   // outside [0, 1]: the training map is not refitted
    QCOMPARE(a.doubleAt(2), -1.0);
    QCOMPARE(scaled.value().rowCount(), std::size_t(3));
}

void TestScaler::refusesTestRows_data()
{
    QTest::addColumn<std::vector<std::size_t>>("fitRows");
    QTest::addColumn<std::vector<std::size_t>>("testRows");
    QTest::addColumn<QString>("named");
    QTest::newRow("one test row") << std::vector<std::size_t>{0, 1, 2, 3, 4} << s_test
                                  << QStringLiteral("refusing to fit on 1 row(s) of the test split (row indices 4;");
    QTest::newRow("every row") << std::vector<std::size_t>{5, 4, 3, 2, 1, 0} << s_test
                               << QStringLiteral("refusing to fit on 2 row(s) of the test split (row indices 4, 5;");
    QTest::newRow("more than five")
        << std::vector<std::size_t>{0, 1, 2, 3, 4, 5} << std::vector<std::size_t>{5, 4, 3, 2, 1, 0}
        << QStringLiteral("6 row(s) of the test split (row indices 0, 1, 2, 3, 4, ...; 0-based)");
}

void TestScaler::refusesTestRows()
{
    QFETCH(std::vector<std::size_t>, fitRows);
    QFETCH(std::vector<std::size_t>, testRows);
    QFETCH(QString, named);
    ScalerOptions options;
    options.columns = {"a"};
    auto scaler = Scaler::fit(sample(), options, fitRows, testRows);
    QVERIFY(!scaler.isOk());
    QCOMPARE(scaler.status().code(), StatusCode::InvalidInput);
    QVERIFY2(QString::fromStdString(scaler.message()).contains(named), scaler.message().c_str());
    QVERIFY(LeakageGuard::checkFitRows(s_train, s_test).isOk());
}

void TestScaler::constantColumns_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<double>("low");
    QTest::addColumn<std::vector<double>>("expected");
    // c is 7 on every training row; the test row 4 holds 1: it keeps its offset -6 from the constant.
    QTest::newRow("standard") << int(ScalingMethod::Standardize) << 0.0 << std::vector<double>{0, 0, 0, 0, -6, 0};
    QTest::newRow("minmax") << int(ScalingMethod::MinMax) << 0.0 << std::vector<double>{0, 0, 0, 0, -6, 0};
    QTest::newRow("minmax to [-1, 1]") << int(ScalingMethod::MinMax) << -1.0
                                       << std::vector<double>{-1, -1, -1, -1, -7, -1};
    QTest::newRow("mean") << int(ScalingMethod::MeanNormalize) << 0.0 << std::vector<double>{0, 0, 0, 0, -6, 0};
}

void TestScaler::constantColumns()
{
    QFETCH(int, method);
    QFETCH(double, low);
    QFETCH(std::vector<double>, expected);
    const Scaler scaler = fitted(ScalingMethod(method), {"c"}, low, 1.0);
    QVERIFY(scaler.columns()[0].affine.constant);
    QCOMPARE(scaler.columns()[0].affine.scale, 1.0);
    compareValues(scaledColumn(scaler, "c"), expected);
}

void TestScaler::missingValuesSkippedAndKept()
{
    // d on the training rows: 1, missing, 3, 5 -> mean 3 over three values.
    const Scaler scaler = fitted(ScalingMethod::Standardize, {"d"});
    QCOMPARE(scaler.columns()[0].moments.count, std::size_t(3));
    QCOMPARE(scaler.columns()[0].moments.mean, 3.0);
    const double sd = std::sqrt(8.0 / 3.0);
    compareValues(scaledColumn(scaler, "d"), {-2 / sd, std::nan(""), 0, 2 / sd, std::nan(""), -1 / sd});
    auto table = scaler.transform(sample());
    QCOMPARE(table.value().find("d")->missingCount(), std::size_t(2));
    // L2 over a and d: a missing cell leaves the norm to the present ones and stays missing.
    const Scaler rows = fitted(ScalingMethod::UnitL2, {"a", "d"});
    compareValues(scaledColumn(rows, "d"), {1 / std::sqrt(10.0), std::nan(""), 1, 5 / std::sqrt(41.0), std::nan(""),
                                            2 / std::sqrt(404.0)});
    compareValues(scaledColumn(rows, "a"), {3 / std::sqrt(10.0), 1, 0, 4 / std::sqrt(41.0), 1, 20 / std::sqrt(404.0)});
}

void TestScaler::rejectsBadInput_data()
{
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<std::vector<std::size_t>>("fitRows");
    QTest::addColumn<double>("high");
    QTest::addColumn<QString>("message");
    QTest::newRow("no columns") << QStringList() << s_train << 1.0 << "no columns chosen";
    QTest::newRow("unknown column") << QStringList{"zz"} << s_train << 1.0 << "column 'zz' is not in the table";
    QTest::newRow("text column") << QStringList{"name"} << s_train << 1.0 << "column 'name' (string) is not numeric";
    QTest::newRow("named twice") << QStringList{"a", "a"} << s_train << 1.0 << "column 'a' is named twice";
    QTest::newRow("no rows") << QStringList{"a"} << std::vector<std::size_t>{} << 1.0 << "no fitting rows";
    QTest::newRow("row past the end") << QStringList{"a"} << std::vector<std::size_t>{0, 9} << 1.0
                                      << "row index 9 is past the table's 6 rows";
    QTest::newRow("only missing") << QStringList{"d"} << std::vector<std::size_t>{1} << 1.0
                                  << "column 'd' (float64) has no present value";
    QTest::newRow("empty range") << QStringList{"a"} << s_train << 0.0 << "low < high";
}

void TestScaler::rejectsBadInput()
{
    QFETCH(QStringList, columns);
    QFETCH(std::vector<std::size_t>, fitRows);
    QFETCH(double, high);
    QFETCH(QString, message);
    ScalerOptions options;
    options.method = ScalingMethod::MinMax;
    options.rangeHigh = high;
    for (const QString &column : columns)
        options.columns.push_back(column.toStdString());
    auto scaler = Scaler::fit(sample(), options, fitRows, {});
    QVERIFY(!scaler.isOk());
    QVERIFY2(QString::fromStdString(scaler.message()).contains(message), scaler.message().c_str());
}

void TestScaler::jsonRoundTrip_data()
{
    QTest::addColumn<int>("method");
    for (ScalingMethod method : {ScalingMethod::Standardize, ScalingMethod::MinMax, ScalingMethod::MeanNormalize,
                                 ScalingMethod::UnitL1, ScalingMethod::UnitL2})
        QTest::newRow(scalingMethodName(method).c_str()) << int(method);
}

void TestScaler::jsonRoundTrip()
{
    QFETCH(int, method);
    const Scaler original = fitted(ScalingMethod(method), {"a", "c", "d"}, -2.0, 3.0);
    const std::string text = original.toJson().dump();
    auto loaded = Scaler::fromJsonText(text);
    QVERIFY2(loaded.isOk(), loaded.message().c_str());
    QCOMPARE(loaded.value().toJson().dump(), text);
    QCOMPARE(loaded.value().method(), ScalingMethod(method));
    for (const char *name : {"a", "c", "d"})
        compareValues(scaledColumn(loaded.value(), name), scaledColumn(original, name));
}

void TestScaler::jsonRejectsBadParameters_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("not json") << "{" << "scaler parameters:1:2: not valid JSON";
    QTest::newRow("number beyond a double (issue 13)") << R"({"method":"standard","range":[0,1e999]})"
                                                       << "scaler parameters:1:33: the number 1e999 is outside the range of a double (at range[1])";
    QTest::newRow("unknown method") << R"({"method":"robust","columns":[{"name":"a","center":0,"scale":1}]})"
                                    << "method: unknown method \"robust\"";
    QTest::newRow("no columns") << R"({"method":"standard","columns":[]})" << "columns: expected a non-empty array";
    QTest::newRow("zero scale") << R"({"method":"standard","columns":[{"name":"a","center":0,"scale":0}]})"
                                << "columns[0].scale: must not be 0";
    QTest::newRow("text center") << R"({"method":"standard","columns":[{"name":"a","center":"0","scale":1}]})"
                                 << "columns[0].center: expected a finite number";
    QTest::newRow("bad range") << R"({"method":"minmax","range":[1,0],"columns":[{"name":"a","center":0,"scale":1}]})"
                               << "range: expected finite numbers with low < high";
}

void TestScaler::jsonRejectsBadParameters()
{
    QFETCH(QString, json);
    QFETCH(QString, message);
    auto scaler = Scaler::fromJsonText(json.toStdString());
    QVERIFY(!scaler.isOk());
    QVERIFY2(QString::fromStdString(scaler.message()).contains(message), scaler.message().c_str());
}

void TestScaler::tableScalingRefusesFitOnAll()
{
    ScalingRequest request;
    request.scaler.columns = {"a"};
    request.testFraction = 0.5;
    request.seed = 3;
    auto fair = TableScaling::run(sample(), request);
    QVERIFY2(fair.isOk(), fair.message().c_str());
    QCOMPARE(fair.value().partition.test.size(), std::size_t(3));
    QCOMPARE(fair.value().scaler.fitRowCount(), std::size_t(3));
    request.fitOn = FitRows::All;
    auto leaky = TableScaling::run(sample(), request);
    QVERIFY(!leaky.isOk());
    QVERIFY2(QString::fromStdString(leaky.message()).contains("refusing to fit on 3 row(s) of the test split"),
             leaky.message().c_str());
    request.testFraction = 0.0; // no test split: every row is a training row
    QVERIFY(TableScaling::run(sample(), request).isOk());
    QCOMPARE(TableScaling::numericColumns(sample()), (std::vector<std::string>{"a", "b", "c", "d"}));
}

void TestScaler::trainingEncodingUsesTheChosenScaling()
{
    Table table;
    table.addColumn(numbers("a", {3, 1, 0, 4, 10, 20}));
    table.addColumn(numbers("b", {4, 0, 0, 3, 1, 1}));
    table.addColumn(numbers("y", {1, 2, 3, 4, 5, 6}));
    TableEncodingOptions options;
    options.target = "y";
    options.scaling = FeatureScaling::MinMax;
    auto plan = TableEncoding::plan(table, options, s_train);
    QVERIFY2(plan.isOk(), plan.message().c_str());
    QCOMPARE(plan.value().columns[0].center, 0.0);
    QCOMPARE(plan.value().columns[0].scale, 4.0);
    auto encoded = plan.value().encode(table, s_test);
    QVERIFY(encoded.isOk());
    QCOMPARE(encoded.value().features()(0, 0), 2.5f);

    options.scaling = FeatureScaling::UnitL2;
    plan = TableEncoding::plan(table, options, s_train);
    QVERIFY(plan.isOk());
    QCOMPARE(plan.value().scaling, FeatureScaling::UnitL2);
    encoded = plan.value().encode(table, {0, 2});
    QVERIFY(encoded.isOk());
    QCOMPARE(encoded.value().features()(0, 0), 0.6f);
    QCOMPARE(encoded.value().features()(0, 1), 0.8f);
    QCOMPARE(encoded.value().features()(1, 0), 0.0f); // zero norm: left as it is
}

QTEST_APPLESS_MAIN(TestScaler)
#include "tst_scaler.moc"
