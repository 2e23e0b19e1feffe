#include "ui/checks/SuiteTestForm.h"

#include "ui/common/MessageBanner.h"

#include "core/checks/AssertionRegistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpacerItem>
#include <QTableWidget>
#include <QVBoxLayout>

namespace loupe {

namespace {

using Json = nlohmann::ordered_json;

// Keys the form shows in their own fields; everything else is an assertion parameter.
bool isFormKey(const std::string &key)
{
    static const char *const kKeys[] = {"name", "assert", "column", "columns", "severity", "mostly", "locals", "note"};
    for (const char *known : kKeys)
        if (key == known)
            return true;
    return false;
}

} // namespace

SuiteTestForm::SuiteTestForm(QWidget *parent) : QWidget(parent)
{
    buildUi();
}

void SuiteTestForm::buildUi()
{
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    // A narrow form (the Checks page at 1280x720) puts a field under its label instead of cutting it.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("e.g. old_age"));
    form->addRow(tr("&Name:"), m_name);
    m_assertion = new QComboBox(this);
    m_assertion->setEditable(true);
    for (const std::string &name : AssertionRegistry::builtin().names())
        m_assertion->addItem(QString::fromStdString(name));
    form->addRow(tr("&Assertion:"), m_assertion);
    m_columns = new QLineEdit(this);
    m_columns->setPlaceholderText(tr("one column, or several separated by commas"));
    form->addRow(tr("&Column(s):"), m_columns);
    m_parametersEdit = new QPlainTextEdit(this);
    m_parametersEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_parametersEdit->setPlaceholderText(tr("{\"target\": \"{earliest_birth}\"}"));
    m_parametersEdit->setMaximumHeight(90);
    m_parametersError = new MessageBanner(this);
    auto *parameters = new QVBoxLayout;
    parameters->addWidget(m_parametersEdit);
    parameters->addWidget(m_parametersError);
    form->addRow(tr("Parameters:"), parameters);
    m_severity = new QComboBox(this);
    m_severity->addItem(tr("error — fails the run"), QStringLiteral("error"));
    m_severity->addItem(tr("warn — reported, run stays OK"), QStringLiteral("warn"));
    form->addRow(tr("&Severity:"), m_severity);
    m_mostlyEnabled = new QCheckBox(tr("pass when at least"), this);
    m_mostly = new QDoubleSpinBox(this);
    m_mostly->setRange(0.0, 1.0);
    m_mostly->setDecimals(4);
    m_mostly->setSingleStep(0.01);
    m_mostly->setValue(0.95);
    m_mostly->setEnabled(false);
    const QString mostlyHelp = tr("The test passes when at least this share of the values pass (marbles' mostly)");
    m_mostlyEnabled->setToolTip(mostlyHelp);
    m_mostly->setToolTip(mostlyHelp);
    auto *mostly = new QHBoxLayout;
    mostly->addWidget(m_mostlyEnabled);
    mostly->addWidget(m_mostly);
    mostly->addStretch(1);
    form->addRow(tr("Mostly:"), mostly);
    m_locals = new QTableWidget(0, 2, this);
    m_locals->setHorizontalHeaderLabels({tr("Local"), tr("Expression")});
    m_locals->horizontalHeader()->setStretchLastSection(true);
    // The names as wide as they are, the expressions in the rest: both headers stay readable in a narrow form.
    m_locals->horizontalHeader()->setMinimumSectionSize(40);
    m_locals->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_locals->verticalHeader()->hide();
    m_locals->setMinimumHeight(110);
    m_locals->setMaximumHeight(170);
    auto *addLocalButton = new QPushButton(tr("Add local"), this);
    auto *removeLocalButton = new QPushButton(tr("Remove local"), this);
    auto *localButtons = new QHBoxLayout;
    localButtons->addWidget(addLocalButton);
    localButtons->addWidget(removeLocalButton);
    localButtons->addStretch(1);
    auto *locals = new QVBoxLayout;
    locals->addWidget(m_locals);
    locals->addLayout(localButtons);
    form->addRow(tr("Locals:"), locals);
    m_note = new QLineEdit(this);
    m_note->setPlaceholderText(tr("shown when the test fails; {local} fields are filled in"));
    form->addRow(tr("N&ote:"), m_note);
    form->addItem(new QSpacerItem(0, 0, QSizePolicy::Minimum, QSizePolicy::Expanding));

    const auto changed = [this] {
        if (!m_loading)
            emit edited();
    };
    connect(m_name, &QLineEdit::textEdited, this, changed);
    connect(m_assertion, &QComboBox::currentTextChanged, this, changed);
    connect(m_columns, &QLineEdit::textEdited, this, changed);
    connect(m_parametersEdit, &QPlainTextEdit::textChanged, this, &SuiteTestForm::onParametersChanged);
    connect(m_severity, &QComboBox::currentIndexChanged, this, changed);
    connect(m_mostlyEnabled, &QCheckBox::toggled, m_mostly, &QWidget::setEnabled);
    connect(m_mostlyEnabled, &QCheckBox::toggled, this, changed);
    connect(m_mostly, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_locals, &QTableWidget::itemChanged, this, changed);
    connect(m_note, &QLineEdit::textEdited, this, changed);
    connect(addLocalButton, &QPushButton::clicked, this, &SuiteTestForm::addLocal);
    connect(removeLocalButton, &QPushButton::clicked, this, &SuiteTestForm::removeLocal);
}

void SuiteTestForm::setTest(const Json &test)
{
    m_loading = true;
    m_name->setText(QString::fromStdString(test.value("name", std::string())));
    m_assertion->setCurrentText(QString::fromStdString(test.value("assert", std::string())));
    QStringList columns;
    if (test.contains("column") && test["column"].is_string())
        columns << QString::fromStdString(test["column"].get<std::string>());
    if (test.contains("columns") && test["columns"].is_array())
        for (const Json &column : test["columns"])
            if (column.is_string())
                columns << QString::fromStdString(column.get<std::string>());
    m_columns->setText(columns.join(QStringLiteral(", ")));
    m_parameters = Json::object();
    for (auto it = test.begin(); it != test.end(); ++it)
        if (!isFormKey(it.key()))
            m_parameters[it.key()] = it.value();
    m_parametersEdit->setPlainText(m_parameters.empty() ? QString() : QString::fromStdString(m_parameters.dump(2)));
    m_parametersError->clear();
    m_severity->setCurrentIndex(test.value("severity", std::string("error")) == "error" ? 0 : 1);
    const bool hasMostly = test.contains("mostly") && test["mostly"].is_number();
    m_mostlyEnabled->setChecked(hasMostly);
    m_mostly->setEnabled(hasMostly);
    if (hasMostly)
        m_mostly->setValue(test["mostly"].get<double>());
    m_locals->setRowCount(0);
    if (test.contains("locals") && test["locals"].is_object())
        for (auto it = test["locals"].begin(); it != test["locals"].end(); ++it) {
            const int row = m_locals->rowCount();
            m_locals->insertRow(row);
            m_locals->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(it.key())));
            m_locals->setItem(row, 1, new QTableWidgetItem(it.value().is_string() ? QString::fromStdString(it.value().get<std::string>())
                                                                                   : QString::fromStdString(it.value().dump())));
        }
    m_note->setText(QString::fromStdString(test.value("note", std::string())));
    m_loading = false;
}

Json SuiteTestForm::test() const
{
    Json test = Json::object();
    test["name"] = m_name->text().trimmed().toStdString();
    test["assert"] = m_assertion->currentText().trimmed().toStdString();
    QStringList columns;
    for (const QString &column : m_columns->text().split(QLatin1Char(',')))
        if (!column.trimmed().isEmpty())
            columns << column.trimmed();
    if (columns.size() == 1)
        test["column"] = columns.front().toStdString();
    else if (columns.size() > 1) {
        test["columns"] = Json::array();
        for (const QString &column : columns)
            test["columns"].push_back(column.toStdString());
    }
    for (auto it = m_parameters.begin(); it != m_parameters.end(); ++it)
        if (!isFormKey(it.key()))
            test[it.key()] = it.value();
    if (m_locals->rowCount() > 0) {
        Json locals = Json::object();
        for (int row = 0; row < m_locals->rowCount(); ++row) {
            const QTableWidgetItem *name = m_locals->item(row, 0);
            const QTableWidgetItem *expression = m_locals->item(row, 1);
            if (name && !name->text().trimmed().isEmpty())
                locals[name->text().trimmed().toStdString()] = expression ? expression->text().toStdString() : "";
        }
        test["locals"] = locals;
    }
    if (!m_note->text().isEmpty())
        test["note"] = m_note->text().toStdString();
    if (m_severity->currentIndex() == 1)
        test["severity"] = "warn";
    if (m_mostlyEnabled->isChecked())
        test["mostly"] = m_mostly->value();
    return test;
}

QString SuiteTestForm::parameterError() const
{
    return m_parametersError->text();
}

void SuiteTestForm::onParametersChanged()
{
    if (m_loading)
        return;
    const std::string text = m_parametersEdit->toPlainText().trimmed().toStdString();
    Json parsed = Json::object();
    if (!text.empty()) {
        parsed = Json::parse(text, nullptr, false);
        if (parsed.is_discarded() || !parsed.is_object()) {
            m_parametersError->showMessage(tr("Parameters must be a JSON object such as {\"min\": 0, \"max\": 10}; "
                                              "the last valid parameters are kept."),
                                           MessageBanner::Kind::Error);
            return;
        }
    }
    m_parametersError->clear();
    m_parameters = parsed;
    emit edited();
}

void SuiteTestForm::addLocal()
{
    const int row = m_locals->rowCount();
    m_loading = true;
    m_locals->insertRow(row);
    m_locals->setItem(row, 0, new QTableWidgetItem(QStringLiteral("local%1").arg(row + 1)));
    m_locals->setItem(row, 1, new QTableWidgetItem(QStringLiteral("days(30)")));
    m_loading = false;
    m_locals->editItem(m_locals->item(row, 0));
    emit edited();
}

void SuiteTestForm::removeLocal()
{
    const int row = m_locals->currentRow();
    if (row < 0)
        return;
    m_locals->removeRow(row);
    emit edited();
}

} // namespace loupe
