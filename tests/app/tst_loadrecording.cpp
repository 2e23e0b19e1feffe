// The GUI's LoadCsvJob and `loupe-cli load` store the same dataset row and the same 'load' run for the
// same file and options: both are thin adapters over db/runs/DatasetRecorder, which writes the one JSON
// form of a load (core/data/LoadRunJson.h). Only the measured seconds may differ. The GUI's CsvOptions
// are what the CLI's own option parser makes of the same options.

#include "app/cli/ArgumentParser.h"
#include "app/cli/CsvArguments.h"
#include "jobs/JobRunner.h"
#include "jobs/LoadCsvJob.h"
#include "tests/support/CliProcess.h"

#include "db/runs/DatasetRepository.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace loupe;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(LOUPE_FIXTURES_DIR "/cli/") + name;
}

// What one workspace holds after one load: its only dataset and its only load run.
struct StoredLoad {
    DatasetRecord dataset;
    RunRecord run;
};

Result<StoredLoad> storedLoad(const QString &workspace)
{
    auto store = Store::open(workspace);
    if (!store.isOk())
        return store.status();
    auto datasets = DatasetRepository(*store.value()).list();
    auto runs = RunRepository(*store.value()).listRuns(RunKind::Load);
    if (!datasets.isOk() || !runs.isOk())
        return Status::ioError("cannot read " + workspace.toStdString());
    if (datasets.value().size() != 1 || runs.value().size() != 1)
        return Status::invalidInput(workspace.toStdString() + " holds not exactly one dataset and one load run");
    return StoredLoad{datasets.value().front(), runs.value().front()};
}

Result<CsvOptions> parsedOptions(const QStringList &cliOptions)
{
    cli::ArgumentParser parser(QStringLiteral("loupe-cli load"));
    cli::CsvArguments::declare(parser, cli::CsvOptionSet::Full);
    auto parsed = parser.parse(cliOptions);
    if (!parsed.isOk())
        return parsed.status();
    return cli::CsvArguments::toOptions(parsed.value());
}

// Runs LoadCsvJob as the Data page does and waits for the end of its run.
Result<LoadedTable> loadOnGuiPath(const QString &file, const CsvOptions &options, const QString &workspace)
{
    JobRunner runner;
    QObject receiver; // delivers the job's signals on this thread
    auto *job = new LoadCsvJob(file, options, workspace);
    LoadedTable loaded;
    QString failure;
    bool ended = false;
    QObject::connect(job, &LoadCsvJob::finished, &receiver,
                     [&](quint64, const LoadedTable &result) { loaded = result; });
    QObject::connect(job, &Job::failed, &receiver, [&](quint64, const QString &message) { failure = message; });
    QObject::connect(job, &Job::ended, &receiver, [&](quint64) { ended = true; });
    runner.start(job);
    if (!QTest::qWaitFor([&] { return ended; }, 60000))
        return Status::ioError("LoadCsvJob did not end within a minute");
    if (!failure.isEmpty())
        return Status::invalidInput(failure.toStdString());
    return loaded;
}

QJsonObject withoutSeconds(const QString &json)
{
    QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    object.remove(QStringLiteral("seconds"));
    return object;
}

} // namespace

class TestLoadRecording : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void guiAndCliStoreTheSameLoad_data();
    void guiAndCliStoreTheSameLoad();
};

void TestLoadRecording::guiAndCliStoreTheSameLoad_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("cliOptions");

    QTest::newRow("defaults") << fixture(QStringLiteral("typed.csv")) << QStringList();
    QTest::newRow("semicolon given") << fixture(QStringLiteral("semicolon.csv")) << QStringList{"--delimiter", ";"};
    QTest::newRow("bad rows skipped") << fixture(QStringLiteral("ragged.csv")) << QStringList{"--skip-bad-rows"};
    QTest::newRow("forced type, categorical")
        << fixture(QStringLiteral("typed.csv")) << QStringList{"--type", "id=float64", "--categorical-levels", "2"};
}

void TestLoadRecording::guiAndCliStoreTheSameLoad()
{
    QFETCH(QString, file);
    QFETCH(QStringList, cliOptions);
    const QString tag = QString::fromLatin1(QTest::currentDataTag());

    const auto options = parsedOptions(cliOptions);
    QVERIFY2(options.isOk(), options.message().c_str());
    const QString guiWorkspace = m_dir.filePath(tag + QStringLiteral("-gui.sqlite"));
    const auto loaded = loadOnGuiPath(file, options.value(), guiWorkspace);
    QVERIFY2(loaded.isOk(), loaded.message().c_str());
    QVERIFY2(loaded.value().workspaceNote.isEmpty(), qPrintable(loaded.value().workspaceNote));

    const QString cliWorkspace = m_dir.filePath(tag + QStringLiteral("-cli.sqlite"));
    const auto cli = testsupport::runCli(QStringList{"load", file} + cliOptions + QStringList{"--db", cliWorkspace},
                                         QProcessEnvironment::systemEnvironment(), m_dir.path(), 120000);
    QVERIFY2(cli.exitCode == 0, cli.err.constData());

    auto gui = storedLoad(guiWorkspace);
    auto command = storedLoad(cliWorkspace);
    QVERIFY2(gui.isOk(), gui.message().c_str());
    QVERIFY2(command.isOk(), command.message().c_str());
    const DatasetRecord &guiDataset = gui.value().dataset;
    const DatasetRecord &cliDataset = command.value().dataset;
    QCOMPARE(guiDataset.path, cliDataset.path);
    QCOMPARE(guiDataset.contentHash, cliDataset.contentHash);
    QCOMPARE(guiDataset.sizeBytes, cliDataset.sizeBytes);
    QCOMPARE(guiDataset.rowCount, cliDataset.rowCount);
    QCOMPARE(guiDataset.columnCount, cliDataset.columnCount);
    QCOMPARE(guiDataset.schemaJson, cliDataset.schemaJson);

    const RunRecord &guiRun = gui.value().run;
    const RunRecord &cliRun = command.value().run;
    QCOMPARE(guiRun.status, RunStatus::Completed);
    QCOMPARE(cliRun.status, RunStatus::Completed);
    QCOMPARE(guiRun.configJson, cliRun.configJson);
    const QJsonObject summary = withoutSeconds(guiRun.summaryJson);
    QCOMPARE(summary, withoutSeconds(cliRun.summaryJson));
    // The documented snake_case form, columns listed one by one.
    QVERIFY2(summary.contains(QStringLiteral("skipped_rows")), qPrintable(guiRun.summaryJson));
    QVERIFY2(summary.value(QStringLiteral("columns")).isArray(), qPrintable(guiRun.summaryJson));
    QCOMPARE(summary.value(QStringLiteral("skipped_rows")).toInteger(), qint64(loaded.value().skippedRows));
}

QTEST_GUILESS_MAIN(TestLoadRecording)
#include "tst_loadrecording.moc"
