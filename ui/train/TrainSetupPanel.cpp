#include "ui/train/TrainSetupPanel.h"

#include "ui/common/DatasetSession.h"
#include "ui/common/FeatureSelectionPanel.h"
#include "ui/train/SpecFitBar.h"
#include "ui/train/SpecWithPlan.h"

#include "core/train/ModelSpec.h"

#include <nlohmann/json.hpp>

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QVBoxLayout>

#include <limits>

namespace loupe {

namespace {

const QString kChapterSpecResource = QStringLiteral(":/models/chapter-mlp.json");

// The scaling choices after "as the model spec says", by the names the spec and --scale use.
const ScalingMethod s_scalingMethods[] = {ScalingMethod::Standardize, ScalingMethod::MinMax,
                                          ScalingMethod::MeanNormalize, ScalingMethod::UnitL1,
                                          ScalingMethod::UnitL2, ScalingMethod::None};

QSpinBox *overrideSpin(int minimum, int maximum, const QString &special, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setRange(minimum, maximum);
    spin->setValue(minimum);
    spin->setSpecialValueText(special);
    return spin;
}

} // namespace

TrainSetupPanel::TrainSetupPanel(DatasetSession *dataset, JobRunner *runner, QWidget *parent)
    : QWidget(parent), m_dataset(dataset)
{
    Q_ASSERT(m_dataset);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("trainSetupTabs"));
    auto *dataTab = new QWidget(m_tabs);
    auto *dataLayout = new QVBoxLayout(dataTab);
    dataLayout->addWidget(buildDataGroup());
    dataLayout->addWidget(buildFeaturesGroup(runner), 1);
    dataLayout->addStretch(0);
    m_tabs->addTab(dataTab, tr("Data and features"));
    auto *modelTab = new QWidget(m_tabs);
    auto *modelLayout = new QVBoxLayout(modelTab);
    modelLayout->addWidget(buildSpecGroup(), 1);
    modelLayout->addWidget(buildOverridesGroup());
    m_tabs->addTab(modelTab, tr("Model"));
    layout->addWidget(m_tabs, 1);
    m_specFit = new SpecFitBar(this);
    connect(m_specFit, &SpecFitBar::adaptRequested, this, [this](const QString &spec) { setSpecText(spec); });
    layout->addWidget(m_specFit);
    connect(m_spec, &QPlainTextEdit::textChanged, this, &TrainSetupPanel::checkSpecFit);
    connect(m_spec, &QPlainTextEdit::textChanged, this, &TrainSetupPanel::followSpecFeatures);
    connect(m_features, &FeatureSelectionPanel::planChanged, this, &TrainSetupPanel::checkSpecFit);
    connect(m_features, &FeatureSelectionPanel::planChanged, this, &TrainSetupPanel::followSpecFeatures);
    connect(m_dataset, &DatasetSession::datasetChanged, this, &TrainSetupPanel::onDatasetChanged);
    onDatasetChanged();
}

QString TrainSetupPanel::chapterSpecText()
{
    QFile file(kChapterSpecResource);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QWidget *TrainSetupPanel::buildDataGroup()
{
    auto *group = new QGroupBox(tr("Data"), this);
    auto *form = new QFormLayout(group);
    m_source = new QComboBox(group);
    m_source->setObjectName(QStringLiteral("trainSource"));
    m_source->addItem(tr("Fashion-MNIST (60,000 + 10,000 images)"));
    m_source->addItem(tr("Loaded CSV"));
    form->addRow(tr("Dataset"), m_source);
    m_target = new QComboBox(group);
    m_target->setObjectName(QStringLiteral("trainTarget"));
    m_target->setToolTip(tr("The column to predict: classes for text, bool and integer columns with few values, "
                            "regression (MSE) for numbers"));
    m_targetLabel = new QLabel(tr("Target column"), group);
    form->addRow(m_targetLabel, m_target);
    m_scaling = new QComboBox(group);
    m_scaling->setObjectName(QStringLiteral("trainScaling"));
    m_scaling->addItem(tr("as the model spec says"), -1);
    for (ScalingMethod method : s_scalingMethods)
        m_scaling->addItem(QString::fromStdString(scalingMethodName(method)), int(method));
    m_scaling->setToolTip(tr("How number features are scaled, fitted on the training rows only. A method chosen "
                             "here beats the spec's \"scaling\" key; \"as the model spec says\" takes the key, "
                             "or standard without it"));
    m_scalingLabel = new QLabel(tr("Scaling"), group);
    form->addRow(m_scalingLabel, m_scaling);
    m_imageLimit = overrideSpin(0, 60000, tr("all"), group);
    m_imageLimit->setSingleStep(1000);
    m_imageLimit->setToolTip(tr("Train on the first N images of each file (a quick look); 10 % of them validate"));
    m_imageLimitLabel = new QLabel(tr("Images"), group);
    form->addRow(m_imageLimitLabel, m_imageLimit);
    connect(m_source, &QComboBox::currentIndexChanged, this, [this] {
        updateSourceUi();
        Q_EMIT settingsChanged();
    });
    connect(m_target, &QComboBox::currentIndexChanged, this, [this] {
        m_features->setTarget(m_target->currentText());
        Q_EMIT settingsChanged();
    });
    connect(m_scaling, &QComboBox::currentIndexChanged, this, &TrainSetupPanel::settingsChanged);
    return group;
}

QWidget *TrainSetupPanel::buildFeaturesGroup(JobRunner *runner)
{
    auto *group = new QGroupBox(tr("Features"), this);
    auto *layout = new QVBoxLayout(group);
    m_features = new FeatureSelectionPanel(runner, group);
    m_features->setObjectName(QStringLiteral("featureSelection"));
    layout->addWidget(m_features);
    m_featuresGroup = group;
    return group;
}

void TrainSetupPanel::checkSpecFit()
{
    const bool table = source() == Source::LoadedTable && m_features->hasPlan();
    m_specFit->check(specText(), table ? &m_features->plan() : nullptr);
}

QWidget *TrainSetupPanel::buildSpecGroup()
{
    auto *group = new QGroupBox(tr("Model spec (JSON)"), this);
    auto *layout = new QVBoxLayout(group);
    m_spec = new QPlainTextEdit(group);
    m_spec->setObjectName(QStringLiteral("specEditor"));
    m_spec->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_spec->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_spec->setPlaceholderText(tr("{\"layers\": [...], \"optimizer\": {...}, \"loss\": ...} (see docs/model-spec.md)"));
    m_spec->setPlainText(chapterSpecText());
    layout->addWidget(m_spec);
    auto *reset = new QPushButton(tr("Reset to the chapter's model"), group);
    reset->setEnabled(!chapterSpecText().isEmpty());
    connect(reset, &QPushButton::clicked, this, [this] { m_spec->setPlainText(chapterSpecText()); });
    m_saveSpec = new QPushButton(tr("Save spec…"), group);
    m_saveSpec->setObjectName(QStringLiteral("saveSpec"));
    m_saveSpec->setToolTip(tr("Save this spec with the feature choices (columns, one-hot cap, missing values, class "
                              "weights, resampling, scaling) as \"features\", so loupe-cli and the other pages "
                              "train the same way from the file"));
    connect(m_saveSpec, &QPushButton::clicked, this, [this] {
        const QString problem = saveSpecWithDialog();
        if (!problem.isEmpty())
            QMessageBox::warning(this, tr("Save spec"), problem);
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(reset);
    buttons->addWidget(m_saveSpec);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    return group;
}

Result<QString> TrainSetupPanel::specTextWithPlan() const
{
    TrainingDataRequest request;
    if (source() == Source::LoadedTable) {
        request.source = TrainingDataRequest::Source::Table;
        request.target = targetColumn().toStdString();
        m_features->applyTo(request);
    }
    return SpecWithPlan::compose(specText(), request, source() == Source::LoadedTable ? scaling() : std::nullopt);
}

QString TrainSetupPanel::saveSpecWithDialog()
{
    auto text = specTextWithPlan();
    if (!text.isOk())
        return tr("Not saved: %1").arg(QString::fromStdString(text.message()));
    QString path;
    const QString problem = SpecWithPlan::saveWithDialog(this, text.value(), m_workspace, path);
    if (problem.isEmpty() && !path.isEmpty())
        Q_EMIT specSaved(path);
    return problem;
}

void TrainSetupPanel::followSpecFeatures()
{
    auto spec = ModelSpec::parse(specText().toStdString(), "model spec");
    if (!spec.isOk() || !spec.value().features || !m_features->hasPlan())
        return; // without a plan the table has no rows to set choices on; planChanged calls again
    const std::string features = spec.value().features->toJson().dump();
    if (features == m_followedFeatures)
        return;
    m_followedFeatures = features;
    const SpecFeatures &choices = *spec.value().features;
    if (!choices.target.empty() && m_target->findText(QString::fromStdString(choices.target)) >= 0)
        setTargetColumn(QString::fromStdString(choices.target));
    m_features->applySpecFeatures(choices);
}

QWidget *TrainSetupPanel::buildOverridesGroup()
{
    auto *group = new QGroupBox(tr("Overrides"), this);
    auto *form = new QFormLayout(group);
    m_epochs = overrideSpin(0, 100000, tr("from spec"), group);
    m_epochs->setObjectName(QStringLiteral("epochsOverride"));
    form->addRow(tr("Epochs"), m_epochs);
    m_batchSize = overrideSpin(0, 1 << 20, tr("from spec"), group);
    m_batchSize->setObjectName(QStringLiteral("batchSizeOverride"));
    form->addRow(tr("Batch size"), m_batchSize);
    m_seed = overrideSpin(-1, std::numeric_limits<int>::max(), tr("from spec"), group);
    m_seed->setObjectName(QStringLiteral("seedOverride"));
    form->addRow(tr("Seed"), m_seed);
    m_learningRate = new QLineEdit(group);
    m_learningRate->setObjectName(QStringLiteral("learningRateOverride"));
    m_learningRate->setPlaceholderText(tr("from spec"));
    form->addRow(tr("Learning rate"), m_learningRate);
    auto *scheduleRow = new QWidget(group);
    auto *scheduleLayout = new QHBoxLayout(scheduleRow);
    scheduleLayout->setContentsMargins(0, 0, 0, 0);
    m_scheduleLabel = new QLabel(scheduleRow);
    m_scheduleLabel->setObjectName(QStringLiteral("scheduleOverride"));
    m_scheduleLabel->setWordWrap(true);
    m_scheduleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_clearSchedule = new QPushButton(tr("Clear"), scheduleRow);
    m_clearSchedule->setObjectName(QStringLiteral("clearSchedule"));
    m_clearSchedule->setToolTip(tr("Train with the spec's own schedule (or its constant learning rate) again"));
    scheduleLayout->addWidget(m_scheduleLabel, 1);
    scheduleLayout->addWidget(m_clearSchedule);
    m_scheduleRow = scheduleRow;
    form->addRow(tr("Schedule"), scheduleRow);
    connect(m_clearSchedule, &QPushButton::clicked, this, [this] { setSchedule(std::nullopt); });
    setSchedule(std::nullopt);
    return group;
}

void TrainSetupPanel::hideOverride(OverrideRow row)
{
    QWidget *field = row == OverrideRow::Epochs         ? static_cast<QWidget *>(m_epochs)
                     : row == OverrideRow::LearningRate ? static_cast<QWidget *>(m_learningRate)
                                                        : m_scheduleRow;
    if (auto *form = qobject_cast<QFormLayout *>(field->parentWidget()->layout()))
        form->setRowVisible(field, false);
    if (row == OverrideRow::Epochs)
        m_epochs->setValue(0);
    else if (row == OverrideRow::LearningRate)
        m_learningRate->clear();
    else
        setSchedule(std::nullopt);
}

QString TrainSetupPanel::describeSchedule(const ScheduleSpec &schedule)
{
    QStringList parts;
    const nlohmann::ordered_json json = schedule.toJson();
    for (auto item = json.begin(); item != json.end(); ++item) {
        if (item.key() == "name" || item.key() == "per" || (item.key() == "warmup" && item.value() == 0))
            continue;
        const QString value = item.value().is_number_float()
                                  ? QString::number(item.value().get<double>(), 'g', 4)
                                  : QString::fromStdString(item.value().dump()).remove(QLatin1Char('"'));
        parts.append(QString::fromStdString(item.key()) + QLatin1Char(' ') + value);
    }
    return tr("%1: %2, per %3")
        .arg(QString::fromStdString(scheduleKindName(schedule.kind)), parts.join(QStringLiteral(", ")),
             QString::fromStdString(scheduleUnitName(schedule.unit)));
}

void TrainSetupPanel::setSchedule(const std::optional<ScheduleSpec> &schedule)
{
    m_schedule = schedule;
    m_scheduleLabel->setText(schedule ? describeSchedule(*schedule) : tr("from spec"));
    m_scheduleLabel->setToolTip(schedule ? tr("Sent from the Learning-rate page; it sets the rate every epoch or "
                                              "step and replaces the spec's \"schedule\" and the learning rate")
                                         : QString());
    m_clearSchedule->setEnabled(schedule.has_value());
    // A schedule sets the rate itself: a learning-rate override next to it would be silently ignored,
    // so the field is emptied and locked while a schedule applies.
    if (schedule)
        m_learningRate->clear();
    m_learningRate->setEnabled(!schedule);
    m_learningRate->setPlaceholderText(schedule ? tr("set by the schedule (Clear it to give a constant rate)")
                                                : tr("from spec"));
    Q_EMIT settingsChanged();
}

void TrainSetupPanel::onDatasetChanged()
{
    const QString previous = m_target->currentText();
    m_target->clear();
    const LoadedTable &loaded = m_dataset->current();
    auto *items = qobject_cast<QStandardItemModel *>(m_source->model());
    if (loaded.table) {
        for (const Column &column : loaded.table->columns())
            m_target->addItem(QString::fromStdString(column.name()));
        const int kept = m_target->findText(previous);
        m_target->setCurrentIndex(kept >= 0 ? kept : m_target->count() - 1); // the last column by convention
        m_source->setItemText(1, tr("Loaded CSV: %1 (%2 rows)")
                                     .arg(QFileInfo(loaded.path).fileName(),
                                          QLocale().toString(qulonglong(loaded.table->rowCount()))));
    } else {
        m_source->setItemText(1, tr("Loaded CSV (open one on the Data page)"));
        m_source->setCurrentIndex(0);
    }
    if (items)
        items->item(1)->setEnabled(bool(loaded.table));
    if (loaded.table && loaded.table.get() != m_shownTable)
        m_source->setCurrentIndex(1); // a CSV was just loaded: that is what the user came to train on
    m_shownTable = loaded.table.get();
    m_features->setTable(loaded.table);
    m_features->setTarget(m_target->currentText());
    updateSourceUi();
    Q_EMIT settingsChanged();
}

void TrainSetupPanel::updateSourceUi()
{
    const bool table = source() == Source::LoadedTable;
    m_target->setVisible(table);
    m_targetLabel->setVisible(table);
    m_scaling->setVisible(table);
    m_scalingLabel->setVisible(table);
    m_imageLimit->setVisible(!table);
    m_imageLimitLabel->setVisible(!table);
    m_featuresGroup->setVisible(table);
    checkSpecFit();
}

TrainSetupPanel::Source TrainSetupPanel::source() const
{
    return m_source->currentIndex() == 1 ? Source::LoadedTable : Source::FashionMnist;
}

void TrainSetupPanel::setSource(Source source)
{
    m_source->setCurrentIndex(source == Source::LoadedTable ? 1 : 0);
}

QString TrainSetupPanel::specText() const
{
    return m_spec->toPlainText();
}

void TrainSetupPanel::setSpecText(const QString &text)
{
    m_spec->setPlainText(text);
}

QString TrainSetupPanel::targetColumn() const
{
    return m_target->currentText();
}

void TrainSetupPanel::setTargetColumn(const QString &name)
{
    m_target->setCurrentIndex(m_target->findText(name));
}

std::optional<ScalingMethod> TrainSetupPanel::scaling() const
{
    const int method = m_scaling->currentData().toInt();
    return method < 0 ? std::nullopt : std::optional<ScalingMethod>(ScalingMethod(method));
}

void TrainSetupPanel::setScaling(const std::optional<ScalingMethod> &scaling)
{
    m_scaling->setCurrentIndex(m_scaling->findData(scaling ? int(*scaling) : -1));
}

void TrainSetupPanel::setEpochs(int epochs) { m_epochs->setValue(epochs); }
void TrainSetupPanel::setBatchSize(int batchSize) { m_batchSize->setValue(batchSize); }
void TrainSetupPanel::setSeed(int seed) { m_seed->setValue(seed); }
void TrainSetupPanel::setImageLimit(int images) { m_imageLimit->setValue(images); }
void TrainSetupPanel::setLearningRate(double rate)
{
    if (m_schedule)
        setSchedule(std::nullopt); // the latest choice applies: a constant rate replaces the schedule
    m_learningRate->setText(QString::number(rate, 'g', 6));
}

Result<TrainRequest> TrainSetupPanel::request(const QString &workspace) const
{
    TrainRequest request;
    request.specJson = specText();
    request.workspace = workspace;
    if (m_epochs->value() > 0)
        request.overrides.epochs = m_epochs->value();
    if (m_batchSize->value() > 0)
        request.overrides.batchSize = m_batchSize->value();
    if (m_seed->value() >= 0)
        request.overrides.seed = std::uint64_t(m_seed->value());
    const QString rate = m_learningRate->text().trimmed();
    if (!rate.isEmpty()) {
        bool ok = false;
        const double value = rate.toDouble(&ok);
        if (!ok)
            return Status::invalidInput(tr("Learning rate: '%1' is not a number").arg(rate).toStdString());
        request.overrides.learningRate = value;
    }
    request.overrides.schedule = m_schedule;
    if (source() == Source::FashionMnist) {
        request.source = TrainRequest::Source::FashionMnist;
        request.imageLimit = std::size_t(m_imageLimit->value());
        return request;
    }
    const LoadedTable &loaded = m_dataset->current();
    if (!loaded.table)
        return Status::invalidInput(tr("No CSV is loaded: open one on the Data page first").toStdString());
    if (targetColumn().isEmpty())
        return Status::invalidInput(tr("Choose the target column to predict").toStdString());
    request.source = TrainRequest::Source::Table;
    request.table = loaded.table;
    request.tableName = QFileInfo(loaded.path).fileName().toStdString();
    request.datasetId = loaded.datasetId;
    request.target = targetColumn().toStdString();
    request.scaling = scaling();
    m_features->applyTo(request);
    return request;
}

} // namespace loupe
