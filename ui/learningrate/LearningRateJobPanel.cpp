#include "ui/learningrate/LearningRateJobPanel.h"

#include "ui/common/RunControls.h"
#include "ui/common/StoredRunsHeader.h"
#include "ui/train/TrainSetupPanel.h"

#include "jobs/JobRunner.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QSet>
#include <QSignalBlocker>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace loupe {

LearningRateJobPanel::LearningRateJobPanel(const PageContext &context, Names names, QWidget *parent)
    : QWidget(parent), m_context(context), m_names(std::move(names))
{
    Q_ASSERT(m_context.runner && m_context.dataset);
    m_reader = new WorkspaceReader(m_context.workspace, this);
    m_runsBox = buildStoredRuns(m_names);
    connect(m_context.runner, &JobRunner::runEnded, this, [this](quint64 runId) {
        if (runId == m_lastRun)
            reloadRuns();
    });
}

LearningRateJobPanel::~LearningRateJobPanel()
{
    if (m_run)
        m_context.runner->cancel(m_run);
}

void LearningRateJobPanel::build(QWidget *fields, QWidget *results)
{
    auto *left = new QWidget(this);
    auto *column = new QVBoxLayout(left);
    column->setContentsMargins(0, 0, 0, 0);
    m_setup = new TrainSetupPanel(m_context.dataset, m_context.runner, left);
    m_setup->setWorkspace(m_context.workspace);
    m_setup->hideOverride(TrainSetupPanel::OverrideRow::Epochs);
    m_setup->hideOverride(TrainSetupPanel::OverrideRow::LearningRate);
    m_setup->hideOverride(TrainSetupPanel::OverrideRow::Schedule);
    column->addWidget(m_setup, 1);
    column->addWidget(fields);
    m_controls = new RunControls(m_names.startButton, left);
    column->addWidget(m_controls);
    connect(m_controls, &RunControls::startClicked, this, &LearningRateJobPanel::startRun);
    connect(m_controls, &RunControls::cancelClicked, this, &LearningRateJobPanel::cancelRun);

    // The data, features, spec and the tool's fields are taller than a 720-pixel screen: they scroll
    // rather than being squeezed over each other.
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(left);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QHBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(scroll);
    splitter->addWidget(results);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({480, 920});
    layout->addWidget(splitter);
    reloadRuns();
}

QWidget *LearningRateJobPanel::buildStoredRuns(const Names &names)
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_runsHeader = new StoredRunsHeader(names.runListTitle, StoredRunsHeader::RefreshButton::Hidden, box);
    layout->addWidget(m_runsHeader);
    m_runList = new QListWidget(box);
    m_runList->setObjectName(names.runList);
    layout->addWidget(m_runList, 1);
    return box;
}

Result<TrainRequest> LearningRateJobPanel::setupRequest() const
{
    return m_setup->request(m_context.workspace);
}

QProgressBar *LearningRateJobPanel::progressBar() const { return m_controls->progressBar(); }
QString LearningRateJobPanel::messageText() const { return m_controls->messageText(); }

void LearningRateJobPanel::startRun()
{
    auto created = createJob();
    if (!created.isOk()) {
        m_controls->showMessage(QString::fromStdString(created.message()), MessageBanner::Kind::Error);
        return;
    }
    Job *job = created.value();
    JobRunner &jobs = runner();
    jobs.connectCurrent(job, &Job::failed, this, [this](const QString &message) {
        endRun(m_names.failure.arg(message), MessageBanner::Kind::Error);
        Q_EMIT runFailed(message);
    });
    jobs.connectCurrent(job, &Job::cancelled, this, [this] {
        endRun(tr("Cancelled"), MessageBanner::Kind::Info);
        Q_EMIT runCancelled();
    });
    jobs.connectCurrent(job, &Job::progress, this,
                        [this](double fraction, const QString &stage) { m_controls->setProgress(fraction, stage); });
    m_controls->begin();
    m_run = jobs.start(job, m_names.slot);
    m_lastRun = m_run;
}

void LearningRateJobPanel::cancelRun()
{
    if (!m_run)
        return;
    m_context.runner->cancel(m_run); // makes the run non-current: end it here
    endRun(tr("Cancelled"), MessageBanner::Kind::Info);
    Q_EMIT runCancelled();
}

void LearningRateJobPanel::endRun(const QString &message, MessageBanner::Kind kind)
{
    m_run = 0;
    m_controls->end(message, kind);
}

void LearningRateJobPanel::showReading()
{
    m_runsHeader->showReading();
}

void LearningRateJobPanel::showNoWorkspace()
{
    showRuns({}, QString());
    m_runsHeader->showNoWorkspace();
}

void LearningRateJobPanel::showRuns(const std::vector<ListedRun> &runs, const QString &problem)
{
    QSet<qint64> picked;
    if (m_names.pick == RunPick::Check) {
        for (int i = 0; i < m_runList->count(); ++i) {
            if (m_runList->item(i)->checkState() == Qt::Checked)
                picked.insert(m_runList->item(i)->data(Qt::UserRole).toLongLong());
        }
    } else if (const QListWidgetItem *current = m_runList->currentItem()) {
        picked.insert(current->data(Qt::UserRole).toLongLong());
    }
    if (m_pickWhenListed != 0) {
        if (m_names.pick == RunPick::Select)
            picked.clear();
        picked.insert(m_pickWhenListed);
    }
    // The first listing of a check list overlays the newest run.
    const bool first = m_names.pick == RunPick::Check && m_runList->count() == 0;
    const QSignalBlocker blocker(m_runList);
    m_runList->clear();
    int current = -1;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const ListedRun &run = runs[i];
        auto *item = new QListWidgetItem(run.text, m_runList);
        item->setData(Qt::UserRole, run.id);
        if (!run.toolTip.isEmpty())
            item->setToolTip(run.toolTip);
        const bool pick = picked.contains(run.id) || (first && i == 0);
        if (run.id == m_pickWhenListed)
            m_pickWhenListed = 0;
        if (m_names.pick == RunPick::Check) {
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(pick ? Qt::Checked : Qt::Unchecked);
            if (!run.usable)
                item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
        } else {
            if (!run.usable)
                item->setFlags(item->flags() & ~Qt::ItemIsSelectable);
            if (pick)
                current = int(i);
        }
    }
    if (current >= 0)
        m_runList->setCurrentRow(current);
    if (problem.isEmpty())
        m_runsHeader->showListed(int(runs.size()), int(std::count_if(runs.begin(), runs.end(), [](const ListedRun &run) {
                                     return run.interrupted;
                                 })));
    else
        m_runsHeader->showProblem(problem);
    runsListed();
}

} // namespace loupe
