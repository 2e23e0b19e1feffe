// The suite form fits a narrow pane (issue 14, item 4: "Expressi…" and the form's fields were cut on
// the Checks page at 1280x720): long rows wrap under their labels, so the form asks for no more
// width than the pane has there, and the locals table shows both its headers.

#include "ui/checks/SuiteTestForm.h"

#include <QHeaderView>
#include <QTableWidget>
#include <QTest>

using namespace loupe;

class TestSuiteTestForm : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fitsANarrowPane();
};

void TestSuiteTestForm::fitsANarrowPane()
{
    SuiteTestForm form;
    // The form's share of the Checks page at 1280x720 is about 270 pixels.
    QVERIFY2(form.minimumSizeHint().width() <= 270, qPrintable(QString::number(form.minimumSizeHint().width())));
    form.resize(270, 700);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    auto *locals = form.findChild<QTableWidget *>();
    QVERIFY(locals);
    QHeaderView *header = locals->horizontalHeader();
    const int expression = header->sectionViewportPosition(1) + header->sectionSize(1);
    QVERIFY2(expression <= locals->viewport()->width() + 1, qPrintable(QStringLiteral("%1 > %2").arg(expression).arg(locals->viewport()->width())));
    QVERIFY(header->sectionSize(1) >= header->fontMetrics().horizontalAdvance(QStringLiteral("Expression")));
}

QTEST_MAIN(TestSuiteTestForm)
#include "tst_suitetestform.moc"
