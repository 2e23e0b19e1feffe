#include "ui/learningrate/LrFinderPanel.h"

#include "ui/common/RunControls.h"
#include "ui/train/TrainSetupPanel.h"

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
    : QWidget(parent)
    , m_context(context)
    , m_stored(std::make_unique<StoredLrFindRuns>(context.workspace))
{
    Q_ASSERT(m_context.runner && m_context.dataset);
    registerLrFindMetaTypes();
    auto *layout = new QHBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildControls());
    splitter->addWidget(buildResults());
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({400, 1000});
    layout->addWidget(splitter);
    connect(m_context.runner, &JobRunner::runEnded, this, [this](quint64) {
        if (m_checkWhenListed != 0 || !isSearching())
            reloadRuns();
    });
    m_liveRedraw = new QTimer(this);
    m_liveRedraw->setSingleShot(true);
    m_liveRedraw->setInterval(kLiveRedrawMs);
    connect(m_liveRedraw, &QTimer::timeout, this, [this] {
        ++m_liveRedraws;
        redraw();
    });
    setMode(LrFindMode::OnePass);
    reloadRuns();
}

LrFinderPanel::~LrFinderPanel()
{
    if (m_run)
        m_context.runner->cancel(m_run);
}

QWidget *LrFinderPanel::buildControls()
{
    auto *box = new QWidget(this);
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    m_setup = new TrainSetupPanel(m_context.dataset, box);
    m_setup->hideOverride(TrainSetupPanel::OverrideRow::Epochs);
    m_setup->hideOverride(TrainSetupPanel::OverrideRow::LearningRate);
    m_setup->hideOverride(TrainSetupPanel::OverrideRow::Schedule);
    column->addWidget(m_setup, 1);

    auto *group = new QGroupBox(tr("Finder"), box);
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
    column->addWidget(group);

    m_controls = new RunControls(QStringLiteral("startFinder"), box);
    column->addWidget(m_controls);

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] { setMode(mode()); });
    connect(m_controls, &RunControls::startClicked, this, &LrFinderPanel::startSearch);
    connect(m_controls, &RunControls::cancelClicked, this, &LrFinderPanel::cancelSearch);
    return box;
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
    layout->addWidget(new QLabel(tr("Stored lr-find runs (check to overlay)"), bottom));
    m_runList = new QListWidget(bottom);
    m_runList->setObjectName(QStringLiteral("lrRunList"));
    layout->addWidget(m_runList);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({620, 240});

    connect(m_runList, &QListWidget::itemChanged, this, &LrFinderPanel::redraw);
    connect(m_useButton, &QPushButton::clicked, this, [this] {
        if (recommendedRate() > 0.0)
            Q_EMIT learningRateChosen(recommendedRate());
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
    auto data = m_setup->request(m_context.workspace);
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

void LrFinderPanel::startSearch()
{
    auto built = request();
    if (!built.isOk()) {
        m_controls->showMessage(QString::fromStdString(built.message()), true);
        return;
    }
    auto *job = new LrFindJob(built.takeValue());
    JobRunner &runner = *m_context.runner;
    runner.connectCurrent(
        job, &LrFindJob::finished, this, [this](const LrFindOutcome &outcome) { onFinished(outcome); });
    runner.connectCurrent(job, &Job::failed, this, [this](const QString &message) {
        onEnded(tr("The search failed: %1").arg(message), true);
        Q_EMIT searchFailed(message);
    });
    runner.connectCurrent(job, &Job::cancelled, this, [this] {
        onEnded(tr("Cancelled"), false);
        Q_EMIT searchCancelled();
    });
    runner.connectCurrent(job, &Job::progress, this, [this](double fraction, const QString &stage) {
        m_controls->setProgress(fraction, stage);
    });
    runner.connectCurrent(job, &LrFindJob::pointsFound, this, [this](const QVector<LrPoint> &points) {
        m_live.result.points.insert(m_live.result.points.end(), points.begin(), points.end());
        if (!m_liveRedraw->isActive())
            m_liveRedraw->start();
        Q_EMIT livePointsAdded(int(m_live.result.points.size()));
    });
    m_live = LrFinderCurve {tr("%1 (running)").arg(modeLabel(mode())), LrFindResult {}};
    m_live.result.mode = mode();
    m_controls->begin();
    m_run = runner.start(job, kFinderSlot);
}

void LrFinderPanel::cancelSearch()
{
    if (!m_run)
        return;
    m_context.runner->cancel(m_run); // makes the run non-current: end it here
    onEnded(tr("Cancelled"), false);
    Q_EMIT searchCancelled();
}

void LrFinderPanel::onFinished(const LrFindOutcome &outcome)
{
    const LrSuggestions &s = outcome.result.suggestions;
    const QString text = s.recommended ? tr("Found in %1 s: recommended %2 (%3)")
                                             .arg(QString::number(outcome.result.seconds, 'f', 1),
                                                 rateText(*s.recommended), QString::fromStdString(s.method))
                                       : tr("No rate to recommend: the loss diverged before it fell");
    if (outcome.storedRunId > 0) {
        m_checkWhenListed = outcome.storedRunId;
    } else {
        const QString name =
            tr("%1 %2 (not stored)")
                .arg(modeLabel(outcome.result.mode), outcome.finishedAt.toString(QStringLiteral("HH:mm:ss")));
        m_unstored.append(LrFinderCurve {name, outcome.result});
    }
    onEnded(outcome.workspaceNote.isEmpty() ? text : text + QStringLiteral(" — ") + outcome.workspaceNote,
        !s.recommended.has_value());
    Q_EMIT searchFinished(outcome);
}

void LrFinderPanel::onEnded(const QString &message, bool error)
{
    m_run = 0;
    m_live = LrFinderCurve {};
    m_liveRedraw->stop();
    m_controls->end(message, error);
    m_controls->progressBar()->setFormat(message.section(QLatin1Char(':'), 0, 0));
    reloadRuns();
}

QString LrFinderPanel::messageText() const { return m_controls->messageText(); }
QProgressBar *LrFinderPanel::progressBar() const { return m_controls->progressBar(); }

void LrFinderPanel::reloadRuns()
{
    QSet<qint64> checked;
    const bool first = m_runList->count() == 0 && m_storedRuns.empty();
    for (int i = 0; i < m_runList->count(); ++i) {
        if (m_runList->item(i)->checkState() == Qt::Checked)
            checked.insert(m_runList->item(i)->data(Qt::UserRole).toLongLong());
    }
    if (m_checkWhenListed != 0)
        checked.insert(m_checkWhenListed);
    auto runs = m_stored->list();
    m_storedRuns = runs.isOk() ? runs.takeValue() : std::vector<StoredLrFindRun>();
    const QSignalBlocker blocker(m_runList);
    m_runList->clear();
    for (std::size_t i = 0; i < m_storedRuns.size(); ++i) {
        const StoredLrFindRun &run = m_storedRuns[i];
        const LrSuggestions &s = run.result.suggestions;
        auto *item = new QListWidgetItem(tr("#%1  %2  %3  %4 on %5  %6 points  %7")
                                             .arg(run.id)
                                             .arg(run.startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                                 modeLabel(run.result.mode), run.specName, run.dataSource)
                                             .arg(run.result.points.size())
                                             .arg(run.status == QLatin1String("completed") && s.recommended
                                                      ? tr("recommended %1").arg(rateText(*s.recommended))
                                                      : run.status),
            m_runList);
        item->setData(Qt::UserRole, run.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        const bool check = checked.contains(run.id) || (first && i == 0);
        item->setCheckState(check ? Qt::Checked : Qt::Unchecked);
        if (run.result.points.empty())
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    }
    if (m_checkWhenListed != 0 && checked.contains(m_checkWhenListed))
        m_checkWhenListed = 0;
    redraw();
}

void LrFinderPanel::redraw()
{
    QVector<LrFinderCurve> curves;
    for (int i = m_runList->count() - 1; i >= 0; --i) { // oldest first: the newest is drawn last
        QListWidgetItem *item = m_runList->item(i);
        if (item->checkState() != Qt::Checked || std::size_t(i) >= m_storedRuns.size())
            continue;
        const StoredLrFindRun &run = m_storedRuns[std::size_t(i)];
        curves.append(
            LrFinderCurve {tr("#%1 %2 %3")
                               .arg(run.id)
                               .arg(modeLabel(run.result.mode), run.startedAt.toString(QStringLiteral("HH:mm:ss"))),
                run.result});
    }
    curves += m_unstored;
    if (m_run != 0 && !m_live.result.points.empty())
        curves.append(m_live);
    m_plot->setCurves(curves);
    const double rate = recommendedRate();
    m_useButton->setEnabled(rate > 0.0);
    m_recommended->setText(
        rate > 0.0 ? tr("Recommended learning rate of %1: <b>%2</b>").arg(curves.last().name, rateText(rate))
                   : tr("No recommended rate yet"));
}

double LrFinderPanel::recommendedRate() const
{
    const QVector<LrFinderCurve> &curves = m_plot->curves();
    if (curves.isEmpty() || !curves.last().result.suggestions.recommended)
        return 0.0;
    return *curves.last().result.suggestions.recommended;
}

} // namespace loupe
