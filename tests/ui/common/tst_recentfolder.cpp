// File dialogs open in the last used folder, per purpose (offscreen, driving the real QFileDialog widgets):
// the Data page's Open CSV starts where the last data file was chosen, the Privacy page's Save cleaned CSV
// proposes "<name>-clean.csv" in the data folder, and purposes do not share their folders.

#include "ui/common/DatasetSession.h"
#include "ui/common/RecentFolder.h"
#include "ui/data/DataPage.h"
#include "ui/data/TableModel.h"
#include "ui/privacy/PrivacyPage.h"

#include "jobs/JobRunner.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace loupe;

namespace {

constexpr int kTimeoutMs = 20000;

// Waits for the next file dialog to be open, then runs `act` on it (which must accept or reject it).
// Any other modal window that opens instead (say, QFileDialog's own "File not found" or overwrite
// question) is recorded in `unexpected` and closed, so the test fails with its text rather than hanging
// in that window's event loop until ctest's timeout.
void whenDialogOpens(const std::function<void(QFileDialog *)> &act, QString *unexpected = nullptr)
{
    auto *poll = new QTimer;
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, act, unexpected] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || !modal->isVisible())
            return;
        auto *dialog = qobject_cast<QFileDialog *>(modal);
        if (!dialog) {
            if (auto *box = qobject_cast<QMessageBox *>(modal); box && unexpected)
                *unexpected += box->text();
            else if (unexpected)
                *unexpected += modal->metaObject()->className();
            if (auto *other = qobject_cast<QDialog *>(modal))
                other->reject();
            else
                modal->close();
            return;
        }
        poll->stop();
        poll->deleteLater();
        act(dialog);
    });
    poll->start();
}

QString canonical(const QString &path)
{
    return QFileInfo(path).canonicalFilePath();
}

} // namespace

class TestRecentFolder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void folderFallsBack();
    void purposesKeepTheirOwnFolders();
    void openCsvStartsInTheLastDataFolder();
    void saveCleanedCsvProposesNameInDataFolder();

private:
    QString writeCsv(const QString &folder, const QString &name);

    QTemporaryDir m_dir;
};

void TestRecentFolder::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LoupeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_recentfolder"));
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("first")));
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("second")));
}

void TestRecentFolder::init()
{
    QSettings().clear();
}

QString TestRecentFolder::writeCsv(const QString &folder, const QString &name)
{
    const QString path = QDir(m_dir.filePath(folder)).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write("customer_name,amount\nAnn Lee,1.5\nBob Ray,2\n");
    return path;
}

void TestRecentFolder::folderFallsBack()
{
    QCOMPARE(RecentFolder::folder(FolderPurpose::Exports), QDir::homePath());
    QCOMPARE(RecentFolder::folder(FolderPurpose::Exports, m_dir.path()), m_dir.path());
    RecentFolder::remember(FolderPurpose::Exports, m_dir.filePath(QStringLiteral("first/plot.png")));
    QCOMPARE(RecentFolder::folder(FolderPurpose::Exports, m_dir.path()), m_dir.filePath(QStringLiteral("first")));
    // A folder that is gone is not proposed.
    RecentFolder::remember(FolderPurpose::Exports, m_dir.filePath(QStringLiteral("gone/plot.png")));
    QCOMPARE(RecentFolder::folder(FolderPurpose::Exports, m_dir.path()), m_dir.path());
    RecentFolder::remember(FolderPurpose::Exports, QString()); // a cancelled dialog changes nothing
    QCOMPARE(QSettings().value(RecentFolder::settingsKey(FolderPurpose::Exports)).toString(),
             m_dir.filePath(QStringLiteral("gone")));
}

void TestRecentFolder::purposesKeepTheirOwnFolders()
{
    RecentFolder::remember(FolderPurpose::Suites, m_dir.filePath(QStringLiteral("first/suite.json")));
    RecentFolder::remember(FolderPurpose::DataFiles, m_dir.filePath(QStringLiteral("second/data.csv")));
    QCOMPARE(RecentFolder::folder(FolderPurpose::Suites), m_dir.filePath(QStringLiteral("first")));
    QCOMPARE(RecentFolder::folder(FolderPurpose::DataFiles), m_dir.filePath(QStringLiteral("second")));
    QCOMPARE(RecentFolder::folder(FolderPurpose::Specs), QDir::homePath());
}

void TestRecentFolder::openCsvStartsInTheLastDataFolder()
{
    const QString first = writeCsv(QStringLiteral("first"), QStringLiteral("a.csv"));
    const QString second = writeCsv(QStringLiteral("second"), QStringLiteral("b.csv"));
    JobRunner runner;
    DatasetSession session;
    DataPage page(PageContext{&runner, &session, QString()});
    page.show();
    QSignalSpy loaded(&page, &DataPage::loadFinished);
    RecentFolder::remember(FolderPurpose::DataFiles, first);

    // 1. The dialog starts in the remembered folder; choosing a file in another folder loads it...
    QString startedIn;
    QString unexpected;
    whenDialogOpens([&](QFileDialog *dialog) {
        startedIn = dialog->directory().absolutePath();
        dialog->setDirectory(QFileInfo(second).absolutePath());
        dialog->selectFile(QFileInfo(second).fileName());
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept() checks the choice like the OK button
    }, &unexpected);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("openCsv")), Qt::LeftButton);
    QCOMPARE(unexpected, QString());
    QCOMPARE(canonical(startedIn), canonical(m_dir.filePath(QStringLiteral("first"))));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeoutMs);
    QCOMPARE(canonical(loaded.at(0).at(0).toString()), canonical(second));

    // 2. ...and the next dialog starts there. Cancelling keeps the folder.
    whenDialogOpens([&](QFileDialog *dialog) {
        startedIn = dialog->directory().absolutePath();
        dialog->reject();
    }, &unexpected);
    page.openWithDialog();
    QCOMPARE(unexpected, QString());
    QCOMPARE(canonical(startedIn), canonical(m_dir.filePath(QStringLiteral("second"))));
    QCOMPARE(canonical(RecentFolder::folder(FolderPurpose::DataFiles)), canonical(m_dir.filePath(QStringLiteral("second"))));
    QCOMPARE(loaded.count(), 1);
}

void TestRecentFolder::saveCleanedCsvProposesNameInDataFolder()
{
    const QString source = writeCsv(QStringLiteral("first"), QStringLiteral("people.csv"));
    JobRunner runner;
    DatasetSession session;
    DataPage data(PageContext{&runner, &session, QString()});
    QSignalSpy loaded(&data, &DataPage::loadFinished);
    data.loadFile(source);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeoutMs);
    PrivacyPage privacy(PageContext{&runner, &session, QString()});
    privacy.show();
    RecentFolder::remember(FolderPurpose::DataFiles, m_dir.filePath(QStringLiteral("second/other.csv")));
    RecentFolder::remember(FolderPurpose::Exports, m_dir.filePath(QStringLiteral("first/plot.png")));

    QString proposed;
    QString unexpected;
    whenDialogOpens([&](QFileDialog *dialog) {
        proposed = dialog->selectedFiles().value(0);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept() checks the choice like the OK button
    }, &unexpected);
    QSignalSpy saved(&privacy, &PrivacyPage::cleanedCsvSaved);
    QTest::mouseClick(privacy.findChild<QPushButton *>(QStringLiteral("saveCleanedButton")), Qt::LeftButton);
    QCOMPARE(unexpected, QString());
    const QString expected = m_dir.filePath(QStringLiteral("second/people-clean.csv"));
    QCOMPARE(canonical(QFileInfo(proposed).absolutePath()), canonical(m_dir.filePath(QStringLiteral("second"))));
    QCOMPARE(QFileInfo(proposed).fileName(), QStringLiteral("people-clean.csv"));
    QCOMPARE(saved.count(), 1);
    QVERIFY(QFile::exists(expected));
    // Saving data did not move the exports' folder.
    QCOMPARE(RecentFolder::folder(FolderPurpose::Exports), m_dir.filePath(QStringLiteral("first")));
}

QTEST_MAIN(TestRecentFolder)
#include "tst_recentfolder.moc"
