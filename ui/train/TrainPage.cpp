#include "ui/train/TrainPage.h"

#include "ui/common/MessageBanner.h"
#include "ui/common/StoredRunsHeader.h"
#include "ui/common/TrainCurves.h"
#include "ui/train/TrainRunListModel.h"
#include "ui/train/TrainSelection.h"
#include "ui/train/TrainSetupPanel.h"
#include "ui/common/BatchLossPlot.h"
#include "ui/common/DisplayFormat.h"
#include "ui/common/EpochAccuracyPlot.h"
#include "ui/common/EpochLossPlot.h"
#include "ui/train/LearningRatePlot.h"

#include "jobs/JobRunner.h"
#include "jobs/StoredTrainRuns.h"
#include "jobs/TrainJob.h"
#include "jobs/WorkspaceReader.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

#include <cmath>

namespace loupe {

namespace {

const QString kTrainSlot = QStringLiteral("train.run");

} // namespace

TrainPage::TrainPage(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_curves(new TrainCurves(this))
    , m_runs(new TrainRunListModel(this))
    , m_runsReader(new WorkspaceReader(context.workspace, this))
    , m_overlayReader(new WorkspaceReader(context.workspace, this))
    , m_redrawTimer(new QTimer(this))
{
    Q_ASSERT(m_context.runner && m_context.dataset);
    registerTrainMetaTypes();
    m_redrawTimer->setSingleShot(true);
    m_redrawTimer->setInterval(s_redrawIntervalMs);
    connect(m_redrawTimer, &QTimer::timeout, this, &TrainPage::redraw);
    connect(m_curves, &TrainCurves::changed, this, &TrainPage::scheduleRedraw);
    connect(m_runs, &TrainRunListModel::checkedRunsChanged, this, &TrainPage::loadOverlays);
    connect(m_context.runner, &JobRunner::runEnded, this, [this](quint64 runId) {
        if (runId == m_reloadWhenEnded) {
            m_reloadWhenEnded = 0;
            reloadRuns();
        }
    });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_setup = new TrainSetupPanel(m_context.dataset, m_context.runner, splitter);
    m_setup->setWorkspace(m_context.workspace);
    m_setup->setMinimumWidth(300);
    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(4, 0, 0, 0);
    rightLayout->addWidget(buildControls());
    auto *vertical = new QSplitter(Qt::Vertical, right);
    vertical->addWidget(buildPlots());
    vertical->addWidget(buildRunList());
    m_selection = new TrainSelection(*m_curves, {m_lossPlot, m_accuracyPlot}, {m_batchLossPlot, m_learningRatePlot},
                                     m_runView, m_runs, this);
    vertical->setStretchFactor(0, 4);
    vertical->setStretchFactor(1, 1);
    rightLayout->addWidget(vertical, 1);
    splitter->addWidget(m_setup);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({520, 880});
    layout->addWidget(splitter);

    setRunningUi(false);
    redraw();
    reloadRuns();
}

TrainPage::~TrainPage()
{
    if (m_trainRun)
        m_context.runner->cancel(m_trainRun);
}

QWidget *TrainPage::buildControls()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_startButton = new QPushButton(tr("Start training"), box);
    m_startButton->setObjectName(QStringLiteral("startTraining"));
    connect(m_startButton, &QPushButton::clicked, this, &TrainPage::startTraining);
    bar->addWidget(m_startButton);
    m_cancelButton = new QPushButton(tr("Cancel"), box);
    m_cancelButton->setObjectName(QStringLiteral("cancelTraining"));
    m_cancelButton->setToolTip(tr("Stop after the current batch; the run is kept as cancelled"));
    connect(m_cancelButton, &QPushButton::clicked, this, &TrainPage::cancelTraining);
    bar->addWidget(m_cancelButton);
    m_progress = new QProgressBar(box);
    m_progress->setObjectName(QStringLiteral("trainProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setMinimumWidth(200);
    bar->addWidget(m_progress);
    m_statusLabel = new QLabel(box);
    m_statusLabel->setObjectName(QStringLiteral("trainStatus"));
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Its own line of two wrapped lines, under the buttons: beside them it was cut off (the data
    // description is long), and a fixed height keeps the plots still while it changes.
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_statusLabel->setFixedHeight(2 * m_statusLabel->fontMetrics().lineSpacing() + 2);
    bar->addStretch(1);
    layout->addLayout(bar);
    layout->addWidget(m_statusLabel);
    m_message = new MessageBanner(box);
    m_message->setObjectName(QStringLiteral("trainMessage"));
    layout->addWidget(m_message);
    return box;
}

QWidget *TrainPage::buildPlots()
{
    auto *grid = new QWidget(this);
    auto *layout = new QGridLayout(grid);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_lossPlot = new EpochLossPlot(grid);
    m_accuracyPlot = new EpochAccuracyPlot(grid);
    m_batchLossPlot = new BatchLossPlot(grid);
    m_learningRatePlot = new LearningRatePlot(grid);
    layout->addWidget(m_lossPlot, 0, 0);
    layout->addWidget(m_accuracyPlot, 0, 1);
    layout->addWidget(m_batchLossPlot, 1, 0);
    layout->addWidget(m_learningRatePlot, 1, 1);
    for (CurvePlot *plot : {static_cast<CurvePlot *>(m_lossPlot), static_cast<CurvePlot *>(m_accuracyPlot),
                            static_cast<CurvePlot *>(m_batchLossPlot), static_cast<CurvePlot *>(m_learningRatePlot)})
        plot->setMinimumSize(220, 160); // the page must fit a 1280x720 screen (tst_mainwindow)
    return grid;
}

QWidget *TrainPage::buildRunList()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 4, 0, 0);
    m_runsHeader = new StoredRunsHeader(tr("<b>Stored training runs</b> — check runs to overlay their curves"),
                                        StoredRunsHeader::RefreshButton::Shown, box);
    connect(m_runsHeader, &StoredRunsHeader::refreshClicked, this, &TrainPage::reloadRuns);
    layout->addWidget(m_runsHeader);
    m_runView = new QTableView(box);
    m_runView->setObjectName(QStringLiteral("trainRuns"));
    m_runView->setModel(m_runs);
    m_runView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runView->setAlternatingRowColors(true);
    m_runView->verticalHeader()->hide();
    m_runView->verticalHeader()->setDefaultSectionSize(m_runView->fontMetrics().height() + 6);
    m_runView->horizontalHeader()->setStretchLastSection(true);
    m_runView->setMinimumHeight(80);
    layout->addWidget(m_runView, 1);
    return box;
}

void TrainPage::setRunningUi(bool running)
{
    m_startButton->setEnabled(!running);
    m_cancelButton->setEnabled(running);
    m_setup->setEnabled(!running);
    if (!running && m_progress->value() < 0)
        m_progress->setValue(0);
}

QString TrainPage::messageText() const
{
    return m_message->text();
}

bool TrainPage::isLoading() const
{
    return m_runsReader->isReading() || m_overlayReader->isReading();
}

QString TrainPage::statusText() const
{
    return m_statusLabel->text();
}

void TrainPage::startTraining()
{
    auto request = m_setup->request(m_context.workspace);
    if (!request.isOk()) {
        m_message->showMessage(QString::fromStdString(request.message()), MessageBanner::Kind::Error);
        return;
    }
    m_message->clear();
    auto *job = new TrainJob(request.takeValue());
    JobRunner &runner = *m_context.runner;
    runner.connectCurrent(job, &TrainJob::started, this, [this](const TrainStart &start) { onStarted(start); });
    runner.connectCurrent(job, &TrainJob::epochFinished, this,
                          [this](const EpochStats &stats) { m_curves->appendEpoch(stats); });
    runner.connectCurrent(job, &TrainJob::batchProgress, this,
                          [this](const TrainBatchProgress &progress) { onBatchProgress(progress); });
    runner.connectCurrent(job, &TrainJob::finished, this, [this](const TrainSummary &summary) { onFinished(summary); });
    runner.connectCurrent(job, &Job::failed, this, [this](const QString &message) { onFailed(message); });
    runner.connectCurrent(job, &Job::cancelled, this, [this]() { onCancelled(); });
    runner.connectCurrent(job, &Job::progress, this, [this](double, const QString &stage) {
        if (m_start.epochs == 0)
            m_statusLabel->setText(stage + QStringLiteral("…"));
    });
    m_start = TrainStart();
    m_lastProgress = TrainBatchProgress();
    m_progress->setValue(0);
    m_progress->setFormat(tr("starting…"));
    m_trainRun = runner.start(job, kTrainSlot);
    setRunningUi(true);
    Q_EMIT trainingStarted();
}

void TrainPage::cancelTraining()
{
    if (!m_trainRun)
        return;
    // cancel() makes the run non-current, so its late signals are dropped: the page ends the run
    // here, and reads the runs list again once the job has stored the cancellation (runEnded).
    m_reloadWhenEnded = m_trainRun;
    m_context.runner->cancel(m_trainRun);
    onCancelled();
}

void TrainPage::onStarted(const TrainStart &start)
{
    m_start = start;
    const QString label = start.storedRunId > 0 ? tr("run %1 · %2").arg(start.storedRunId).arg(start.specName)
                                                : tr("this run · %1").arg(start.specName);
    m_curves->startLive(label, start.storedRunId, start.classification, start.epochs);
    m_statusLabel->setText(start.dataDescription);
    if (!start.workspaceNote.isEmpty())
        m_message->showMessage(tr("Training, but the run is %1").arg(start.workspaceNote),
                               MessageBanner::Kind::Warning);
    m_progress->setFormat(tr("%p % · epoch 1/%1").arg(start.epochs));
    if (start.storedRunId > 0)
        reloadRuns(); // lists the new run as running
}

void TrainPage::onBatchProgress(const TrainBatchProgress &progress)
{
    m_curves->appendBatchPoints(progress.points);
    m_lastProgress = progress;
    m_lastProgress.points.clear(); // the curves hold them
}

void TrainPage::scheduleRedraw()
{
    if (!m_redrawTimer->isActive())
        m_redrawTimer->start();
}

void TrainPage::redraw()
{
    ++m_redraws;
    m_lossPlot->showCurves(*m_curves);
    m_accuracyPlot->showCurves(*m_curves);
    m_batchLossPlot->showCurves(*m_curves);
    m_learningRatePlot->showCurves(*m_curves);
    if (!isTraining() || m_lastProgress.totalSteps == 0)
        return;
    const TrainBatchProgress &progress = m_lastProgress;
    m_progress->setValue(int(std::lround(progress.fraction * 1000.0)));
    m_progress->setFormat(progress.fraction >= 1.0 ? tr("%p % · measuring validation and test sets")
                                                   : tr("%p % · epoch %1/%2 · ETA %3")
                                                         .arg(progress.epoch)
                                                         .arg(progress.epochs)
                                                         .arg(formatDuration(progress.etaSeconds)));
    m_statusLabel->setText(tr("step %1 of %2 · smoothed loss %3 · lr %4")
                               .arg(progress.step)
                               .arg(progress.totalSteps)
                               .arg(QString::number(progress.smoothedLoss, 'g', 4))
                               .arg(QString::number(progress.learningRate, 'g', 3)));
}

void TrainPage::onFinished(const TrainSummary &summary)
{
    m_trainRun = 0;
    m_statusLabel->setText(tr("%1 · %2 steps").arg(m_start.dataDescription).arg(summary.steps));
    m_curves->endLive();
    setRunningUi(false);
    if (summary.diverged) {
        m_message->showMessage(tr("Training stopped: %1. Lower the learning rate and try again.").arg(summary.message),
                               MessageBanner::Kind::Error);
        m_progress->setFormat(tr("diverged"));
    } else {
        QString text = summary.classification && std::isfinite(summary.testAccuracy)
                           ? tr("Done: test accuracy %1, test loss %2").arg(summary.testAccuracy, 0, 'f', 4)
                                 .arg(summary.testLoss, 0, 'g', 4)
                           : tr("Done: test loss %1").arg(summary.testLoss, 0, 'g', 4);
        // On imbalanced classes accuracy flatters: say the balanced accuracy too.
        const QJsonObject metrics = QJsonDocument::fromJson(summary.summaryJson.toUtf8())
                                        .object().value(QStringLiteral("metrics")).toObject();
        if (metrics.value(QStringLiteral("balanced_accuracy")).isDouble())
            text += tr(", balanced accuracy %1").arg(metrics.value(QStringLiteral("balanced_accuracy")).toDouble(), 0, 'f', 4);
        text += tr(" · %1 epochs in %2").arg(summary.epochsCompleted).arg(formatDuration(summary.seconds));
        if (summary.storedRunId > 0)
            text += tr(" · stored as run %1").arg(summary.storedRunId);
        if (!summary.workspaceNote.isEmpty())
            text += tr(" · workspace: %1").arg(summary.workspaceNote);
        m_message->showMessage(text, MessageBanner::Kind::Info);
        m_progress->setValue(1000);
        m_progress->setFormat(tr("done"));
    }
    reloadRuns();
    scheduleRedraw();
    Q_EMIT trainingFinished(summary);
}

void TrainPage::onFailed(const QString &message)
{
    m_trainRun = 0;
    m_statusLabel->clear();
    m_curves->endLive();
    setRunningUi(false);
    m_progress->setFormat(tr("failed"));
    m_message->showMessage(tr("Training failed: %1").arg(message), MessageBanner::Kind::Error);
    reloadRuns();
    Q_EMIT trainingFailed(message);
}

void TrainPage::onCancelled()
{
    if (!m_trainRun)
        return;
    m_trainRun = 0;
    m_statusLabel->setText(m_start.dataDescription);
    m_curves->endLive();
    setRunningUi(false);
    m_progress->setFormat(tr("cancelled"));
    m_message->showMessage(tr("Training cancelled; the run is kept in the workspace as cancelled."),
                           MessageBanner::Kind::Info);
    Q_EMIT trainingCancelled();
}

void TrainPage::reloadRuns()
{
    if (m_context.workspace.isEmpty()) {
        m_runsHeader->showNoWorkspace();
        return;
    }
    m_runsReader->read<std::vector<StoredTrainRun>>(
        [](Store &store) { return StoredTrainRuns(store).list(); },
        [this](Result<std::vector<StoredTrainRun>> runs) {
            if (!runs.isOk()) {
                m_runsHeader->showProblem(QString::fromStdString(runs.message()));
                return;
            }
            m_runsHeader->showListed(int(runs.value().size()),
                                     int(std::count_if(runs.value().begin(), runs.value().end(),
                                                       [](const StoredTrainRun &run) {
                                                           return run.interrupted();
                                                       })));
            m_runs->setRuns(runs.takeValue());
            m_runView->resizeColumnsToContents();
        });
    m_runsHeader->showReading();
}

void TrainPage::loadOverlays()
{
    const std::vector<StoredTrainRun> checked = m_runs->checkedRuns();
    if (checked.empty()) {
        m_overlayReader->cancel();
        m_curves->setOverlays({});
        return;
    }
    using Overlays = std::vector<Result<RunCurves>>;
    m_overlayReader->read<Overlays>(
        [checked](Store &store) -> Result<Overlays> { return StoredTrainRuns(store).curves(checked); },
        [this](Result<Overlays> read) { showOverlays(read); });
}

void TrainPage::showOverlays(const Result<std::vector<Result<RunCurves>>> &read)
{
    QVector<RunCurves> overlays;
    QStringList problems;
    if (!read.isOk())
        problems.append(QString::fromStdString(read.message()));
    else
        for (const Result<RunCurves> &curves : read.value()) {
            if (curves.isOk())
                overlays.append(curves.value());
            else
                problems.append(QString::fromStdString(curves.message()));
        }
    if (!problems.isEmpty())
        m_message->showMessage(tr("Could not read stored curves: %1").arg(problems.join(QStringLiteral("; "))),
                               MessageBanner::Kind::Error);
    m_curves->setOverlays(std::move(overlays));
}

} // namespace loupe
