// OutputPlan and OutputFile, the one writer for every file Loupe writes (issue 13, items 5, 6, 7 and
// 10): an output that is an input (by path, symbolic link or hard link) or another output is refused,
// so are special files and empty paths; "-" is standard output; a replaced file keeps its mode and a
// new one is 0600 (or 0644 for shared files); temporary names are unique, so concurrent writers leave
// one whole file; no temporary file survives a failure.
#include "core/util/OutputFile.h"
#include "core/util/OutputPlan.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>

#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace loupe;

namespace {

std::string readWhole(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeWhole(const std::string &path, const std::string &text)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

mode_t modeOf(const std::string &path)
{
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 ? info.st_mode & 07777 : 0;
}

OutputTarget target(const std::string &parameter, const std::string &path,
                    FileAccess access = FileAccess::OwnerOnly, StreamUse stream = StreamUse::Refused)
{
    return OutputTarget{.parameter = parameter, .path = path, .access = access, .stream = stream};
}

} // namespace

class TestOutputFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void planRefuses_data();
    void planRefuses();
    void planAccepts_data();
    void planAccepts();
    void openRefusesSpecialFiles_data();
    void openRefusesSpecialFiles();
    void replacesWhole();
    void modes_data();
    void modes();
    void followsSymbolicLinks();
    void standardOutput();
    void uniqueTemporaryNames();
    void concurrentWritersLeaveAWholeFile();
    void temporaryRemovedOnFailure_data();
    void temporaryRemovedOnFailure();

private:
    std::string path(const QString &name) const { return QDir(m_dir.path()).filePath(name).toStdString(); }
    QStringList temporaries() const;

    QTemporaryDir m_dir;
};

// Fixtures: data.csv (with a symbolic and a hard link), a directory, a FIFO, a socket, a dangling link.
void TestOutputFile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    writeWhole(path("data.csv"), "a,b\n1,2\n");
    writeWhole(path("other.csv"), "x\n");
    QCOMPARE(::symlink("data.csv", path("link.csv").c_str()), 0);
    QCOMPARE(::link(path("data.csv").c_str(), path("hard.csv").c_str()), 0);
    QCOMPARE(::symlink("other.csv", path("other-link.csv").c_str()), 0);
    QCOMPARE(::symlink("missing.csv", path("dangling.csv").c_str()), 0);
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("folder")));
    QCOMPARE(::symlink(m_dir.path().toLocal8Bit().constData(), path("folder/up").c_str()), 0);
    QCOMPARE(::mkfifo(path("fifo").c_str(), 0600), 0);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string socketPath = path("socket");
    QVERIFY(socketPath.size() < sizeof address.sun_path);
    std::strcpy(address.sun_path, socketPath.c_str());
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
    ::close(fd);
}

QStringList TestOutputFile::temporaries() const
{
    return QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System).filter(QRegularExpression("^\\."));
}

// Each output is "PARAMETER=NAME" (NAME inside the scratch folder, "-" as is, "/dev/..." absolute);
// the message must contain every expected part (@ stands for the scratch folder).
void TestOutputFile::planRefuses_data()
{
    QTest::addColumn<QStringList>("inputs");
    QTest::addColumn<QStringList>("outputs");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("same path") << QStringList{"data.csv"} << QStringList{"-o=data.csv"}
                               << QStringList{"-o @/data.csv: is the same file as the input @/data.csv",
                                              "choose another output path"};
    QTest::newRow("same file spelled differently") << QStringList{"data.csv"} << QStringList{"-o=folder/../data.csv"}
                                                   << QStringList{"is the same file as the input"};
    QTest::newRow("symbolic link to the input") << QStringList{"data.csv"} << QStringList{"-o=link.csv"}
                                                << QStringList{"-o @/link.csv: is the same file as the input"};
    QTest::newRow("input through a symbolic link") << QStringList{"link.csv"} << QStringList{"-o=data.csv"}
                                                   << QStringList{"is the same file as the input @/link.csv"};
    QTest::newRow("hard link to the input") << QStringList{"data.csv"} << QStringList{"-o=hard.csv"}
                                            << QStringList{"-o @/hard.csv: is the same file as the input"};
    QTest::newRow("second of several inputs") << QStringList{"other.csv", "data.csv"}
                                              << QStringList{"--params-out=data.csv"}
                                              << QStringList{"--params-out @/data.csv: is the same file as the input"};
    QTest::newRow("two outputs, same new file") << QStringList{} << QStringList{"-o=new.csv", "--params-out=new.csv"}
                                                << QStringList{"--params-out @/new.csv: is the same file as -o @/new.csv",
                                                               "give each output its own path"};
    QTest::newRow("two outputs through a linked folder")
        << QStringList{} << QStringList{"-o=new.csv", "--params-out=folder/up/new.csv"}
        << QStringList{"is the same file as -o @/new.csv"};
    QTest::newRow("two outputs, existing file and link")
        << QStringList{} << QStringList{"-o=other.csv", "--params-out=other-link.csv"}
        << QStringList{"is the same file as -o"};
    QTest::newRow("two outputs on standard output") << QStringList{} << QStringList{"-o=-", "--report=-"}
                                                    << QStringList{"--report -: standard output is already taken by -o"};
    QTest::newRow("empty path") << QStringList{} << QStringList{"--params-out="}
                                << QStringList{"--params-out: the output path is empty"};
    QTest::newRow("- not accepted") << QStringList{} << QStringList{"--save-weights=-"}
                                    << QStringList{"--save-weights -: standard output is not accepted"};
    QTest::newRow("FIFO") << QStringList{} << QStringList{"-o=fifo"}
                          << QStringList{"-o @/fifo: is a FIFO", "give - to write to standard output"};
    QTest::newRow("character device") << QStringList{} << QStringList{"-o=/dev/null"}
                                      << QStringList{"-o /dev/null: is a character device, not a regular file"};
    QTest::newRow("/dev/full") << QStringList{} << QStringList{"-o=/dev/full"} << QStringList{"is a character device"};
    QTest::newRow("socket") << QStringList{} << QStringList{"-o=socket"} << QStringList{"is a socket"};
    QTest::newRow("directory") << QStringList{} << QStringList{"-o=folder"}
                               << QStringList{"-o @/folder: is a directory; give a file name"};
    QTest::newRow("trailing slash") << QStringList{} << QStringList{"-o=newdir/"} << QStringList{"names a directory"};
    QTest::newRow("missing directory") << QStringList{} << QStringList{"-o=nowhere/out.csv"}
                                       << QStringList{"the directory @/nowhere does not exist"};
    QTest::newRow("dangling symbolic link") << QStringList{} << QStringList{"-o=dangling.csv"}
                                            << QStringList{"is a symbolic link to a missing file"};
}

namespace {

std::string inScratch(const QString &scratch, const QString &name)
{
    if (name.isEmpty() || name == QLatin1String("-") || name.startsWith(QLatin1Char('/')))
        return name.toStdString();
    return (scratch + QLatin1Char('/') + name).toStdString();
}

} // namespace

void TestOutputFile::planRefuses()
{
    QFETCH(QStringList, inputs);
    QFETCH(QStringList, outputs);
    QFETCH(QStringList, expected);
    OutputPlan plan;
    for (const QString &input : inputs)
        plan.addInput(inScratch(m_dir.path(), input));
    for (const QString &output : outputs) {
        const QString parameter = output.section(QLatin1Char('='), 0, 0);
        plan.addOutput(target(parameter.toStdString(), inScratch(m_dir.path(), output.section(QLatin1Char('='), 1)),
                              FileAccess::OwnerOnly,
                              parameter == QLatin1String("--save-weights") ? StreamUse::Refused : StreamUse::Allowed));
    }
    const Status status = plan.check();
    QVERIFY(!status.isOk());
    QCOMPARE(status.code(), StatusCode::InvalidInput);
    const QString message = QString::fromStdString(status.message());
    for (QString part : expected) {
        part.replace(QLatin1Char('@'), m_dir.path());
        QVERIFY2(message.contains(part), qPrintable(message + QStringLiteral("\n  lacks: ") + part));
    }
    QCOMPARE(readWhole(path("data.csv")), std::string("a,b\n1,2\n"));
}

void TestOutputFile::planAccepts_data()
{
    QTest::addColumn<QStringList>("inputs");
    QTest::addColumn<QStringList>("outputs");
    QTest::newRow("new file") << QStringList{"data.csv"} << QStringList{"-o=out.csv"};
    QTest::newRow("existing other file") << QStringList{"data.csv"} << QStringList{"-o=other.csv"};
    QTest::newRow("link to a file that is no input") << QStringList{"data.csv"} << QStringList{"-o=other-link.csv"};
    QTest::newRow("two distinct outputs") << QStringList{"data.csv"} << QStringList{"-o=a.csv", "--params-out=b.json"};
    QTest::newRow("standard output once") << QStringList{"data.csv"} << QStringList{"-o=-", "--params-out=b.json"};
    QTest::newRow("missing input is not compared") << QStringList{"nothing.csv"} << QStringList{"-o=out.csv"};
}

void TestOutputFile::planAccepts()
{
    QFETCH(QStringList, inputs);
    QFETCH(QStringList, outputs);
    OutputPlan plan;
    for (const QString &input : inputs)
        plan.addInput(inScratch(m_dir.path(), input));
    for (const QString &output : outputs)
        plan.addOutput(target(output.section(QLatin1Char('='), 0, 0).toStdString(),
                              inScratch(m_dir.path(), output.section(QLatin1Char('='), 1)), FileAccess::OwnerOnly,
                              StreamUse::Allowed));
    const Status status = plan.check();
    QVERIFY2(status.isOk(), status.message().c_str());
}

void TestOutputFile::openRefusesSpecialFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("FIFO") << "fifo" << "is a FIFO";
    QTest::newRow("/dev/full") << "/dev/full" << "is a character device";
    QTest::newRow("directory") << "folder" << "is a directory";
    QTest::newRow("empty") << "" << "the output path is empty";
}

// Without a plan, OutputFile itself never replaces a special file (the GUI's saves, core's writers).
void TestOutputFile::openRefusesSpecialFiles()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    OutputFile file(target("-o", inScratch(m_dir.path(), name)));
    const Status status = file.open();
    QVERIFY(!status.isOk());
    QVERIFY2(QString::fromStdString(status.message()).contains(expected), status.message().c_str());
    struct stat info {};
    QCOMPARE(::lstat(path("fifo").c_str(), &info), 0);
    QVERIFY(S_ISFIFO(info.st_mode));
    QVERIFY(temporaries().isEmpty());
}

void TestOutputFile::replacesWhole()
{
    const std::string out = path("replaced.txt");
    writeWhole(out, "old content that is longer than the new one\n");
    const Status status = OutputFile::write(target("-o", out), "new\n");
    QVERIFY2(status.isOk(), status.message().c_str());
    QCOMPARE(readWhole(out), std::string("new\n"));
    QVERIFY2(temporaries().isEmpty(), qPrintable(temporaries().join(QLatin1Char(' '))));
}

void TestOutputFile::modes_data()
{
    QTest::addColumn<int>("existing"); // -1: no file before
    QTest::addColumn<int>("access");
    QTest::addColumn<int>("expected");
    QTest::newRow("replaced 0600 stays 0600") << 0600 << int(FileAccess::OwnerOnly) << 0600;
    QTest::newRow("replaced 0600 shared stays 0600") << 0600 << int(FileAccess::Shared) << 0600;
    QTest::newRow("replaced 0640 stays 0640") << 0640 << int(FileAccess::OwnerOnly) << 0640;
    QTest::newRow("replaced 0644 stays 0644") << 0644 << int(FileAccess::OwnerOnly) << 0644;
    QTest::newRow("set-user-ID is not copied") << 04755 << int(FileAccess::OwnerOnly) << 0755;
    QTest::newRow("new private file is 0600") << -1 << int(FileAccess::OwnerOnly) << 0600;
    QTest::newRow("new shared file is 0644 under umask 022") << -1 << int(FileAccess::Shared) << 0644;
}

void TestOutputFile::modes()
{
    QFETCH(int, existing);
    QFETCH(int, access);
    QFETCH(int, expected);
    const std::string out = path(QStringLiteral("mode-%1.txt").arg(QTest::currentDataTag()).replace(' ', '-'));
    ::unlink(out.c_str());
    if (existing >= 0) {
        writeWhole(out, "old\n");
        QCOMPARE(::chmod(out.c_str(), mode_t(existing)), 0);
    }
    const mode_t oldMask = ::umask(022);
    const Status status = OutputFile::write(target("-o", out, FileAccess(access)), "new\n");
    ::umask(oldMask);
    QVERIFY2(status.isOk(), status.message().c_str());
    QCOMPARE(int(modeOf(out)), expected);
    QCOMPARE(readWhole(out), std::string("new\n"));
}

// A symbolic link as the output: the file it points to is replaced and the link stays a link.
void TestOutputFile::followsSymbolicLinks()
{
    writeWhole(path("target.txt"), "old\n");
    ::unlink(path("pointer.txt").c_str());
    QCOMPARE(::symlink("target.txt", path("pointer.txt").c_str()), 0);
    const Status status = OutputFile::write(target("-o", path("pointer.txt")), "new\n");
    QVERIFY2(status.isOk(), status.message().c_str());
    struct stat info {};
    QCOMPARE(::lstat(path("pointer.txt").c_str(), &info), 0);
    QVERIFY(S_ISLNK(info.st_mode));
    QCOMPARE(readWhole(path("target.txt")), std::string("new\n"));
}

void TestOutputFile::standardOutput()
{
    std::ostringstream captured;
    OutputTarget stream = target("-o", "-", FileAccess::OwnerOnly, StreamUse::Allowed);
    stream.standardOutput = &captured;
    QVERIFY(stream.isStandardOutput());
    const Status status = OutputFile::write(stream, "a,b\n");
    QVERIFY2(status.isOk(), status.message().c_str());
    QCOMPARE(captured.str(), std::string("a,b\n"));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("-"))));
}

void TestOutputFile::uniqueTemporaryNames()
{
    const std::string out = path("shared.csv");
    OutputFile first(target("-o", out));
    OutputFile second(target("-o", out));
    QVERIFY(first.open().isOk());
    QVERIFY(second.open().isOk());
    QVERIFY(first.temporaryPath() != second.temporaryPath());
    for (const OutputFile *file : {&first, &second}) {
        const QFileInfo info(QString::fromStdString(file->temporaryPath()));
        QCOMPARE(info.absolutePath(), QFileInfo(m_dir.path()).absoluteFilePath());
        QVERIFY2(info.fileName().startsWith(QLatin1String(".shared.csv.")), qPrintable(info.fileName()));
        QCOMPARE(int(modeOf(file->temporaryPath())), 0600);
    }
    first.stream() << "first\n";
    second.stream() << "second\n";
    QVERIFY(first.commit().isOk());
    QCOMPARE(readWhole(out), std::string("first\n"));
    QVERIFY(second.commit().isOk());
    QCOMPARE(readWhole(out), std::string("second\n"));
    QVERIFY(temporaries().isEmpty());
}

// Two threads write different 2 MB files to one output, many times: the output is always one of them whole.
void TestOutputFile::concurrentWritersLeaveAWholeFile()
{
    const std::string out = path("raced.csv");
    const std::string a(2 << 20, 'a'), b(2 << 20, 'b');
    for (int round = 0; round < 10; ++round) {
        Status first, second;
        std::thread writerA([&] { first = OutputFile::write(target("-o", out), a); });
        std::thread writerB([&] { second = OutputFile::write(target("-o", out), b); });
        writerA.join();
        writerB.join();
        QVERIFY2(first.isOk(), first.message().c_str());
        QVERIFY2(second.isOk(), second.message().c_str());
        const std::string written = readWhole(out);
        QVERIFY2(written == a || written == b, qPrintable(QStringLiteral("round %1: %2 bytes").arg(round).arg(written.size())));
    }
    QVERIFY(temporaries().isEmpty());
}

void TestOutputFile::temporaryRemovedOnFailure_data()
{
    QTest::addColumn<QString>("failure");
    QTest::addColumn<QString>("expected");
    QTest::newRow("abandoned before commit") << "abandon" << "";
    QTest::newRow("target became a directory") << "directory" << "is a directory";
    QTest::newRow("target became a FIFO") << "fifo" << "is a FIFO";
    QTest::newRow("write fails (file size limit)") << "limit" << "write failed";
}

void TestOutputFile::temporaryRemovedOnFailure()
{
    QFETCH(QString, failure);
    QFETCH(QString, expected);
    const std::string out = path("failing-" + failure);
    writeWhole(out, "kept\n");
    std::string temporary;
    Status status;
    {
        OutputFile file(target("-o", out));
        QVERIFY(file.open().isOk());
        temporary = file.temporaryPath();
        QVERIFY(QFile::exists(QString::fromStdString(temporary)));
        if (failure == QLatin1String("abandon")) {
            file.stream() << "never committed\n";
        } else if (failure == QLatin1String("directory") || failure == QLatin1String("fifo")) {
            QCOMPARE(::unlink(out.c_str()), 0);
            QCOMPARE(failure == QLatin1String("fifo") ? ::mkfifo(out.c_str(), 0600) : ::mkdir(out.c_str(), 0700), 0);
            file.stream() << "x\n";
            status = file.commit();
        } else {
            // A write beyond RLIMIT_FSIZE fails with EFBIG once SIGXFSZ is ignored.
            const auto previous = std::signal(SIGXFSZ, SIG_IGN);
            rlimit old{};
            QCOMPARE(::getrlimit(RLIMIT_FSIZE, &old), 0);
            rlimit small = old;
            small.rlim_cur = 4096;
            QCOMPARE(::setrlimit(RLIMIT_FSIZE, &small), 0);
            file.stream() << std::string(1 << 20, 'x');
            status = file.commit();
            QCOMPARE(::setrlimit(RLIMIT_FSIZE, &old), 0);
            std::signal(SIGXFSZ, previous);
        }
    }
    QVERIFY2(!QFile::exists(QString::fromStdString(temporary)), temporary.c_str());
    if (!expected.isEmpty()) {
        QVERIFY(!status.isOk());
        QVERIFY2(QString::fromStdString(status.message()).contains(expected), status.message().c_str());
        QVERIFY2(QString::fromStdString(status.message()).startsWith(QStringLiteral("-o ") + QString::fromStdString(out)),
                 status.message().c_str());
    }
    if (failure == QLatin1String("abandon") || failure == QLatin1String("limit"))
        QCOMPARE(readWhole(out), std::string("kept\n"));
    QVERIFY(temporaries().isEmpty());
}

QTEST_APPLESS_MAIN(TestOutputFile)

#include "tst_outputfile.moc"
