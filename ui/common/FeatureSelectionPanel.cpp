#include "ui/common/FeatureSelectionPanel.h"

#include "ui/common/DisplayFormat.h"
#include "ui/common/FeaturePlanModel.h"
#include "ui/common/FeatureRoleDelegate.h"

#include "core/train/TrainingDataService.h"
#include "jobs/FeaturePlanJob.h"
#include "jobs/JobRunner.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace loupe {

namespace {

constexpr int kReplanDelayMs = 150;   // coalesces a burst of changes into one proposal
constexpr double kRareClassShare = 0.2; // below this share a class is called rare

QString shareText(std::size_t count, std::size_t total)
{
    return QLocale().toString(total > 0 ? 100.0 * double(count) / double(total) : 0.0, 'f', 1) + QStringLiteral(" %");
}

} // namespace

FeatureSelectionPanel::FeatureSelectionPanel(JobRunner *runner, QWidget *parent)
    : QWidget(parent), m_runner(runner), m_model(new FeaturePlanModel(this)), m_replan(new QTimer(this))
{
    Q_ASSERT(m_runner);
    qRegisterMetaType<FeaturePlan>();
    m_replan->setSingleShot(true);
    m_replan->setInterval(kReplanDelayMs);
    connect(m_replan, &QTimer::timeout, this, &FeatureSelectionPanel::startPlan);
    connect(m_model, &FeaturePlanModel::choicesChanged, this, [this] {
        updateLabels();
        Q_EMIT planChanged();
        schedulePlan(); // the missing-value proposal may change with the features
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("featureSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_balance = new QLabel(this);
    m_balance->setObjectName(QStringLiteral("classBalance"));
    m_balance->setWordWrap(true);
    m_balance->setTextFormat(Qt::RichText);
    layout->addWidget(m_balance);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("featureTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(FeaturePlanModel::RoleColumn, new FeatureRoleDelegate(m_view));
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked
                            | QAbstractItemView::EditKeyPressed);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(FeaturePlanModel::WhyColumn, QHeaderView::Stretch);
    header->setStretchLastSection(false);
    m_view->setMinimumHeight(150);
    layout->addWidget(m_view, 1);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("featureDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_detail);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &FeatureSelectionPanel::updateDetail);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &FeatureSelectionPanel::updateDetail);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &FeatureSelectionPanel::updateDetail);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FeatureSelectionPanel::updateDetail);
    layout->addWidget(buildControls());
    layout->addWidget(buildBalanceControls());
    m_missingNote = new QLabel(this);
    m_missingNote->setObjectName(QStringLiteral("missingNote"));
    m_missingNote->setWordWrap(true);
    layout->addWidget(m_missingNote);
    updateLabels();
}

FeatureSelectionPanel::~FeatureSelectionPanel()
{
    if (m_planRun)
        m_runner->cancel(m_planRun);
}

QWidget *FeatureSelectionPanel::buildControls()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("One-hot cap"), row));
    m_levelCap = new QSpinBox(row);
    m_levelCap->setObjectName(QStringLiteral("levelCap"));
    m_levelCap->setRange(1, 10000);
    m_levelCap->setValue(int(TableEncodingOptions{}.maxFeatureLevels));
    m_levelCap->setToolTip(tr("Text columns with at most this many distinct values become one-hot features; "
                              "more (free text, names) are left out unless you keep them"));
    layout->addWidget(m_levelCap);
    layout->addSpacing(8);
    layout->addWidget(new QLabel(tr("Missing"), row));
    m_missing = new QComboBox(row);
    m_missing->setObjectName(QStringLiteral("missingPolicy"));
    m_missing->addItem(tr("as proposed"), -1);
    m_missing->addItem(tr("impute"), int(MissingValues::Impute));
    m_missing->addItem(tr("refuse"), int(MissingValues::Reject));
    m_missing->setToolTip(tr("Missing feature values: impute (the training rows' mean for numbers, no level for "
                             "text), refuse (training stops naming the column and row), or as proposed (impute "
                             "when a feature has missing values)"));
    layout->addWidget(m_missing, 1);
    m_reset = new QPushButton(tr("Reset"), row);
    m_reset->setObjectName(QStringLiteral("resetFeatures"));
    m_reset->setToolTip(tr("Drop your role choices and use the proposal again"));
    connect(m_reset, &QPushButton::clicked, m_model, &FeaturePlanModel::clearChoices);
    layout->addWidget(m_reset);
    connect(m_levelCap, &QSpinBox::valueChanged, this, &FeatureSelectionPanel::schedulePlan);
    connect(m_missing, &QComboBox::currentIndexChanged, this, &FeatureSelectionPanel::schedulePlan);
    return row;
}

QWidget *FeatureSelectionPanel::buildBalanceControls()
{
    m_balanceRow = new QWidget(this);
    m_balanceRow->setObjectName(QStringLiteral("classBalanceControls"));
    auto *column = new QVBoxLayout(m_balanceRow);
    column->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Class weights"), m_balanceRow));
    m_classWeight = new QComboBox(m_balanceRow);
    m_classWeight->setObjectName(QStringLiteral("classWeighting"));
    m_classWeight->addItem(tr("none"), int(ClassWeighting::None));
    m_classWeight->addItem(tr("balanced"), int(ClassWeighting::Balanced));
    m_classWeight->setToolTip(tr("balanced: each class weighs n / (k × its rows) in the loss, so missing a rare "
                                 "class costs as much as missing the common one"));
    row->addWidget(m_classWeight);
    row->addSpacing(8);
    row->addWidget(new QLabel(tr("Resample"), m_balanceRow));
    m_resample = new QComboBox(m_balanceRow);
    m_resample->setObjectName(QStringLiteral("resampling"));
    m_resample->addItem(tr("none"), int(Resampling::None));
    m_resample->addItem(tr("oversample minority"), int(Resampling::Oversample));
    m_resample->addItem(tr("undersample majority"), int(Resampling::Undersample));
    m_resample->setToolTip(tr("Training rows only (validation and test rows are never resampled), seeded by the "
                              "spec's seed: oversample draws the rarer classes again up to the largest, "
                              "undersample keeps as many rows of each class as the rarest has"));
    row->addWidget(m_resample, 1);
    column->addLayout(row);
    m_balanceNote = new QLabel(m_balanceRow);
    m_balanceNote->setObjectName(QStringLiteral("balanceNote"));
    m_balanceNote->setWordWrap(true);
    column->addWidget(m_balanceNote);
    connect(m_classWeight, &QComboBox::activated, this, [this] {
        m_weightChosen = true;
        updateLabels();
    });
    connect(m_classWeight, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT planChanged(); });
    connect(m_resample, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT planChanged(); });
    m_balanceRow->hide();
    return m_balanceRow;
}

void FeatureSelectionPanel::followSuggestion()
{
    if (m_weightChosen || !m_model->hasPlan())
        return;
    const int index = m_classWeight->findData(int(m_model->plan().suggestedWeighting));
    if (index >= 0)
        m_classWeight->setCurrentIndex(index);
}

void FeatureSelectionPanel::setTable(std::shared_ptr<const Table> table)
{
    if (table == m_table)
        return;
    m_table = std::move(table);
    m_model->clear();
    m_error.clear();
    m_weightChosen = false;
    schedulePlan();
}

void FeatureSelectionPanel::setTarget(const QString &target)
{
    if (target == m_target)
        return;
    m_target = target;
    m_model->dropChoice(target); // the target is no feature to choose
    m_weightChosen = false;
    schedulePlan();
}

void FeatureSelectionPanel::applyTo(TrainingDataRequest &request) const
{
    request.selection = ColumnSelection::Proposed;
    request.excluded = m_model->ignoredChoices();
    request.kept = m_model->keptChoices();
    request.maxFeatureLevels = std::size_t(m_levelCap->value());
    const int missing = m_missing->currentData().toInt();
    request.missing = missing < 0 ? std::nullopt : std::optional<MissingValues>(MissingValues(missing));
    const bool classTarget = m_model->hasPlan() && !m_model->plan().classes.empty();
    request.classWeighting = classTarget ? std::optional<ClassWeighting>(ClassWeighting(m_classWeight->currentData().toInt()))
                                         : std::nullopt;
    request.resampling = classTarget ? std::optional<Resampling>(Resampling(m_resample->currentData().toInt()))
                                     : std::nullopt;
}

void FeatureSelectionPanel::applySpecFeatures(const SpecFeatures &features)
{
    for (const std::string &name : features.ignored)
        m_model->setChoice(QString::fromStdString(name), FeatureRole::Ignored);
    for (const std::string &name : features.kept)
        m_model->setChoice(QString::fromStdString(name), FeatureRole::Feature);
    if (features.maxLevels)
        m_levelCap->setValue(int(*features.maxLevels));
    if (features.missing)
        m_missing->setCurrentIndex(m_missing->findData(int(*features.missing)));
    if (features.classWeighting) {
        m_weightChosen = true;
        m_classWeight->setCurrentIndex(m_classWeight->findData(int(*features.classWeighting)));
    }
    if (features.resampling)
        m_resample->setCurrentIndex(m_resample->findData(int(*features.resampling)));
    schedulePlan();
}

const FeaturePlan &FeatureSelectionPanel::plan() const
{
    return m_model->plan();
}

bool FeatureSelectionPanel::hasPlan() const
{
    return m_model->hasPlan();
}

bool FeatureSelectionPanel::isComputing() const
{
    return m_planRun != 0 || m_replan->isActive();
}

void FeatureSelectionPanel::schedulePlan()
{
    m_replan->start();
    updateLabels();
}

void FeatureSelectionPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_planWhenShown) {
        m_planWhenShown = false;
        schedulePlan();
    }
}

void FeatureSelectionPanel::startPlan()
{
    if (!isVisible()) {
        m_planWhenShown = true;
        updateLabels();
        return;
    }
    if (m_planRun)
        m_runner->cancel(m_planRun);
    m_planRun = 0;
    if (!m_table || m_target.isEmpty()) {
        updateLabels();
        return;
    }
    TrainingDataRequest request;
    request.target = m_target.toStdString();
    applyTo(request);
    auto *job = new FeaturePlanJob(m_table, TrainingDataService::planOptionsFor(request));
    m_runner->connectCurrent(job, &FeaturePlanJob::finished, this, [this](const FeaturePlan &plan) { onPlan(plan); });
    m_runner->connectCurrent(job, &Job::failed, this, [this](const QString &message) { onFailed(message); });
    m_planRun = m_runner->start(job, QStringLiteral("features.%1").arg(quintptr(this)));
    updateLabels();
}

void FeatureSelectionPanel::onPlan(const FeaturePlan &plan)
{
    m_planRun = 0;
    m_error.clear();
    m_model->setPlan(plan);
    followSuggestion();
    updateLabels();
    Q_EMIT planChanged();
}

void FeatureSelectionPanel::onFailed(const QString &message)
{
    m_planRun = 0;
    m_error = message;
    m_model->setPlan(FeaturePlan());
    updateLabels();
    Q_EMIT planChanged();
}

QString FeatureSelectionPanel::balanceText(const FeaturePlan &plan)
{
    if (plan.classes.empty())
        return plan.target.empty() ? QString() : tr("<b>%1</b> is a number: regression").arg(QString::fromStdString(plan.target).toHtmlEscaped());
    std::size_t total = 0;
    for (const ClassCount &item : plan.classes)
        total += item.count;
    QStringList parts;
    for (std::size_t i = 0; i < plan.classes.size() && i < 6; ++i)
        parts << tr("%1 %2 (%3)").arg(QString::fromStdString(plan.classes[i].label).toHtmlEscaped(),
                                     formatCount(plan.classes[i].count), shareText(plan.classes[i].count, total));
    if (plan.classes.size() > 6)
        parts << tr("%1 more").arg(plan.classes.size() - 6);
    QString text = tr("Classes of <b>%1</b>: %2").arg(QString::fromStdString(plan.target).toHtmlEscaped(),
                                                     parts.join(QStringLiteral(" · ")));
    const ClassCount &majority = plan.classes.front();
    const ClassCount &rarest = plan.classes.back();
    if (total > 0 && double(rarest.count) < kRareClassShare * double(total)) {
        text += tr("<br><b>Imbalanced</b>: always answering '%1' scores %2 accuracy, so judge the model on "
                   "'%3' (the run reports per-class recall and balanced accuracy).")
                    .arg(QString::fromStdString(majority.label).toHtmlEscaped(), shareText(majority.count, total),
                         QString::fromStdString(rarest.label).toHtmlEscaped());
    }
    return text;
}

void FeatureSelectionPanel::updateDetail()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const int row = rows.isEmpty() ? m_view->currentIndex().row() : rows.front().row();
    m_detail->setText(row >= 0 ? m_model->detailText(row) : tr("Select a row for the whole reason."));
}

void FeatureSelectionPanel::updateLabels()
{
    const FeaturePlan &shown = m_model->plan();
    m_reset->setEnabled(m_model->hasChoices());
    const bool classTarget = m_table && m_error.isEmpty() && m_model->hasPlan() && !shown.classes.empty();
    m_balanceRow->setVisible(classTarget);
    if (classTarget) {
        QString note;
        if (shown.suggestedWeighting != ClassWeighting::None)
            note = (m_weightChosen ? tr("Balanced weights are suggested: %1, and missing it should cost as much as "
                                        "missing the majority.")
                                   : tr("Balanced weights chosen for you: %1, so missing it costs as much as missing "
                                        "the majority."))
                       .arg(QString::fromStdString(shown.balanceNote));
        m_balanceNote->setText(note);
        m_balanceNote->setVisible(!note.isEmpty());
    }
    if (!m_table) {
        m_summary->setText(tr("Load a CSV on the Data page to choose its features."));
        m_balance->clear();
        m_missingNote->clear();
        return;
    }
    if (!m_error.isEmpty()) {
        m_summary->setText(m_error);
        m_balance->clear();
        m_missingNote->clear();
        return;
    }
    QString summary;
    if (m_model->hasPlan()) {
        std::size_t features = 0;
        std::size_t byYou = 0;
        for (const FeatureColumn &column : shown.columns) {
            features += column.role == FeatureRole::Feature ? 1 : 0;
            byYou += column.role == FeatureRole::Ignored && column.chosen ? 1 : 0;
        }
        summary = tr("%1 of %2 columns are features (%3 model inputs), %4 left out")
                      .arg(features)
                      .arg(shown.columns.size())
                      .arg(shown.featureWidth())
                      .arg(shown.ignoredCount());
        if (byYou > 0)
            summary += tr(" (%1 by you)").arg(byYou);
        summary += tr(". Double-click a role to change it.");
    }
    if (isComputing())
        summary = tr("Proposing the features (distinct values, identifiers, personal data)…") + QLatin1Char(' ') + summary;
    m_summary->setText(summary);
    m_balance->setText(m_model->hasPlan() ? balanceText(shown) : QString());
    m_missingNote->setText(m_model->hasPlan() ? tr("Missing values: %1").arg(QString::fromStdString(shown.missingNote))
                                              : QString());
}

} // namespace loupe
