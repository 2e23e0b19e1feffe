#include "ui/search/SearchSetupPanel.h"

#include "core/util/JsonReader.h"
#include "ui/common/DatasetSession.h"
#include "ui/common/FeatureSelectionPanel.h"
#include "ui/common/MessageBanner.h"
#include "ui/search/SearchSpaceForm.h"

#include "core/search/TemplatePath.h"
#include "core/search/TestFunction.h"

#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace loupe {

namespace {

const QString kChapterTemplateResource = QStringLiteral(":/searches/chapter-hyperas.json");

const char *testFunctionName(SearchSetupPanel::Objective objective)
{
    switch (objective) {
    case SearchSetupPanel::Objective::Branin: return "branin";
    case SearchSetupPanel::Objective::Hartmann6: return "hartmann6";
    case SearchSetupPanel::Objective::Rosenbrock: return "rosenbrock";
    case SearchSetupPanel::Objective::Conditional: return "conditional";
    default: return nullptr;
    }
}

QSpinBox *spin(int low, int high, int value, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(low, high);
    box->setValue(value);
    return box;
}

} // namespace

SearchSetupPanel::SearchSetupPanel(DatasetSession *dataset, JobRunner *runner, QWidget *parent)
    : QWidget(parent), m_dataset(dataset)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildObjectiveGroup());
    layout->addWidget(buildSpaceGroup(runner), 1);
    layout->addWidget(buildOptionsGroup());
    m_reparse = new QTimer(this);
    m_reparse->setSingleShot(true);
    m_reparse->setInterval(300);
    connect(m_reparse, &QTimer::timeout, this, &SearchSetupPanel::refreshSpace);
    connect(m_template, &QPlainTextEdit::textChanged, m_reparse, qOverload<>(&QTimer::start));
    connect(m_form, &SearchSpaceForm::distributionEdited, this, &SearchSetupPanel::onDistributionEdited);
    connect(m_form, &SearchSpaceForm::editRejected, m_spaceStatus,
            [this](const QString &why) { m_spaceStatus->showMessage(why, MessageBanner::Kind::Error); });
    connect(m_dataset, &DatasetSession::datasetChanged, this, &SearchSetupPanel::onDatasetChanged);
    connect(m_target, &QComboBox::currentIndexChanged, this, [this] { m_features->setTarget(m_target->currentText()); });
    m_template->setPlainText(chapterTemplateText());
    onDatasetChanged();
    updateObjectiveUi();
    refreshSpace();
}

QString SearchSetupPanel::chapterTemplateText()
{
    QFile file(kChapterTemplateResource);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QWidget *SearchSetupPanel::buildObjectiveGroup()
{
    auto *group = new QGroupBox(tr("Objective"), this);
    auto *form = new QFormLayout(group);
    m_objective = new QComboBox(group);
    m_objective->addItem(tr("Test function: Branin (2-D)"));
    m_objective->addItem(tr("Test function: Hartmann 6-D"));
    m_objective->addItem(tr("Test function: Rosenbrock"));
    m_objective->addItem(tr("Test function: conditional space"));
    m_objective->addItem(tr("Train the template on Fashion-MNIST"));
    m_objective->addItem(tr("Train the template on the loaded CSV"));
    m_objective->setCurrentIndex(int(Objective::FashionMnist));
    form->addRow(tr("Optimise"), m_objective);
    m_target = new QComboBox(group);
    m_targetLabel = new QLabel(tr("Target column"), group);
    form->addRow(m_targetLabel, m_target);
    m_imageLimit = spin(0, 60000, 6000, group);
    m_imageLimit->setSingleStep(1000);
    m_imageLimit->setSpecialValueText(tr("all"));
    m_imageLimit->setToolTip(tr("Train each trial on the first N images of each file (0: all 60,000)"));
    m_imageLimitLabel = new QLabel(tr("Images per trial"), group);
    form->addRow(m_imageLimitLabel, m_imageLimit);
    m_metric = new QComboBox(group);
    m_metric->addItem(tr("validation loss"));
    m_metric->addItem(tr("validation accuracy (maximised)"));
    m_metricLabel = new QLabel(tr("Minimise"), group);
    form->addRow(m_metricLabel, m_metric);
    connect(m_objective, &QComboBox::currentIndexChanged, this, &SearchSetupPanel::onObjectiveChanged);
    return group;
}

QWidget *SearchSetupPanel::buildSpaceGroup(JobRunner *runner)
{
    auto *group = new QGroupBox(tr("Search space"), this);
    auto *layout = new QVBoxLayout(group);
    m_spaceTabs = new QTabWidget(group);
    m_form = new SearchSpaceForm(m_spaceTabs);
    m_template = new QPlainTextEdit(m_spaceTabs);
    m_template->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_template->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_template->setPlaceholderText(tr("A model spec whose values may be distributions, e.g. "
                                      "\"units\": {\"choice\": [256, 512]} (see docs/search.md)"));
    m_spaceTabs->addTab(m_form, tr("Form"));
    m_spaceTabs->addTab(m_template, tr("Template (JSON)"));
    m_features = new FeatureSelectionPanel(runner, m_spaceTabs);
    m_features->setObjectName(QStringLiteral("searchFeatures"));
    m_spaceTabs->addTab(m_features, tr("Features of the CSV"));
    m_spaceStatus = new MessageBanner(group);
    // Beside the tabs, not under them: at 1280x720 every line of the form counts.
    m_resetTemplate = new QPushButton(tr("Reset template"), m_spaceTabs);
    m_resetTemplate->setToolTip(tr("Reset to the chapter's template: replaces the template with the chapter's "
                                   "hyperas example (asks first when you have edited it)"));
    connect(m_resetTemplate, &QPushButton::clicked, this, &SearchSetupPanel::resetTemplate);
    m_spaceTabs->setCornerWidget(m_resetTemplate, Qt::TopRightCorner);
    layout->addWidget(m_spaceTabs, 1);
    layout->addWidget(m_spaceStatus);
    return group;
}

QWidget *SearchSetupPanel::buildOptionsGroup()
{
    auto *group = new QGroupBox(tr("Search"), this);
    auto *form = new QFormLayout(group);
    m_sampler = new QComboBox(group);
    m_sampler->addItem(tr("TPE (default)"), QStringLiteral("tpe"));
    m_sampler->addItem(tr("TPE, hyperopt's rules (the chapter)"), QStringLiteral("tpe-hyperopt"));
    m_sampler->addItem(tr("TPE, Optuna-like"), QStringLiteral("tpe-optuna"));
    m_sampler->addItem(tr("Random search"), QStringLiteral("random"));
    form->addRow(tr("Sampler"), m_sampler);
    m_maxEvals = spin(1, 100000, 30, group);
    form->addRow(tr("Trials (budget)"), m_maxEvals);
    connect(m_maxEvals, &QSpinBox::valueChanged, this, &SearchSetupPanel::settingsChanged);
    m_seed = spin(0, 1000000, 42, group);
    form->addRow(tr("Seed"), m_seed);
    m_jobs = spin(1, 64, 1, group);
    m_jobs->setToolTip(tr("Trials evaluated at once in this process"));
    form->addRow(tr("Parallel trials"), m_jobs);
    m_studyName = new QLineEdit(group);
    m_studyName->setPlaceholderText(tr("a new name per study; the same name to resume"));
    m_studyName->setText(QStringLiteral("study-%1").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    form->addRow(tr("Study name"), m_studyName);
    return group;
}

SearchSetupPanel::Objective SearchSetupPanel::objective() const
{
    return Objective(m_objective->currentIndex());
}

void SearchSetupPanel::setObjective(Objective objective)
{
    m_objective->setCurrentIndex(int(objective));
}

QString SearchSetupPanel::templateText() const
{
    return m_template->toPlainText();
}

void SearchSetupPanel::setTemplateText(const QString &text)
{
    if (!m_editorHoldsTrainingTemplate) {
        m_trainingTemplate = text;
        return;
    }
    m_template->setPlainText(text);
    refreshSpace();
}

bool SearchSetupPanel::isTrainingObjective() const
{
    return objective() == Objective::FashionMnist || objective() == Objective::LoadedTable;
}

void SearchSetupPanel::onObjectiveChanged()
{
    if (isTrainingObjective() && !m_editorHoldsTrainingTemplate) {
        m_template->setPlainText(m_trainingTemplate);
        m_editorHoldsTrainingTemplate = true;
    } else if (!isTrainingObjective() && m_editorHoldsTrainingTemplate) {
        m_trainingTemplate = m_template->toPlainText();
        m_editorHoldsTrainingTemplate = false;
    }
    updateObjectiveUi();
    refreshSpace();
    Q_EMIT settingsChanged();
}

void SearchSetupPanel::resetTemplate()
{
    if (!isTrainingObjective())
        return;
    const QString chapter = chapterTemplateText();
    if (m_template->toPlainText().trimmed() == chapter.trimmed())
        return;
    const QString question = tr("Replace the edited template with the chapter's? Your edits are lost.");
    const bool confirmed = m_confirm ? m_confirm(question)
                                     : QMessageBox::question(this, tr("Reset the template"), question)
                                           == QMessageBox::Yes;
    if (!confirmed)
        return;
    m_template->setPlainText(chapter);
    refreshSpace();
}

void SearchSetupPanel::setMaxEvals(int evals) { m_maxEvals->setValue(evals); }
int SearchSetupPanel::maxEvals() const { return m_maxEvals->value(); }
void SearchSetupPanel::setSeed(int seed) { m_seed->setValue(seed); }
void SearchSetupPanel::setJobs(int jobs) { m_jobs->setValue(jobs); }
void SearchSetupPanel::setStudyName(const QString &name) { m_studyName->setText(name); }
QString SearchSetupPanel::studyName() const { return m_studyName->text().trimmed(); }
void SearchSetupPanel::setImageLimit(int images) { m_imageLimit->setValue(images); }

void SearchSetupPanel::setSampler(const QString &sampler)
{
    const int index = m_sampler->findData(sampler);
    if (index >= 0)
        m_sampler->setCurrentIndex(index);
}

void SearchSetupPanel::updateObjectiveUi()
{
    const bool training = objective() == Objective::FashionMnist || objective() == Objective::LoadedTable;
    m_targetLabel->setVisible(objective() == Objective::LoadedTable);
    m_target->setVisible(objective() == Objective::LoadedTable);
    m_imageLimitLabel->setVisible(objective() == Objective::FashionMnist);
    m_imageLimit->setVisible(objective() == Objective::FashionMnist);
    m_metric->setVisible(training);
    m_metricLabel->setVisible(training);
    m_template->setReadOnly(!training);
    m_resetTemplate->setEnabled(training && !chapterTemplateText().isEmpty());
    m_spaceTabs->setTabVisible(m_spaceTabs->indexOf(m_features), objective() == Objective::LoadedTable);
}

void SearchSetupPanel::onDatasetChanged()
{
    const QString previous = m_target->currentText();
    m_target->clear();
    const LoadedTable &loaded = m_dataset->current();
    m_features->setTable(loaded.table);
    if (!loaded.table)
        return;
    for (const Column &column : loaded.table->columns())
        m_target->addItem(QString::fromStdString(column.name()));
    const int index = m_target->findText(previous);
    m_target->setCurrentIndex(index >= 0 ? index : m_target->count() - 1);
    m_features->setTarget(m_target->currentText());
}

Result<SearchSpace> SearchSetupPanel::space() const
{
    if (const char *name = testFunctionName(objective())) {
        auto function = TestFunction::create(name);
        if (!function.isOk())
            return function.status();
        return function.value()->space();
    }
    return SearchSpace::fromTemplateText(templateText().toStdString(), tr("template").toStdString());
}

void SearchSetupPanel::refreshSpace()
{
    const auto parsed = space();
    if (!parsed.isOk()) {
        m_spaceStatus->showMessage(QString::fromStdString(parsed.message()), MessageBanner::Kind::Error);
        return;
    }
    m_form->setSpace(parsed.value());
    m_spaceStatus->showMessage(tr("%n hyperparameter(s)", nullptr, parsed.value().size()), MessageBanner::Kind::Info);
    if (testFunctionName(objective()))
        m_template->setPlainText(QString::fromStdString(parsed.value().describe().dump(2)));
}

void SearchSetupPanel::onDistributionEdited(const QString &path, const nlohmann::json &distribution)
{
    Result<nlohmann::json> parsed = JsonReader::parse(templateText().toStdString(), "template");
    if (!parsed.isOk())
        return;
    nlohmann::json document = parsed.takeValue();
    const Status replaced = TemplatePath::replace(document, path.toStdString(), distribution);
    if (!replaced.isOk()) {
        m_spaceStatus->showMessage(QString::fromStdString(replaced.message()), MessageBanner::Kind::Error);
        return;
    }
    const auto reparsed = SearchSpace::fromTemplate(document);
    if (!reparsed.isOk()) {
        m_spaceStatus->showMessage(QString::fromStdString(reparsed.message()), MessageBanner::Kind::Error);
        return; // the template keeps its last valid text; the form shows the rejected row until fixed
    }
    const QSignalBlocker blocker(m_template);
    m_template->setPlainText(QString::fromStdString(document.dump(2)));
    m_spaceStatus->showMessage(tr("%n hyperparameter(s)", nullptr, reparsed.value().size()), MessageBanner::Kind::Info);
}

Result<SearchRequest> SearchSetupPanel::request(const QString &storage, bool resume) const
{
    SearchRequest request;
    request.storage = storage;
    request.resume = resume;
    request.studyName = studyName();
    if (request.studyName.isEmpty())
        return Status::invalidInput(tr("Study name: give the study a name").toStdString());
    request.sampler = m_sampler->currentData().toString();
    request.seed = m_seed->value();
    request.maxEvals = m_maxEvals->value();
    request.jobs = m_jobs->value();
    if (const char *name = testFunctionName(objective())) {
        request.kind = SearchRequest::Kind::TestFunction;
        request.testFunction = QString::fromLatin1(name);
        return request;
    }
    const auto parsed = space();
    if (!parsed.isOk())
        return Status::invalidInput(tr("Template: %1").arg(QString::fromStdString(parsed.message())).toStdString());
    request.kind = SearchRequest::Kind::Training;
    request.templateJson = templateText();
    request.loss = m_metric->currentIndex() == 0 ? TrainingLoss::ValidationLoss : TrainingLoss::ValidationAccuracy;
    request.data.workspace = storage;
    if (objective() == Objective::FashionMnist) {
        request.data.source = TrainRequest::Source::FashionMnist;
        request.data.imageLimit = std::size_t(m_imageLimit->value());
        return request;
    }
    const LoadedTable &loaded = m_dataset->current();
    if (!loaded.table)
        return Status::invalidInput(tr("No CSV is loaded: open one on the Data page first").toStdString());
    if (m_target->currentText().isEmpty())
        return Status::invalidInput(tr("Choose the target column to predict").toStdString());
    request.data.source = TrainRequest::Source::Table;
    request.data.table = loaded.table;
    request.data.tableName = QFileInfo(loaded.path).fileName().toStdString();
    request.data.tablePath = QFileInfo(loaded.path).absoluteFilePath(); // loaded with default CsvOptions
    request.data.datasetId = loaded.datasetId;
    request.data.target = m_target->currentText().toStdString();
    m_features->applyTo(request.data);
    return request;
}

} // namespace loupe
