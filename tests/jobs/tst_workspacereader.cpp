// WorkspaceReader / WorkspaceReadJob: a read runs on its own thread with its own Store and its value
// comes back on the caller's thread; errors (no workspace, a location that cannot be opened, a read
// that fails) come back as values naming the cause; a read superseded by a later one, or cancelled,
// never replies; destroying a reader with a read in flight waits for it and drops its reply.
#include "jobs/WorkspaceReader.h"

#include "db/runs/RunRepository.h"
#include "db/store/Store.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <memory>
#include <vector>

using namespace loupe;

namespace {

enum class Location { Workspace, None, Unopenable };
enum class ReadOutcome { Value, Error };

struct Reply {
    bool arrived = false;
    bool ok = false;
    int value = 0;
    QString message;
    Qt::HANDLE thread = nullptr;
};

WorkspaceReader::ReplyFunction<int> recordInto(std::shared_ptr<Reply> reply)
{
    return [reply](Result<int> result) {
        reply->arrived = true;
        reply->ok = result.isOk();
        reply->value = result.isOk() ? result.value() : 0;
        reply->message = QString::fromStdString(result.message());
        reply->thread = QThread::currentThreadId();
    };
}

} // namespace

Q_DECLARE_METATYPE(Location)
Q_DECLARE_METATYPE(ReadOutcome)

class TestWorkspaceReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void repliesOnTheCallersThread_data();
    void repliesOnTheCallersThread();
    void supersededReplyIsDropped();
    void cancelDropsTheReply();
    void destroyingWaitsAndDropsTheReply();

private:
    QString location(Location kind) const;

    QTemporaryDir m_dir;
    QString m_workspace;
};

void TestWorkspaceReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_workspace = m_dir.filePath(QStringLiteral("ws.sqlite"));
    auto store = Store::open(m_workspace);
    QVERIFY2(store.isOk(), store.message().c_str());
    RunRepository runs(*store.value());
    for (int i = 0; i < 3; ++i)
        QVERIFY(runs.createRun(RunKind::Check, std::nullopt, QStringLiteral("{}")).isOk());
}

QString TestWorkspaceReader::location(Location kind) const
{
    switch (kind) {
    case Location::Workspace:
        return m_workspace;
    case Location::None:
        return QString();
    case Location::Unopenable:
        return m_dir.filePath(QStringLiteral("ws.sqlite/inside-a-file.sqlite"));
    }
    return QString();
}

void TestWorkspaceReader::repliesOnTheCallersThread_data()
{
    QTest::addColumn<Location>("where");
    QTest::addColumn<ReadOutcome>("outcome");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("three stored runs") << Location::Workspace << ReadOutcome::Value << true << 3 << QString();
    QTest::newRow("the read fails") << Location::Workspace << ReadOutcome::Error << false << 0
                                    << QStringLiteral("row 2: unreadable");
    QTest::newRow("no workspace") << Location::None << ReadOutcome::Value << false << 0
                                  << QStringLiteral("no workspace is open");
    QTest::newRow("unopenable location") << Location::Unopenable << ReadOutcome::Value << false << 0
                                         << QStringLiteral("inside-a-file.sqlite");
}

void TestWorkspaceReader::repliesOnTheCallersThread()
{
    QFETCH(Location, where);
    QFETCH(ReadOutcome, outcome);
    QFETCH(bool, ok);
    QFETCH(int, value);
    QFETCH(QString, message);
    WorkspaceReader reader(location(where));
    auto reply = std::make_shared<Reply>();
    auto readThread = std::make_shared<std::atomic<Qt::HANDLE>>(nullptr);
    const quint64 id = reader.read<int>(
        [outcome, readThread](Store &store) -> Result<int> {
            readThread->store(QThread::currentThreadId());
            if (outcome == ReadOutcome::Error)
                return Status::ioError("row 2: unreadable");
            auto runs = RunRepository(store).listRuns(RunKind::Check);
            if (!runs.isOk())
                return runs.status();
            return int(runs.value().size());
        },
        recordInto(reply));
    QVERIFY(id != 0);
    QVERIFY(reader.isReading());
    QCOMPARE(reader.pendingRequest(), id);
    QVERIFY(!reply->arrived); // never synchronously
    QTRY_VERIFY_WITH_TIMEOUT(reply->arrived, 20000);
    QVERIFY(!reader.isReading());
    QCOMPARE(reply->ok, ok);
    QCOMPARE(reply->value, value);
    QVERIFY2(reply->message.contains(message), qPrintable(reply->message));
    QCOMPARE(reply->thread, QThread::currentThreadId());
    if (where == Location::Workspace)
        QVERIFY(readThread->load() != QThread::currentThreadId());
}

void TestWorkspaceReader::supersededReplyIsDropped()
{
    WorkspaceReader reader(m_workspace);
    QSignalSpy ended(&reader, &WorkspaceReader::requestEnded);
    auto gate = std::make_shared<QSemaphore>();
    auto first = std::make_shared<Reply>();
    auto second = std::make_shared<Reply>();
    const quint64 firstId = reader.read<int>(
        [gate](Store &) -> Result<int> {
            gate->acquire(); // held until the second read was asked for
            return 1;
        },
        recordInto(first));
    const quint64 secondId = reader.read<int>([](Store &) -> Result<int> { return 2; }, recordInto(second));
    QVERIFY(secondId != firstId);
    QCOMPARE(reader.pendingRequest(), secondId);
    gate->release();
    auto endedIds = [&ended] {
        QList<quint64> ids;
        for (const QList<QVariant> &arguments : ended)
            ids << arguments.first().toULongLong();
        return ids;
    };
    QTRY_VERIFY_WITH_TIMEOUT(endedIds().contains(firstId) && endedIds().contains(secondId), 20000);
    QVERIFY(second->arrived);
    QCOMPARE(second->value, 2);
    QVERIFY(!first->arrived);
    QVERIFY(!reader.isReading());
}

void TestWorkspaceReader::cancelDropsTheReply()
{
    WorkspaceReader reader(m_workspace);
    QSignalSpy ended(&reader, &WorkspaceReader::requestEnded);
    auto reply = std::make_shared<Reply>();
    const quint64 id = reader.read<int>([](Store &) -> Result<int> { return 7; }, recordInto(reply));
    reader.cancel();
    QVERIFY(!reader.isReading());
    QCOMPARE(reader.pendingRequest(), quint64(0));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 20000);
    QCOMPARE(ended.first().first().toULongLong(), id);
    QVERIFY(!reply->arrived);
    reader.cancel(); // nothing pending: a no-op
}

void TestWorkspaceReader::destroyingWaitsAndDropsTheReply()
{
    auto reply = std::make_shared<Reply>();
    auto started = std::make_shared<QSemaphore>();
    auto gate = std::make_shared<QSemaphore>();
    auto finished = std::make_shared<std::atomic<bool>>(false);
    {
        WorkspaceReader reader(m_workspace);
        reader.read<int>(
            [started, gate, finished](Store &) -> Result<int> {
                started->release();
                gate->acquire();
                finished->store(true);
                return 1;
            },
            recordInto(reply));
        started->acquire(); // the read runs
        gate->release();
    } // cancels the read (too late to stop it) and waits for its thread
    QVERIFY(finished->load());
    QCoreApplication::processEvents();
    QVERIFY(!reply->arrived);
}

QTEST_GUILESS_MAIN(TestWorkspaceReader)
#include "tst_workspacereader.moc"
