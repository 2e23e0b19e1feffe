// DatasetRepository: upsert identity by (path, hash), refresh on re-load, find, list order.

#include "db/runs/DatasetRepository.h"
#include "db/store/Store.h"

#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace loupe;

namespace {

DatasetRecord makeRecord(const QString &path, const QString &hash, qint64 rows, int columns)
{
    DatasetRecord record;
    record.path = path;
    record.contentHash = hash;
    record.sizeBytes = rows * 10;
    record.rowCount = rows;
    record.columnCount = columns;
    record.schemaJson = QStringLiteral(R"({"columns":[{"name":"x","type":"float"}]})");
    return record;
}

} // namespace

class TestDatasetRepository : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void upsertInsertsAndFinds();
    void sameContentKeepsIdAndRefreshes();
    void changedContentIsNewDataset();
    void findMissingIsEmpty();
    void listNewestFirst();
    void rejectsIncompleteRecord_data();
    void rejectsIncompleteRecord();
    void persistsAcrossReopen();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
};

void TestDatasetRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = Store::open(m_dir->filePath(QStringLiteral("ws.sqlite")));
    QVERIFY2(store.isOk(), store.message().c_str());
    m_store = store.takeValue();
}

void TestDatasetRepository::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestDatasetRepository::upsertInsertsAndFinds()
{
    DatasetRepository repository(*m_store);
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    auto id = repository.upsert(makeRecord(QStringLiteral("/data/credit.csv"), QStringLiteral("fnv1a64:00000000000000aa"), 1000, 12));
    QVERIFY2(id.isOk(), id.message().c_str());
    QVERIFY(id.value() > 0);
    auto found = repository.find(id.value());
    QVERIFY(found.isOk());
    QVERIFY(found.value().has_value());
    const DatasetRecord &record = *found.value();
    QCOMPARE(record.id, id.value());
    QCOMPARE(record.path, QStringLiteral("/data/credit.csv"));
    QCOMPARE(record.contentHash, QStringLiteral("fnv1a64:00000000000000aa"));
    QCOMPARE(record.sizeBytes, qint64(10000));
    QCOMPARE(record.rowCount, qint64(1000));
    QCOMPARE(record.columnCount, 12);
    QCOMPARE(record.schemaJson, QStringLiteral(R"({"columns":[{"name":"x","type":"float"}]})"));
    QVERIFY(record.loadedAt.isValid());
    QCOMPARE(record.loadedAt.timeSpec(), Qt::UTC);
    QVERIFY(record.loadedAt >= before);
    QVERIFY(record.loadedAt <= QDateTime::currentDateTimeUtc().addMSecs(1));
}

void TestDatasetRepository::sameContentKeepsIdAndRefreshes()
{
    DatasetRepository repository(*m_store);
    const QString hash = QStringLiteral("fnv1a64:1111111111111111");
    auto first = repository.upsert(makeRecord(QStringLiteral("/d/a.csv"), hash, 10, 2));
    QVERIFY(first.isOk());
    auto firstRecord = repository.find(first.value());
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    DatasetRecord again = makeRecord(QStringLiteral("/d/a.csv"), hash, 10, 3);
    again.schemaJson = QStringLiteral(R"({"columns":[]})");
    auto second = repository.upsert(again);
    QVERIFY(second.isOk());
    QCOMPARE(second.value(), first.value());
    auto record = repository.find(second.value());
    QVERIFY(record.isOk() && record.value());
    QCOMPARE(record.value()->columnCount, 3);
    QCOMPARE(record.value()->schemaJson, QStringLiteral(R"({"columns":[]})"));
    QVERIFY(record.value()->loadedAt > firstRecord.value()->loadedAt);
    auto all = repository.list();
    QVERIFY(all.isOk());
    QCOMPARE(all.value().size(), std::size_t(1));
}

void TestDatasetRepository::changedContentIsNewDataset()
{
    DatasetRepository repository(*m_store);
    auto before = repository.upsert(makeRecord(QStringLiteral("/d/a.csv"), QStringLiteral("fnv1a64:1"), 10, 2));
    auto after = repository.upsert(makeRecord(QStringLiteral("/d/a.csv"), QStringLiteral("fnv1a64:2"), 11, 2));
    auto otherPath = repository.upsert(makeRecord(QStringLiteral("/d/b.csv"), QStringLiteral("fnv1a64:1"), 10, 2));
    QVERIFY(before.isOk() && after.isOk() && otherPath.isOk());
    QVERIFY(before.value() != after.value());
    QVERIFY(otherPath.value() != before.value() && otherPath.value() != after.value());
    auto old = repository.find(before.value());
    QVERIFY(old.isOk() && old.value());
    QCOMPARE(old.value()->rowCount, qint64(10)); // the old content's row stays as it was
}

void TestDatasetRepository::findMissingIsEmpty()
{
    DatasetRepository repository(*m_store);
    auto found = repository.find(987654);
    QVERIFY(found.isOk());
    QVERIFY(!found.value().has_value());
}

void TestDatasetRepository::listNewestFirst()
{
    DatasetRepository repository(*m_store);
    QStringList paths{QStringLiteral("/d/1.csv"), QStringLiteral("/d/2.csv"), QStringLiteral("/d/3.csv")};
    for (const QString &path : paths) {
        QVERIFY(repository.upsert(makeRecord(path, QStringLiteral("fnv1a64:7"), 1, 1)).isOk());
        std::this_thread::sleep_for(std::chrono::milliseconds(3));
    }
    // Re-loading the first makes it the newest.
    QVERIFY(repository.upsert(makeRecord(paths[0], QStringLiteral("fnv1a64:7"), 1, 1)).isOk());
    auto all = repository.list();
    QVERIFY(all.isOk());
    QCOMPARE(all.value().size(), std::size_t(3));
    QCOMPARE(all.value()[0].path, paths[0]);
    QCOMPARE(all.value()[1].path, paths[2]);
    QCOMPARE(all.value()[2].path, paths[1]);
}

void TestDatasetRepository::rejectsIncompleteRecord_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("hash");
    QTest::newRow("no path") << "" << "fnv1a64:1";
    QTest::newRow("no hash") << "/d/x.csv" << "";
}

void TestDatasetRepository::rejectsIncompleteRecord()
{
    QFETCH(QString, path);
    QFETCH(QString, hash);
    DatasetRepository repository(*m_store);
    auto id = repository.upsert(makeRecord(path, hash, 1, 1));
    QVERIFY(!id.isOk());
    QCOMPARE(id.status().code(), StatusCode::InvalidInput);
    auto all = repository.list();
    QVERIFY(all.isOk() && all.value().empty());
}

void TestDatasetRepository::persistsAcrossReopen()
{
    const QString path = m_dir->filePath(QStringLiteral("ws.sqlite"));
    qint64 id = 0;
    {
        DatasetRepository repository(*m_store);
        auto inserted = repository.upsert(makeRecord(QStringLiteral("/d/kept.csv"), QStringLiteral("fnv1a64:9"), 5, 5));
        QVERIFY(inserted.isOk());
        id = inserted.value();
    }
    m_store.reset();
    auto reopened = Store::open(path);
    QVERIFY(reopened.isOk());
    m_store = reopened.takeValue();
    DatasetRepository repository(*m_store);
    auto found = repository.find(id);
    QVERIFY(found.isOk() && found.value());
    QCOMPARE(found.value()->path, QStringLiteral("/d/kept.csv"));
}

QTEST_GUILESS_MAIN(TestDatasetRepository)
#include "tst_datasetrepository.moc"
