// ElidedLabel (issue 14, item 4: the Train page's status line was cut at 1280x720): a long text
// never widens the layout, is drawn shortened, and is read in full from the tooltip; text() keeps it.

#include "ui/common/ElidedLabel.h"

#include <QHBoxLayout>
#include <QTest>

using namespace loupe;

class TestElidedLabel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void longTextIsShortenedWithItsTooltip();
    void shortTextHasNoTooltip();
};

void TestElidedLabel::longTextIsShortenedWithItsTooltip()
{
    QWidget bar;
    auto *layout = new QHBoxLayout(&bar);
    auto *label = new ElidedLabel(&bar);
    const QString text = QStringLiteral("fashion-mnist: 54000 training, 6000 validation, 10000 test rows; 784 features; 10 classes");
    label->setText(text);
    layout->addWidget(label, 1);
    QVERIFY(bar.minimumSizeHint().width() < 100);
    bar.resize(200, 40);
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    label->repaint();
    QVERIFY(label->isElided());
    QCOMPARE(label->toolTip(), text);
    QCOMPARE(label->text(), text);
}

void TestElidedLabel::shortTextHasNoTooltip()
{
    ElidedLabel label;
    label.setText(QStringLiteral("done"));
    label.resize(300, 30);
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    label.repaint();
    QVERIFY(!label.isElided());
    QCOMPARE(label.toolTip(), QString());
}

QTEST_MAIN(TestElidedLabel)
#include "tst_elidedlabel.moc"
