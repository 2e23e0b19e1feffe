// FileFingerprint: FNV-1a 64 reference values, whole-file hashing across block boundaries, errors.

#include "db/runs/FileFingerprint.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace loupe;

class TestFileFingerprint : public QObject {
    Q_OBJECT

private slots:
    void referenceVectors_data();
    void referenceVectors();
    void fileMatchesBytes();
    void oneChangedByteChangesHash();
    void missingFileIsError();
    void cancelled();
};

void TestFileFingerprint::referenceVectors_data()
{
    // Published FNV-1a 64-bit test vectors.
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<quint64>("hash");
    QTest::newRow("empty") << QByteArray() << quint64(0xcbf29ce484222325ULL);
    QTest::newRow("a") << QByteArray("a") << quint64(0xaf63dc4c8601ec8cULL);
    QTest::newRow("foobar") << QByteArray("foobar") << quint64(0x85944171f73967e8ULL);
}

void TestFileFingerprint::referenceVectors()
{
    QFETCH(QByteArray, input);
    QFETCH(quint64, hash);
    QCOMPARE(FileFingerprint::fnv1a64(input.constData(), input.size(), FileFingerprint::fnvOffsetBasis), hash);
}

void TestFileFingerprint::fileMatchesBytes()
{
    // 2.5 MiB of seeded noise spans three 1 MiB read blocks.
    QByteArray bytes(5 << 19, Qt::Uninitialized);
    std::mt19937 rng(1234);
    for (char &b : bytes)
        b = char(rng() & 0xff);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("noise.bin"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    auto fingerprint = FileFingerprint::ofFile(path);
    QVERIFY2(fingerprint.isOk(), fingerprint.message().c_str());
    const quint64 expected = FileFingerprint::fnv1a64(bytes.constData(), bytes.size(), FileFingerprint::fnvOffsetBasis);
    QCOMPARE(fingerprint.value().contentHash, QStringLiteral("fnv1a64:%1").arg(expected, 16, 16, QLatin1Char('0')));
    QCOMPARE(fingerprint.value().sizeBytes, qint64(bytes.size()));
    QCOMPARE(fingerprint.value().path, path);
    QVERIFY(fingerprint.value().modifiedAt.isValid());
}

void TestFileFingerprint::oneChangedByteChangesHash()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("data.csv"));
    auto write = [&](const QByteArray &content) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
    };
    write("x,y\n1,2\n3,4\n");
    auto first = FileFingerprint::ofFile(path);
    write("x,y\n1,2\n3,5\n"); // same size
    auto second = FileFingerprint::ofFile(path);
    write("x,y\n1,2\n3,4\n");
    auto third = FileFingerprint::ofFile(path);
    QVERIFY(first.isOk() && second.isOk() && third.isOk());
    QVERIFY(first.value().contentHash != second.value().contentHash);
    QCOMPARE(third.value().contentHash, first.value().contentHash);
}

void TestFileFingerprint::missingFileIsError()
{
    auto fingerprint = FileFingerprint::ofFile(QStringLiteral("/nonexistent/dir/data.csv"));
    QVERIFY(!fingerprint.isOk());
    QCOMPARE(fingerprint.status().code(), StatusCode::IoError);
    QVERIFY(QString::fromStdString(fingerprint.message()).contains(QStringLiteral("/nonexistent/dir/data.csv")));
}

void TestFileFingerprint::cancelled()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("f.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("abc");
    file.close();
    CancellationToken token;
    token.cancel();
    auto fingerprint = FileFingerprint::ofFile(path, &token);
    QVERIFY(!fingerprint.isOk());
    QVERIFY(fingerprint.status().isCancelled());
}

QTEST_GUILESS_MAIN(TestFileFingerprint)
#include "tst_filefingerprint.moc"
