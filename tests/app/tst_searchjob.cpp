// SearchJob: a branin study run in the background (started with the study's trials, one
// trialFinished per trial, finished with every trial and the best), resume of the same study
// with a larger budget, and a training search on the chapter's hyperas template (Fashion-MNIST
// tiny fixture) whose trials complete, each with its training stored as a linked run.

#include "app/jobs/JobRunner.h"
#include "app/jobs/SearchJob.h"
#include "db/RunRepository.h"
#include "db/Store.h"
#include "db/StudyRepository.h"
#include "db/TrialRepository.h"

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

private:
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
    request.data.fashionMnist.directory = LOUPE_FIXTURES_DIR "/train/fmnist-tiny";
    request.data.fashionMnist.validationFraction = -1.0;
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

QTEST_GUILESS_MAIN(TestSearchJob)
#include "tst_searchjob.moc"
