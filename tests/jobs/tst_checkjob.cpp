// CheckJob: runs a suite on a LoadedTable in the background, hands back the copyable result (every failing
// row of every test, the text report), records the run when given a workspace, and fails a bad suite with
// its file:line message.
#include "jobs/CheckJob.h"
#include "jobs/JobRunner.h"

#include "core/data/DateTimeParser.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace loupe;

namespace {

LoadedTable ceoTable()
{
    auto table = std::make_shared<Table>();
    Column birth("ceo_birth", ColumnType::DateTime);
    for (const char *text : {"1964-01-12", "1800-01-01", "1971-06-28"}) {
        std::int64_t nanos = 0;
        DateTimeParser::parse(text, nanos);
        birth.appendInt(nanos);
    }
    table->addColumn(std::move(birth));
    LoadedTable loaded;
    loaded.table = table;
    loaded.path = QStringLiteral("ceo.csv");
    return loaded;
}

const char *kSuite = R"JSON({"suite": "ceo", "tests": [
  {"name": "old_age", "assert": "after", "column": "ceo_birth", "target": "{earliest}",
   "locals": {"earliest": "today() - days(365*130)"}, "note": "born before {earliest}"}]})JSON";

struct Collector : QObject {
    int ended = 0;
    bool finished = false;
    QString failure;
    CheckJobResult result;
    void watch(CheckJob *job)
    {
        connect(job, &CheckJob::finished, this, [this](quint64, const CheckJobResult &r) {
            finished = true;
            result = r;
        });
        connect(job, &Job::failed, this, [this](quint64, const QString &message) { failure = message; });
        connect(job, &Job::ended, this, [this](quint64) { ++ended; });
    }
};

} // namespace

class TestCheckJob : public QObject {
    Q_OBJECT

private slots:
    void runsAndRecords()
    {
        QTemporaryDir dir;
        const QString workspace = dir.filePath(QStringLiteral("ws.sqlite"));
        CheckJobOptions options;
        options.workspace = workspace;
        JobRunner runner;
        Collector collector;
        auto *job = new CheckJob(ceoTable(), QString::fromUtf8(kSuite), QStringLiteral("suite.json"), options);
        collector.watch(job);
        runner.start(job, QStringLiteral("check"));
        QTRY_COMPARE_WITH_TIMEOUT(collector.ended, 1, 30000);
        QVERIFY2(collector.failure.isEmpty(), qPrintable(collector.failure));
        QVERIFY(collector.finished);
        const CheckRunResult &run = collector.result.run;
        QCOMPARE(run.tests.size(), std::size_t(1));
        QCOMPARE(run.tests[0].status, CheckTestStatus::Failed);
        QCOMPARE(run.tests[0].outcome.failingRows, (std::vector<std::uint64_t>{1}));
        QCOMPARE(run.tests[0].outcome.columns, (std::vector<std::string>{"ceo_birth"}));
        QVERIFY(collector.result.reportText.contains(QStringLiteral("row 1: 1800-01-01")));
        QVERIFY2(collector.result.workspaceNote.isEmpty(), qPrintable(collector.result.workspaceNote));
        QVERIFY(collector.result.workspaceRunId > 0);

        auto store = Store::open(workspace);
        QVERIFY(store.isOk());
        auto record = RunRepository(*store.value()).findRun(collector.result.workspaceRunId);
        QVERIFY(record.isOk() && record.value().has_value());
        QCOMPARE(record.value()->kind, RunKind::Check);
    }

    void badSuiteFailsWithLine()
    {
        JobRunner runner;
        Collector collector;
        auto *job = new CheckJob(ceoTable(), QStringLiteral("{\"tests\": [\n{\"name\": \"a\", \"assert\": \"aftr\"}]}"),
                                 QStringLiteral("<editor>"));
        collector.watch(job);
        runner.start(job, QStringLiteral("check"));
        QTRY_COMPARE_WITH_TIMEOUT(collector.ended, 1, 30000);
        QVERIFY(!collector.finished);
        QVERIFY2(collector.failure.contains(QStringLiteral("<editor>:2: test 'a': unknown assertion 'aftr'")),
                 qPrintable(collector.failure));
    }
};

QTEST_GUILESS_MAIN(TestCheckJob)
#include "tst_checkjob.moc"
