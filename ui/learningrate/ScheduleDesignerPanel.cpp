#include "ui/learningrate/ScheduleDesignerPanel.h"

#include "core/util/JsonReader.h"
#include "ui/learningrate/ScheduleJsonEditor.h"
#include "ui/learningrate/SchedulePreviewPlot.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace loupe {

namespace {

struct KindEntry {
    ScheduleKind kind;
    const char *label;
};

const KindEntry s_kinds[] = {
    {ScheduleKind::Constant, QT_TRANSLATE_NOOP("ScheduleDesignerPanel", "constant")},
    {ScheduleKind::Cosine, QT_TRANSLATE_NOOP("ScheduleDesignerPanel", "cosine (the chapter's anneal)")},
    {ScheduleKind::CosineCyclic, QT_TRANSLATE_NOOP("ScheduleDesignerPanel", "cosine with restarts (cyclic)")},
    {ScheduleKind::WarmRestarts, QT_TRANSLATE_NOOP("ScheduleDesignerPanel", "SGDR (warm restarts)")},
    {ScheduleKind::StepDecay, QT_TRANSLATE_NOOP("ScheduleDesignerPanel", "step decay")},
    {ScheduleKind::Exponential, QT_TRANSLATE_NOOP("ScheduleDesignerPanel", "exponential")},
    {ScheduleKind::OneCycle, QT_TRANSLATE_NOOP("ScheduleDesignerPanel", "one-cycle")},
};

constexpr int s_defaultPreviewLength = 20;
constexpr std::int64_t s_defaultOneCycleSteps = 100;

// A field's text as JSON: a number, true/false, or else the text as a string
// ("cos", "linear").
nlohmann::json fieldValue(const QString &text)
{
    const std::string trimmed = text.trimmed().toStdString();
    nlohmann::json value = JsonReader::parseOrNull(trimmed);
    if (!(value.is_number() || value.is_boolean()))
        return trimmed;
    return value;
}

QString fieldText(const nlohmann::ordered_json &value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    return QString::fromStdString(value.dump());
}

} // namespace

ScheduleDesignerPanel::ScheduleDesignerPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildControls());
    m_plot = new SchedulePreviewPlot(splitter);
    m_plot->setObjectName(QStringLiteral("schedulePreview"));
    splitter->addWidget(m_plot);
    connect(m_plot, &SchedulePreviewPlot::stepClicked, this, &ScheduleDesignerPanel::updateUseRateButton);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({360, 900});
    layout->addWidget(splitter);
    rebuildParameterFields();
}

QWidget *ScheduleDesignerPanel::buildControls()
{
    auto *box = new QWidget(this);
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    auto *group = new QGroupBox(tr("Schedule"), box);
    auto *form = new QFormLayout(group);
    m_kind = new QComboBox(group);
    m_kind->setObjectName(QStringLiteral("scheduleKind"));
    for (const KindEntry &entry : s_kinds)
        m_kind->addItem(tr(entry.label), int(entry.kind));
    m_kind->setCurrentIndex(1);
    form->addRow(tr("Kind"), m_kind);
    m_unit = new QComboBox(group);
    m_unit->addItem(tr("per epoch"), int(ScheduleUnit::Epoch));
    m_unit->addItem(tr("per step"), int(ScheduleUnit::Step));
    form->addRow(tr("t counts"), m_unit);
    m_warmup = new QSpinBox(group);
    m_warmup->setRange(0, 1000000);
    m_warmup->setSpecialValueText(tr("none"));
    m_warmup->setToolTip(tr("Linear warm-up from 0 over this many epochs or steps"));
    form->addRow(tr("Warm-up"), m_warmup);
    m_length = new QSpinBox(group);
    m_length->setRange(1, 100000);
    m_length->setValue(s_defaultPreviewLength);
    form->addRow(tr("Preview length"), m_length);
    m_logScale = new QCheckBox(tr("Logarithmic rate axis"), group);
    form->addRow(QString(), m_logScale);
    column->addWidget(group);

    auto *parameters = new QGroupBox(tr("Parameters"), box);
    m_parameterForm = new QFormLayout(parameters);
    column->addWidget(parameters);

    auto *jsonGroup = new QGroupBox(tr("As JSON — copy it, or paste a schedule (loupe-cli train --schedule)"), box);
    auto *jsonLayout = new QVBoxLayout(jsonGroup);
    m_json = new ScheduleJsonEditor(jsonGroup);
    jsonLayout->addWidget(m_json);
    column->addWidget(jsonGroup);
    connect(m_json, &ScheduleJsonEditor::scheduleEdited, this, &ScheduleDesignerPanel::setSchedule);
    connect(m_json, &ScheduleJsonEditor::validityChanged, this, &ScheduleDesignerPanel::updateUseButton);
    m_use = new QPushButton(tr("Use for training"), box);
    m_use->setObjectName(QStringLiteral("useScheduleButton"));
    m_use->setToolTip(tr("Send this schedule to the Train page; the next run there trains with it"));
    column->addWidget(m_use);
    connect(m_use, &QPushButton::clicked, this, [this] {
        const auto parsed = spec();
        if (parsed.isOk())
            Q_EMIT scheduleChosen(parsed.value());
    });
    m_useRate = new QPushButton(box);
    m_useRate->setObjectName(QStringLiteral("usePickedRateButton"));
    m_useRate->setToolTip(tr("Send the rate picked on the preview to the Train page as a constant learning rate"));
    column->addWidget(m_useRate);
    connect(m_useRate, &QPushButton::clicked, this, [this] {
        const int t = m_plot->selectedStep();
        if (t >= 0)
            Q_EMIT learningRateChosen(m_plot->rates()[t]);
    });
    column->addStretch(1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ScheduleDesignerPanel::rebuildParameterFields);
    connect(m_unit, &QComboBox::currentIndexChanged, this, &ScheduleDesignerPanel::updatePreview);
    connect(m_warmup, &QSpinBox::valueChanged, this, &ScheduleDesignerPanel::updatePreview);
    connect(m_length, &QSpinBox::valueChanged, this, &ScheduleDesignerPanel::updatePreview);
    connect(m_logScale, &QCheckBox::toggled, this, [this](bool on) {
        m_plot->setScale(on ? SchedulePreviewPlot::Scale::Logarithmic : SchedulePreviewPlot::Scale::Linear);
    });
    return box;
}

void ScheduleDesignerPanel::rebuildParameterFields()
{
    while (m_parameterForm->rowCount() > 0)
        m_parameterForm->removeRow(0);
    m_fields.clear();
    const ScheduleKind current = kind();
    ScheduleSpec defaults = ScheduleSpec::defaults(current);
    if (current == ScheduleKind::OneCycle && defaults.oneCycle.totalSteps <= 0)
        defaults.oneCycle.totalSteps = s_defaultOneCycleSteps;
    const nlohmann::ordered_json values = defaults.toJson();
    for (const std::string &key : ScheduleSpec::parameterNames(current)) {
        if (key == "warmup" || key == "per")
            continue;
        auto *field = new QLineEdit(fieldText(values.value(key, nlohmann::ordered_json())), this);
        const QString name = QString::fromStdString(key);
        field->setObjectName(QStringLiteral("schedule_") + name);
        m_parameterForm->addRow(name, field);
        m_fields.insert(name, field);
        connect(field, &QLineEdit::textChanged, this, &ScheduleDesignerPanel::updatePreview);
    }
    updatePreview();
}

ScheduleKind ScheduleDesignerPanel::kind() const { return ScheduleKind(m_kind->currentData().toInt()); }

void ScheduleDesignerPanel::setKind(ScheduleKind kind)
{
    const int index = m_kind->findData(int(kind));
    if (index == m_kind->currentIndex())
        rebuildParameterFields();
    else
        m_kind->setCurrentIndex(index);
}

bool ScheduleDesignerPanel::setParameter(const QString &key, const QString &text)
{
    QLineEdit *field = m_fields.value(key);
    if (!field)
        return false;
    field->setText(text);
    return true;
}

void ScheduleDesignerPanel::setUnit(ScheduleUnit unit) { m_unit->setCurrentIndex(m_unit->findData(int(unit))); }

void ScheduleDesignerPanel::setWarmup(int warmup) { m_warmup->setValue(warmup); }

void ScheduleDesignerPanel::setSchedule(const ScheduleSpec &schedule)
{
    const bool fromJson = sender() == m_json;
    m_applyingJson = fromJson;
    setKind(schedule.kind); // the kind's fields, with its defaults
    const nlohmann::ordered_json values = schedule.toJson();
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        if (values.contains(it.key().toStdString()))
            it.value()->setText(fieldText(values.at(it.key().toStdString())));
    setUnit(schedule.unit);
    setWarmup(int(std::min<std::int64_t>(schedule.warmup, m_warmup->maximum())));
    updatePreview();
    m_applyingJson = false;
}
void ScheduleDesignerPanel::setPreviewLength(int count) { m_length->setValue(count); }

Result<ScheduleSpec> ScheduleDesignerPanel::spec() const
{
    nlohmann::json object;
    object["name"] = scheduleKindName(kind());
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        object[it.key().toStdString()] = fieldValue(it.value()->text());
    object["warmup"] = m_warmup->value();
    object["per"] = scheduleUnitName(ScheduleUnit(m_unit->currentData().toInt()));
    return ScheduleSpec::fromJson(object);
}

void ScheduleDesignerPanel::updatePreview()
{
    if (!m_plot || !m_json || !m_use)
        return;
    const auto parsed = spec();
    if (!parsed.isOk()) {
        m_plot->showMessage(QString::fromStdString(parsed.message()));
        if (!m_applyingJson)
            m_json->clearSchedule();
        updateUseButton();
        Q_EMIT scheduleChanged();
        return;
    }
    const std::vector<double> rates = parsed.value().build()->sample(m_length->value());
    const QString unit = parsed.value().unit == ScheduleUnit::Epoch ? tr("epoch") : tr("step");
    m_plot->setRates(QVector<double>(rates.begin(), rates.end()), unit);
    if (!m_applyingJson)
        m_json->showSchedule(parsed.value());
    updateUseButton();
    Q_EMIT scheduleChanged();
}

void ScheduleDesignerPanel::updateUseButton()
{
    m_use->setEnabled(spec().isOk() && m_json->isValid());
    updateUseRateButton();
}

void ScheduleDesignerPanel::updateUseRateButton()
{
    const int t = m_plot ? m_plot->selectedStep() : -1;
    m_useRate->setEnabled(t >= 0);
    if (t < 0) {
        m_useRate->setText(tr("Click the preview to pick one rate"));
        return;
    }
    const QString unit = spec().isOk() && spec().value().unit == ScheduleUnit::Step ? tr("step") : tr("epoch");
    m_useRate->setText(tr("Use the rate at %1 %2 (%3) for training")
                           .arg(unit)
                           .arg(t)
                           .arg(QString::number(m_plot->rates()[t], 'e', 2)));
}

} // namespace loupe
