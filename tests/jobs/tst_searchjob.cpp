// SearchJob: a branin study run in the background (started with the study's trials, one
// trialFinished per trial, finished with every trial and the best), resume of the same study
// with a larger budget, and a training search on the chapter's hyperas template (Fashion-MNIST
// tiny fixture) whose trials complete, each with its training stored as a linked run. A
// Fashion-MNIST study started here (default folder) can be joined by `loupe-cli worker`; one on a
// CSV the Data page loaded can be joined too; one on a table with no file behind it cannot, and the
// worker says why.

#include "jobs/JobRunner.h"
#include "jobs/SearchJob.h"
#include "core/data/CsvReader.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"
#include "db/studies/StudyRepository.h"
#include "db/studies/TrialRepository.h"
#include "tests/support/CliProcess.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace loupe;

namespace {

struct SearchCollector {
    int starts = 0;
    int finishedCount = 0;
    int ended = 0;
    QString failure;
    SearchStart start;
    QVector<SearchTrialRow> trials;
    SearchSummary summary;

    void watch(SearchJob *job)
    {
        QObject::connect(job, &SearchJob::started, [this](quint64, const SearchStart &value) {
            ++starts;
            start = value;
        });
        QObject::connect(job, &SearchJob::trialFinished, [this](quint64, const SearchTrialRow &row) { trials << row; });
        QObject::connect(job, &SearchJob::finished, [this](quint64, const SearchSummary &value) {
            ++finishedCount;
            summary = value;
        });
        QObject::connect(job, &Job::failed, [this](quint64, const QString &message) { failure = message; });
        QObject::connect(job, &Job::ended, [this](quint64) { ++ended; });
    }
};

} // namespace

class TestSearchJob : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { qputenv("OMP_NUM_THREADS", "1"); }
    void braninStudyAndResume();
    void chapterTemplateOnTinyFashionMnist();
    void workerJoinsFashionMnistStudy();
    void workerRefusesTableStudy();
    void workerJoinsCsvStudy();

private:
    // Runs a search job to its end; returns the failure message (empty on success).
    QString runToEnd(const SearchRequest &request);
    // A one-epoch search on a two-column table (x, target y) into its own SQLite file.
    SearchRequest toyTableRequest(std::shared_ptr<const Table> table, const QString &studyName);
    QTemporaryDir m_dir;
};

void TestSearchJob::braninStudyAndResume()
{
    SearchRequest request;
    request.testFunction = QStringLiteral("branin");
    request.maxEvals = 12;
    request.jobs = 2;
    request.seed = 4;
    request.storage = m_dir.filePath(QStringLiteral("job.sqlite"));
    request.studyName = QStringLiteral("gui-branin");
    {
        JobRunner runner;
        SearchCollector collector;
        auto *job = new SearchJob(request);
        collector.watch(job);
        runner.start(job, QStringLiteral("search"));
        QTRY_COMPARE_WITH_TIMEOUT(collector.ended, 1, 60000);
        QVERIFY2(collector.failure.isEmpty(), qPrintable(collector.failure));
        QCOMPARE(collector.starts, 1);
        QCOMPARE(collector.start.parameterNames, (QStringList{"x1", "x2"}));
        QCOMPARE(collector.start.maxEvals, 12);
        QVERIFY(collector.start.existingTrials.isEmpty());
        QCOMPARE(collector.trials.size(), 12);
        QCOMPARE(collector.finishedCount, 1);
        QCOMPARE(collector.summary.trials.size(), 12);
        QCOMPARE(collector.summary.trialsRun, 12);
        double lowest = INFINITY;
        int lowestNumber = -1;
        for (const SearchTrialRow &row : collector.summary.trials) {
            QCOMPARE(row.state, QStringLiteral("COMPLETE"));
            QVERIFY(QJsonDocument::fromJson(row.paramsJson.toUtf8()).object().contains(QStringLiteral("x1")));
            if (row.loss < lowest) {
                lowest = row.loss;
                lowestNumber = row.number;
            }
        }
        QCOMPARE(collector.summary.bestNumber, lowestNumber);
    }
    // The same name again without resume is refused; with resume and a larger budget it goes on.
    {
        JobRunner runner;
        SearchCollector collector;
        auto *job = new SearchJob(request);
        collector.watch(job);
        runner.start(job);
        QTRY_COMPARE_WITH_TIMEOUT(collector.ended, 1, 60000);
        QVERIFY2(collector.failure.contains(QStringLiteral("already has trials")), qPrintable(collector.failure));
    }
    request.resume = true;
    request.maxEvals = 15;
    JobRunner runner;
    SearchCollector collector;
    auto *job = new SearchJob(request);
    collector.watch(job);
    runner.start(job);
    QTRY_COMPARE_WITH_TIMEOUT(collector.ended, 1, 60000);
    QVERIFY2(collector.failure.isEmpty(), qPrintable(collector.failure));
    QCOMPARE(collector.start.existingTrials.size(), 12);
    QCOMPARE(collector.trials.size(), 3);
    QCOMPARE(collector.summary.trials.size(), 15);
}

void TestSearchJob::chapterTemplateOnTinyFashionMnist()
{
    QFile file(QStringLiteral(LOUPE_SOURCE_DIR "/resources/searches/chapter-hyperas.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    SearchRequest request;
    request.kind = SearchRequest::Kind::Training;
    request.templateJson = QString::fromUtf8(file.readAll());
    request.data.source = TrainRequest::Source::FashionMnist;
    request.data.fashionMnistDirectory = LOUPE_FIXTURES_DIR "/train/fmnist-tiny";
    request.loss = TrainingLoss::ValidationAccuracy;
    request.sampler = QStringLiteral("random");
    request.maxEvals = 2;
    request.storage = m_dir.filePath(QStringLiteral("hyperas.sqlite"));
    request.studyName = QStringLiteral("hyperas");
    JobRunner runner;
    SearchCollector collector;
    auto *job = new SearchJob(request);
    collector.watch(job);
    runner.start(job);
    QTRY_COMPARE_WITH_TIMEOUT(collector.ended, 1, 120000);
    QVERIFY2(collector.failure.isEmpty(), qPrintable(collector.failure));
    QCOMPARE(collector.start.parameterNames.size(), 5); // Dropout, Dense, Activation, Dropout_1, batch_size
    QCOMPARE(collector.summary.trials.size(), 2);
    for (const SearchTrialRow &row : collector.summary.trials) {
        QVERIFY2(row.state == QStringLiteral("COMPLETE"), qPrintable(row.error));
        QVERIFY(row.loss <= 0.0 && row.loss >= -1.0); // minus the validation accuracy
        const QJsonObject indices = QJsonDocument::fromJson(row.indicesJson.toUtf8()).object();
        QVERIFY(indices.contains(QStringLiteral("Dense")) && indices.contains(QStringLiteral("batch_size")));
    }
    // Each trial's training is a stored run linked to it: its one epoch scored the trial.
    auto store = Store::open(request.storage);
    QVERIFY(store.isOk());
    auto study = StudyRepository(*store.value()).find(request.studyName);
    QVERIFY(study.isOk() && study.value());
    auto rows = TrialRepository(*store.value()).list(study.value()->id);
    QVERIFY(rows.isOk());
    QCOMPARE(int(rows.value().size()), 2);
    for (const TrialRecord &trial : rows.value()) {
        QVERIFY2(trial.runId.has_value(), qPrintable(QStringLiteral("trial %1").arg(trial.number)));
        auto epochs = RunRepository(*store.value()).epochMetrics(*trial.runId);
        QVERIFY(epochs.isOk());
        QCOMPARE(int(epochs.value().size()), 1);
        QVERIFY(epochs.value().front().valAccuracy.has_value());
        QCOMPARE(*trial.loss, -*epochs.value().front().valAccuracy);
    }
}

QString TestSearchJob::runToEnd(const SearchRequest &request)
{
    JobRunner runner;
    SearchCollector collector;
    auto *job = new SearchJob(request);
    collector.watch(job);
    runner.start(job);
    if (!QTest::qWaitFor([&] { return collector.ended == 1; }, 120000))
        return QStringLiteral("the search did not end");
    return collector.failure;
}

void TestSearchJob::workerJoinsFashionMnistStudy()
{
    const QByteArray fixture = LOUPE_FIXTURES_DIR "/train/fmnist-tiny";
    qputenv("LOUPE_FASHION_MNIST_DIR", fixture); // the default folder, for this process and the worker
    QFile file(QStringLiteral(LOUPE_SOURCE_DIR "/resources/searches/chapter-hyperas.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    SearchRequest request;
    request.kind = SearchRequest::Kind::Training;
    request.templateJson = QString::fromUtf8(file.readAll());
    request.data.source = TrainRequest::Source::FashionMnist;
    request.data.imageLimit = 200;
    request.sampler = QStringLiteral("random");
    request.maxEvals = 1;
    request.storage = m_dir.filePath(QStringLiteral("joinable.sqlite"));
    request.studyName = QStringLiteral("joinable");
    const QString failure = runToEnd(request);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    qint64 studyId = 0;
    {
        auto store = Store::open(request.storage);
        QVERIFY(store.isOk());
        auto study = StudyRepository(*store.value()).find(request.studyName);
        QVERIFY(study.isOk() && study.value());
        studyId = study.value()->id;
        const QJsonObject objective = QJsonDocument::fromJson(study.value()->objectiveJson.toUtf8()).object();
        const QJsonObject data = objective.value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("data")).toArray().first().toString(), QStringLiteral("fashion-mnist"));
        QCOMPARE(data.value(QStringLiteral("limit")).toArray().first().toString(), QStringLiteral("200"));
        QVERIFY(StudyRepository(*store.value()).setMaxEvals(studyId, 2).isOk());
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LOUPE_FASHION_MNIST_DIR"), QString::fromUtf8(fixture));
    const testsupport::CliRun run = testsupport::runCli(
        {QStringLiteral("worker"), QStringLiteral("--storage"), request.storage, QStringLiteral("--study"),
         request.studyName},
        environment, m_dir.path(), 120000);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    auto store = Store::open(request.storage);
    QVERIFY(store.isOk());
    auto rows = TrialRepository(*store.value()).list(studyId);
    QVERIFY(rows.isOk());
    QCOMPARE(int(rows.value().size()), 2);
    for (const TrialRecord &trial : rows.value()) {
        QVERIFY2(trial.state == TrialState::Complete, qPrintable(trial.error));
        QVERIFY(trial.runId.has_value());
    }
    QVERIFY(rows.value()[1].worker != rows.value()[0].worker);
}

SearchRequest TestSearchJob::toyTableRequest(std::shared_ptr<const Table> table, const QString &studyName)
{
    SearchRequest request;
    request.kind = SearchRequest::Kind::Training;
    request.templateJson = QStringLiteral(R"({"layers": [{"type": "dense", "units": {"choice": [2, 4]}, "activation": "relu"},
        {"type": "dense", "units": 2, "activation": "softmax"}], "optimizer": "adam", "loss": "categorical_crossentropy",
        "batch_size": 8, "epochs": 1, "seed": 1})");
    request.data.source = TrainRequest::Source::Table;
    request.data.table = std::move(table);
    request.data.tableName = "toy.csv";
    request.data.target = "y";
    request.sampler = QStringLiteral("random");
    request.maxEvals = 1;
    request.storage = m_dir.filePath(studyName + QStringLiteral(".sqlite"));
    request.studyName = studyName;
    return request;
}

void TestSearchJob::workerRefusesTableStudy()
{
    auto table = std::make_shared<Table>();
    Column x("x", ColumnType::Float64);
    Column y("y", ColumnType::Int64);
    for (int i = 0; i < 40; ++i) {
        x.appendDouble(i * 0.25);
        y.appendInt(i % 2);
    }
    table->addColumn(std::move(x));
    table->addColumn(std::move(y));
    const SearchRequest request = toyTableRequest(table, QStringLiteral("table-study")); // no file behind it
    const QString failure = runToEnd(request);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const testsupport::CliRun run = testsupport::runCli(
        {QStringLiteral("worker"), QStringLiteral("--storage"), request.storage, QStringLiteral("--study"),
         request.studyName},
        QProcessEnvironment::systemEnvironment(), m_dir.path(), 60000);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("started on the Search page") && run.err.contains("loupe-cli search"),
             run.err.constData());
}

void TestSearchJob::workerJoinsCsvStudy()
{
    const QString csv = m_dir.filePath(QStringLiteral("toy.csv"));
    {
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("x,y\n");
        for (int i = 0; i < 40; ++i)
            file.write(QStringLiteral("%1,%2\n").arg(i * 0.25).arg(i % 2).toUtf8());
    }
    auto read = CsvReader().readFile(csv.toStdString()); // the Data page's default options
    QVERIFY2(read.isOk(), read.message().c_str());
    SearchRequest request = toyTableRequest(std::make_shared<Table>(std::move(read.value().table)),
                                            QStringLiteral("csv-study"));
    request.data.tablePath = csv;
    const QString failure = runToEnd(request);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    {
        auto store = Store::open(request.storage);
        QVERIFY(store.isOk());
        auto study = StudyRepository(*store.value()).find(request.studyName);
        QVERIFY(study.isOk() && study.value());
        const QJsonObject data = QJsonDocument::fromJson(study.value()->objectiveJson.toUtf8())
                                     .object()
                                     .value(QStringLiteral("data"))
                                     .toObject();
        QCOMPARE(data.value(QStringLiteral("data")).toArray().first().toString(), csv);
        QCOMPARE(data.value(QStringLiteral("target")).toArray().first().toString(), QStringLiteral("y"));
        QVERIFY(StudyRepository(*store.value()).setMaxEvals(study.value()->id, 2).isOk());
    }
    const testsupport::CliRun run = testsupport::runCli(
        {QStringLiteral("worker"), QStringLiteral("--storage"), request.storage, QStringLiteral("--study"),
         request.studyName},
        QProcessEnvironment::systemEnvironment(), m_dir.path(), 60000);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    auto store = Store::open(request.storage);
    QVERIFY(store.isOk());
    auto study = StudyRepository(*store.value()).find(request.studyName);
    auto rows = TrialRepository(*store.value()).list(study.value()->id);
    QVERIFY(rows.isOk());
    QCOMPARE(int(rows.value().size()), 2);
    for (const TrialRecord &trial : rows.value()) {
        QVERIFY2(trial.state == TrialState::Complete, qPrintable(trial.error));
        QVERIFY(trial.runId.has_value());
    }

    // The file changes: a worker must not mix trials on other data into the study.
    {
        QFile file(csv);
        QVERIFY(file.open(QIODevice::Append));
        file.write("10.5,1\n");
    }
    QVERIFY(StudyRepository(*store.value()).setMaxEvals(study.value()->id, 3).isOk());
    const testsupport::CliRun refused = testsupport::runCli(
        {QStringLiteral("worker"), QStringLiteral("--storage"), request.storage, QStringLiteral("--study"),
         request.studyName},
        QProcessEnvironment::systemEnvironment(), m_dir.path(), 60000);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("has changed since the study started"), refused.err.constData());
    QCOMPARE(int(TrialRepository(*store.value()).list(study.value()->id).value().size()), 2);
}

QTEST_GUILESS_MAIN(TestSearchJob)
#include "tst_searchjob.moc"
