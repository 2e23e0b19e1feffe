// Data in for training: CSV tables -> TrainingSets (targets, one-hot, scaling, missing values,
// errors naming the column and row), seeded splits, and Fashion-MNIST read from a tiny
// IDX directory.
#include "core/data/CsvReader.h"
#include "core/data/DataSplitter.h"
#include "core/train/TrainingData.h"

#include <QtTest>

#include <cmath>
#include <numeric>
#include <set>

using namespace loupe;

namespace {

Table tableFrom(const std::string &csv, CsvOptions options = {})
{
    auto report = CsvReader(options).readBuffer(csv, "test.csv");
    if (!report.isOk())
        qFatal("fixture CSV does not parse: %s", report.message().c_str());
    return report.takeValue().table;
}

const char *s_mixed = "num,flag,when,color,label,price\n"
                      "1,true,2024-01-01,red,cat,1.5\n"
                      "2,false,2024-01-02,blue,dog,2.5\n"
                      "3,true,2024-01-03,red,cat,3.5\n"
                      "4,false,2024-01-04,green,bird,4.5\n"
                      "5,true,2024-01-05,blue,dog,5.5\n"
                      "6,false,2024-01-06,green,cat,6.5\n";

TableEncodingOptions targetOptions(const std::string &target)
{
    TableEncodingOptions options;
    options.target = target;
    return options;
}

float at(const TrainingSet &set, Index row, Index column)
{
    return set.features()(row, column);
}

} // namespace

class TestTrainingData : public QObject {
    Q_OBJECT

private slots:
    void classificationFromStringTarget();
    void standardizesOnTrainingRowsOnly();
    void targetKinds_data();
    void targetKinds();
    void binarySingleColumn();
    void errorsNameColumnAndRow_data();
    void errorsNameColumnAndRow();
    void imputeFillsTrainingMean();
    void excludedColumnsAreLeftOut();

    void splitIsDeterministicBySeed();
    void splitSizesAndDisjoint();
    void badFractions_data();
    void badFractions();
    void fromTableSplitsAndEncodes();

    void fashionMnistTinyDirectory();
    void fashionMnistMissingDirectoryNamesFile();
};

void TestTrainingData::classificationFromStringTarget()
{
    const Table table = tableFrom(s_mixed);
    TableEncodingOptions options = targetOptions("label");
    options.excluded = {"price"};
    options.scaling = FeatureScaling::None;
    auto plan = TableEncoding::plan(table, options, TableEncoding::allRows(table));
    QVERIFY2(plan.isOk(), plan.message().c_str());
    const TableEncoding &encoding = plan.value();
    QCOMPARE(encoding.task, TaskKind::Classification);
    QCOMPARE(encoding.classLabels, (std::vector<std::string>{"bird", "cat", "dog"}));
    // num, flag, when (seconds), color=blue, color=green, color=red
    QCOMPARE(encoding.featureNames, (std::vector<std::string>{"num", "flag", "when", "color=blue", "color=green",
                                                              "color=red"}));
    auto set = encoding.encode(table, TableEncoding::allRows(table));
    QVERIFY2(set.isOk(), set.message().c_str());
    QCOMPARE(set.value().size(), Index(6));
    QCOMPARE(set.value().targetCount(), Index(3));
    QCOMPARE(at(set.value(), 0, 0), 1.0f);
    QCOMPARE(at(set.value(), 0, 1), 1.0f);          // true
    QCOMPARE(at(set.value(), 1, 1), 0.0f);          // false
    QCOMPARE(at(set.value(), 0, 2), 1704067200.0f); // 2024-01-01 in seconds
    // Row 3 is green: exactly one of the three one-hot features is set.
    QCOMPARE(at(set.value(), 3, 3), 0.0f);
    QCOMPARE(at(set.value(), 3, 4), 1.0f);
    QCOMPARE(at(set.value(), 3, 5), 0.0f);
    // Row 3 is a bird (class 0); row 1 a dog (class 2).
    QCOMPARE(set.value().targets()(3, 0), 1.0f);
    QCOMPARE(set.value().targets()(1, 2), 1.0f);
    QCOMPARE(set.value().targets().row(1).sum(), 1.0f);
}

void TestTrainingData::standardizesOnTrainingRowsOnly()
{
    const Table table = tableFrom(s_mixed);
    TableEncodingOptions options = targetOptions("label");
    options.excluded = {"when", "color", "price"};
    const std::vector<std::size_t> fitRows = {0, 1, 2}; // num = 1, 2, 3: mean 2, stddev sqrt(2/3)
    auto plan = TableEncoding::plan(table, options, fitRows);
    QVERIFY2(plan.isOk(), plan.message().c_str());
    QCOMPARE(plan.value().columns[0].center, 2.0);
    QVERIFY(std::abs(plan.value().columns[0].scale - std::sqrt(2.0 / 3.0)) < 1e-12);
    QCOMPARE(plan.value().columns[1].kind, FeatureKind::Flag); // bools stay 0/1
    QCOMPARE(plan.value().columns[1].scale, 1.0);
    auto set = plan.value().encode(table, {0, 1, 2, 5});
    QVERIFY(set.isOk());
    QCOMPARE(at(set.value(), 1, 0), 0.0f);
    QVERIFY(std::abs(at(set.value(), 3, 0) - float(4.0 / std::sqrt(2.0 / 3.0))) < 1e-5f);
}

void TestTrainingData::targetKinds_data()
{
    QTest::addColumn<QString>("csv");
    QTest::addColumn<int>("task");
    QTest::addColumn<int>("classes");
    QTest::addColumn<int>("targetCount");
    QTest::newRow("float is regression") << "x,y\n1,0.5\n2,1.5\n3,2.5\n" << int(TaskKind::Regression) << 0 << 1;
    QTest::newRow("int with few values is classes") << "x,y\n1,3\n2,1\n3,3\n4,2\n" << int(TaskKind::Classification)
                                                    << 3 << 3;
    QString many = QStringLiteral("x,y\n");
    for (int i = 0; i < 30; ++i)
        many += QStringLiteral("%1,%2\n").arg(i).arg(i * 7);
    QTest::newRow("int with many values is regression") << many << int(TaskKind::Regression) << 0 << 1;
    QTest::newRow("bool is two classes") << "x,y\n1,true\n2,false\n3,true\n" << int(TaskKind::Classification) << 2
                                         << 2;
}

void TestTrainingData::targetKinds()
{
    QFETCH(QString, csv);
    QFETCH(int, task);
    QFETCH(int, classes);
    QFETCH(int, targetCount);
    const Table table = tableFrom(csv.toStdString());
    auto plan = TableEncoding::plan(table, targetOptions("y"), TableEncoding::allRows(table));
    QVERIFY2(plan.isOk(), plan.message().c_str());
    QCOMPARE(int(plan.value().task), task);
    QCOMPARE(int(plan.value().classLabels.size()), classes);
    QCOMPARE(int(plan.value().targetCount()), targetCount);
    if (plan.value().task == TaskKind::Classification && classes == 3)
        QCOMPARE(plan.value().classLabels, (std::vector<std::string>{"1", "2", "3"})); // numeric order
}

void TestTrainingData::binarySingleColumn()
{
    const Table table = tableFrom("x,y\n1,yes\n2,no\n3,yes\n");
    TableEncodingOptions options = targetOptions("y");
    options.binaryTargets = BinaryTargets::SingleColumn;
    auto plan = TableEncoding::plan(table, options, TableEncoding::allRows(table));
    QVERIFY(plan.isOk());
    QCOMPARE(plan.value().targetCount(), Index(1));
    auto set = plan.value().encode(table, TableEncoding::allRows(table));
    QVERIFY(set.isOk());
    QCOMPARE(set.value().targets()(0, 0), 1.0f); // "yes" is the second class
    QCOMPARE(set.value().targets()(1, 0), 0.0f);
}

void TestTrainingData::errorsNameColumnAndRow_data()
{
    QTest::addColumn<QString>("csv");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("exclude");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("unknown target lists columns") << "a,b\n1,2\n3,4\n" << "nope" << QStringList{}
                                                  << QStringList{"target column 'nope'", "'a', 'b'"};
    QTest::newRow("missing feature names column and row") << "a,b,y\n1,2,x\n3,,y\n5,6,x\n" << "y" << QStringList{}
                                                          << QStringList{"column 'b'", "row 2", "impute"};
    QTest::newRow("missing target names row") << "a,y\n1,x\n2,\n3,y\n" << "y" << QStringList{}
                                              << QStringList{"target column 'y'", "row 2"};
    QString ids = QStringLiteral("name,y\n");
    for (int i = 0; i < 30; ++i)
        ids += QStringLiteral("n%1,%2\n").arg(i).arg(i % 2);
    QTest::newRow("text feature above the one-hot cap") << ids << "y" << QStringList{}
                                                        << QStringList{"column 'name' (string)", "one-hot cap"};
    QTest::newRow("datetime target") << "a,d\n1,2024-01-01\n2,2024-01-02\n" << "d" << QStringList{}
                                     << QStringList{"target column 'd' (datetime)"};
    QTest::newRow("one class only") << "a,y\n1,x\n2,x\n" << "y" << QStringList{}
                                    << QStringList{"target column 'y'", "at least two classes"};
    QTest::newRow("unknown excluded column") << "a,b,y\n1,2,x\n3,4,y\n" << "y" << QStringList{"zz"}
                                             << QStringList{"excluded column 'zz'"};
    QTest::newRow("nothing left") << "a,y\n1,x\n2,y\n" << "y" << QStringList{"a"}
                                  << QStringList{"no feature columns"};
}

void TestTrainingData::errorsNameColumnAndRow()
{
    QFETCH(QString, csv);
    QFETCH(QString, target);
    QFETCH(QStringList, exclude);
    QFETCH(QStringList, expected);
    const Table table = tableFrom(csv.toStdString());
    TableEncodingOptions options = targetOptions(target.toStdString());
    for (const QString &name : exclude)
        options.excluded.push_back(name.toStdString());
    auto plan = TableEncoding::plan(table, options, TableEncoding::allRows(table));
    QVERIFY(!plan.isOk());
    QCOMPARE(plan.status().code(), StatusCode::InvalidInput);
    for (const QString &piece : expected)
        QVERIFY2(QString::fromStdString(plan.message()).contains(piece), plan.message().c_str());
}

void TestTrainingData::imputeFillsTrainingMean()
{
    const Table table = tableFrom("a,c,y\n1,u,x\n,v,y\n3,,x\n");
    TableEncodingOptions options = targetOptions("y");
    options.missing = MissingValues::Impute;
    options.scaling = FeatureScaling::None;
    auto plan = TableEncoding::plan(table, options, TableEncoding::allRows(table));
    QVERIFY2(plan.isOk(), plan.message().c_str());
    QCOMPARE(plan.value().columns[0].missingRows, std::size_t(1));
    QCOMPARE(plan.value().columns[0].fill, 2.0);
    auto set = plan.value().encode(table, TableEncoding::allRows(table));
    QVERIFY(set.isOk());
    QCOMPARE(at(set.value(), 1, 0), 2.0f);
    QCOMPARE(at(set.value(), 2, 1) + at(set.value(), 2, 2), 0.0f); // missing text: no level set
}

void TestTrainingData::excludedColumnsAreLeftOut()
{
    const Table table = tableFrom(s_mixed);
    TableEncodingOptions options = targetOptions("price");
    options.excluded = {"when", "color", "label"};
    auto plan = TableEncoding::plan(table, options, TableEncoding::allRows(table));
    QVERIFY(plan.isOk());
    QCOMPARE(plan.value().task, TaskKind::Regression);
    QCOMPARE(plan.value().featureNames, (std::vector<std::string>{"num", "flag"}));
}

void TestTrainingData::splitIsDeterministicBySeed()
{
    const SplitFractions fractions{0.2, 0.1};
    auto first = DataSplitter::partition(100, fractions, 42);
    auto again = DataSplitter::partition(100, fractions, 42);
    auto other = DataSplitter::partition(100, fractions, 43);
    QVERIFY(first.isOk() && again.isOk() && other.isOk());
    QCOMPARE(first.value().train, again.value().train);
    QCOMPARE(first.value().validation, again.value().validation);
    QCOMPARE(first.value().test, again.value().test);
    QVERIFY(first.value().validation != other.value().validation);
}

void TestTrainingData::splitSizesAndDisjoint()
{
    auto partition = DataSplitter::partition(1000, {0.15, 0.25}, 1);
    QVERIFY(partition.isOk());
    const RowPartition &parts = partition.value();
    QCOMPARE(parts.test.size(), std::size_t(250));
    QCOMPARE(parts.validation.size(), std::size_t(150));
    QCOMPARE(parts.train.size(), std::size_t(600));
    std::set<std::size_t> all(parts.train.begin(), parts.train.end());
    all.insert(parts.validation.begin(), parts.validation.end());
    all.insert(parts.test.begin(), parts.test.end());
    QCOMPARE(all.size(), std::size_t(1000));
    QVERIFY(std::is_sorted(parts.train.begin(), parts.train.end()));
    // A tiny positive fraction still gets a row.
    auto tiny = DataSplitter::partition(10, {0.01, 0.0}, 1);
    QVERIFY(tiny.isOk());
    QCOMPARE(tiny.value().validation.size(), std::size_t(1));
    QVERIFY(tiny.value().test.empty());
}

void TestTrainingData::badFractions_data()
{
    QTest::addColumn<double>("validation");
    QTest::addColumn<double>("test");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("expected");
    QTest::newRow("negative validation") << -0.1 << 0.1 << 100 << "validation fraction";
    QTest::newRow("test of one") << 0.1 << 1.0 << 100 << "test fraction";
    QTest::newRow("nan") << std::nan("") << 0.1 << 100 << "validation fraction";
    QTest::newRow("sum reaches one") << 0.5 << 0.5 << 100 << "leaves no training rows";
    QTest::newRow("too few rows") << 0.4 << 0.4 << 2 << "too few";
}

void TestTrainingData::badFractions()
{
    QFETCH(double, validation);
    QFETCH(double, test);
    QFETCH(int, rows);
    QFETCH(QString, expected);
    auto partition = DataSplitter::partition(std::size_t(rows), {validation, test}, 0);
    QVERIFY(!partition.isOk());
    QVERIFY2(QString::fromStdString(partition.message()).contains(expected), partition.message().c_str());
}

void TestTrainingData::fromTableSplitsAndEncodes()
{
    const QString path = QStringLiteral(LOUPE_FIXTURES_DIR "/train/tiny.csv");
    auto report = CsvReader().readFile(path.toStdString());
    QVERIFY2(report.isOk(), report.message().c_str());
    const Table &table = report.value().table;
    TableEncodingOptions options = targetOptions("label");
    auto first = TrainingData::fromTable(table, options, {0.2, 0.2}, 5, "tiny.csv");
    auto again = TrainingData::fromTable(table, options, {0.2, 0.2}, 5, "tiny.csv");
    QVERIFY2(first.isOk(), first.message().c_str());
    QCOMPARE(first.value().train.size(), Index(36));
    QCOMPARE(first.value().validation.size(), Index(12));
    QCOMPARE(first.value().test.size(), Index(12));
    QCOMPARE(first.value().classLabels, (std::vector<std::string>{"high", "low", "mid"}));
    QCOMPARE(first.value().train.featureCount(), Index(7)); // x1, x2, 3 colors, flag, day
    QVERIFY(first.value().validation.features().isApprox(again.value().validation.features()));
    // Standardized on the training rows: their mean is ~0.
    QVERIFY(std::abs(first.value().train.features().col(0).mean()) < 1e-5f);
    QCOMPARE(first.value().description(), std::string("36 training, 12 validation, 12 test rows; 7 features; 3 classes"));
}

void TestTrainingData::fashionMnistTinyDirectory()
{
    FashionMnistOptions options;
    options.directory = LOUPE_FIXTURES_DIR "/train/fmnist-tiny";
    options.validationFraction = 0.25;
    auto data = TrainingData::fromFashionMnist(options, 3);
    QVERIFY2(data.isOk(), data.message().c_str());
    QCOMPARE(data.value().train.size(), Index(90));
    QCOMPARE(data.value().validation.size(), Index(30));
    QCOMPARE(data.value().test.size(), Index(30));
    QCOMPARE(data.value().train.featureCount(), Index(784));
    QCOMPARE(data.value().train.targetCount(), Index(10));
    QCOMPARE(data.value().classLabels.size(), std::size_t(10));
    QVERIFY(data.value().train.features().maxCoeff() <= 1.0f);

    options.rowLimit = 20;
    options.validationFraction = 0.0;
    auto limited = TrainingData::fromFashionMnist(options, 3);
    QVERIFY(limited.isOk());
    QCOMPARE(limited.value().train.size(), Index(20));
    QCOMPARE(limited.value().validation.size(), Index(0));
    QCOMPARE(limited.value().test.size(), Index(20));
}

void TestTrainingData::fashionMnistMissingDirectoryNamesFile()
{
    FashionMnistOptions options;
    options.directory = "/nonexistent/fashion";
    auto data = TrainingData::fromFashionMnist(options, 0);
    QVERIFY(!data.isOk());
    QVERIFY2(QString::fromStdString(data.message()).contains(QStringLiteral("/nonexistent/fashion")),
             data.message().c_str());
}

QTEST_APPLESS_MAIN(TestTrainingData)
#include "tst_trainingdata.moc"
