// The schedule designer's JSON box (offscreen, typing and pasting into the real widgets): it shows the
// form's schedule in the form loupe-cli train --schedule takes, copies it, sets the form from a pasted or
// typed schedule as soon as it reads (leaving the user's text as written), and says where a schedule that
// does not read is wrong, by line and column, while the form keeps its last good schedule.

#include "ui/learningrate/ScheduleDesignerPanel.h"
#include "ui/learningrate/ScheduleJsonEditor.h"

#include "core/optim/ScheduleSpec.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace loupe;

class TestScheduleJsonBox : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void showsTheFormsSchedule();
    void copiesIt();
    void pastedScheduleSetsTheForm();
    void typedScheduleIsReadAsTyped();
    void errorsSayLineAndColumn_data();
    void errorsSayLineAndColumn();

private:
    void replaceText(const QString &text);
    QString field(const QString &key) const;

    ScheduleDesignerPanel *m_panel = nullptr;
    ScheduleJsonEditor *m_box = nullptr;
};

void TestScheduleJsonBox::init()
{
    m_panel = new ScheduleDesignerPanel;
    m_panel->resize(1280, 720);
    m_panel->show();
    m_box = m_panel->jsonEditor();
}

void TestScheduleJsonBox::cleanup()
{
    delete m_panel;
}

// Select all and paste, as a user replaces the box's text.
void TestScheduleJsonBox::replaceText(const QString &text)
{
    QApplication::clipboard()->setText(text);
    QPlainTextEdit *edit = m_box->textEdit();
    edit->setFocus();
    QTest::keySequence(edit, QKeySequence::SelectAll);
    QTest::keySequence(edit, QKeySequence::Paste);
}

QString TestScheduleJsonBox::field(const QString &key) const
{
    auto *edit = m_panel->findChild<QLineEdit *>(QStringLiteral("schedule_") + key);
    return edit ? edit->text() : QStringLiteral("<no field>");
}

void TestScheduleJsonBox::showsTheFormsSchedule()
{
    auto spec = m_panel->spec();
    QVERIFY(spec.isOk());
    QCOMPARE(m_box->text(), QString::fromStdString(spec.value().toJson().dump()));
    // What the CLI's --schedule reads.
    auto parsed = ScheduleSpec::parse(m_box->text().toStdString(), "--schedule");
    QVERIFY2(parsed.isOk(), parsed.message().c_str());
    QCOMPARE(parsed.value().toJson().dump(), spec.value().toJson().dump());
    // A form edit shows at once.
    QVERIFY(m_panel->setParameter(QStringLiteral("lr0"), QStringLiteral("0.05")));
    QVERIFY2(m_box->text().contains(QStringLiteral("\"lr0\":0.05")), qPrintable(m_box->text()));
    // A field that does not read empties the box; the form's message is on the plot.
    QVERIFY(m_panel->setParameter(QStringLiteral("lr0"), QStringLiteral("fast")));
    QCOMPARE(m_box->text(), QString());
    QVERIFY(!m_panel->useButton()->isEnabled());
}

void TestScheduleJsonBox::copiesIt()
{
    QApplication::clipboard()->clear();
    QTest::mouseClick(m_box->copyButton(), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), m_box->text());
    QVERIFY(!m_box->text().isEmpty());
}

void TestScheduleJsonBox::pastedScheduleSetsTheForm()
{
    QSignalSpy changed(m_panel, &ScheduleDesignerPanel::scheduleChanged);
    const QString pasted = QStringLiteral("{\n  \"name\": \"sgdr\",\n  \"lr0\": 0.2,\n  \"t0\": 4,\n  \"t_mult\": 2,\n"
                                          "  \"warmup\": 3,\n  \"per\": \"step\"\n}");
    replaceText(pasted);
    QVERIFY2(m_box->isValid(), qPrintable(m_box->errorText()));
    QCOMPARE(m_panel->kind(), ScheduleKind::WarmRestarts);
    QCOMPARE(field(QStringLiteral("lr0")), QStringLiteral("0.2"));
    QCOMPARE(field(QStringLiteral("t0")), QStringLiteral("4"));
    QCOMPARE(field(QStringLiteral("t_mult")), QStringLiteral("2"));
    QCOMPARE(field(QStringLiteral("eta_min")), QStringLiteral("0.0")); // not in the text: the kind's default
    auto spec = m_panel->spec();
    QVERIFY(spec.isOk());
    QCOMPARE(spec.value().warmup, std::int64_t(3));
    QCOMPARE(spec.value().unit, ScheduleUnit::Step);
    QCOMPARE(m_box->text(), pasted); // the user's text stays as written
    QVERIFY(changed.count() > 0);
    QVERIFY(m_panel->useButton()->isEnabled());
    QSignalSpy chosen(m_panel, &ScheduleDesignerPanel::scheduleChosen);
    QTest::mouseClick(m_panel->useButton(), Qt::LeftButton);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).value<ScheduleSpec>().toJson().dump(),
             ScheduleSpec::parse(pasted.toStdString()).value().toJson().dump());
}

void TestScheduleJsonBox::typedScheduleIsReadAsTyped()
{
    QPlainTextEdit *edit = m_box->textEdit();
    edit->setFocus();
    QTest::keySequence(edit, QKeySequence::SelectAll);
    QTest::keyClick(edit, Qt::Key_Delete);
    QSignalSpy validity(m_box, &ScheduleJsonEditor::validityChanged);
    QTest::keyClicks(edit, QStringLiteral("{\"name\":\"step\",\"step_size\":3}"));
    QVERIFY(validity.count() >= 1); // invalid while half typed
    QVERIFY2(m_box->isValid(), qPrintable(m_box->errorText()));
    QCOMPARE(m_panel->kind(), ScheduleKind::StepDecay);
    QCOMPARE(field(QStringLiteral("step_size")), QStringLiteral("3"));
    // One more character breaks it: the error shows, the form keeps the last good schedule.
    QTest::keyClick(edit, Qt::Key_Backspace);
    QVERIFY(!m_box->isValid());
    QVERIFY(!m_panel->useButton()->isEnabled());
    QCOMPARE(m_panel->kind(), ScheduleKind::StepDecay);
    auto *error = m_box->findChild<QLabel *>(QStringLiteral("scheduleJsonError"));
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), m_box->errorText());
    // A form edit replaces the broken text with the form's schedule.
    QVERIFY(m_panel->setParameter(QStringLiteral("gamma"), QStringLiteral("0.5")));
    QVERIFY(m_box->isValid());
    QVERIFY(m_box->text().contains(QStringLiteral("\"gamma\":0.5")));
    QVERIFY(m_panel->useButton()->isEnabled());
}

void TestScheduleJsonBox::errorsSayLineAndColumn_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("range, third line") << "{\n  \"name\": \"sgdr\",\n  \"t_mult\": 0\n}"
                                       << "line 3, column 3: t_mult: expected an integer in [1, 1000], got 0";
    QTest::newRow("key of another kind") << "{\"name\": \"cosine\", \"t0\": 3}"
                                         << "line 1, column 20: t0: not a parameter of the \"cosine\" schedule "
                                            "(its parameters: lr0, length, warmup, per)";
    QTest::newRow("no name") << "{\"lr0\": 0.1}"
                             << "line 1, column 1: name: missing; expected one of constant, cosine, cosine-cyclic, "
                                "sgdr, step, exponential, one-cycle";
    QTest::newRow("duplicate key") << "{\"name\": \"constant\",\n \"lr0\": 0.1, \"lr0\": 0.2}"
                                   << "line 2, column 14: duplicate key 'lr0'";
    QTest::newRow("syntax") << "{\"name\": \"constant\",\n \"lr0\": }" << "line 2, column 9: ";
}

void TestScheduleJsonBox::errorsSayLineAndColumn()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    m_panel->setKind(ScheduleKind::Exponential);
    replaceText(text);
    QVERIFY(!m_box->isValid());
    QVERIFY2(m_box->errorText().startsWith(error), qPrintable(m_box->errorText()));
    QCOMPARE(m_panel->kind(), ScheduleKind::Exponential); // the form is untouched
    QVERIFY(!m_panel->useButton()->isEnabled());
    QCOMPARE(m_box->text(), text);
}

QTEST_MAIN(TestScheduleJsonBox)
#include "tst_schedulejsonbox.moc"
