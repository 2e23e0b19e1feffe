// A rate picked on the schedule designer's preview (issue 25): a click on a value rings it and
// enables "Use the rate at epoch t (...)", which the page sends as learningRateChosen (the Train
// page's constant rate, as the finder's "Use this rate"); the ring stays on that t while a field
// changes the schedule (at the new rate) and goes when the preview no longer reaches it or a field
// does not read. Synthetic mouse events, offscreen.

#include "ui/common/PlotHighlight.h"
#include "ui/common/PlotReadout.h"
#include "ui/learningrate/LearningRatePage.h"
#include "ui/learningrate/SchedulePreviewPlot.h"
#include "ui/learningrate/ScheduleDesignerPanel.h"

#include "ui/common/DatasetSession.h"
#include "jobs/JobRunner.h"

#include "tests/support/PlotEvents.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <qcustomplot.h>

using namespace loupe;
using namespace loupe::plotevents;

class TestSchedulePick : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void clickPicksTheRateAndUseSendsIt_data();
    void clickPicksTheRateAndUseSendsIt();
    void pickFollowsTheFields();

private:
    std::unique_ptr<JobRunner> m_runner;
    std::unique_ptr<DatasetSession> m_session;
    std::unique_ptr<LearningRatePage> m_page;
    ScheduleDesignerPanel *m_designer = nullptr;
    SchedulePreviewPlot *m_plot = nullptr;
};

void TestSchedulePick::init()
{
    m_runner = std::make_unique<JobRunner>();
    m_session = std::make_unique<DatasetSession>();
    m_page = std::make_unique<LearningRatePage>(PageContext {m_runner.get(), m_session.get(), QString()});
    m_designer = m_page->scheduleDesigner();
    m_page->tabs()->setCurrentWidget(m_designer);
    m_page->resize(1400, 860);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_designer->setKind(ScheduleKind::Cosine);
    QVERIFY(m_designer->setParameter(QStringLiteral("lr0"), QStringLiteral("1e-2")));
    QVERIFY(m_designer->setParameter(QStringLiteral("length"), QStringLiteral("10")));
    m_designer->setPreviewLength(10);
    m_plot = m_designer->previewPlot();
    m_plot->customPlot()->replot(QCustomPlot::rpImmediateRefresh);
}

void TestSchedulePick::cleanup()
{
    m_page.reset();
    m_session.reset();
    m_runner.reset();
}

void TestSchedulePick::clickPicksTheRateAndUseSendsIt_data()
{
    QTest::addColumn<int>("t");
    QTest::newRow("first") << 0;
    QTest::newRow("middle") << 5;
    QTest::newRow("last") << 9;
}

void TestSchedulePick::clickPicksTheRateAndUseSendsIt()
{
    QFETCH(int, t);
    QCOMPARE(m_plot->rates().size(), 10);
    QVERIFY(!m_designer->useRateButton()->isEnabled());
    const double rate = m_plot->rates()[t];
    hover(*m_plot, pixelOf(*m_plot, t, rate));
    QVERIFY2(m_plot->readout()->text().endsWith(QStringLiteral("click: pick this rate to train with")),
             qPrintable(m_plot->readout()->text()));
    QSignalSpy clicked(m_plot, &SchedulePreviewPlot::stepClicked);
    click(*m_plot, pixelOf(*m_plot, t, rate));
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(m_plot->selectedStep(), t);
    QCOMPARE(m_plot->highlight()->marks(), (QVector<QPointF>{QPointF(t, rate)}));
    QPushButton *use = m_designer->useRateButton();
    QVERIFY(use->isEnabled());
    QCOMPARE(use->text(), QStringLiteral("Use the rate at epoch %1 (%2) for training").arg(t).arg(QString::number(rate, 'e', 2)));
    QSignalSpy chosen(m_page.get(), &LearningRatePage::learningRateChosen);
    QTest::mouseClick(use, Qt::LeftButton);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.front().front().toDouble(), rate);
}

void TestSchedulePick::pickFollowsTheFields()
{
    click(*m_plot, pixelOf(*m_plot, 5, m_plot->rates()[5]));
    QCOMPARE(m_plot->selectedStep(), 5);
    // A new lr0: the same epoch, at its new rate.
    QVERIFY(m_designer->setParameter(QStringLiteral("lr0"), QStringLiteral("2e-2")));
    QCOMPARE(m_plot->selectedStep(), 5);
    QCOMPARE(m_plot->highlight()->marks(), (QVector<QPointF>{QPointF(5, m_plot->rates()[5])}));
    QVERIFY(m_designer->useRateButton()->text().contains(QString::number(m_plot->rates()[5], 'e', 2)));
    // A preview too short for it: no pick.
    m_designer->setPreviewLength(4);
    QCOMPARE(m_plot->selectedStep(), -1);
    QVERIFY(m_plot->highlight()->isEmpty());
    QVERIFY(!m_designer->useRateButton()->isEnabled());
    // A field that does not read: no curve, no pick.
    m_designer->setPreviewLength(10);
    click(*m_plot, pixelOf(*m_plot, 2, m_plot->rates()[2]));
    QCOMPARE(m_plot->selectedStep(), 2);
    QVERIFY(m_designer->setParameter(QStringLiteral("lr0"), QStringLiteral("oops")));
    QCOMPARE(m_plot->selectedStep(), -1);
    QVERIFY(!m_designer->useRateButton()->isEnabled());
}

QTEST_MAIN(TestSchedulePick)
#include "tst_schedulepick.moc"
