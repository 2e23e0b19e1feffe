// CsvReader's parallel parse: chunk edges anywhere (inside quotes, between CR and LF, inside multi-line
// fields) give the same table and the same first error as one sequential parse; progress, cancellation
// through the token and through the ProgressSink; a file larger than 2 GiB (sparse, so cheap to make).

#include "CsvTestSupport.h"

#include "core/data/CsvReader.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <random>
#include <unistd.h>

using namespace loupe;
using loupe::test::dumpTable;
using loupe::test::dumpTypes;
using loupe::test::readCsv;

namespace {

struct Generated {
    QByteArray text;
    QString expected; // dumpTable of the table the text must give
};

// A CSV of `rows` rows full of the hard cases: quoted delimiters, doubled quotes, LF and CRLF inside
// quotes, CRLF and LF record ends, blank lines, empty fields, mixed column types.
Generated generate(int rows, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    const auto pick = [&](int n) { return int(rng() % std::uint32_t(n)); };
    Generated out;
    out.text = "id,amount,memo,when,flag\n";
    out.expected = "id|amount|memo|when|flag";
    static const char *const kMemos[] = {"plain", "with, comma", "say \"hi\"", "two\nlines", "crlf\r\ninside",
                                         "", "\"", ",,,", "end\n", "ünïcödé"};
    for (int i = 0; i < rows; ++i) {
        const QByteArray id = QByteArray::number(i);
        const QByteArray amount = QByteArray::number(pick(100000) / 100.0, 'f', 2);
        const char *memo = kMemos[pick(10)];
        QByteArray quotedMemo = memo;
        const bool mustQuote = quotedMemo.contains(',') || quotedMemo.contains('"') || quotedMemo.contains('\n');
        if (mustQuote || pick(4) == 0)
            quotedMemo = "\"" + quotedMemo.replace("\"", "\"\"") + "\"";
        const QByteArray when = pick(10) == 0 ? QByteArray() : "2024-0" + QByteArray::number(1 + pick(9)) + "-1"
                                                                   + QByteArray::number(pick(10)) + " 10:00:0"
                                                                   + QByteArray::number(pick(10));
        const QByteArray flag = pick(2) ? "true" : "false";
        const QByteArray ending = pick(3) == 0 ? "\r\n" : "\n";
        out.text += id + "," + amount + "," + quotedMemo + "," + (pick(2) ? "\"" + when + "\"" : when) + "," + flag + ending;
        if (pick(50) == 0)
            out.text += ending; // a blank line
        const QString shownMemo = QString::fromUtf8(memo).replace("\n", "\\n").replace("\r", "\\r");
        out.expected += "\n" + QString::number(i) + "|" + QString::number(amount.toDouble()) + "|"
                        + (QByteArray(memo).isEmpty() ? "<NA>" : shownMemo) + "|"
                        + (when.isEmpty() ? "<NA>" : QString::fromLatin1(when)) + "|" + flag;
    }
    return out;
}

} // namespace

class TestCsvParallel : public QObject {
    Q_OBJECT

private slots:
    void sameTableAnyChunking_data();
    void sameTableAnyChunking();
    void sameErrorAnyChunking_data();
    void sameErrorAnyChunking();
    void skipPolicyAnyChunking();
    void progressReports();
    void cancelBeforeStart();
    void cancelThroughToken();
    void cancelThroughProgressSink();
    void fileLargerThan2GiB();
};

void TestCsvParallel::sameTableAnyChunking_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("chunkBytes");
    for (int threads : {1, 2})
        for (int chunkBytes : {1, 2, 3, 5, 17, 64, 1000, 0})
            QTest::addRow("threads %d, chunk %d", threads, chunkBytes) << threads << chunkBytes;
}

void TestCsvParallel::sameTableAnyChunking()
{
    QFETCH(int, threads);
    QFETCH(int, chunkBytes);
    const Generated input = generate(1500, 7);
    CsvOptions options;
    options.threads = threads;
    options.chunkBytes = std::size_t(chunkBytes);
    CsvReader reader(options);
    // Valid text must never need the sequential fallback, which would restart the "parsing" fractions.
    double last = 0.0;
    bool restarted = false;
    reader.setProgressSink([&](const Progress &progress) {
        restarted = restarted || progress.fraction < last;
        last = progress.fraction;
        return ProgressAction::Continue;
    });
    Result<CsvReadReport> result = reader.readBuffer(std::string_view(input.text.constData(), input.text.size()));
    QVERIFY2(result.isOk(), result.message().c_str());
    QVERIFY(!restarted);
    QCOMPARE(dumpTypes(result.value().table), QString("int64,float64,string,datetime,bool"));
    QCOMPARE(dumpTable(result.value().table), input.expected);
}

void TestCsvParallel::sameErrorAnyChunking_data()
{
    QTest::addColumn<QByteArray>("fault"); // the memo of a row inserted before row 900
    QTest::addRow("stray quote") << QByteArray("ab\"c");
    QTest::addRow("unterminated quote") << QByteArray("\"abc");
    QTest::addRow("text after closing quote") << QByteArray("\"abc\"d");
    QTest::addRow("extra field") << QByteArray("a,b");
    QTest::addRow("invalid utf-8") << QByteArray("a\xff");
}

void TestCsvParallel::sameErrorAnyChunking()
{
    QFETCH(QByteArray, fault);
    Generated input = generate(1200, 11);
    const int at = input.text.indexOf("\n900,");
    QVERIFY(at > 0);
    input.text.insert(at + 1, "999999,1.00," + fault + ",,true\n");
    CsvOptions sequential;
    sequential.threads = 1;
    const Result<CsvReadReport> expected = readCsv(input.text, sequential);
    QVERIFY(!expected.isOk());
    QCOMPARE(expected.status().code(), StatusCode::InvalidInput);
    for (int chunkBytes : {1, 4, 33, 256, 4096}) {
        CsvOptions options;
        options.threads = 2;
        options.chunkBytes = std::size_t(chunkBytes);
        const Result<CsvReadReport> result = readCsv(input.text, options);
        QVERIFY(!result.isOk());
        QCOMPARE(QString::fromStdString(result.message()), QString::fromStdString(expected.message()));
    }
}

void TestCsvParallel::skipPolicyAnyChunking()
{
    QByteArray text = "a,b\n";
    int good = 0;
    for (int i = 0; i < 3000; ++i) {
        if (i % 13 == 0) {
            text += "\"bad\nrow\",1,2\n";
        } else {
            text += QByteArray::number(i) + ",\"x\ny\"\n";
            ++good;
        }
    }
    for (int chunkBytes : {0, 1, 50, 999}) {
        CsvOptions options;
        options.threads = 2;
        options.chunkBytes = std::size_t(chunkBytes);
        options.badRows = BadRowPolicy::Skip;
        const Result<CsvReadReport> result = readCsv(text, options);
        QVERIFY2(result.isOk(), result.message().c_str());
        QCOMPARE(result.value().table.rowCount(), std::size_t(good));
        QCOMPARE(result.value().skippedRows, std::size_t(3000 - good));
        QCOMPARE(result.value().table.column(0).intAt(0), std::int64_t(1));
    }
}

void TestCsvParallel::progressReports()
{
    const Generated input = generate(3000, 3);
    CsvOptions options;
    options.threads = 2;
    options.chunkBytes = 4096;
    CsvReader reader(options);
    QStringList stages;
    QString trace;
    double last = -1.0;
    bool monotone = true;
    reader.setProgressSink([&](const Progress &progress) {
        monotone = monotone && progress.fraction >= last && progress.fraction <= 1.0;
        last = progress.fraction;
        trace += QString(" %1").arg(progress.fraction);
        if (stages.isEmpty() || stages.last() != QString::fromStdString(progress.stage))
            stages << QString::fromStdString(progress.stage);
        return ProgressAction::Continue;
    });
    const Result<CsvReadReport> result = reader.readBuffer(std::string_view(input.text.constData(), input.text.size()));
    QVERIFY2(result.isOk(), result.message().c_str());
    QVERIFY2(monotone, qPrintable(trace)); // a restart would mean the split was wrongly rejected
    QCOMPARE(last, 1.0);
    QCOMPARE(stages, (QStringList{"reading header", "splitting", "parsing", "assembling", "done"}));
}

void TestCsvParallel::cancelBeforeStart()
{
    CancellationToken token;
    token.cancel();
    CsvReader reader;
    reader.setCancellationToken(&token);
    const Result<CsvReadReport> result = reader.readBuffer("a\n1\n");
    QVERIFY(!result.isOk());
    QVERIFY(result.status().isCancelled());
}

void TestCsvParallel::cancelThroughToken()
{
    const Generated input = generate(20000, 5);
    for (int threads : {1, 2}) {
        CsvOptions options;
        options.threads = threads;
        options.chunkBytes = 8192;
        CsvReader reader(options);
        CancellationToken token;
        reader.setCancellationToken(&token);
        int parsingReports = 0;
        reader.setProgressSink([&](const Progress &progress) {
            if (progress.stage == "parsing" && ++parsingReports == 2)
                token.cancel(); // as a UI thread would, while chunks are being parsed
            return ProgressAction::Continue;
        });
        const Result<CsvReadReport> result = reader.readBuffer(std::string_view(input.text.constData(), input.text.size()));
        QVERIFY(!result.isOk());
        QVERIFY(result.status().isCancelled());
        QCOMPARE(result.message(), std::string("cancelled"));
        QCOMPARE(parsingReports, 2);
    }
}

void TestCsvParallel::cancelThroughProgressSink()
{
    const Generated input = generate(20000, 5);
    for (const char *stage : {"reading header", "splitting", "parsing", "assembling"}) {
        CsvOptions options;
        options.threads = 2;
        options.chunkBytes = 8192;
        CsvReader reader(options);
        int callsAfterStop = -1;
        reader.setProgressSink([&](const Progress &progress) {
            if (callsAfterStop >= 0)
                ++callsAfterStop;
            if (progress.stage == stage && callsAfterStop < 0) {
                callsAfterStop = 0;
                return ProgressAction::Stop;
            }
            return ProgressAction::Continue;
        });
        const Result<CsvReadReport> result = reader.readBuffer(std::string_view(input.text.constData(), input.text.size()));
        QVERIFY2(result.status().isCancelled(), (std::string(stage) + ": " + result.message()).c_str());
        QCOMPARE(callsAfterStop, 0);
    }
}

// 64-bit offsets: a sparse file whose data continues past 2 GiB. The hole reads as one long field of NUL
// bytes in a row of one field, which the Skip policy drops; the Error policy names its line.
void TestCsvParallel::fileLargerThan2GiB()
{
    QTemporaryDir dir;
    const QByteArray path = dir.filePath("big.csv").toLocal8Bit();
    const int fd = ::open(path.constData(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
    QVERIFY(fd >= 0);
    const QByteArray head = "a,b\n1,x\n";
    const QByteArray tail = "\n2,y\n3,\"z\nz\"\n";
    const off_t holeEnd = (off_t(1) << 31) + 4096 * 100;
    QCOMPARE(::write(fd, head.constData(), size_t(head.size())), ssize_t(head.size()));
    QCOMPARE(::pwrite(fd, tail.constData(), size_t(tail.size()), holeEnd), ssize_t(tail.size()));
    ::close(fd);

    CsvOptions options;
    options.badRows = BadRowPolicy::Skip;
    Result<CsvReadReport> result = CsvReader(options).readFile(path.toStdString());
    QVERIFY2(result.isOk(), result.message().c_str());
    QCOMPARE(dumpTable(result.value().table), QString("a|b\n1|x\n2|y\n3|z\\nz"));
    QCOMPARE(result.value().skippedRows, std::size_t(1));

    result = CsvReader().readFile(path.toStdString());
    QVERIFY(!result.isOk());
    QCOMPARE(QString::fromStdString(result.message()),
             QString::fromLocal8Bit(path) + ":3:1: not a text CSV file (byte offset 8 is a NUL byte: a binary file, "
                                            "or text saved as UTF-16; save it as UTF-8 CSV)");
}

QTEST_APPLESS_MAIN(TestCsvParallel)
#include "tst_csvparallel.moc"
