#include "ui/learningrate/SnapshotPanel.h"

#include "jobs/JobRunner.h"
#include "jobs/SnapshotJob.h"
#include "ui/common/RunControls.h"
#include "ui/train/TrainSetupPanel.h"
#include "ui/learningrate/SnapshotAccuracyPlot.h"
#include "ui/learningrate/SnapshotRatePlot.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <cmath>

namespace loupe {

namespace {

const QString kSnapshotSlot = QStringLiteral("snapshot");

QString percent(double value)
{
    return std::isfinite(value) ? QString::number(100.0 * value, 'f', 2) + QStringLiteral(" %") : QStringLiteral("–");
}

// "ensemble of the last 2: 85.10 %, best snapshot 84.80 %, single model 84.20 %"
QString describe(const SnapshotReport &report)
{
    double best = std::nan("");
    for (const SnapshotScore &snapshot : report.snapshots)
        best = std::isnan(best) ? snapshot.test.accuracy : std::max(best, snapshot.test.accuracy);
    QStringList parts;
    if (report.chosenSize > 0)
        parts << SnapshotPanel::tr("ensemble of the last %1 (K chosen on validation rows): %2")
                     .arg(report.chosenSize)
                     .arg(percent(report.ensembleTest.accuracy));
    parts << SnapshotPanel::tr("best snapshot %1").arg(percent(best));
    if (report.singleModelTest)
        parts << SnapshotPanel::tr("single model, one cosine: %1").arg(percent(report.singleModelTest->accuracy));
    else if (!report.singleModelStatus.isOk())
        parts << SnapshotPanel::tr("single model: %1").arg(QString::fromStdString(report.singleModelStatus.message()));
    return SnapshotPanel::tr("Test accuracy — %1. lr0 %2, %3 steps per cycle, %4 s")
        .arg(parts.join(QStringLiteral("; ")), QString::number(report.lr0, 'g', 3))
        .arg(report.cycleLength)
        .arg(QString::number(report.seconds, 'f', 1));
}

} // namespace

SnapshotPanel::SnapshotPanel(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_stored(std::make_unique<StoredSnapshotRuns>(context.workspace))
{
    Q_ASSERT(m_context.runner && m_context.dataset);
    registerSnapshotMetaTypes();
    auto *layout = new QHBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildControls());
    splitter->addWidget(buildResults());
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({400, 1000});
    layout->addWidget(splitter);
    reloadRuns();
}

SnapshotPanel::~SnapshotPanel()
{
    if (m_run)
        m_context.runner->cancel(m_run);
}

QWidget *SnapshotPanel::buildControls()
{
    auto *box = new QWidget(this);
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    m_setup = new TrainSetupPanel(m_context.dataset, box);
    m_setup->hideOverride(TrainSetupPanel::OverrideRow::Epochs);
    m_setup->hideOverride(TrainSetupPanel::OverrideRow::LearningRate);
    m_setup->hideOverride(TrainSetupPanel::OverrideRow::Schedule);
    column->addWidget(m_setup, 1);

    auto *group = new QGroupBox(tr("Snapshot ensemble (Huang et al. 2017)"), box);
    auto *form = new QFormLayout(group);
    m_cycles = new QSpinBox(group);
    m_cycles->setObjectName(QStringLiteral("snapshotCycles"));
    m_cycles->setRange(1, 1000);
    m_cycles->setValue(SnapshotRequest().cycles);
    m_cycles->setToolTip(tr("M: cosine cycles, one snapshot at the end of each"));
    form->addRow(tr("Cycles M"), m_cycles);
    m_epochs = new QSpinBox(group);
    m_epochs->setObjectName(QStringLiteral("snapshotEpochs"));
    m_epochs->setRange(1, 100000);
    m_epochs->setValue(SnapshotRequest().epochs);
    m_epochs->setToolTip(tr("T: the training budget; pick M dividing T so every cycle is complete"));
    form->addRow(tr("Epochs T"), m_epochs);
    m_startRate = new QLineEdit(group);
    m_startRate->setObjectName(QStringLiteral("snapshotLr0"));
    m_startRate->setPlaceholderText(tr("from spec"));
    m_startRate->setToolTip(tr("lr0: where every cycle's cosine starts"));
    form->addRow(tr("Cycle start rate"), m_startRate);
    m_singleModel = new QCheckBox(tr("Train the single model too (one cosine, same budget)"), group);
    m_singleModel->setChecked(true);
    form->addRow(QString(), m_singleModel);
    column->addWidget(group);

    m_controls = new RunControls(QStringLiteral("startSnapshot"), box);
    column->addWidget(m_controls);
    connect(m_controls, &RunControls::startClicked, this, &SnapshotPanel::startRun);
    connect(m_controls, &RunControls::cancelClicked, this, &SnapshotPanel::cancelRun);
    return box;
}

QWidget *SnapshotPanel::buildResults()
{
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_ratePlot = new SnapshotRatePlot(splitter);
    m_ratePlot->setObjectName(QStringLiteral("snapshotRatePlot"));
    splitter->addWidget(m_ratePlot);
    m_accuracyPlot = new SnapshotAccuracyPlot(splitter);
    m_accuracyPlot->setObjectName(QStringLiteral("snapshotAccuracyPlot"));
    splitter->addWidget(m_accuracyPlot);

    auto *bottom = new QWidget(splitter);
    auto *layout = new QVBoxLayout(bottom);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(tr("No snapshot ensemble yet: start one, or select a stored run"), bottom);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    layout->addWidget(new QLabel(tr("Stored snapshot runs (select to re-open)"), bottom));
    m_runList = new QListWidget(bottom);
    m_runList->setObjectName(QStringLiteral("snapshotRunList"));
    layout->addWidget(m_runList);
    splitter->addWidget(bottom);
    splitter->setSizes({360, 360, 200});
    connect(m_runList, &QListWidget::currentRowChanged, this, &SnapshotPanel::onRunSelected);
    return splitter;
}

void SnapshotPanel::setCycles(int cycles) { m_cycles->setValue(cycles); }
void SnapshotPanel::setEpochs(int epochs) { m_epochs->setValue(epochs); }
void SnapshotPanel::setStartRate(const QString &text) { m_startRate->setText(text); }
void SnapshotPanel::setSingleModel(bool train) { m_singleModel->setChecked(train); }

Result<SnapshotRequest> SnapshotPanel::request() const
{
    auto data = m_setup->request(m_context.workspace);
    if (!data.isOk())
        return data.status();
    SnapshotRequest request;
    request.data = data.takeValue();
    request.cycles = m_cycles->value();
    request.epochs = m_epochs->value();
    request.baseline = m_singleModel->isChecked() ? SingleModelBaseline::Train : SingleModelBaseline::Skip;
    const QString rate = m_startRate->text().trimmed();
    if (!rate.isEmpty()) {
        bool ok = false;
        const double value = rate.toDouble(&ok);
        if (!ok || !(value > 0.0) || !std::isfinite(value))
            return Status::invalidInput(tr("Cycle start rate: '%1' is not a number > 0").arg(rate).toStdString());
        request.lr0 = value;
    }
    return request;
}

void SnapshotPanel::startRun()
{
    auto built = request();
    if (!built.isOk()) {
        m_controls->showMessage(QString::fromStdString(built.message()), true);
        return;
    }
    auto *job = new SnapshotJob(built.takeValue());
    JobRunner &runner = *m_context.runner;
    runner.connectCurrent(job, &SnapshotJob::finished, this,
                          [this](const SnapshotOutcome &outcome) { onFinished(outcome); });
    runner.connectCurrent(job, &Job::failed, this, [this](const QString &message) {
        onEnded(tr("The run failed: %1").arg(message), true);
        Q_EMIT runFailed(message);
    });
    runner.connectCurrent(job, &Job::cancelled, this, [this] {
        onEnded(tr("Cancelled"), false);
        Q_EMIT runCancelled();
    });
    runner.connectCurrent(job, &Job::progress, this, [this](double fraction, const QString &stage) {
        m_controls->setProgress(fraction, stage);
    });
    m_controls->begin();
    m_run = runner.start(job, kSnapshotSlot);
}

void SnapshotPanel::cancelRun()
{
    if (!m_run)
        return;
    m_context.runner->cancel(m_run); // makes the run non-current: end it here
    onEnded(tr("Cancelled"), false);
    Q_EMIT runCancelled();
}

void SnapshotPanel::onFinished(const SnapshotOutcome &outcome)
{
    const SnapshotReport &report = outcome.report;
    showReport(report, tr("%1 on %2, M=%3, T=%4").arg(outcome.specName, outcome.dataDescription)
                           .arg(outcome.cycles)
                           .arg(outcome.epochs));
    QString text = report.status.isOk() ? tr("Done in %1 s").arg(QString::number(report.seconds, 'f', 1))
                                        : QString::fromStdString(report.status.message());
    if (!outcome.workspaceNote.isEmpty())
        text += QStringLiteral(" — ") + outcome.workspaceNote;
    onEnded(text, !report.status.isOk());
    reloadRuns(outcome.storedRunId);
    Q_EMIT runFinished(outcome);
}

void SnapshotPanel::onEnded(const QString &message, bool error)
{
    m_run = 0;
    m_controls->end(message, error);
}

QString SnapshotPanel::messageText() const { return m_controls->messageText(); }
QString SnapshotPanel::summaryText() const { return m_summary->text(); }

void SnapshotPanel::showReport(const SnapshotReport &report, const QString &title)
{
    m_ratePlot->setReport(report);
    m_accuracyPlot->setReport(report);
    m_summary->setText(title + QStringLiteral("\n") + describe(report));
}

void SnapshotPanel::reloadRuns(qint64 select)
{
    const qint64 previous = m_runList->currentItem() ? m_runList->currentItem()->data(Qt::UserRole).toLongLong() : 0;
    auto runs = m_stored->list();
    m_storedRuns = runs.isOk() ? runs.takeValue() : std::vector<StoredSnapshotRun>();
    const QSignalBlocker blocker(m_runList);
    m_runList->clear();
    int row = -1;
    for (std::size_t i = 0; i < m_storedRuns.size(); ++i) {
        const StoredSnapshotRun &run = m_storedRuns[i];
        QString result = run.status;
        if (run.report && run.report->chosenSize > 0)
            result = tr("ensemble %1").arg(percent(run.report->ensembleTest.accuracy));
        auto *item = new QListWidgetItem(tr("#%1  %2  %3 on %4  M=%5 T=%6  %7")
                                             .arg(run.id)
                                             .arg(run.startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                                  run.specName, run.dataSource)
                                             .arg(run.cycles)
                                             .arg(run.epochs)
                                             .arg(result),
                                         m_runList);
        item->setData(Qt::UserRole, run.id);
        if (!run.report)
            item->setFlags(item->flags() & ~Qt::ItemIsSelectable);
        if (run.id == (select != 0 ? select : previous))
            row = int(i);
    }
    if (row >= 0)
        m_runList->setCurrentRow(row);
}

void SnapshotPanel::onRunSelected()
{
    const int row = m_runList->currentRow();
    if (row < 0 || row >= int(m_storedRuns.size()) || !m_storedRuns[std::size_t(row)].report)
        return;
    const StoredSnapshotRun &run = m_storedRuns[std::size_t(row)];
    showReport(*run.report, tr("Run #%1: %2 on %3, M=%4, T=%5 (%6)")
                                .arg(run.id)
                                .arg(run.specName, run.dataSource)
                                .arg(run.cycles)
                                .arg(run.epochs)
                                .arg(run.status));
}

} // namespace loupe
