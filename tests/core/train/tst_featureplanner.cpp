// FeaturePlanner: which columns a model trains on, and why the others are left out (identifiers,
// unique strings, free text above the one-hot cap, personal data, constant and mostly-missing
// columns), the user's explicit choices beating the proposal, the missing-value policy, the
// target's class balance, and TrainingDataService training on the plan and returning it.

#include "core/data/CsvReader.h"
#include "core/train/FeaturePlanner.h"
#include "core/train/TrainingDataService.h"

#include <nlohmann/json.hpp>

#include <QtTest>

using namespace loupe;

namespace {

// 40 rows, one column per rule; "label" is the target (10 yes, 30 no).
std::shared_ptr<const Table> ruleTable()
{
    const char *colors[] = {"red", "green", "blue"};
    const char *holders[] = {"Eve Smith", "Ines Haddad", "Bob Silva", "Grace Novak", "Anne-Marie O'Neil"};
    std::string csv = "row_id,order_code,customer_id,memo,email,country,color,amount,sparse,partly,birth_date,"
                      "flag,holder_name,label\n";
    for (int i = 0; i < 40; ++i) {
        char line[400];
        std::snprintf(line, sizeof line,
                      "%d,A%04d,%d,memo %d,user%d@example.com,NL,%s,%.2f,%s,%s,19%02d-0%d-1%d,%s,%s,%s\n", i + 1,
                      (i * 37) % 1000, 100 + i % 7, i % 30, i % 25, colors[i % 3], 10.0 + i * 1.25,
                      i % 4 == 0 ? "3.5" : "", i % 20 == 3 ? "" : std::to_string(i % 9).c_str(), 50 + i % 40,
                      1 + i % 9, i % 9, i % 2 ? "true" : "false", holders[i % 5], i % 4 == 0 ? "yes" : "no");
        csv += line;
    }
    auto report = CsvReader().readBuffer(csv, "rules.csv");
    if (!report.isOk())
        qFatal("rule CSV does not parse: %s", report.message().c_str());
    return std::make_shared<const Table>(report.takeValue().table);
}

FeaturePlanOptions labelOptions()
{
    FeaturePlanOptions options;
    options.target = "label";
    return options;
}

FeaturePlan proposed(const FeaturePlanOptions &options)
{
    auto plan = FeaturePlanner::propose(*ruleTable(), options);
    if (!plan.isOk())
        qFatal("proposal failed: %s", plan.message().c_str());
    return plan.takeValue();
}

} // namespace

class TestFeaturePlanner : public QObject {
    Q_OBJECT

private slots:
    void proposesRoleAndReason_data();
    void proposesRoleAndReason();
    void explicitChoicesOverride_data();
    void explicitChoicesOverride();
    void missingValuePolicy();
    void classBalanceOfTheTarget();
    void badNamesAreRefused_data();
    void badNamesAreRefused();
    void serviceTrainsOnThePlan();
    void serviceKeepsExplicitExclusionsAuthoritative();
    void planJsonNamesEveryColumn();
};

void TestFeaturePlanner::proposesRoleAndReason_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<int>("role");
    QTest::addColumn<int>("reason");
    QTest::addColumn<QString>("detail"); // a part of the detail text
    auto row = [](const char *name, FeatureRole role, IgnoreReason reason, const char *detail) {
        QTest::newRow(name) << QString::fromLatin1(name) << int(role) << int(reason) << QString::fromLatin1(detail);
    };
    row("row_id", FeatureRole::Ignored, IgnoreReason::Identifier, "unique in every row");
    row("order_code", FeatureRole::Ignored, IgnoreReason::Identifier, "unique in every row");
    row("customer_id", FeatureRole::Ignored, IgnoreReason::Identifier, "named like an identifier (7 distinct");
    row("memo", FeatureRole::Ignored, IgnoreReason::HighCardinality, "30 distinct values, above the one-hot cap of 20");
    row("email", FeatureRole::Ignored, IgnoreReason::PersonalData, "email in 100% of 40 sampled cells");
    row("country", FeatureRole::Ignored, IgnoreReason::Constant, "('NL')");
    row("sparse", FeatureRole::Ignored, IgnoreReason::Missing, "missing in 75% of the rows");
    row("birth_date", FeatureRole::Ignored, IgnoreReason::PersonalData, "named like a birth date");
    // Five names, far below the one-hot cap: left out for what they are, not for their number.
    row("holder_name", FeatureRole::Ignored, IgnoreReason::PersonalData, "person names");
    row("color", FeatureRole::Feature, IgnoreReason::None, "one-hot, 3 levels");
    row("amount", FeatureRole::Feature, IgnoreReason::None, "number");
    row("partly", FeatureRole::Feature, IgnoreReason::None, "number");
    row("flag", FeatureRole::Feature, IgnoreReason::None, "0/1");
    row("label", FeatureRole::Target, IgnoreReason::None, "classification, 2 classes");
}

void TestFeaturePlanner::proposesRoleAndReason()
{
    QFETCH(QString, column);
    QFETCH(int, role);
    QFETCH(int, reason);
    QFETCH(QString, detail);
    const FeaturePlan plan = proposed(labelOptions());
    const FeatureColumn *planned = plan.find(column.toStdString());
    QVERIFY(planned);
    QCOMPARE(int(planned->role), role);
    QCOMPARE(int(planned->reason), reason);
    QVERIFY2(QString::fromStdString(planned->detail).contains(detail), planned->detail.c_str());
    QVERIFY(!planned->chosen);
}

void TestFeaturePlanner::explicitChoicesOverride_data()
{
    QTest::addColumn<QStringList>("ignored");
    QTest::addColumn<QStringList>("kept");
    QTest::addColumn<bool>("asGiven");
    QTest::addColumn<QStringList>("features"); // the feature columns, table order
    const QStringList proposal{"color", "amount", "partly", "flag"};
    QTest::newRow("the proposal") << QStringList() << QStringList() << false << proposal;
    QTest::newRow("kept beats an identifier") << QStringList() << QStringList{"customer_id"} << false
                                              << QStringList{"customer_id", "color", "amount", "partly", "flag"};
    QTest::newRow("kept beats free text") << QStringList() << QStringList{"memo"} << false
                                          << QStringList{"memo", "color", "amount", "partly", "flag"};
    QTest::newRow("ignored beats a small categorical") << QStringList{"color"} << QStringList() << false
                                                       << QStringList{"amount", "partly", "flag"};
    QTest::newRow("as given: only the user's exclusions")
        << QStringList{"row_id", "order_code", "email", "memo", "sparse", "birth_date", "holder_name"} << QStringList()
        << true
        << QStringList{"customer_id", "country", "color", "amount", "partly", "flag"};
}

void TestFeaturePlanner::explicitChoicesOverride()
{
    QFETCH(QStringList, ignored);
    QFETCH(QStringList, kept);
    QFETCH(bool, asGiven);
    QFETCH(QStringList, features);
    FeaturePlanOptions options = labelOptions();
    for (const QString &name : ignored)
        options.ignored.push_back(name.toStdString());
    for (const QString &name : kept)
        options.kept.push_back(name.toStdString());
    options.selection = asGiven ? ColumnSelection::AsGiven : ColumnSelection::Proposed;
    const FeaturePlan plan = proposed(options);
    QStringList got;
    for (const FeatureColumn &column : plan.columns) {
        if (column.role == FeatureRole::Feature)
            got << QString::fromStdString(column.name);
        const bool named = ignored.contains(QString::fromStdString(column.name))
                           || kept.contains(QString::fromStdString(column.name));
        QCOMPARE(column.chosen, named);
        if (ignored.contains(QString::fromStdString(column.name)))
            QCOMPARE(column.reason, IgnoreReason::Chosen);
    }
    QCOMPARE(got, features);
}

void TestFeaturePlanner::missingValuePolicy()
{
    FeaturePlanOptions options = labelOptions();
    const FeaturePlan imputed = proposed(options);
    QCOMPARE(imputed.missing, MissingValues::Impute); // "partly" has missing values
    QVERIFY(!imputed.missingChosen);
    QVERIFY2(imputed.missingNote.find("partly (2 rows)") != std::string::npos, imputed.missingNote.c_str());

    options.missing = MissingValues::Reject;
    const FeaturePlan rejected = proposed(options);
    QCOMPARE(rejected.missing, MissingValues::Reject);
    QVERIFY(rejected.missingChosen);

    options.missing.reset();
    options.ignored = {"partly"};
    QCOMPARE(proposed(options).missing, MissingValues::Reject); // no feature column misses a value

    options.ignored.clear();
    options.selection = ColumnSelection::AsGiven;
    QCOMPARE(proposed(options).missing, MissingValues::Reject); // no proposal: missing values stay an error
}

void TestFeaturePlanner::classBalanceOfTheTarget()
{
    const FeaturePlan plan = proposed(labelOptions());
    QCOMPARE(plan.classes.size(), std::size_t(2));
    QCOMPARE(plan.classes[0].label, std::string("no"));
    QCOMPARE(plan.classes[0].count, std::size_t(30));
    QCOMPARE(plan.classes[1].label, std::string("yes"));
    QCOMPARE(plan.classes[1].count, std::size_t(10));

    FeaturePlanOptions options = labelOptions();
    options.target = "amount"; // a number: regression, no classes
    const FeaturePlan regression = proposed(options);
    QVERIFY(regression.classes.empty());
    QVERIFY(regression.find("amount")->detail.find("regression") != std::string::npos);
}

void TestFeaturePlanner::badNamesAreRefused_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("ignored");
    QTest::addColumn<QStringList>("kept");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown target") << "nope" << QStringList() << QStringList()
                                    << "target column 'nope' is not in the table (columns: 'row_id'";
    QTest::newRow("unknown excluded") << "label" << QStringList{"zz"} << QStringList()
                                      << "excluded column 'zz' is not in the table";
    QTest::newRow("unknown kept") << "label" << QStringList() << QStringList{"zz"} << "kept column 'zz' is not in the table";
    QTest::newRow("target excluded") << "label" << QStringList{"label"} << QStringList()
                                     << "column 'label' is the target and cannot also be excluded";
    QTest::newRow("both lists") << "label" << QStringList{"memo"} << QStringList{"memo"}
                                << "column 'memo' is both kept and excluded";
}

void TestFeaturePlanner::badNamesAreRefused()
{
    QFETCH(QString, target);
    QFETCH(QStringList, ignored);
    QFETCH(QStringList, kept);
    QFETCH(QString, message);
    FeaturePlanOptions options;
    options.target = target.toStdString();
    for (const QString &name : ignored)
        options.ignored.push_back(name.toStdString());
    for (const QString &name : kept)
        options.kept.push_back(name.toStdString());
    auto plan = FeaturePlanner::propose(*ruleTable(), options);
    QVERIFY(!plan.isOk());
    QCOMPARE(plan.status().code(), StatusCode::InvalidInput);
    QVERIFY2(QString::fromStdString(plan.message()).startsWith(message), plan.message().c_str());
}

void TestFeaturePlanner::serviceTrainsOnThePlan()
{
    TrainingDataRequest request;
    request.source = TrainingDataRequest::Source::Table;
    request.table = ruleTable();
    request.tableName = "rules.csv";
    request.target = "label";
    auto spec = ModelSpec::parse(R"({"layers": [{"type": "dense", "units": 2, "activation": "softmax"}], "loss": "categorical_crossentropy", "seed": 3})");
    QVERIFY(spec.isOk());
    auto data = TrainingDataService::prepare(request, spec.value());
    QVERIFY2(data.isOk(), data.message().c_str());
    QVERIFY(data.value().featurePlan.has_value());
    const FeaturePlan &plan = *data.value().featurePlan;
    QCOMPARE(data.value().featureNames, (std::vector<std::string>{"color=blue", "color=green", "color=red", "amount",
                                                                   "partly", "flag"}));
    QCOMPARE(Index(plan.featureWidth()), data.value().train.featureCount());
    QCOMPARE(plan.ignoredCount(), std::size_t(9));
    // The GUI proposes with the same options, so it shows what the run uses.
    auto again = FeaturePlanner::propose(*request.table, TrainingDataService::planOptionsFor(request));
    QVERIFY(again.isOk());
    QCOMPARE(again.value().excluded(), plan.excluded());
}

void TestFeaturePlanner::serviceKeepsExplicitExclusionsAuthoritative()
{
    TrainingDataRequest request;
    request.source = TrainingDataRequest::Source::Table;
    request.table = ruleTable();
    request.target = "label";
    request.selection = ColumnSelection::AsGiven;
    request.excluded = {"row_id", "order_code", "customer_id", "memo", "email",
                        "sparse", "birth_date", "holder_name", "partly"};
    auto spec = ModelSpec::parse(R"({"layers": [{"type": "dense", "units": 2, "activation": "softmax"}], "loss": "categorical_crossentropy", "seed": 3})");
    QVERIFY(spec.isOk());
    auto data = TrainingDataService::prepare(request, spec.value());
    QVERIFY2(data.isOk(), data.message().c_str());
    // The constant column stays: nothing but the user's list is left out.
    QCOMPARE(data.value().featureNames,
             (std::vector<std::string>{"country=NL", "color=blue", "color=green", "color=red", "amount", "flag"}));

    request.excluded.pop_back(); // "partly" comes back, with missing values and no imputation chosen
    auto refused = TrainingDataService::prepare(request, spec.value());
    QVERIFY(!refused.isOk());
    QVERIFY2(refused.message().find("column 'partly'") != std::string::npos, refused.message().c_str());
}

void TestFeaturePlanner::planJsonNamesEveryColumn()
{
    const FeaturePlan plan = proposed(labelOptions());
    const nlohmann::ordered_json json = plan.toJson();
    QCOMPARE(json["target"].get<std::string>(), std::string("label"));
    QCOMPARE(json["selection"].get<std::string>(), std::string("proposed"));
    QCOMPARE(json["missing"].get<std::string>(), std::string("impute"));
    QCOMPARE(json["columns"].size(), plan.columns.size());
    QCOMPARE(json["columns"][0]["name"].get<std::string>(), std::string("row_id"));
    QCOMPARE(json["columns"][0]["role"].get<std::string>(), std::string("ignored"));
    QCOMPARE(json["columns"][0]["reason"].get<std::string>(), std::string("identifier"));
    QVERIFY(json["columns"][6]["reason"].is_null()); // color, a feature
    QCOMPARE(json["classes"][0]["count"].get<int>(), 30);
    QCOMPARE(json["feature_width"].get<std::size_t>(), plan.featureWidth());
}

QTEST_APPLESS_MAIN(TestFeaturePlanner)
#include "tst_featureplanner.moc"
