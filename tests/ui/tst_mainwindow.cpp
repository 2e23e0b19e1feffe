// MainWindow wiring: the pages it lists, File ▸ Open Recent after a load, drop detection, and the
// workspace named in the status bar.

#include "ui/MainWindow.h"
#include "ui/data/TableModel.h"
#include "ui/data/DataPage.h"

#include <QFileInfo>
#include <QLabel>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>
#include <QUrl>

using namespace loupe;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listsWorkingPages();
    void loadAddsRecentFile();
    void dropAcceptsLocalFiles();
    void statusBarNamesWorkspace();
    void fitsA1280x720Screen();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LoupeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QSettings().clear();
}

void TestMainWindow::listsWorkingPages()
{
    MainWindow window{QString()};
    // Data comes first; later pages are appended, one addPage line each.
    QCOMPARE(window.pageTitles().value(0), QStringLiteral("Data"));
    QCOMPARE(window.pageTitles().count(QStringLiteral("Data")), 1);
    QVERIFY(window.dataPage());
}

void TestMainWindow::loadAddsRecentFile()
{
    MainWindow window{QString()};
    const QString path = QStringLiteral(LOUPE_FIXTURES_DIR "/ui/people.csv");
    QSignalSpy finished(window.dataPage(), &DataPage::loadFinished);
    window.openCsv(path);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(window.dataPage()->tableModel()->rowCount(), 5);
    QCOMPARE(window.recentFiles().value(0), QFileInfo(path).absoluteFilePath());
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("people.csv")));
    window.openCsv(path); // the same file again stays one entry
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 20000);
    QCOMPARE(window.recentFiles().count(QFileInfo(path).absoluteFilePath()), 1);
}

void TestMainWindow::dropAcceptsLocalFiles()
{
    QMimeData files;
    files.setUrls({QUrl::fromLocalFile(QStringLiteral(LOUPE_FIXTURES_DIR "/ui/people.csv"))});
    QCOMPARE(MainWindow::droppedFilePath(&files), QStringLiteral(LOUPE_FIXTURES_DIR "/ui/people.csv"));
    QMimeData remote;
    remote.setUrls({QUrl(QStringLiteral("https://example.org/data.csv"))});
    QVERIFY(MainWindow::droppedFilePath(&remote).isEmpty());
    QMimeData text;
    text.setText(QStringLiteral("a,b\n1,2\n"));
    QVERIFY(MainWindow::droppedFilePath(&text).isEmpty());
}

void TestMainWindow::statusBarNamesWorkspace()
{
    MainWindow window(QStringLiteral("postgresql://ana:secret@db.example:5433/loupe"));
    QStringList texts;
    for (QLabel *label : window.statusBar()->findChildren<QLabel *>())
        texts.append(label->text());
    const QString all = texts.join(QLatin1Char('|'));
    QVERIFY2(all.contains(QStringLiteral("Workspace: postgresql://ana@db.example:5433/loupe")), qPrintable(all));
    QVERIFY(!all.contains(QStringLiteral("secret")));
}

// Issue 14, item 4: at 1280x720 the window was wider than the screen (its widest page's minimum), so
// the right side of every page was cut off. Each page's minimum must fit beside the navigation.
void TestMainWindow::fitsA1280x720Screen()
{
    MainWindow window{QString()};
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList tooBig;
    const QStringList titles = window.pageTitles();
    for (int i = 0; i < titles.size(); ++i) {
        const QSize minimum = window.pageWidget(i)->minimumSizeHint().expandedTo(window.pageWidget(i)->minimumSize());
        qInfo("%s: minimum %dx%d", qPrintable(titles[i]), minimum.width(), minimum.height());
        if (qEnvironmentVariableIsSet("LOUPE_DUMP_MINIMUMS"))
            for (QWidget *child : window.pageWidget(i)->findChildren<QWidget *>())
                if (child->minimumSizeHint().width() > 400 || child->minimumSizeHint().height() > 300)
                    qInfo("   %s %s %dx%d", child->metaObject()->className(), qPrintable(child->objectName()),
                          child->minimumSizeHint().width(), child->minimumSizeHint().height());
        if (minimum.width() > 1100 || minimum.height() > 620)
            tooBig << QStringLiteral("%1 (%2x%3)").arg(titles[i]).arg(minimum.width()).arg(minimum.height());
    }
    QVERIFY2(tooBig.isEmpty(), qPrintable(tooBig.join(QStringLiteral(", "))));
    const QSize whole = window.minimumSizeHint();
    QVERIFY2(whole.width() <= 1280 && whole.height() <= 720,
             qPrintable(QStringLiteral("%1x%2").arg(whole.width()).arg(whole.height())));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
