// The Train page's linked selection (TrainSelection, issue 25): a click on an epoch of the loss or
// accuracy plot, or on a step of the batch-loss or learning-rate plot, selects that run in the stored
// runs list and rings the epoch on the epoch plots and the step on the step plots; a click on a step
// selects the epoch it belongs to. Synthetic mouse events on made-up curves (no training), offscreen.

#include "ui/common/BatchLossPlot.h"
#include "ui/common/EpochAccuracyPlot.h"
#include "ui/common/EpochLossPlot.h"
#include "ui/common/PlotHighlight.h"
#include "ui/common/TrainCurves.h"
#include "ui/train/LearningRatePlot.h"
#include "ui/train/TrainRunListModel.h"
#include "ui/train/TrainSelection.h"

#include "jobs/StoredTrainRuns.h"

#include "tests/support/PlotEvents.h"

#include <QGridLayout>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <qcustomplot.h>

#include <cmath>

using namespace loupe;
using namespace loupe::plotevents;

namespace {

constexpr qint64 kRunId = 7;
constexpr int kEpochs = 3;
constexpr int kStepsPerEpoch = 10;

double lossAt(int epoch) { return 1.0 / epoch; }
double stepLoss(int step) { return 2.0 / (1.0 + 0.1 * step); }
double stepRate(int step) { return 1e-3 * (1.0 + step % kStepsPerEpoch); }

StoredTrainRun storedRun(qint64 id)
{
    StoredTrainRun run;
    run.record.id = id;
    run.specName = QStringLiteral("spec %1").arg(id);
    return run;
}

} // namespace

class TestTrainSelection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void clickOnAnEpochSelectsTheRunAndRingsItEverywhere();
    void clickOnAStepSelectsItsEpoch_data();
    void clickOnAStepSelectsItsEpoch();

private:
    std::unique_ptr<QWidget> m_window;
    TrainCurves *m_curves = nullptr;
    EpochLossPlot *m_loss = nullptr;
    EpochAccuracyPlot *m_accuracy = nullptr;
    BatchLossPlot *m_batch = nullptr;
    LearningRatePlot *m_rate = nullptr;
    QTableView *m_view = nullptr;
    TrainRunListModel *m_runs = nullptr;
    TrainSelection *m_selection = nullptr;
};

void TestTrainSelection::init()
{
    m_window = std::make_unique<QWidget>();
    auto *grid = new QGridLayout(m_window.get());
    m_curves = new TrainCurves(m_window.get());
    m_loss = new EpochLossPlot(m_window.get());
    m_accuracy = new EpochAccuracyPlot(m_window.get());
    m_batch = new BatchLossPlot(m_window.get());
    m_rate = new LearningRatePlot(m_window.get());
    m_runs = new TrainRunListModel(m_window.get());
    m_runs->setRuns({storedRun(9), storedRun(kRunId), storedRun(3)});
    m_view = new QTableView(m_window.get());
    m_view->setModel(m_runs);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    grid->addWidget(m_loss, 0, 0);
    grid->addWidget(m_accuracy, 0, 1);
    grid->addWidget(m_batch, 1, 0);
    grid->addWidget(m_rate, 1, 1);
    grid->addWidget(m_view, 2, 0, 1, 2);
    m_selection = new TrainSelection(*m_curves, {m_loss, m_accuracy}, {m_batch, m_rate}, m_view, m_runs, m_window.get());

    m_curves->startLive(QStringLiteral("run 7"), kRunId, true, kEpochs);
    for (int epoch = 1; epoch <= kEpochs; ++epoch) {
        QVector<BatchPoint> points;
        for (int step = (epoch - 1) * kStepsPerEpoch + 1; step <= epoch * kStepsPerEpoch; ++step)
            points.append({step, stepLoss(step), stepLoss(step), stepRate(step)});
        m_curves->appendBatchPoints(points);
        EpochStats stats;
        stats.epoch = epoch - 1; // 0-based; drawn at epoch + 1
        stats.loss = lossAt(epoch);
        stats.valLoss = 1.2 * lossAt(epoch);
        stats.accuracy = 0.5 + 0.1 * epoch;
        stats.valAccuracy = 0.45 + 0.1 * epoch;
        m_curves->appendEpoch(stats);
    }
    m_curves->endLive();
    m_loss->showCurves(*m_curves);
    m_accuracy->showCurves(*m_curves);
    m_batch->showCurves(*m_curves);
    m_rate->showCurves(*m_curves);
    m_window->resize(1200, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    for (PlotWidget *plot : std::initializer_list<PlotWidget *>{m_loss, m_accuracy, m_batch, m_rate})
        plot->customPlot()->replot(QCustomPlot::rpImmediateRefresh);
}

void TestTrainSelection::cleanup()
{
    m_window.reset();
}

void TestTrainSelection::clickOnAnEpochSelectsTheRunAndRingsItEverywhere()
{
    QSignalSpy changed(m_selection, &TrainSelection::selectionChanged);
    click(*m_loss, pixelOf(*m_loss, 2, lossAt(2)));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_selection->selectedRun(), kRunId);
    QCOMPARE(m_selection->selectedEpoch(), 2);
    // The run's row in the list.
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.front().row(), m_runs->rowOf(kRunId));
    // Epoch 2 of training and validation on both epoch plots; its last step on the step plots.
    QCOMPARE(m_loss->highlight()->marks().size(), 2);
    QVERIFY(m_loss->highlight()->marks().contains(QPointF(2, lossAt(2))));
    QVERIFY(m_loss->highlight()->marks().contains(QPointF(2, 1.2 * lossAt(2))));
    QCOMPARE(m_accuracy->highlight()->marks().size(), 2);
    QVERIFY(m_accuracy->highlight()->marks().contains(QPointF(2, 0.7)));
    QCOMPARE(m_rate->highlight()->marks(), (QVector<QPointF>{QPointF(20, stepRate(20))}));
    QCOMPARE(m_batch->highlight()->marks().size(), 1);
    QCOMPARE(m_batch->highlight()->marks().front().x(), 20.0);
}

void TestTrainSelection::clickOnAStepSelectsItsEpoch_data()
{
    QTest::addColumn<bool>("onRatePlot");
    QTest::addColumn<int>("step");
    QTest::addColumn<int>("epoch");
    QTest::newRow("batch loss, first step") << false << 1 << 1;
    QTest::newRow("batch loss, last step of epoch 2") << false << 20 << 2;
    QTest::newRow("learning rate, first step of epoch 3") << true << 21 << 3;
    QTest::newRow("learning rate, middle of epoch 2") << true << 15 << 2;
}

void TestTrainSelection::clickOnAStepSelectsItsEpoch()
{
    QFETCH(bool, onRatePlot);
    QFETCH(int, step);
    QFETCH(int, epoch);
    CurvePlot *plot = onRatePlot ? static_cast<CurvePlot *>(m_rate) : static_cast<CurvePlot *>(m_batch);
    // The batch-loss plot draws the smoothed loss: click where that point is drawn.
    QCPGraph *graph = plot->customPlot()->graph(plot->customPlot()->graphCount() - 1);
    const auto point = graph->data()->findBegin(step, false);
    QCOMPARE(point->key, double(step));
    click(*plot, pixelOf(*plot, point->key, point->value));
    QCOMPARE(m_selection->selectedRun(), kRunId);
    QCOMPARE(m_selection->selectedEpoch(), epoch);
    QCOMPARE(plot->highlight()->marks(), (QVector<QPointF>{QPointF(step, point->value)}));
    QVERIFY(m_loss->highlight()->marks().contains(QPointF(epoch, lossAt(epoch))));
    QCOMPARE(m_view->selectionModel()->selectedRows().size(), 1);
}

QTEST_MAIN(TestTrainSelection)
#include "tst_trainselection.moc"
