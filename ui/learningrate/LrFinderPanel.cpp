#include "ui/learningrate/LrFinderPanel.h"

#include "ui/common/RunControls.h"

#include "jobs/JobRunner.h"
#include "jobs/LrFindJob.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace loupe {

namespace {

const QString kFinderSlot = QStringLiteral("lr-find");
constexpr int kLiveRedrawMs = 40;
constexpr double s_defaultRangeFraction = 0.1;

QString modeLabel(LrFindMode mode)
{
    return mode == LrFindMode::Range ? QStringLiteral("range") : QStringLiteral("one pass");
}

QString rateText(double rate) { return QString::number(rate, 'g', 3); }

Result<double> parseNumber(const QLineEdit *field, const QString &name)
{
    bool ok = false;
    const double value = field->text().trimmed().toDouble(&ok);
    if (!ok)
        return Status::invalidInput(QStringLiteral("%1: '%2' is not a number").arg(name, field->text()).toStdString());
    return value;
}

} // namespace

LrFinderPanel::LrFinderPanel(const PageContext &context, QWidget *parent)
    : LearningRateJobPanel(context,
                           Names{QStringLiteral("startFinder"), QStringLiteral("lrRunList"),
                                 tr("Stored lr-find runs (check to overlay)"), kFinderSlot,
                                 tr("The search failed: %1"), RunPick::Check},
                           parent)
{
    registerLrFindMetaTypes();
    m_liveRedraw = new QTimer(this);
    m_liveRedraw->setSingleShot(true);
    m_liveRedraw->setInterval(kLiveRedrawMs);
    connect(m_liveRedraw, &QTimer::timeout, this, [this] {
        ++m_liveRedraws;
        redraw();
    });
    QWidget *fields = buildFields();
    build(fields, buildResults());
    setMode(LrFindMode::OnePass);
}

QWidget *LrFinderPanel::buildFields()
{
    auto *group = new QGroupBox(tr("Finder"), this);
    auto *form = new QFormLayout(group);
    m_mode = new QComboBox(group);
    m_mode->setObjectName(QStringLiteral("finderMode"));
    m_mode->addItem(tr("one pass (fastai lr_find: the rate grows every batch)"), int(LrFindMode::OnePass));
    m_mode->addItem(tr("range test (the chapter: a fresh model per rate)"), int(LrFindMode::Range));
    form->addRow(tr("Mode"), m_mode);
    m_start = new QLineEdit(group);
    form->addRow(tr("Start rate"), m_start);
    m_end = new QLineEdit(group);
    form->addRow(tr("End rate"), m_end);
    m_factor = new QLineEdit(group);
    form->addRow(tr("Factor"), m_factor);
    m_steps = new QSpinBox(group);
    m_steps->setRange(0, 100000);
    m_steps->setToolTip(tr("Range: how many rates. One pass: how many batches (0 = one epoch)"));
    form->addRow(tr("Steps"), m_steps);
    m_fraction = new QLineEdit(group);
    m_fraction->setToolTip(tr("Range test: the share of the training rows each rate trains on"));
    form->addRow(tr("Data fraction"), m_fraction);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] { setMode(mode()); });
    return group;
}

QWidget *LrFinderPanel::buildResults()
{
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_plot = new LrFinderPlot(splitter);
    m_plot->setObjectName(QStringLiteral("lrFinderPlot"));
    splitter->addWidget(m_plot);

    auto *bottom = new QWidget(splitter);
    auto *layout = new QVBoxLayout(bottom);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *useRow = new QHBoxLayout;
    m_recommended = new QLabel(tr("No recommended rate yet"), bottom);
    m_useButton = new QPushButton(tr("Use this rate for training"), bottom);
    m_useButton->setObjectName(QStringLiteral("useRate"));
    m_useButton->setEnabled(false);
    useRow->addWidget(m_recommended, 1);
    useRow->addWidget(m_useButton);
    layout->addLayout(useRow);
    m_verify = new LrVerifyBox(runner(), [this] { return setupRequest(); }, [this] { return chosenRate(); }, bottom);
    layout->addWidget(m_verify);
    layout->addWidget(storedRunsBox());
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({580, 300});

    connect(runList(), &QListWidget::itemChanged, this, &LrFinderPanel::redraw);
    connect(m_verify, &LrVerifyBox::marksChanged, this, [this] { m_plot->setVerifyMarks(m_verify->marks()); });
    connect(m_useButton, &QPushButton::clicked, this, [this] {
        if (chosenRate() > 0.0)
            Q_EMIT learningRateChosen(chosenRate());
    });
    // A click on a point of the plot offers its rate instead of the recommended one.
    connect(m_plot, &LrFinderPlot::rateClicked, this, [this](double rate) {
        m_pickedRate = rate;
        redraw();
    });
    return splitter;
}

LrFindMode LrFinderPanel::mode() const { return LrFindMode(m_mode->currentData().toInt()); }

void LrFinderPanel::setMode(LrFindMode mode)
{
    const QSignalBlocker blocker(m_mode);
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
    const bool range = mode == LrFindMode::Range;
    const RangeTestOptions rangeDefaults;
    const OnePassOptions onePassDefaults;
    m_start->setText(rateText(range ? rangeDefaults.start : onePassDefaults.start));
    m_end->setText(rateText(onePassDefaults.end));
    m_factor->setText(rateText(rangeDefaults.factor));
    m_fraction->setText(rateText(s_defaultRangeFraction));
    m_steps->setValue(range ? rangeDefaults.steps : int(onePassDefaults.iterations));
    m_end->setEnabled(!range);
    m_factor->setEnabled(range);
    m_fraction->setEnabled(range);
}

void LrFinderPanel::setField(const QString &name, const QString &text)
{
    QLineEdit *field = name == QLatin1String("start")    ? m_start
                       : name == QLatin1String("end")    ? m_end
                       : name == QLatin1String("factor") ? m_factor
                                                         : m_fraction;
    field->setText(text);
}

void LrFinderPanel::setSteps(int steps) { m_steps->setValue(steps); }

Result<LrFindRequest> LrFinderPanel::request() const
{
    auto data = setupRequest();
    if (!data.isOk())
        return data.status();
    LrFindRequest request;
    request.data = data.takeValue();
    request.mode = mode();
    auto start = parseNumber(m_start, tr("Start rate"));
    if (!start.isOk())
        return start.status();
    if (request.mode == LrFindMode::Range) {
        auto factor = parseNumber(m_factor, tr("Factor"));
        auto fraction = parseNumber(m_fraction, tr("Data fraction"));
        if (!factor.isOk() || !fraction.isOk())
            return factor.isOk() ? fraction.status() : factor.status();
        request.range.start = start.value();
        request.range.factor = factor.value();
        request.range.steps = m_steps->value();
        request.range.fraction = fraction.value();
        if (Status valid = RangeTest::validate(request.range); !valid.isOk())
            return valid;
    } else {
        auto end = parseNumber(m_end, tr("End rate"));
        if (!end.isOk())
            return end.status();
        request.onePass.start = start.value();
        request.onePass.end = end.value();
        request.onePass.iterations = m_steps->value();
        if (Status valid = OnePassFinder::validate(request.onePass); !valid.isOk())
            return valid;
    }
    return request;
}

Result<Job *> LrFinderPanel::createJob()
{
    auto built = request();
    if (!built.isOk())
        return built.status();
    auto *job = new LrFindJob(built.takeValue());
    runner().connectCurrent(job, &LrFindJob::finished, this,
                            [this](const LrFindOutcome &outcome) { onFinished(outcome); });
    runner().connectCurrent(job, &LrFindJob::pointsFound, this, [this](const QVector<LrPoint> &points) {
        m_live.result.points.insert(m_live.result.points.end(), points.begin(), points.end());
        if (!m_liveRedraw->isActive())
            m_liveRedraw->start();
        Q_EMIT livePointsAdded(int(m_live.result.points.size()));
    });
    m_live = LrFinderCurve {tr("%1 (running)").arg(modeLabel(mode())), LrFindResult {}};
    m_live.result.mode = mode();
    return static_cast<Job *>(job);
}

void LrFinderPanel::onFinished(const LrFindOutcome &outcome)
{
    m_pickedRate = 0.0; // a new result: its recommendation again, until a point is picked
    m_plot->setPickedRate(0.0);
    const LrSuggestions &s = outcome.result.suggestions;
    const QString text = s.recommended ? tr("Found in %1 s: recommended %2 (%3)")
                                             .arg(QString::number(outcome.result.seconds, 'f', 1),
                                                 rateText(*s.recommended), QString::fromStdString(s.method))
                                       : tr("No rate to recommend: the loss never fell");
    const QString finishedAt = outcome.finishedAt.toString(QStringLiteral("HH:mm:ss"));
    if (outcome.storedRunId > 0) {
        // Checked once the list shows it; until then this curve stands in for it.
        pickWhenListed(outcome.storedRunId);
        m_awaitingListing = std::make_pair(
            outcome.storedRunId,
            LrFinderCurve {tr("#%1 %2 %3").arg(outcome.storedRunId).arg(modeLabel(outcome.result.mode), finishedAt),
                           outcome.result});
    } else {
        const QString name = tr("%1 %2 (not stored)").arg(modeLabel(outcome.result.mode), finishedAt);
        m_unstored.append(LrFinderCurve {name, outcome.result});
    }
    endRun(outcome.workspaceNote.isEmpty() ? text : text + QStringLiteral(" — ") + outcome.workspaceNote,
           s.recommended ? MessageBanner::Kind::Info : MessageBanner::Kind::Warning);
    Q_EMIT runFinished(outcome);
}

void LrFinderPanel::endRun(const QString &message, MessageBanner::Kind kind)
{
    LearningRateJobPanel::endRun(message, kind);
    m_live = LrFinderCurve {};
    m_liveRedraw->stop();
    controls()->progressBar()->setFormat(message.section(QLatin1Char(':'), 0, 0));
    redraw(); // the stored runs are read again when the job's thread has ended
}

void LrFinderPanel::reloadRuns()
{
    readRuns<StoredLrFindRun>(
        [](Store &store) { return StoredLrFindRuns(store).list(); },
        [](const StoredLrFindRun &run) {
            const LrSuggestions &s = run.result.suggestions;
            const QString result = run.status == QLatin1String("completed") && s.recommended
                                       ? tr("recommended %1").arg(rateText(*s.recommended))
                                       : run.status;
            return ListedRun {run.id,
                              tr("#%1  %2  %3  %4 on %5  %6 points  %7")
                                  .arg(run.id)
                                  .arg(run.startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                       modeLabel(run.result.mode), run.specName, run.dataSource)
                                  .arg(run.result.points.size())
                                  .arg(result),
                              !run.result.points.empty(), run.statusReason,
                              run.interrupted};
        },
        [this](std::vector<StoredLrFindRun> runs) { m_storedRuns = std::move(runs); });
}

void LrFinderPanel::runsListed()
{
    if (m_awaitingListing && std::any_of(m_storedRuns.begin(), m_storedRuns.end(), [this](const StoredLrFindRun &run) {
            return run.id == m_awaitingListing->first;
        }))
        m_awaitingListing.reset();
    redraw();
}

void LrFinderPanel::redraw()
{
    QVector<LrFinderCurve> curves;
    for (int i = runList()->count() - 1; i >= 0; --i) { // oldest first: the newest is drawn last
        QListWidgetItem *item = runList()->item(i);
        if (item->checkState() != Qt::Checked || std::size_t(i) >= m_storedRuns.size())
            continue;
        const StoredLrFindRun &run = m_storedRuns[std::size_t(i)];
        curves.append(
            LrFinderCurve {tr("#%1 %2 %3")
                               .arg(run.id)
                               .arg(modeLabel(run.result.mode), run.startedAt.toString(QStringLiteral("HH:mm:ss"))),
                run.result});
    }
    if (m_awaitingListing)
        curves.append(m_awaitingListing->second);
    curves += m_unstored;
    if (isRunning() && !m_live.result.points.empty())
        curves.append(m_live);
    m_plot->setCurves(curves);
    const double rate = recommendedRate();
    m_useButton->setEnabled(chosenRate() > 0.0);
    m_verify->setRateAvailable(chosenRate() > 0.0);
    if (m_pickedRate > 0.0)
        m_recommended->setText(tr("Picked on the plot: <b>%1</b>").arg(rateText(m_pickedRate))
                               + (rate > 0.0 ? tr(" (recommended: %1)").arg(rateText(rate)) : QString()));
    else
        m_recommended->setText(
            rate > 0.0 ? tr("Recommended learning rate of %1: <b>%2</b>").arg(curves.last().name, rateText(rate))
                       : tr("No recommended rate yet"));
}

double LrFinderPanel::chosenRate() const
{
    return m_pickedRate > 0.0 ? m_pickedRate : recommendedRate();
}

double LrFinderPanel::recommendedRate() const
{
    const QVector<LrFinderCurve> &curves = m_plot->curves();
    if (curves.isEmpty() || !curves.last().result.suggestions.recommended)
        return 0.0;
    return *curves.last().result.suggestions.recommended;
}

} // namespace loupe
