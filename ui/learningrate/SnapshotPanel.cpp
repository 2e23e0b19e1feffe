#include "ui/learningrate/SnapshotPanel.h"

#include "ui/learningrate/SnapshotAccuracyPlot.h"
#include "ui/learningrate/SnapshotRatePlot.h"

#include "jobs/JobRunner.h"
#include "jobs/SnapshotJob.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
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
    : LearningRateJobPanel(context,
                           Names{QStringLiteral("startSnapshot"), QStringLiteral("snapshotRunList"),
                                 tr("Stored snapshot runs (select to re-open)"), kSnapshotSlot,
                                 tr("The run failed: %1"), RunPick::Select},
                           parent)
{
    registerSnapshotMetaTypes();
    QWidget *fields = buildFields();
    build(fields, buildResults());
}

QWidget *SnapshotPanel::buildFields()
{
    auto *group = new QGroupBox(tr("Snapshot ensemble (Huang et al. 2017)"), this);
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
    return group;
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
    layout->addWidget(storedRunsBox(), 1);
    splitter->addWidget(bottom);
    splitter->setSizes({360, 360, 200});
    connect(runList(), &QListWidget::currentRowChanged, this, &SnapshotPanel::onRunSelected);
    connect(m_ratePlot, &SnapshotRatePlot::snapshotClicked, this, &SnapshotPanel::selectSnapshot);
    connect(m_accuracyPlot, &SnapshotAccuracyPlot::snapshotClicked, this, &SnapshotPanel::selectSnapshot);
    return splitter;
}

void SnapshotPanel::setCycles(int cycles) { m_cycles->setValue(cycles); }
void SnapshotPanel::setEpochs(int epochs) { m_epochs->setValue(epochs); }
void SnapshotPanel::setStartRate(const QString &text) { m_startRate->setText(text); }
void SnapshotPanel::setSingleModel(bool train) { m_singleModel->setChecked(train); }

Result<SnapshotRequest> SnapshotPanel::request() const
{
    auto data = setupRequest();
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

Result<Job *> SnapshotPanel::createJob()
{
    auto built = request();
    if (!built.isOk())
        return built.status();
    auto *job = new SnapshotJob(built.takeValue());
    runner().connectCurrent(job, &SnapshotJob::finished, this,
                            [this](const SnapshotOutcome &outcome) { onFinished(outcome); });
    return static_cast<Job *>(job);
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
    endRun(text, report.status.isOk() ? MessageBanner::Kind::Info : MessageBanner::Kind::Error);
    if (outcome.storedRunId > 0)
        pickWhenListed(outcome.storedRunId); // when the list is read again, as the job's thread ends
    Q_EMIT runFinished(outcome);
}

QString SnapshotPanel::summaryText() const { return m_summary->text(); }

void SnapshotPanel::showReport(const SnapshotReport &report, const QString &title)
{
    m_report = report;
    m_ratePlot->setReport(report);
    m_accuracyPlot->setReport(report);
    m_reportText = title + QStringLiteral("\n") + describe(report);
    m_summary->setText(m_reportText);
}

void SnapshotPanel::selectSnapshot(int index)
{
    m_ratePlot->setSelectedSnapshot(index);
    m_accuracyPlot->setSelectedSnapshot(index);
    QString text = m_reportText;
    if (index >= 0 && std::size_t(index) < m_report.snapshots.size()) {
        const SnapshotScore &snapshot = m_report.snapshots[std::size_t(index)];
        const double steps = std::max(1, m_report.stepsPerEpoch);
        text += tr("\nSelected: S%1, saved after step %2 (epoch %3): test %4, validation %5")
                    .arg(snapshot.index)
                    .arg(snapshot.iteration)
                    .arg(QString::number(double(snapshot.iteration) / steps, 'g', 4), percent(snapshot.test.accuracy),
                         percent(snapshot.validation.accuracy));
    }
    m_summary->setText(text);
}

void SnapshotPanel::reloadRuns()
{
    readRuns<StoredSnapshotRun>(
        [](Store &store) { return StoredSnapshotRuns(store).list(); },
        [](const StoredSnapshotRun &run) {
            QString result = run.status;
            if (run.report && run.report->chosenSize > 0)
                result = tr("ensemble %1").arg(percent(run.report->ensembleTest.accuracy));
            return ListedRun {run.id,
                              tr("#%1  %2  %3 on %4  M=%5 T=%6  %7")
                                  .arg(run.id)
                                  .arg(run.startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")), run.specName,
                                       run.dataSource)
                                  .arg(run.cycles)
                                  .arg(run.epochs)
                                  .arg(result),
                              run.report.has_value(), run.statusReason,
                              run.interrupted};
        },
        [this](std::vector<StoredSnapshotRun> runs) { m_storedRuns = std::move(runs); });
}

void SnapshotPanel::onRunSelected()
{
    const int row = runList()->currentRow();
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
