// "Skip bad rows" on the Data page (offscreen, driving the check box): unchecked, a file with rows of the
// wrong width is refused with the line and column; checked, it loads without them, and the message area
// says how many were skipped and shows the first few with their line and reason.

#include "ui/common/DatasetSession.h"
#include "ui/data/DataPage.h"
#include "ui/data/TableModel.h"

#include "jobs/JobRunner.h"

#include <QCheckBox>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace loupe;

namespace {

constexpr int kTimeoutMs = 20000;

} // namespace

class TestSkipBadRows : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void skipped_data();
    void skipped();
    void refusedWhenUnchecked();

private:
    QString writeFile(const QByteArray &text);
    bool load(const QString &path);

    QTemporaryDir m_dir;
    JobRunner *m_runner = nullptr;
    DatasetSession *m_session = nullptr;
    DataPage *m_page = nullptr;
};

void TestSkipBadRows::init()
{
    QVERIFY(m_dir.isValid());
    m_runner = new JobRunner;
    m_session = new DatasetSession;
    m_page = new DataPage(PageContext{m_runner, m_session, QString()});
    m_page->resize(1280, 720);
    m_page->show();
}

void TestSkipBadRows::cleanup()
{
    delete m_page;
    delete m_runner;
    delete m_session;
}

QString TestSkipBadRows::writeFile(const QByteArray &text)
{
    const QString path = m_dir.filePath(QStringLiteral("bad.csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size())
        return QString();
    return path;
}

bool TestSkipBadRows::load(const QString &path)
{
    QSignalSpy finished(m_page, &DataPage::loadFinished);
    QSignalSpy failed(m_page, &DataPage::loadFailed);
    m_page->loadFile(path);
    if (!QTest::qWaitFor([&] { return finished.count() + failed.count() == 1; }, kTimeoutMs))
        return false;
    return finished.count() == 1;
}

void TestSkipBadRows::skipped_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("message");
    QTest::newRow("two") << QByteArray("id,name,amount\n1,a,2.5\n2,b\n3,c,1.0\n4,d,5,extra\n") << 2
                         << "Skipped 2 rows with the wrong number of fields:\n"
                            "line 3: row has 2 fields, the header has 3 (column 'amount')\n"
                            "line 5: row has 4 fields, the header has 3";
    QByteArray many = "id,name\n";
    for (int i = 0; i < 30; ++i)
        many += i % 2 ? QByteArray::number(i) + ",x\n" : QByteArray::number(i) + "\n";
    QTest::newRow("the first five of fifteen")
        << many << 15
        << "Skipped 15 rows with the wrong number of fields; the first 5:\n"
           "line 2: row has 1 field, the header has 2 (column 'name')\n"
           "line 4: row has 1 field, the header has 2 (column 'name')\n"
           "line 6: row has 1 field, the header has 2 (column 'name')\n"
           "line 8: row has 1 field, the header has 2 (column 'name')\n"
           "line 10: row has 1 field, the header has 2 (column 'name')";
    QTest::newRow("one") << QByteArray("a,b\n1,2\n3\n") << 1
                         << "Skipped 1 row with the wrong number of fields:\n"
                            "line 3: row has 1 field, the header has 2 (column 'b')";
}

void TestSkipBadRows::skipped()
{
    QFETCH(QByteArray, text);
    QFETCH(int, rows);
    QFETCH(QString, message);
    auto *skip = m_page->findChild<QCheckBox *>(QStringLiteral("skipBadRows"));
    QVERIFY(skip && skip->isVisible());
    QTest::mouseClick(skip, Qt::LeftButton, Qt::NoModifier, QPoint(8, skip->height() / 2));
    QVERIFY(skip->isChecked());
    QCOMPARE(m_page->csvOptions().badRows, BadRowPolicy::Skip);
    const QString path = writeFile(text);
    QVERIFY(!path.isEmpty());
    QVERIFY2(load(path), qPrintable(m_page->messageText()));
    QCOMPARE(m_page->messageText(), message);
    QVERIFY2(m_page->summaryText().contains(QStringLiteral("bad rows skipped")), qPrintable(m_page->summaryText()));
    const int lines = int(text.count('\n')) - 1;
    QCOMPARE(m_page->tableModel()->rowCount(), lines - rows);
}

void TestSkipBadRows::refusedWhenUnchecked()
{
    const QString path = writeFile("id,name,amount\n1,a,2.5\n2,b\n");
    QVERIFY(!m_page->findChild<QCheckBox *>(QStringLiteral("skipBadRows"))->isChecked());
    QVERIFY(!load(path));
    QVERIFY2(m_page->messageText().contains(QStringLiteral("Line 3, column 3: row has 2 fields, the header has 3")),
             qPrintable(m_page->messageText()));
    QVERIFY(!m_session->hasDataset());
}

QTEST_MAIN(TestSkipBadRows)
#include "tst_skipbadrows.moc"
