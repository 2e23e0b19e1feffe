// MessageBanner keeps its place: showing, replacing and clearing messages of any length never moves
// the widgets around it (issue 14, item 5: error banners pushed the tabs down and Start/Stop moved
// during a run, so a click meant for Start could land on Stop).
#include "ui/common/MessageBanner.h"

#include <QPushButton>
#include <QVBoxLayout>
#include <QtTest>

using namespace loupe;

class TestMessageBanner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void controlsStayPut_data();
    void controlsStayPut();
    void emptyBannerSaysNothing();
};

void TestMessageBanner::controlsStayPut_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::newRow("short info") << "Saved." << int(MessageBanner::Kind::Info);
    QTest::newRow("one line error") << "Could not load data.csv: line 4, column 3: unterminated quote" << int(MessageBanner::Kind::Error);
    QTest::newRow("long warning") << QString("Loaded, but not recorded in the workspace: ").repeated(12)
                                  << int(MessageBanner::Kind::Warning);
    QTest::newRow("many lines") << "one\ntwo\nthree\nfour\nfive" << int(MessageBanner::Kind::Error);
}

void TestMessageBanner::controlsStayPut()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QWidget page;
    auto *layout = new QVBoxLayout(&page);
    auto *banner = new MessageBanner(&page);
    auto *start = new QPushButton(QStringLiteral("Start"), &page);
    layout->addWidget(banner);
    layout->addWidget(start);
    layout->addStretch(1);
    page.resize(420, 300);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const QRect before = start->geometry();
    banner->showMessage(text, MessageBanner::Kind(kind));
    QCoreApplication::processEvents();
    QCOMPARE(start->geometry(), before);
    QCOMPARE(banner->height(), banner->reservedHeight());
    QCOMPARE(banner->text(), text);
    QCOMPARE(banner->toolTip(), text); // what two lines cannot show is in the tooltip
    banner->clear();
    QCoreApplication::processEvents();
    QCOMPARE(start->geometry(), before);
}

void TestMessageBanner::emptyBannerSaysNothing()
{
    MessageBanner banner;
    QCOMPARE(banner.text(), QString());
    banner.showMessage(QStringLiteral("x"), MessageBanner::Kind::Error);
    QCOMPARE(banner.kind(), MessageBanner::Kind::Error);
    banner.showMessage(QString(), MessageBanner::Kind::Error);
    QCOMPARE(banner.text(), QString());
    QCOMPARE(banner.toolTip(), QString());
    QCOMPARE(banner.accessibleDescription(), QString());
}

QTEST_MAIN(TestMessageBanner)
#include "tst_messagebanner.moc"
