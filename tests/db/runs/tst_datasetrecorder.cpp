// DatasetRecorder: a file becomes one datasets row (absolute path, content hash, size, shape, schema) and a
// load becomes one completed 'load' run holding the one JSON form of core/data/LoadRunJson.h, all in one
// transaction; a cancelled hash or a failed step stores nothing. (That the GUI and the CLI store the same
// rows through it is tests/app/tst_loadrecording.)

#include "core/data/CsvReader.h"
#include "core/util/CancellationToken.h"
#include "db/runs/DatasetRecorder.h"
#include "db/runs/DatasetRepository.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace loupe;

namespace {

constexpr double s_seconds = 0.25;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

std::size_t datasetCount(Store &store)
{
    auto datasets = DatasetRepository(store).list();
    return datasets.isOk() ? datasets.value().size() : std::size_t(-1);
}

std::size_t runCount(Store &store)
{
    auto runs = RunRepository(store).listRuns();
    return runs.isOk() ? runs.value().size() : std::size_t(-1);
}

} // namespace

class TestDatasetRecorder : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Store> openStore(const QString &name);
    QString writeCsv(const QString &name, const QByteArray &bytes);

    QTemporaryDir m_dir;

private slots:
    void recordLoadStoresTheOneJsonForm_data();
    void recordLoadStoresTheOneJsonForm();
    void sameContentKeepsOneDataset();
    void recordDatasetStoresShapeOnly();
    void cancelledHashStoresNothing_data();
    void cancelledHashStoresNothing();
    void failedStepStoresNothing_data();
    void failedStepStoresNothing();
};

std::unique_ptr<Store> TestDatasetRecorder::openStore(const QString &name)
{
    auto store = Store::open(m_dir.filePath(name));
    if (!store.isOk()) {
        qWarning("%s", store.message().c_str());
        return nullptr;
    }
    return store.takeValue();
}

QString TestDatasetRecorder::writeCsv(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    return writeFile(path, bytes) ? path : QString();
}

void TestDatasetRecorder::recordLoadStoresTheOneJsonForm_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("delimiter"); // 0: sniffed
    QTest::addColumn<bool>("skipBadRows");
    QTest::addColumn<QString>("forcedColumn"); // forced to float64 when not empty
    QTest::addColumn<int>("categoricalLevels");
    QTest::addColumn<QString>("config"); // PATH stands for the file's absolute path
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QString>("schema");

    QTest::newRow("comma, sniffed") << QByteArray("id,name,amount\n1,Ann,2.5\n2,,3\n") << 0 << false << QString() << 0
        << R"({"command":"load","path":"PATH","delimiter":"auto","skip_bad_rows":false,"types":{},)"
           R"("categorical_levels":0})"
        << R"({"rows":2,"columns":[{"name":"id","type":"int64","missing":0},{"name":"name","type":"string",)"
           R"("missing":1},{"name":"amount","type":"float64","missing":0}],"seconds":0.25,"skipped_rows":0,)"
           R"("delimiter":","})"
        << R"({"columns":[{"name":"id","type":"int64"},{"name":"name","type":"string"},)"
           R"({"name":"amount","type":"float64"}]})";
    QTest::newRow("semicolon given, bad rows skipped") << QByteArray("a;b\n1;x\n2;y;z\n3;w\n") << int(';') << true
        << QString() << 0
        << R"({"command":"load","path":"PATH","delimiter":";","skip_bad_rows":true,"types":{},"categorical_levels":0})"
        << R"({"rows":2,"columns":[{"name":"a","type":"int64","missing":0},{"name":"b","type":"string",)"
           R"("missing":0}],"seconds":0.25,"skipped_rows":1,"delimiter":";"})"
        << R"({"columns":[{"name":"a","type":"int64"},{"name":"b","type":"string"}]})";
    QTest::newRow("tab, forced type, categorical") << QByteArray("k\tv\na\t1\na\t2\nb\t3\na\t4\na\t5\n") << int('\t')
        << false << QStringLiteral("v") << 3
        << R"({"command":"load","path":"PATH","delimiter":"tab","skip_bad_rows":false,"types":{"v":"float64"},)"
           R"("categorical_levels":3})"
        << R"({"rows":5,"columns":[{"name":"k","type":"categorical","missing":0},{"name":"v","type":"float64",)"
           R"("missing":0}],"seconds":0.25,"skipped_rows":0,"delimiter":"tab"})"
        << R"({"columns":[{"name":"k","type":"categorical"},{"name":"v","type":"float64"}]})";
}

void TestDatasetRecorder::recordLoadStoresTheOneJsonForm()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, delimiter);
    QFETCH(bool, skipBadRows);
    QFETCH(QString, forcedColumn);
    QFETCH(int, categoricalLevels);
    QFETCH(QString, config);
    QFETCH(QString, summary);
    QFETCH(QString, schema);

    const QString path = writeCsv(QStringLiteral("%1.csv").arg(QTest::currentDataTag()), csv);
    QVERIFY(!path.isEmpty());
    CsvOptions options;
    options.delimiter = char(delimiter);
    options.badRows = skipBadRows ? BadRowPolicy::Skip : BadRowPolicy::Error;
    if (!forcedColumn.isEmpty())
        options.typeOverrides[forcedColumn.toStdString()] = ColumnType::Float64;
    options.categoricalMaxLevels = std::size_t(categoricalLevels);
    auto read = CsvReader(options).readFile(QFile::encodeName(path).toStdString());
    QVERIFY2(read.isOk(), read.message().c_str());

    auto store = openStore(QStringLiteral("%1.sqlite").arg(QTest::currentDataTag()));
    QVERIFY(store);
    // A relative path is stored as the absolute one.
    const QString relative = QDir::current().relativeFilePath(path);
    const CsvLoad load{relative, options, read.value().skippedRows, read.value().delimiter, s_seconds};
    auto recorded = DatasetRecorder(*store).recordLoad(read.value().table, load);
    QVERIFY2(recorded.isOk(), recorded.message().c_str());

    auto datasets = DatasetRepository(*store).list();
    QVERIFY(datasets.isOk());
    QCOMPARE(datasets.value().size(), std::size_t(1));
    const DatasetRecord &dataset = datasets.value().front();
    QCOMPARE(dataset.id, recorded.value().datasetId);
    QCOMPARE(dataset.path, path);
    QVERIFY(dataset.contentHash.startsWith(QLatin1String("fnv1a64:")));
    QCOMPARE(dataset.sizeBytes, qint64(csv.size()));
    QCOMPARE(dataset.rowCount, qint64(read.value().table.rowCount()));
    QCOMPARE(dataset.columnCount, int(read.value().table.columnCount()));
    QCOMPARE(dataset.schemaJson, schema);

    auto runs = RunRepository(*store).listRuns(RunKind::Load);
    QVERIFY(runs.isOk());
    QCOMPARE(runs.value().size(), std::size_t(1));
    const RunRecord &run = runs.value().front();
    QCOMPARE(run.id, recorded.value().runId);
    QCOMPARE(run.status, RunStatus::Completed);
    QCOMPARE(run.datasetId, std::optional<qint64>(dataset.id));
    QCOMPARE(run.seconds, std::optional<double>(s_seconds));
    QCOMPARE(run.configJson, QString(config).replace(QLatin1String("PATH"), path));
    QCOMPARE(run.summaryJson, summary);
}

void TestDatasetRecorder::sameContentKeepsOneDataset()
{
    const QString path = writeCsv(QStringLiteral("again.csv"), "x\n1\n2\n");
    auto read = CsvReader().readFile(QFile::encodeName(path).toStdString());
    QVERIFY(read.isOk());
    auto store = openStore(QStringLiteral("again.sqlite"));
    QVERIFY(store);
    const CsvLoad load{path, CsvOptions(), 0, ',', s_seconds};
    auto first = DatasetRecorder(*store).recordLoad(read.value().table, load);
    auto second = DatasetRecorder(*store).recordLoad(read.value().table, load);
    QVERIFY(first.isOk() && second.isOk());
    QCOMPARE(second.value().datasetId, first.value().datasetId);
    QVERIFY(second.value().runId > first.value().runId);
    QCOMPARE(datasetCount(*store), std::size_t(1));
    QCOMPARE(runCount(*store), std::size_t(2));
}

void TestDatasetRecorder::recordDatasetStoresShapeOnly()
{
    const QString path = writeCsv(QStringLiteral("shape.csv"), "a,b\n1,2\n");
    auto store = openStore(QStringLiteral("shape.sqlite"));
    QVERIFY(store);
    const DatasetShape shape{7, 2, QStringLiteral(R"({"columns":[]})")};
    auto id = DatasetRecorder(*store).recordDataset(path, shape);
    QVERIFY2(id.isOk(), id.message().c_str());
    auto dataset = DatasetRepository(*store).find(id.value());
    QVERIFY(dataset.isOk() && dataset.value());
    QCOMPARE(dataset.value()->path, path);
    QCOMPARE(dataset.value()->rowCount, qint64(7));
    QCOMPARE(dataset.value()->columnCount, 2);
    QCOMPARE(dataset.value()->schemaJson, shape.schemaJson);
    QCOMPARE(runCount(*store), std::size_t(0));
}

void TestDatasetRecorder::cancelledHashStoresNothing_data()
{
    QTest::addColumn<bool>("withLoadRun");
    QTest::newRow("dataset") << false;
    QTest::newRow("dataset and load run") << true;
}

void TestDatasetRecorder::cancelledHashStoresNothing()
{
    QFETCH(bool, withLoadRun);
    const QString path = writeCsv(QStringLiteral("cancelled.csv"), "a\n1\n");
    auto read = CsvReader().readFile(QFile::encodeName(path).toStdString());
    QVERIFY(read.isOk());
    auto store = openStore(QStringLiteral("cancelled-%1.sqlite").arg(QTest::currentDataTag()));
    QVERIFY(store);
    CancellationToken token;
    token.cancel();
    DatasetRecorder recorder(*store);
    const Status status =
        withLoadRun ? recorder.recordLoad(read.value().table, CsvLoad{path, CsvOptions(), 0, ',', s_seconds}, &token)
                          .status()
                    : recorder.recordDataset(path, DatasetRecorder::shapeOf(read.value().table), &token).status();
    QVERIFY(status.isCancelled());
    QCOMPARE(datasetCount(*store), std::size_t(0));
    QCOMPARE(runCount(*store), std::size_t(0));
}

void TestDatasetRecorder::failedStepStoresNothing_data()
{
    QTest::addColumn<bool>("fileExists");
    QTest::addColumn<QString>("refuseRunsSql"); // run before recording, when not empty
    QTest::addColumn<QString>("step");
    QTest::newRow("missing file") << false << QString() << QStringLiteral("hashing the file: cannot read");
    QTest::newRow("runs refused") << true
                                  << QStringLiteral("CREATE TRIGGER refuse_runs BEFORE INSERT ON runs "
                                                    "BEGIN SELECT RAISE(ABORT, 'runs refused'); END")
                                  << QStringLiteral("creating the load run: SQL error");
}

void TestDatasetRecorder::failedStepStoresNothing()
{
    QFETCH(bool, fileExists);
    QFETCH(QString, refuseRunsSql);
    QFETCH(QString, step);
    const QString path = m_dir.filePath(QStringLiteral("failed-%1.csv").arg(QTest::currentDataTag()));
    if (fileExists)
        QVERIFY(writeFile(path, "a\n1\n"));
    auto table = CsvReader().readBuffer("a\n1\n");
    QVERIFY(table.isOk());
    auto store = openStore(QStringLiteral("failed-%1.sqlite").arg(QTest::currentDataTag()));
    QVERIFY(store);
    if (!refuseRunsSql.isEmpty())
        QVERIFY(store->exec(refuseRunsSql).isOk());
    auto recorded =
        DatasetRecorder(*store).recordLoad(table.value().table, CsvLoad{path, CsvOptions(), 0, ',', s_seconds});
    QVERIFY(!recorded.isOk());
    QVERIFY2(QString::fromStdString(recorded.message()).startsWith(step), recorded.message().c_str());
    QCOMPARE(datasetCount(*store), std::size_t(0)); // the dataset row rolled back with the run
    QCOMPARE(runCount(*store), std::size_t(0));
}

QTEST_GUILESS_MAIN(TestDatasetRecorder)
#include "tst_datasetrecorder.moc"
