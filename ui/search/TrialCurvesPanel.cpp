#include "ui/search/TrialCurvesPanel.h"

#include "ui/common/TrainCurves.h"
#include "ui/common/BatchLossPlot.h"
#include "ui/common/EpochAccuracyPlot.h"
#include "ui/common/EpochLossPlot.h"

#include "jobs/StoredTrialCurves.h"
#include "jobs/WorkspaceReader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace loupe {

namespace {

QString stateText(TrialState state)
{
    const std::string_view name = trialStateName(state);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

} // namespace

TrialCurvesPanel::TrialCurvesPanel(QWidget *parent)
    : QWidget(parent), m_reader(new WorkspaceReader(QString(), this)), m_curves(new TrainCurves(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    m_heading = new QLabel(this);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_heading);

    m_stack = new QStackedWidget(this);
    m_message = new QLabel(m_stack);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMargin(24);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stack->addWidget(m_message);

    m_plots = new QWidget(m_stack);
    auto *plotsLayout = new QHBoxLayout(m_plots);
    plotsLayout->setContentsMargins(0, 0, 0, 0);
    plotsLayout->setSpacing(6);
    m_batchLossPlot = new BatchLossPlot(m_plots);
    m_lossPlot = new EpochLossPlot(m_plots);
    m_accuracyPlot = new EpochAccuracyPlot(m_plots);
    m_batchLossPlot->setMinimumSize(160, 150); // three side by side must fit at 1280x720
    m_lossPlot->setMinimumSize(160, 150);
    m_accuracyPlot->setMinimumSize(160, 150);
    plotsLayout->addWidget(m_batchLossPlot, 1);
    plotsLayout->addWidget(m_lossPlot, 1);
    plotsLayout->addWidget(m_accuracyPlot, 1);
    m_stack->addWidget(m_plots);
    layout->addWidget(m_stack, 1);

    showMessage(QString(), tr("Click a trial in the table or in the history or slice plot to see its training curves."));
}

TrialCurvesPanel::~TrialCurvesPanel() = default;

bool TrialCurvesPanel::showsCurves() const
{
    return m_stack->currentWidget() == m_plots;
}

bool TrialCurvesPanel::isLoading() const
{
    return m_reader->isReading();
}

void TrialCurvesPanel::setStudy(const QString &storage, const QString &studyName, const QString &testFunction)
{
    m_reader->setWorkspace(storage);
    m_studyName = studyName;
    m_testFunction = testFunction;
    m_trialNumber = -1;
    m_curves->setOverlays({});
    if (!m_testFunction.isEmpty())
        showMessage(QString(), tr("No training curves for this objective: %1 is a test function, its trials train "
                                  "no model. Training searches (a model-spec template) store each trial's curves.")
                                   .arg(m_testFunction));
    else
        showMessage(QString(), tr("Click a trial in the table or in the history or slice plot to see its training "
                                  "curves."));
}

void TrialCurvesPanel::showMessage(const QString &heading, const QString &message)
{
    m_heading->setText(heading);
    m_heading->setVisible(!heading.isEmpty());
    m_message->setText(message);
    m_stack->setCurrentWidget(m_message);
}

void TrialCurvesPanel::showTrial(int trialNumber)
{
    m_trialNumber = trialNumber;
    m_reader->cancel();
    const QString heading = tr("<b>Trial #%1</b>").arg(trialNumber);
    if (!m_testFunction.isEmpty()) {
        showMessage(heading, tr("No training curves for this objective: %1 is a test function, its trials train "
                                "no model.").arg(m_testFunction));
        return;
    }
    if (m_studyName.isEmpty()) {
        showMessage(heading, tr("No study is open."));
        return;
    }
    showMessage(heading, tr("Reading trial #%1's training run…").arg(trialNumber));
    m_reader->read<TrialRunCurves>(
        [study = m_studyName, trialNumber](Store &store) { return StoredTrialCurves(store).read(study, trialNumber); },
        [this, trialNumber](Result<TrialRunCurves> read) { showRead(trialNumber, read); });
}

void TrialCurvesPanel::showRead(int trialNumber, const Result<TrialRunCurves> &loaded)
{
    const QString heading = tr("<b>Trial #%1</b>").arg(trialNumber);
    if (!loaded.isOk()) {
        showMessage(heading, tr("Could not read the trial's training run: %1")
                                 .arg(QString::fromStdString(loaded.message())));
        return;
    }
    const TrialRunCurves &trial = loaded.value();
    if (!trial.trialFound) {
        showMessage(heading, tr("Trial #%1 is not stored yet.").arg(trialNumber));
        return;
    }
    QString title = tr("<b>Trial #%1</b> — %2").arg(trialNumber).arg(stateText(trial.state));
    if (trial.loss)
        title += tr(", loss %1").arg(*trial.loss, 0, 'g', 6);
    if (!trial.curves) {
        showMessage(title, trial.state == TrialState::Running
                               ? tr("Trial #%1 is still training; its curves are stored when it ends.").arg(trialNumber)
                               : tr("Trial #%1 stored no training run (its spec did not fit the data, or it ran "
                                    "before runs were recorded).").arg(trialNumber));
        return;
    }
    const RunCurves &curves = *trial.curves;
    const int epochs = int(curves.epochs.size());
    const QString epochText = epochs == 1 ? tr("1 epoch") : tr("%1 epochs").arg(epochs);
    title += tr(" · run %1 (%2), %3").arg(curves.storedRunId).arg(trial.runStatus, epochText);
    if (curves.epochs.isEmpty() && curves.steps.isEmpty()) {
        showMessage(title, tr("The training stopped before its first step ended (%1): nothing to plot.")
                               .arg(trial.runStatus));
        return;
    }
    if (curves.epochs.isEmpty())
        title += tr(" — stopped within the first epoch: only its batch losses are plotted");
    m_heading->setText(title);
    m_heading->setVisible(true);
    m_curves->setOverlays({curves});
    m_batchLossPlot->showCurves(*m_curves);
    m_lossPlot->showCurves(*m_curves);
    m_accuracyPlot->showCurves(*m_curves);
    m_batchLossPlot->setVisible(!curves.steps.isEmpty());
    m_lossPlot->setVisible(!curves.epochs.isEmpty());
    m_accuracyPlot->setVisible(curves.classification && !curves.epochs.isEmpty());
    m_stack->setCurrentWidget(m_plots);
    Q_EMIT curvesShown(trialNumber);
}

} // namespace loupe
