// Every loupe-cli output goes through one writer (core/util/OutputFile + OutputPlan). Issue 13's
// reproducers, one row each: an output that is an input (by path, symbolic link, hard link), two
// outputs that are one file, special files (/dev/full, a FIFO, /dev/stdout into a pipe), empty output
// paths, "-" with --json, and --db in a missing folder. Each exits 2 with a message naming the option
// and the path, and leaves every file in the folder byte for byte as it was. Then what is allowed:
// "-" writes to stdout, a new file is 0600, a replaced file keeps its mode, weights follow the umask,
// and two mask processes racing on one output leave one whole file.
#include "tests/support/CliProcess.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using loupe::testsupport::CliRun;

class TestCliOutputs : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refused_data();
    void refused();
    void dbInAMissingFolderCreatesNothing();
    void dashWritesToStandardOutput_data();
    void dashWritesToStandardOutput();
    void modes();
    void concurrentMasksLeaveAWholeFile();

private:
    CliRun run(const QStringList &arguments, int timeoutMs = 120000);
    QString temp(const QString &name) const { return m_dir.filePath(name); }
    // Every entry of the folder: regular files by their bytes, other kinds by their type.
    QMap<QString, QByteArray> snapshot() const;
    static int modeOf(const QString &path);

    QTemporaryDir m_dir;
};

CliRun TestCliOutputs::run(const QStringList &arguments, int timeoutMs)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LOUPE_DB"), temp(QStringLiteral("workspace.sqlite")));
    environment.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
    return loupe::testsupport::runCli(arguments, environment, m_dir.path(), timeoutMs);
}

QMap<QString, QByteArray> TestCliOutputs::snapshot() const
{
    QMap<QString, QByteArray> entries;
    QDirIterator it(m_dir.path(), QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString path = it.next();
        struct stat info {};
        if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
            continue;
        QByteArray &entry = entries[it.fileName()];
        if (S_ISREG(info.st_mode)) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly))
                entry = file.readAll();
            entry += "|mode " + QByteArray::number(info.st_mode & 07777, 8);
        } else {
            entry = "type " + QByteArray::number(info.st_mode & S_IFMT, 8);
        }
    }
    return entries;
}

int TestCliOutputs::modeOf(const QString &path)
{
    struct stat info {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
}

// t.csv (with link.csv and hard.csv pointing at it), suite.json, spec.json, tiny.csv, p.json (scaler
// parameters), a FIFO, a folder, and workspace.sqlite (LOUPE_DB) holding one recorded load.
void TestCliOutputs::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCOMPARE(run({"simulate", "--rows", "200", "-o", "t.csv", "--no-workspace"}).exitCode, 0);
    QCOMPARE(::symlink("t.csv", QFile::encodeName(temp("link.csv")).constData()), 0);
    QCOMPARE(::link(QFile::encodeName(temp("t.csv")).constData(), QFile::encodeName(temp("hard.csv")).constData()), 0);
    QFile suite(temp("suite.json"));
    QVERIFY(suite.open(QIODevice::WriteOnly));
    suite.write(R"({"suite":"s","tests":[{"name":"rows","assert":"row_count_between","min":1,"max":1000}]})");
    suite.close();
    const QString fixtures = QStringLiteral(LOUPE_FIXTURES_DIR "/train/");
    QVERIFY(QFile::copy(fixtures + "tiny-spec.json", temp("spec.json")));
    QVERIFY(QFile::copy(fixtures + "tiny.csv", temp("tiny.csv")));
    QCOMPARE(run({"scale", "t.csv", "--method", "standard", "-o", "scaled.csv", "--params-out", "p.json",
                  "--no-workspace"}).exitCode, 0);
    QCOMPARE(::mkfifo(QFile::encodeName(temp("fifo")).constData(), 0600), 0);
    QVERIFY(QDir(m_dir.path()).mkdir("folder"));
    QCOMPARE(run({"load", "t.csv"}).exitCode, 0);
    QVERIFY(QFile::exists(temp("workspace.sqlite")));
}

void TestCliOutputs::refused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expected");
    const QStringList scale{"scale", "t.csv", "--method", "standard"};
    const QStringList check{"check", "suite.json", "t.csv"};
    const QStringList train{"train", "spec.json", "--data", "tiny.csv", "--target", "label", "--epochs", "1"};
    const QStringList mask{"mask", "t.csv", "--drop", "amount"};
    const QStringList simulate{"simulate", "--rows", "10"};
    const auto row = [](const char *name, const QStringList &arguments, const QStringList &expected) {
        QTest::newRow(name) << (arguments + QStringList{"--no-workspace"}) << expected;
    };
    // Item 5: an output that is an input.
    row("scale -o = the data", scale + QStringList{"-o", "t.csv"},
        {"-o t.csv: is the same file as the input t.csv; choose another output path"});
    row("scale --params-out = the data", scale + QStringList{"-o", "new.csv", "--params-out", "t.csv"},
        {"--params-out t.csv: is the same file as the input t.csv"});
    row("scale -o X --params-out X", scale + QStringList{"-o", "x.csv", "--params-out", "x.csv"},
        {"--params-out x.csv: is the same file as -o x.csv; give each output its own path"});
    row("scale --params-out = --apply", QStringList{"scale", "t.csv", "--apply", "p.json", "-o", "new.csv",
                                                    "--params-out", "p.json"},
        {"--params-out p.json: is the same file as the input p.json"});
    row("check -o = the data", check + QStringList{"-o", "t.csv"}, {"-o t.csv: is the same file as the input t.csv"});
    row("check -o = the suite", check + QStringList{"-o", "suite.json"},
        {"-o suite.json: is the same file as the input suite.json"});
    row("train --save-weights = the spec", train + QStringList{"--save-weights", "spec.json"},
        {"--save-weights spec.json: is the same file as the input spec.json"});
    row("train --save-weights = the data", train + QStringList{"--save-weights", "tiny.csv"},
        {"--save-weights tiny.csv: is the same file as the input tiny.csv"});
    row("mask -o = the input", mask + QStringList{"-o", "./t.csv"}, {"-o ./t.csv: is the same file as the input t.csv"});
    row("mask -o symbolic link to the input", mask + QStringList{"-o", "link.csv"},
        {"-o link.csv: is the same file as the input t.csv"});
    row("mask -o hard link to the input", mask + QStringList{"-o", "hard.csv"},
        {"-o hard.csv: is the same file as the input t.csv"});
    row("mask input through a link, -o the file", QStringList{"mask", "link.csv", "--drop", "amount", "-o", "t.csv"},
        {"-o t.csv: is the same file as the input link.csv"});
    // Item 7: special files are never replaced.
    row("simulate -o /dev/full", simulate + QStringList{"-o", "/dev/full"},
        {"-o /dev/full: is a character device, not a regular file", "give - to write to standard output"});
    row("simulate -o FIFO", simulate + QStringList{"-o", "fifo"}, {"-o fifo: is a FIFO"});
    row("simulate -o /dev/stdout into a pipe", simulate + QStringList{"-o", "/dev/stdout"},
        {"-o /dev/stdout: is a FIFO", "give - to write to standard output"});
    row("mask -o a folder", mask + QStringList{"-o", "folder"}, {"-o folder: is a directory"});
    row("train --save-weights /dev/null", train + QStringList{"--save-weights", "/dev/null"},
        {"--save-weights /dev/null: is a character device"});
    // Item 10: empty paths name their option; "-" where it cannot be.
    row("scale --params-out ''", scale + QStringList{"-o", "new.csv", "--params-out", ""},
        {"--params-out: the output path is empty"});
    row("train --save-weights ''", train + QStringList{"--save-weights", ""}, {"--save-weights: the output path is empty"});
    row("mask -o ''", mask + QStringList{"-o", ""}, {"-o: the output path is empty"});
    row("check -o ''", check + QStringList{"-o", ""}, {"-o: the output path is empty"});
    row("simulate -o ''", simulate + QStringList{"-o", ""}, {"-o: the output path is empty"});
    row("mask -o - --json", mask + QStringList{"-o", "-", "--json"}, {"-o -: with --json standard output carries"});
    row("scale --params-out -", scale + QStringList{"-o", "new.csv", "--params-out", "-"},
        {"--params-out -: standard output is not accepted"});
    row("train --save-weights -", train + QStringList{"--save-weights", "-"},
        {"--save-weights -: standard output is not accepted"});
    row("mask -o into a missing folder", mask + QStringList{"-o", "nowhere/x.csv"},
        {"-o nowhere/x.csv: the directory nowhere does not exist"});
    // The workspace is an input too.
    QTest::newRow("mask -o the workspace") << (mask + QStringList{"-o", "workspace.sqlite"})
                                           << QStringList{"-o workspace.sqlite: is the same file as the input"};
}

void TestCliOutputs::refused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);
    const QMap<QString, QByteArray> before = snapshot();
    const CliRun result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    const QString err = QString::fromUtf8(result.err);
    for (const QString &part : expected)
        QVERIFY2(err.contains(part), qPrintable(err + "\n  lacks: " + part));
    const QMap<QString, QByteArray> after = snapshot();
    QCOMPARE(after.keys(), before.keys());
    for (auto it = before.begin(); it != before.end(); ++it)
        QVERIFY2(after.value(it.key()) == it.value(), qPrintable(it.key() + " changed"));
    struct stat info {};
    QCOMPARE(::stat("/dev/full", &info), 0);
    QVERIFY(S_ISCHR(info.st_mode));
}

void TestCliOutputs::dbInAMissingFolderCreatesNothing()
{
    const QString missing = temp("absent/deeper/ws.sqlite");
    const CliRun result = run({"load", "t.csv", "--db", missing});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("option --db: workspace '" + missing.toUtf8() + "': the folder"), result.err);
    QVERIFY2(result.err.contains("does not exist"), result.err);
    QVERIFY(!QFileInfo::exists(temp("absent")));
}

void TestCliOutputs::dashWritesToStandardOutput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("startsWith");
    QTest::addColumn<QByteArray>("summaryOnStderr");
    QTest::newRow("simulate") << QStringList{"simulate", "--rows", "3", "-o", "-"} << QByteArray("transaction_id,")
                              << QByteArray("wrote 3 rows x 11 columns to standard output");
    QTest::newRow("mask") << QStringList{"mask", "t.csv", "--drop", "amount", "-o", "-"}
                          << QByteArray("transaction_id,") << QByteArray("wrote standard output: 200 rows");
    QTest::newRow("scale") << QStringList{"scale", "t.csv", "--method", "minmax", "-o", "-"}
                           << QByteArray("transaction_id,") << QByteArray("scaled ");
    QTest::newRow("check") << QStringList{"check", "suite.json", "t.csv", "-o", "-"} << QByteArray() << QByteArray();
}

void TestCliOutputs::dashWritesToStandardOutput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, startsWith);
    QFETCH(QByteArray, summaryOnStderr);
    const CliRun result = run(arguments + QStringList{"--no-workspace"});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.startsWith(startsWith), result.out.left(200));
    QVERIFY2(result.err.contains(summaryOnStderr), result.err);
    if (arguments.first() == QLatin1String("check"))
        QVERIFY2(result.out.contains("OK"), result.out);
    QVERIFY(!QFile::exists(temp("-")));
}

void TestCliOutputs::modes()
{
    // New data files are 0600; a replaced file keeps its mode; new weights follow the umask.
    QCOMPARE(run({"mask", "t.csv", "--drop", "amount", "-o", "masked.csv", "--no-workspace"}).exitCode, 0);
    QCOMPARE(modeOf(temp("masked.csv")), 0600);
    QCOMPARE(::chmod(QFile::encodeName(temp("masked.csv")).constData(), 0640), 0);
    QCOMPARE(run({"mask", "t.csv", "--drop", "memo", "-o", "masked.csv", "--no-workspace"}).exitCode, 0);
    QCOMPARE(modeOf(temp("masked.csv")), 0640);
    QCOMPARE(run({"check", "suite.json", "t.csv", "-o", "report.txt", "--no-workspace"}).exitCode, 0);
    QCOMPARE(modeOf(temp("report.txt")), 0600);
    const mode_t mask = ::umask(022);
    const CliRun trained = run({"train", "spec.json", "--data", "tiny.csv", "--target", "label", "--epochs", "1",
                                "--save-weights", "model.weights", "--no-workspace"});
    ::umask(mask);
    QVERIFY2(trained.exitCode == 0, trained.err);
    QCOMPARE(modeOf(temp("model.weights")), 0644);
    // Issue 13, item 7: replacing a 0600 file left it 0644.
    QCOMPARE(::chmod(QFile::encodeName(temp("model.weights")).constData(), 0600), 0);
    QCOMPARE(run({"train", "spec.json", "--data", "tiny.csv", "--target", "label", "--epochs", "1", "--save-weights",
                  "model.weights", "--no-workspace"}).exitCode, 0);
    QCOMPARE(modeOf(temp("model.weights")), 0600);
    QCOMPARE(::chmod(QFile::encodeName(temp("scaled.csv")).constData(), 0644), 0);
    QCOMPARE(run({"scale", "t.csv", "--method", "minmax", "-o", "scaled.csv", "--no-workspace"}).exitCode, 0);
    QCOMPARE(modeOf(temp("scaled.csv")), 0644);
}

// Issue 13, item 6: two processes masking one file into one output with different options.
void TestCliOutputs::concurrentMasksLeaveAWholeFile()
{
    QCOMPARE(run({"simulate", "--rows", "20000", "-o", "big.csv", "--no-workspace"}).exitCode, 0);
    QCOMPARE(run({"mask", "big.csv", "--drop", "amount", "-o", "a.csv", "--no-workspace"}).exitCode, 0);
    QCOMPARE(run({"mask", "big.csv", "--drop", "memo", "-o", "b.csv", "--no-workspace"}).exitCode, 0);
    QFile a(temp("a.csv")), b(temp("b.csv"));
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    const QByteArray first = a.readAll(), second = b.readAll();
    for (int round = 0; round < 3; ++round) {
        QProcess one, two;
        for (QProcess *process : {&one, &two})
            process->setWorkingDirectory(m_dir.path());
        one.start(QStringLiteral(LOUPE_CLI_PATH), {"mask", "big.csv", "--drop", "amount", "-o", "same.csv", "--no-workspace"});
        two.start(QStringLiteral(LOUPE_CLI_PATH), {"mask", "big.csv", "--drop", "memo", "-o", "same.csv", "--no-workspace"});
        QVERIFY(one.waitForFinished(60000) && two.waitForFinished(60000));
        QCOMPARE(one.exitCode(), 0);
        QCOMPARE(two.exitCode(), 0);
        QFile same(temp("same.csv"));
        QVERIFY(same.open(QIODevice::ReadOnly));
        const QByteArray written = same.readAll();
        QVERIFY2(written == first || written == second, qPrintable(QStringLiteral("round %1").arg(round)));
    }
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Hidden | QDir::Files).filter(QRegularExpression("^\\.")), QStringList());
}

QTEST_GUILESS_MAIN(TestCliOutputs)

#include "tst_clioutputs.moc"
