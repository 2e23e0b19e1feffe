// The one JSON form of the learning-rate runs (core/lr): an lr-find run's config and result and a
// snapshot run's config, as loupe-cli and the Learning-rate page both write them and the page reads
// them back.

#include "LrTestData.h"

#include "core/lr/LrFindRunJson.h"
#include "core/lr/SnapshotReportJson.h"

#include <QtTest>

#include <cmath>

using namespace loupe;

class TestLrRunJson : public QObject {
    Q_OBJECT

private slots:
    void lrFindRoundTrip_data();
    void lrFindRoundTrip();
    void snapshotConfigRoundTrip();
    void mistypedSummaryMembers_data();
    void mistypedSummaryMembers();
    void snapshotStatusRoundTrip_data();
    void snapshotStatusRoundTrip();
};

void TestLrRunJson::lrFindRoundTrip_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("configKeys");
    QTest::newRow("range") << int(LrFindMode::Range) << "mode,start,factor,steps,fraction,epochs,seed,data,spec,feature_plan";
    QTest::newRow("onepass") << int(LrFindMode::OnePass) << "mode,start,end,steps,beta,seed,data,spec,feature_plan";
}

// The one JSON form of an lr-find run: the config and the result the CLI prints and both doors
// store, read back as the Learning-rate page reads them.
void TestLrRunJson::lrFindRoundTrip()
{
    QFETCH(int, mode);
    QFETCH(QString, configKeys);
    LrFindSettings settings;
    settings.mode = LrFindMode(mode);
    const TrainingData data = testing::blobData(30, 6, 6);
    const nlohmann::ordered_json config = lrFindConfigJson(settings, testing::blobSpec(), data);
    QStringList keys;
    for (auto item = config.begin(); item != config.end(); ++item)
        keys.append(QString::fromStdString(item.key()));
    QCOMPARE(keys.join(QLatin1Char(',')), configKeys);
    const LrFindRunConfig read = lrFindConfigFromJson(config.dump());
    QCOMPARE(read.mode, settings.mode);
    QCOMPARE(read.subject.data, std::string("blobs"));
    QCOMPARE(read.subject.specName, testing::blobSpec().name);
    QCOMPARE(lrFindConfigFromJson("not json").subject.data, std::string());

    LrFindResult result;
    result.mode = settings.mode;
    result.points = {{1e-4, 2.0, 2.5, false}, {1e-3, std::nan(""), std::nan(""), true}};
    result.suggestions.recommended = 1e-4;
    result.suggestions.method = "minimum";
    result.suggestions.minimum = 1e-4;
    result.seconds = 1.5;
    result.status = Status::cancelled();
    const nlohmann::ordered_json document = lrFindResultJson(result);
    QVERIFY(document["points"][1]["loss"].is_null());
    QCOMPARE(document["points"][0].contains("raw_loss"), settings.mode == LrFindMode::OnePass);
    QCOMPARE(document["status"].get<std::string>(), std::string("cancelled"));
    auto back = lrFindResultFromJson(document.dump());
    QVERIFY2(back.isOk(), back.message().c_str());
    QCOMPARE(back.value().mode, result.mode);
    QCOMPARE(back.value().points.size(), std::size_t(2));
    QVERIFY(std::isnan(back.value().points[1].loss) && back.value().points[1].diverged);
    QCOMPARE(back.value().suggestions.recommended, result.suggestions.recommended);
    QVERIFY(!back.value().suggestions.valley.has_value());
    QVERIFY(back.value().status.isCancelled());
    QCOMPARE(lrFindResultJson(back.value()).dump(), document.dump());
    QVERIFY(!lrFindResultFromJson("{\"mode\": \"range\"}").isOk());
}

// The one config a 'snapshot' run stores (CLI and page alike), read back as the page reads it.
void TestLrRunJson::snapshotConfigRoundTrip()
{
    SnapshotOptions options;
    options.cycles = 3;
    options.epochs = 6;
    options.seed = 9;
    const nlohmann::ordered_json config = snapshotConfigJson(options, testing::blobSpec(), testing::blobData(30, 6, 6));
    QVERIFY(QString::fromStdString(config.dump())
                .startsWith(QStringLiteral("{\"cycles\":3,\"epochs\":6,\"lr0\":null,\"seed\":9,\"data\":\"blobs\",\"spec\":{")));
    options.lr0 = 0.05;
    const SnapshotRunConfig read = snapshotConfigFromJson(snapshotConfigJson(options, testing::blobSpec(),
                                                                             testing::blobData(30, 6, 6)).dump());
    QCOMPARE(read.cycles, 3);
    QCOMPARE(read.epochs, 6);
    QCOMPARE(read.subject.data, std::string("blobs"));
    QCOMPARE(read.subject.specName, std::string("blob-mlp"));
    QCOMPARE(snapshotConfigFromJson("[1, 2]").cycles, 0);
}

// Found by fuzz_storedruns: a stored summary whose optional member has another type (a stored row is outside
// input: a shared database) threw nlohmann's type_error out of the reader and aborted the process. Such a
// member now reads as absent.
void TestLrRunJson::mistypedSummaryMembers_data()
{
    QTest::addColumn<bool>("snapshot");
    QTest::addColumn<QString>("json");
    const QString point = QStringLiteral(R"({"lr": 0.001, "loss": 1.0, "diverged": false})");
    QTest::newRow("lr-find mode a number") << false << QStringLiteral(R"({"mode": 3, "points": []})");
    QTest::newRow("lr-find diverged a number")
        << false << QStringLiteral(R"({"points": [{"lr": 0.001, "loss": 1.0, "diverged": 1}]})");
    QTest::newRow("lr-find method a number")
        << false << QStringLiteral(R"({"points": [%1], "suggestions": {"method": 2}})").arg(point);
    QTest::newRow("lr-find seconds a string") << false << QStringLiteral(R"({"points": [], "seconds": "1"})");
    QTest::newRow("lr-find status a number") << false << QStringLiteral(R"({"points": [], "status": 1})");
    const QString report = QStringLiteral(R"({"snapshots": [{"index": 0, "iteration": 5, "complete_cycle": %1,)"
                                          R"( "val_accuracy": 0.5, "val_loss": 1}], "ensemble": null,)"
                                          R"( "lr0": 0.1, "cycle_length": 5, "iterations": 5, "steps_per_epoch": 1,)"
                                          R"( "seconds": %2, "status": %3, "message": %4})");
    QTest::newRow("snapshot complete_cycle a string") << true << report.arg(R"("yes")", "1", R"("completed")", R"("")");
    QTest::newRow("snapshot seconds a string") << true << report.arg("true", R"("1")", R"("completed")", R"("")");
    QTest::newRow("snapshot status a number") << true << report.arg("true", "1", "7", R"("")");
    QTest::newRow("snapshot message a number") << true << report.arg("true", "1", R"("completed")", "8");
}

void TestLrRunJson::mistypedSummaryMembers()
{
    QFETCH(bool, snapshot);
    QFETCH(QString, json);
    const std::string text = json.toStdString();
    if (snapshot) {
        const Result<SnapshotReport> report = snapshotReportFromJson(text);
        QVERIFY2(report.isOk(), report.message().c_str());
        QVERIFY(report.value().status.isOk());
        QCOMPARE(report.value().snapshots.size(), std::size_t(1));
    } else {
        const Result<LrFindResult> result = lrFindResultFromJson(text);
        QVERIFY2(result.isOk(), result.message().c_str());
        QCOMPARE(result.value().mode, LrFindMode::OnePass);
        QVERIFY(result.value().status.isOk());
    }
}

// Found by fuzz_storedruns: a failure other than divergence was written "completed" (with its message) and read
// back as a success; it is written "failed" now.
void TestLrRunJson::snapshotStatusRoundTrip_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("diverged");
    QTest::addColumn<QString>("written");
    QTest::newRow("completed") << int(StatusCode::Ok) << QString() << false << "completed";
    QTest::newRow("cancelled") << int(StatusCode::Cancelled) << "cancelled" << false << "cancelled";
    QTest::newRow("diverged") << int(StatusCode::Failed) << "diverged at step 3" << true << "diverged";
    QTest::newRow("failed") << int(StatusCode::Failed) << "no memory for the ensemble" << false << "failed";
}

void TestLrRunJson::snapshotStatusRoundTrip()
{
    QFETCH(int, code);
    QFETCH(QString, message);
    QFETCH(bool, diverged);
    QFETCH(QString, written);
    SnapshotReport report;
    report.lr0 = 0.1;
    report.cycleLength = 5;
    report.totalIterations = 10;
    report.stepsPerEpoch = 5;
    report.diverged = diverged;
    if (code == int(StatusCode::Cancelled))
        report.status = Status::cancelled();
    else if (code != int(StatusCode::Ok))
        report.status = Status::error(StatusCode(code), message.toStdString());
    const nlohmann::ordered_json json = snapshotReportJson(report);
    QCOMPARE(QString::fromStdString(json["status"].get<std::string>()), written);
    const Result<SnapshotReport> back = snapshotReportFromJson(json.dump());
    QVERIFY2(back.isOk(), back.message().c_str());
    QCOMPARE(int(back.value().status.code()), code);
    QCOMPARE(back.value().diverged, diverged);
    if (code == int(StatusCode::Failed))
        QCOMPARE(QString::fromStdString(back.value().status.message()), message);
}

QTEST_APPLESS_MAIN(TestLrRunJson)
#include "tst_lrrunjson.moc"
