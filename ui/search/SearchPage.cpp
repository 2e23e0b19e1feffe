#include "ui/search/SearchPage.h"

#include "ui/common/MessageBanner.h"
#include "ui/search/SearchTrialRows.h"
#include "ui/search/TrialTableModel.h"
#include "ui/search/SearchResultsPanel.h"
#include "ui/search/SearchSetupPanel.h"
#include "ui/search/TrialCurvesPanel.h"

#include "jobs/JobRunner.h"
#include "jobs/SearchJob.h"

#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QItemSelectionModel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace loupe {

namespace {
const QString kSearchSlot = QStringLiteral("search");
constexpr int kFlushIntervalMs = 250;
}

SearchPage::SearchPage(const PageContext &context, QWidget *parent) : QWidget(parent), m_context(context)
{
    Q_ASSERT(m_context.runner && m_context.dataset);
    registerSearchMetaTypes();
    m_setup = new SearchSetupPanel(m_context.dataset, m_context.runner, this);
    m_results = new SearchResultsPanel(this);
    m_curves = new TrialCurvesPanel(m_results->plotTabs());
    m_results->plotTabs()->addTab(m_curves, tr("Training curves"));

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 6, 6);
    // The settings scroll on a small screen (1280x720); Start, Stop and the progress stay in view.
    auto *setupScroll = new QScrollArea(left);
    setupScroll->setWidget(m_setup);
    setupScroll->setWidgetResizable(true);
    setupScroll->setFrameShape(QFrame::NoFrame);
    setupScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setupScroll->setMinimumWidth(m_setup->minimumSizeHint().width()
                                 + setupScroll->verticalScrollBar()->sizeHint().width());
    leftLayout->addWidget(setupScroll, 1);
    auto *buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("Start"), left);
    m_stop = new QPushButton(tr("Stop"), left);
    m_resume = new QPushButton(tr("Resume"), left);
    m_resume->setToolTip(tr("Continue the study named above up to its budget; interrupted trials are redone"));
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_resume);
    leftLayout->addLayout(buttons);
    m_progress = new QProgressBar(left);
    m_progress->setFormat(tr("%v / %m trials"));
    m_progress->setRange(0, m_setup->maxEvals());
    m_progress->setValue(0);
    leftLayout->addWidget(m_progress);
    m_status = new MessageBanner(left);
    leftLayout->addWidget(m_status);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(6, 6, 6, 6);
    rightLayout->addWidget(m_results, 1);
    m_details = new QLabel(right);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    clearTrialDetails();
    rightLayout->addWidget(m_details);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    m_flush = new QTimer(this);
    m_flush->setInterval(kFlushIntervalMs);
    connect(m_flush, &QTimer::timeout, this, &SearchPage::flushPending);
    connect(m_start, &QPushButton::clicked, this, &SearchPage::startSearch);
    connect(m_stop, &QPushButton::clicked, this, &SearchPage::stopSearch);
    connect(m_resume, &QPushButton::clicked, this, &SearchPage::resumeSearch);
    // Before a run the bar shows the budget about to be spent, not a stale or default one.
    connect(m_setup, &SearchSetupPanel::settingsChanged, this, [this] {
        if (m_run == 0 && m_finishedCount == 0)
            m_progress->setRange(0, m_setup->maxEvals());
    });
    connect(m_results, &SearchResultsPanel::trialActivated, this, &SearchPage::showTrialDetails);
    connectTrialCurves();
    connect(m_context.runner, &JobRunner::runEnded, this, [this](quint64 runId) {
        if (runId == m_run) {
            m_run = 0;
            m_flush->stop();
            flushPending();
            m_results->updateTrials({}, SearchResultsPanel::PlotRefresh::All); // the hidden plots too
            updateButtons();
            Q_EMIT searchEnded();
        }
    });
    updateButtons();
}

SearchPage::~SearchPage()
{
    if (m_run != 0)
        m_context.runner->cancel(m_run);
}

void SearchPage::startSearch() { launch(false); }
void SearchPage::resumeSearch() { launch(true); }

void SearchPage::stopSearch()
{
    if (m_run == 0)
        return;
    m_context.runner->cancel(m_run);
    // runEnded arrives when the thread is done; the stopped trials are stored as FAIL "interrupted".
    m_status->showMessage(tr("Stopping… the running trials are stored as interrupted; Resume redoes them."), MessageBanner::Kind::Info);
}

void SearchPage::launch(bool resume)
{
    if (m_run != 0)
        return;
    if (m_context.workspace.isEmpty()) {
        m_status->showMessage(tr("No workspace: trials need a database to live in."), MessageBanner::Kind::Error);
        return;
    }
    auto request = m_setup->request(m_context.workspace, resume);
    if (!request.isOk()) {
        m_status->showMessage(QString::fromStdString(request.message()), MessageBanner::Kind::Error);
        return;
    }
    auto space = m_setup->space();
    if (!space.isOk()) {
        m_status->showMessage(QString::fromStdString(space.message()), MessageBanner::Kind::Error);
        return;
    }
    m_space = space.takeValue();
    m_pending.clear();
    m_finishedCount = 0;
    m_maxEvals = request.value().maxEvals;
    m_progress->setRange(0, std::max(1, m_maxEvals));
    m_progress->setValue(0);
    m_lastStudy = request.value().studyName;
    clearTrialDetails(); // a trial of the previous study must not stay on show
    const bool testFunction = request.value().kind == SearchRequest::Kind::TestFunction;
    m_curves->setStudy(request.value().storage, m_lastStudy,
                       testFunction ? request.value().testFunction : QString());
    auto *job = new SearchJob(request.takeValue());
    JobRunner &runner = *m_context.runner;
    runner.connectCurrent(job, &SearchJob::started, this, [this](const SearchStart &start) { onStarted(start); });
    runner.connectCurrent(job, &SearchJob::trialFinished, this, [this](const SearchTrialRow &row) { onTrial(row); });
    runner.connectCurrent(job, &SearchJob::finished, this, [this](const SearchSummary &summary) { onFinished(summary); });
    runner.connectCurrent(job, &Job::failed, this, [this](const QString &message) { onEnded(message, MessageBanner::Kind::Error); });
    runner.connectCurrent(job, &Job::cancelled, this, [this]() {
        onEnded(tr("Stopped. Resume continues study “%1” up to its budget.").arg(m_lastStudy), MessageBanner::Kind::Info);
    });
    runner.connectCurrent(job, &Job::progress, this, [this](double, const QString &stage) {
        if (!stage.isEmpty())
            m_status->showMessage(stage, MessageBanner::Kind::Info);
    });
    m_status->showMessage(resume ? tr("Resuming study “%1”…").arg(m_lastStudy) : tr("Opening study “%1”…").arg(m_lastStudy),
                          MessageBanner::Kind::Info);
    m_run = runner.start(job, kSearchSlot);
    m_flush->start(kFlushIntervalMs);
    updateButtons();
}

void SearchPage::onStarted(const SearchStart &start)
{
    std::vector<Trial> existing;
    for (const SearchTrialRow &row : start.existingTrials)
        existing.push_back(SearchTrialRows::toTrial(m_space, row));
    m_finishedCount = 0;
    for (const Trial &trial : existing)
        m_finishedCount += trial.state == TrialState::Complete || trial.state == TrialState::Fail ? 1 : 0;
    m_maxEvals = start.maxEvals;
    m_progress->setRange(0, std::max(1, m_maxEvals));
    m_progress->setValue(std::min(m_finishedCount, m_maxEvals));
    m_results->setStudy(m_space, existing);
    QString text = tr("Study “%1” in %2").arg(start.studyName, start.storage);
    if (!start.dataDescription.isEmpty())
        text += tr(" — %1").arg(start.dataDescription);
    m_status->showMessage(text, MessageBanner::Kind::Info);
}

void SearchPage::onTrial(const SearchTrialRow &row)
{
    m_pending.push_back(SearchTrialRows::toTrial(m_space, row));
    ++m_finishedCount;
    // QProgressBar repaints synchronously on every new value: with trials finishing by the
    // thousand a second that alone stalls the UI, so the bar moves at most ten times a second.
    if (!m_progressClock.isValid() || m_progressClock.elapsed() >= 100) {
        showProgress();
        m_progressClock.restart();
    }
}

void SearchPage::showProgress()
{
    m_progress->setValue(std::min(m_finishedCount, std::max(1, m_maxEvals)));
}

void SearchPage::flushPending()
{
    if (m_pending.empty())
        return;
    QElapsedTimer clock;
    clock.start();
    m_results->updateTrials(m_pending, SearchResultsPanel::PlotRefresh::VisibleOnly);
    m_pending.clear();
    showProgress();
    // Spend at most about a fifth of the UI thread on redraws, however many trials there are.
    m_flush->setInterval(std::clamp(int(clock.elapsed()) * 5, kFlushIntervalMs, 3000));
}

void SearchPage::onFinished(const SearchSummary &summary)
{
    std::vector<Trial> all;
    for (const SearchTrialRow &row : summary.trials)
        all.push_back(SearchTrialRows::toTrial(m_space, row));
    m_pending.clear();
    m_results->updateTrials(all);
    showProgress();
    QString text = tr("Done: %1 trials this run, sampler %2 ms per suggestion on average.")
                       .arg(summary.trialsRun)
                       .arg(summary.suggestMsMean, 0, 'f', 2);
    if (summary.bestNumber >= 0) {
        const int row = m_results->model()->rowOf(summary.bestNumber);
        if (row >= 0 && m_results->model()->trials()[std::size_t(row)].loss)
            text += tr(" Best: trial #%1, loss %2.")
                        .arg(summary.bestNumber)
                        .arg(*m_results->model()->trials()[std::size_t(row)].loss, 0, 'g', 6);
    }
    m_status->showMessage(text, MessageBanner::Kind::Info);
}

void SearchPage::onEnded(const QString &message, MessageBanner::Kind kind)
{
    flushPending();
    showProgress();
    m_status->showMessage(message, kind);
}

void SearchPage::clearTrialDetails()
{
    m_details->setText(tr("Click a trial in the table or a plot to see it here."));
}

int SearchPage::progressMaximum() const
{
    return m_progress->maximum();
}

void SearchPage::showTrialDetails(int trialNumber)
{
    const TrialTableModel *model = m_results->model();
    const int row = model->rowOf(trialNumber);
    if (row < 0)
        return;
    const Trial &trial = model->trials()[std::size_t(row)];
    QStringList parts;
    for (int p = 0; p < model->space().size(); ++p) {
        const QString value = TrialTableModel::parameterText(model->space(), trial, p);
        if (!value.isEmpty())
            parts << QStringLiteral("%1 = %2").arg(QString::fromStdString(model->space().parameter(p).name), value);
    }
    QString text = tr("<b>Trial #%1</b> — %2").arg(trial.number).arg(QString::fromLatin1(trialStateName(trial.state).data()));
    if (trial.loss)
        text += tr(", loss %1").arg(*trial.loss, 0, 'g', 6);
    text += tr(", %1 s").arg(trial.seconds, 0, 'f', 2);
    text += QStringLiteral("<br>") + parts.join(QStringLiteral(", ")).toHtmlEscaped();
    if (!trial.error.empty())
        text += QStringLiteral("<br><span style='color:%1'>%2</span>")
                    .arg(MessageBanner::textColor(MessageBanner::Kind::Error).name(),
                         QString::fromStdString(trial.error).toHtmlEscaped());
    m_details->setText(text);
}

void SearchPage::connectTrialCurves()
{
    connect(m_results, &SearchResultsPanel::trialActivated, m_curves, &TrialCurvesPanel::showTrial);
    // Clicking a row of a training search opens the curves tab once they are read (plot clicks keep
    // their tab).
    connect(m_results->table(), &QTableView::clicked, this, [this] {
        m_openCurvesOf = m_curves->trialNumber();
        if (m_curves->showsCurves())
            m_results->plotTabs()->setCurrentWidget(m_curves);
    });
    connect(m_curves, &TrialCurvesPanel::curvesShown, this, [this](int trialNumber) {
        if (trialNumber == m_openCurvesOf)
            m_results->plotTabs()->setCurrentWidget(m_curves);
        m_openCurvesOf = -1;
    });
    // Moving through the table with the keyboard follows the current row.
    connect(m_results->table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                const int number = current.data(TrialTableModel::TrialNumberRole).toInt();
                if (number != m_curves->trialNumber())
                    m_curves->showTrial(number);
            });
}

void SearchPage::updateButtons()
{
    const bool running = m_run != 0;
    m_start->setEnabled(!running);
    m_resume->setEnabled(!running);
    m_stop->setEnabled(running);
    m_setup->setEnabled(!running);
}

} // namespace loupe
