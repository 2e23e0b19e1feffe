// CsvReader: RFC 4180 structure, BOM, line endings, delimiter sniffing, every bad-input message,
// bad-row policy, row limit, I/O errors and fixture files.

#include "CsvTestSupport.h"

#include "core/data/CsvReader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <grp.h>
#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace loupe;

namespace {

struct UnprivilegedRead {
    std::string problem; // why the read could not be made as an unprivileged user, or empty
    int code = -1;       // the StatusCode of CsvReader::readFile (-1: it succeeded)
    std::string message;
};

// CsvReader::readFile(path) in a forked child that first drops every privilege for good (no
// supplementary groups, real/effective/saved ids of 'nobody', 65534 if there is no such user),
// as setpriv --reuid --regid --clear-groups would; the result comes back through a pipe.
UnprivilegedRead readAsNobody(const QString &path)
{
    uid_t uid = 65534;
    gid_t gid = 65534;
    if (const passwd *user = ::getpwnam("nobody")) {
        uid = user->pw_uid;
        gid = user->pw_gid;
    }
    int fds[2];
    if (::pipe(fds) != 0)
        return {"pipe() failed"};
    const pid_t child = ::fork();
    if (child < 0)
        return {"fork() failed"};
    if (child == 0) {
        ::close(fds[0]);
        std::string out;
        if (::setgroups(0, nullptr) != 0 || ::setresgid(gid, gid, gid) != 0 || ::setresuid(uid, uid, uid) != 0
            || ::geteuid() == 0 || ::setuid(0) == 0) {
            out = "!cannot drop to uid " + std::to_string(uid);
        } else {
            const Result<CsvReadReport> result = CsvReader().readFile(path.toStdString());
            out = result.isOk() ? std::string("-1\n") : std::to_string(static_cast<int>(result.status().code())) + "\n"
                                                          + result.message();
        }
        const ssize_t written = ::write(fds[1], out.data(), out.size());
        ::_exit(written == static_cast<ssize_t>(out.size()) ? 0 : 1);
    }
    ::close(fds[1]);
    std::string text;
    char buffer[512];
    for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;)
        text.append(buffer, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return {"the unprivileged child did not finish cleanly"};
    if (!text.empty() && text.front() == '!')
        return {text.substr(1)};
    const std::size_t newline = text.find('\n');
    UnprivilegedRead read;
    read.code = std::stoi(text.substr(0, newline));
    read.message = newline == std::string::npos ? std::string() : text.substr(newline + 1);
    return read;
}

} // namespace
using loupe::test::allStrings;
using loupe::test::dumpTable;
using loupe::test::readCsv;

class TestCsvReader : public QObject {
    Q_OBJECT

private slots:
    void rfcStructure_data();
    void rfcStructure();
    void sniffDelimiter_data();
    void sniffDelimiter();
    void explicitDelimiter();
    void badInput_data();
    void badInput();
    void skipBadRows_data();
    void skipBadRows();
    void skippedSamplesAreTheFirstFive();
    void maxRows();
    void ioErrors_data();
    void ioErrors();
    void unreadableFile();
    void fixtures_data();
    void fixtures();
};

void TestCsvReader::rfcStructure_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("lf") << QByteArray("a,b\n1,2\n3,4\n") << "a|b\n1|2\n3|4";
    QTest::newRow("lf, no final newline") << QByteArray("a,b\n1,2\n3,4") << "a|b\n1|2\n3|4";
    QTest::newRow("crlf") << QByteArray("a,b\r\n1,2\r\n3,4\r\n") << "a|b\n1|2\n3|4";
    QTest::newRow("crlf, no final newline") << QByteArray("a,b\r\n1,2\r\n3,4") << "a|b\n1|2\n3|4";
    QTest::newRow("mixed line ends") << QByteArray("a,b\r\n1,2\n3,4\r\n") << "a|b\n1|2\n3|4";
    QTest::newRow("quoted fields") << QByteArray("a,b\n\"x\",\"y\"\n") << "a|b\nx|y";
    QTest::newRow("delimiter inside quotes") << QByteArray("a,b\n\"x,1\",y\n") << "a|b\nx,1|y";
    QTest::newRow("doubled quotes") << QByteArray("a,b\n\"say \"\"hi\"\"\",y\n") << "a|b\nsay \"hi\"|y";
    QTest::newRow("only a doubled quote") << QByteArray("a,b\n\"\"\"\",y\n") << "a|b\n\"|y";
    QTest::newRow("lf inside quotes") << QByteArray("a,b\n\"line1\nline2\",y\n") << "a|b\nline1\\nline2|y";
    QTest::newRow("crlf inside quotes") << QByteArray("a,b\r\n\"line1\r\nline2\",y\r\n") << "a|b\nline1\\r\\nline2|y";
    QTest::newRow("quoted newline in last field, no final newline") << QByteArray("a\n\"x\ny\"") << "a\nx\\ny";
    QTest::newRow("quoted last field then crlf") << QByteArray("a,b\r\n1,\"2\"\r\n") << "a|b\n1|2";
    QTest::newRow("empty fields") << QByteArray("a,b,c\n,,\n") << "a|b|c\n||";
    QTest::newRow("empty quoted field") << QByteArray("a,b\n\"\",x\n") << "a|b\n|x";
    QTest::newRow("trailing delimiter") << QByteArray("a,b\n1,\n") << "a|b\n1|";
    QTest::newRow("trailing delimiter at end of text") << QByteArray("a,b\n1,") << "a|b\n1|";
    QTest::newRow("blank lines are skipped") << QByteArray("a,b\n\n1,2\n\r\n\n3,4\n\n") << "a|b\n1|2\n3|4";
    QTest::newRow("blank lines before header") << QByteArray("\n\na,b\n1,2\n") << "a|b\n1|2";
    QTest::newRow("quoted header") << QByteArray("\"a,1\",\"b\"\"\"\n1,2\n") << "a,1|b\"\n1|2";
    QTest::newRow("lone cr is data") << QByteArray("a,b\nx\ry,2\n") << "a|b\nx\\ry|2";
    QTest::newRow("spaces are kept") << QByteArray(" a , b \n 1 , 2 \n") << " a | b \n 1 | 2 ";
    QTest::newRow("single column") << QByteArray("a\n1\n2\n") << "a\n1\n2";
    QTest::newRow("single column: empty line is a value") << QByteArray("a\n1\n\n2\n\n") << "a\n1\n\n2\n";
    QTest::newRow("single column: crlf empty line") << QByteArray("a\r\n\r\n2") << "a\n\n2";
    QTest::newRow("utf-8 text") << QByteArray("name\nZoë\n日本\n") << "name\nZoë\n日本";
    QTest::newRow("utf-8 bom") << QByteArray("\xEF\xBB\xBF" "a,b\n1,2\n") << "a|b\n1|2";
    QTest::newRow("bom and crlf") << QByteArray("\xEF\xBB\xBF" "a;b\r\n1;2\r\n") << "a|b\n1|2";
    QTest::newRow("long quoted field") << (QByteArray("a,b\n\"") + QByteArray(300, 'x') + "\",1\n")
                                       << "a|b\n" + QString(300, 'x') + "|1";
}

void TestCsvReader::rfcStructure()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    Result<CsvReadReport> result = readCsv(input, allStrings());
    QVERIFY2(result.isOk(), result.message().c_str());
    QCOMPARE(dumpTable(result.value().table), expected);
    QCOMPARE(result.value().skippedRows, std::size_t(0));
}

void TestCsvReader::sniffDelimiter_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<int>("columns");

    QTest::newRow("comma") << QByteArray("a,b,c\n1,2,3\n") << ',' << 3;
    QTest::newRow("semicolon") << QByteArray("a;b;c\n1;2;3\n") << ';' << 3;
    QTest::newRow("tab") << QByteArray("a\tb\n1\t2\n") << '\t' << 2;
    QTest::newRow("pipe") << QByteArray("a|b|c|d\n1|2|3|4\n") << '|' << 4;
    QTest::newRow("semicolon with decimal commas") << QByteArray("x;y\n1,5;2,5\n3,0;4\n") << ';' << 2;
    QTest::newRow("comma with quoted semicolons") << QByteArray("a,b\n\"x;y;z\",2\n\"p;q\",3\n") << ',' << 2;
    QTest::newRow("quoted newline does not split a record") << QByteArray("a;b\n\"1\n,2,3\";4\n") << ';' << 2;
    QTest::newRow("single column") << QByteArray("a\n1\n") << ',' << 1;
    QTest::newRow("consistent count wins") << QByteArray("a,b;c\n1,2\n3,4\n") << ',' << 2;
    QTest::newRow("more fields break a tie") << QByteArray("a;b,c;d\n1;2,3;4\n") << ';' << 3;
}

void TestCsvReader::sniffDelimiter()
{
    QFETCH(QByteArray, input);
    QFETCH(char, delimiter);
    QFETCH(int, columns);
    Result<CsvReadReport> result = readCsv(input, allStrings());
    QVERIFY2(result.isOk(), result.message().c_str());
    QCOMPARE(result.value().delimiter, delimiter);
    QCOMPARE(result.value().table.columnCount(), std::size_t(columns));
}

void TestCsvReader::explicitDelimiter()
{
    CsvOptions options = allStrings();
    options.delimiter = ';';
    Result<CsvReadReport> result = readCsv("a,b;c\n1,2;3\n", options);
    QVERIFY2(result.isOk(), result.message().c_str());
    QCOMPARE(result.value().delimiter, ';');
    QCOMPARE(dumpTable(result.value().table), QString("a,b|c\n1,2|3"));
}

void TestCsvReader::badInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("forcedColumn"); // "name=type" or empty
    QTest::addColumn<QString>("message");

    QTest::newRow("empty file") << QByteArray() << "" << "t.csv: file is empty";
    // Issue 14, item 6: a binary file was reported as a quoting error.
    QTest::newRow("binary (PNG)") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << ""
                                  << "t.csv:3:1: not a text CSV file (byte offset 8 is a NUL byte: a binary file, or "
                                     "text saved as UTF-16; save it as UTF-8 CSV)";
    QTest::newRow("UTF-16 text") << QByteArray("a\0,\0b\0\n\0", 8) << ""
                                 << "t.csv:1:2: not a text CSV file (byte offset 1 is a NUL byte: a binary file, or "
                                    "text saved as UTF-16; save it as UTF-8 CSV)";
    QTest::newRow("bom only") << QByteArray("\xEF\xBB\xBF") << "" << "t.csv: file is empty";
    QTest::newRow("only empty lines") << QByteArray("\n\r\n\n") << "" << "t.csv: file has only empty lines";
    QTest::newRow("header only") << QByteArray("a,b\n") << "" << "t.csv: has a header but no data rows";
    QTest::newRow("header only, no newline") << QByteArray("a,b") << "" << "t.csv: has a header but no data rows";
    QTest::newRow("header and blank lines") << QByteArray("a,b\n\n\r\n") << ""
                                            << "t.csv: has a header but no data rows";
    QTest::newRow("unterminated quote") << QByteArray("a,b\n1,\"abc\n2,3\n") << ""
                                        << "t.csv:2:2: unterminated quoted field starting here (column 'b')";
    QTest::newRow("unterminated quote in header") << QByteArray("\"a,b\n1,2\n") << ""
                                                  << "t.csv:1:1: unterminated quoted field starting here";
    QTest::newRow("unterminated after multi-line field")
        << QByteArray("a,b\n\"x\ny\nz\",1\n2,\"oops\n") << ""
        << "t.csv:5:2: unterminated quoted field starting here (column 'b')";
    QTest::newRow("quote inside unquoted field")
        << QByteArray("a,b\n1,ab\"c\n") << ""
        << "t.csv:2:2: quote character inside an unquoted field (quote the whole field and double the quote) "
           "(column 'b')";
    QTest::newRow("character after closing quote")
        << QByteArray("a,b\n\"x\"y,2\n") << "" << "t.csv:2:1: unexpected character 'y' after a closing quote (column 'a')";
    QTest::newRow("space after closing quote")
        << QByteArray("a,b\n1,\"x\" \n") << "" << "t.csv:2:2: unexpected character ' ' after a closing quote (column 'b')";
    QTest::newRow("cr alone after closing quote")
        << QByteArray("a,b\n1,\"x\"\r2\n") << ""
        << "t.csv:2:2: unexpected character '\\x0D' after a closing quote (column 'b')";
    QTest::newRow("too many fields") << QByteArray("a,b\n1,2\n3,4,5\n") << ""
                                     << "t.csv:3:3: row has 3 fields, the header has 2";
    QTest::newRow("too many fields, quoted extra") << QByteArray("a,b\n1,2,\"x\"\n") << ""
                                                   << "t.csv:2:3: row has 3 fields, the header has 2";
    QTest::newRow("too few fields") << QByteArray("a,b,c\n1,2\n") << ""
                                    << "t.csv:2:3: row has 2 fields, the header has 3 (column 'c')";
    QTest::newRow("one field") << QByteArray("a,b\n1\n") << ""
                               << "t.csv:2:2: row has 1 field, the header has 2 (column 'b')";
    QTest::newRow("too many after multi-line field") << QByteArray("a,b\n\"x\ny\",2,3\n") << ""
                                                     << "t.csv:3:3: row has 3 fields, the header has 2";
    QTest::newRow("too few with crlf") << QByteArray("a,b\r\n1,2\r\n3\r\n") << ""
                                       << "t.csv:3:2: row has 1 field, the header has 2 (column 'b')";
    QTest::newRow("invalid utf-8") << QByteArray("a,b\n1,ab\xff\n") << ""
                                   << "t.csv:2:2: invalid UTF-8 at byte offset 8 (column 'b')";
    QTest::newRow("invalid utf-8 in quoted field") << QByteArray("a,b\n1,\"x\"\"\xc3\"\n") << ""
                                                   << "t.csv:2:2: invalid UTF-8 at byte offset 10 (column 'b')";
    QTest::newRow("overlong utf-8") << QByteArray("a\n\xc0\xaf\n") << ""
                                    << "t.csv:2:1: invalid UTF-8 at byte offset 2 (column 'a')";
    QTest::newRow("utf-16 surrogate") << QByteArray("a\nx\xed\xa0\x80\n") << ""
                                      << "t.csv:2:1: invalid UTF-8 at byte offset 3 (column 'a')";
    QTest::newRow("invalid utf-8 in header") << QByteArray("a\xc3,b\n1,2\n") << ""
                                             << "t.csv:1:1: invalid UTF-8 at byte offset 1";
    QTest::newRow("offsets count the bom") << QByteArray("\xEF\xBB\xBF" "a\n\xff\n") << ""
                                           << "t.csv:2:1: invalid UTF-8 at byte offset 5 (column 'a')";
    QTest::newRow("structure fault before earlier invalid utf-8") << QByteArray("a,b\nx\xff,1\n1,2,3\n") << ""
                                                                 << "t.csv:3:3: row has 3 fields, the header has 2";
    QTest::newRow("first invalid utf-8 across columns") << QByteArray("a,b\n1,x\n2,y\xfe\n\xff,z\n") << ""
                                                        << "t.csv:3:2: invalid UTF-8 at byte offset 11 (column 'b')";
    QTest::newRow("duplicate column name") << QByteArray("a,b,a\n1,2,3\n") << ""
                                           << "t.csv:1:3: duplicate column name 'a' (first used by column 1)";
    QTest::newRow("empty column name") << QByteArray("a,,c\n1,2,3\n") << ""
                                       << "t.csv:1:2: empty column name in the header";
    QTest::newRow("empty quoted column name") << QByteArray("a,\"\"\n1,2\n") << ""
                                              << "t.csv:1:2: empty column name in the header";
    QTest::newRow("override of unknown column") << QByteArray("a,b\n1,2\n") << "zz=int64"
                                                << "t.csv: type override names column 'zz', which is not in the header";
    QTest::newRow("override: not an int") << QByteArray("a,b\n1,2\n3,x\n") << "b=int64"
                                          << "t.csv:3:2: value 'x' is not a valid int64 (column 'b' is forced to int64)";
    QTest::newRow("override: float in int column") << QByteArray("a\n1\n1.5\n") << "a=int64"
                                                   << "t.csv:3:1: value '1.5' is not a valid int64 (column 'a' is forced to int64)";
    QTest::newRow("override: not a date") << QByteArray("a,d\n1,2023-02-30\n") << "d=datetime"
                                          << "t.csv:2:2: value '2023-02-30' is not a valid datetime (column 'd' is forced to datetime)";
    QTest::newRow("override: not a bool") << QByteArray("a\nyes\n") << "a=bool"
                                          << "t.csv:2:1: value 'yes' is not a valid bool (column 'a' is forced to bool)";
    QTest::newRow("override: long value is cut") << (QByteArray("a\n") + QByteArray(50, 'z') + "\n") << "a=float64"
                                                 << "t.csv:2:1: value '" + QString(40, 'z')
                                                        + "...' is not a valid float64 (column 'a' is forced to float64)";
}

void TestCsvReader::badInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, forcedColumn);
    QFETCH(QString, message);
    CsvOptions options;
    if (!forcedColumn.isEmpty()) {
        const QStringList parts = forcedColumn.split('=');
        options.typeOverrides[parts[0].toStdString()] = *columnTypeFromName(parts[1].toStdString());
    }
    for (int threads : {1, 2}) {
        options.threads = threads;
        options.chunkBytes = threads == 1 ? 0 : 3;
        Result<CsvReadReport> result = readCsv(input, options);
        QVERIFY(!result.isOk());
        QCOMPARE(result.status().code(), StatusCode::InvalidInput);
        QCOMPARE(QString::fromStdString(result.message()), message);
    }
}

void TestCsvReader::skipBadRows_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("skipped");
    QTest::addColumn<QString>("samples"); // "LINE: reason|..."

    QTest::newRow("short and long rows") << QByteArray("a,b\n1,2\n3\n4,5,6\n7,8\n") << "a|b\n1|2\n7|8" << 2
                                         << "3: row has 1 field, the header has 2 (column 'b')|"
                                            "4: row has 3 fields, the header has 2";
    QTest::newRow("multi-line bad row") << QByteArray("a,b\n\"x\ny\",1,2\n3,4\n") << "a|b\n3|4" << 1
                                        << "2: row has 3 fields, the header has 2";
    QTest::newRow("nothing to skip") << QByteArray("a,b\n1,2\n") << "a|b\n1|2" << 0 << "";
    QTest::newRow("every row bad") << QByteArray("a,b\n1\n2\n") << "a|b" << 2
                                   << "2: row has 1 field, the header has 2 (column 'b')|"
                                      "3: row has 1 field, the header has 2 (column 'b')";
    QTest::newRow("after blank lines") << QByteArray("a,b\n\n\n1,2,3\n") << "a|b" << 1
                                       << "4: row has 3 fields, the header has 2";
}

void TestCsvReader::skipBadRows()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QFETCH(int, skipped);
    QFETCH(QString, samples);
    CsvOptions options = allStrings();
    options.badRows = BadRowPolicy::Skip;
    Result<CsvReadReport> result = readCsv(input, options);
    QVERIFY2(result.isOk(), result.message().c_str());
    QCOMPARE(dumpTable(result.value().table), expected);
    QCOMPARE(result.value().skippedRows, std::size_t(skipped));
    QStringList lines;
    for (const CsvSkippedRow &row : result.value().skippedSamples)
        lines << QStringLiteral("%1: %2").arg(row.line).arg(QString::fromStdString(row.reason));
    QCOMPARE(lines.join(QLatin1Char('|')), samples);
}

// However the file is split, the samples are the first five bad rows of the file.
void TestCsvReader::skippedSamplesAreTheFirstFive()
{
    QByteArray text = "a,b\n";
    for (int i = 0; i < 40; ++i)
        text += i % 3 == 0 ? QByteArray::number(i) + "\n" : QByteArray::number(i) + ",x\n";
    for (int threads : {1, 4}) {
        CsvOptions options;
        options.badRows = BadRowPolicy::Skip;
        options.threads = threads;
        options.chunkBytes = 16;
        Result<CsvReadReport> result = readCsv(text, options);
        QVERIFY2(result.isOk(), result.message().c_str());
        QCOMPARE(result.value().skippedRows, std::size_t(14));
        const std::vector<CsvSkippedRow> &samples = result.value().skippedSamples;
        QCOMPARE(samples.size(), std::size_t(5));
        for (std::size_t k = 0; k < samples.size(); ++k)
            QCOMPARE(samples[k].line, 2 + 3 * k); // data row i is on line i + 2
    }
}

void TestCsvReader::maxRows()
{
    CsvOptions options;
    options.maxRows = 2;
    Result<CsvReadReport> result = readCsv("a,b\n1,x\n2,y\n3,z\n4,\"unterminated\n", options);
    QVERIFY2(result.isOk(), result.message().c_str());
    QCOMPARE(dumpTable(result.value().table), QString("a|b\n1|x\n2|y"));
    QCOMPARE(test::dumpTypes(result.value().table), QString("int64,string"));
}

void TestCsvReader::ioErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing file") << "/nonexistent-loupe-dir/x.csv"
                                  << "cannot open '/nonexistent-loupe-dir/x.csv': No such file or directory";
    QTest::newRow("directory") << QDir::tempPath() << "cannot read '" + QDir::tempPath() + "': it is a directory";
    QTest::newRow("device") << "/dev/null" << "cannot read '/dev/null': not a regular file";
}

void TestCsvReader::ioErrors()
{
    QFETCH(QString, path);
    QFETCH(QString, message);
    Result<CsvReadReport> result = CsvReader().readFile(path.toStdString());
    QVERIFY(!result.isOk());
    QCOMPARE(result.status().code(), StatusCode::IoError);
    QCOMPARE(QString::fromStdString(result.message()), message);
}

void TestCsvReader::unreadableFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("secret.csv");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("a\n1\n");
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::WriteOwner));
    const QString expected = "cannot open '" + path + "': Permission denied";
    if (::geteuid() != 0) {
        Result<CsvReadReport> result = CsvReader().readFile(path.toStdString());
        QCOMPARE(result.status().code(), StatusCode::IoError);
        QCOMPARE(QString::fromStdString(result.message()), expected);
        return;
    }
    // Root reads files whatever their mode (CI runs as root): read as 'nobody' instead, the
    // directory opened to others so that only the file's own mode stands in the way.
    QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                                  | QFileDevice::ReadOther | QFileDevice::ExeOther));
    const UnprivilegedRead read = readAsNobody(path);
    QVERIFY2(read.problem.empty(), read.problem.c_str());
    QCOMPARE(read.code, static_cast<int>(StatusCode::IoError));
    QCOMPARE(QString::fromStdString(read.message), expected);
}

void TestCsvReader::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<QString>("types");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("firstRow");

    QTest::newRow("transactions") << "transactions-small.csv" << ',' << "int64,datetime,int64,string,datetime,string,string,float64,float64,string,bool"
                                  << 12 << "1|2023-01-01 00:00:21|9887|Eve Smith|2005-09-18|Acme Grocers|restaurant|27.4|16336.12|refill|false";
    QTest::newRow("semicolon, bom, crlf") << "semicolon-bom-crlf.csv" << ';' << "string,float64,datetime"
                                          << 3 << "Zürich|1.5|2024-03-01 12:00:00";
    QTest::newRow("tab separated") << "tabs.tsv" << '\t' << "int64,string,bool" << 3 << "1|one|true";
}

void TestCsvReader::fixtures()
{
    QFETCH(QString, file);
    QFETCH(char, delimiter);
    QFETCH(QString, types);
    QFETCH(int, rows);
    QFETCH(QString, firstRow);
    const std::string path = std::string(LOUPE_FIXTURES_DIR) + "/csv/" + file.toStdString();
    Result<CsvReadReport> result = CsvReader().readFile(path);
    QVERIFY2(result.isOk(), result.message().c_str());
    const Table &table = result.value().table;
    QCOMPARE(result.value().delimiter, delimiter);
    QCOMPARE(test::dumpTypes(table), types);
    QCOMPARE(table.rowCount(), std::size_t(rows));
    QCOMPARE(dumpTable(table).section('\n', 1, 1), firstRow);
}

QTEST_APPLESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
