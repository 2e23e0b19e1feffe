#include "ui/checks/SuiteEditor.h"

#include "ui/checks/SuiteTestForm.h"
#include "ui/common/MessageBanner.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace loupe {

namespace {

using Json = nlohmann::ordered_json;

QString dumpJson(const Json &json)
{
    return QString::fromStdString(json.dump(2, ' ', false, Json::error_handler_t::replace)) + QLatin1Char('\n');
}

Json exampleTest()
{
    return Json{{"name", "positive_amount"}, {"assert", "between"}, {"column", "amount"}, {"min", 0}, {"max", 10000}};
}

} // namespace

SuiteEditor::SuiteEditor(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildFormTab(), tr("Form"));
    auto *jsonTab = new QWidget(this);
    auto *jsonLayout = new QVBoxLayout(jsonTab);
    m_jsonEdit = new QPlainTextEdit(jsonTab);
    m_jsonEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_jsonEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_jsonError = new MessageBanner(jsonTab);
    jsonLayout->addWidget(m_jsonEdit, 1);
    jsonLayout->addWidget(m_jsonError);
    m_tabs->addTab(jsonTab, tr("JSON"));
    layout->addWidget(m_tabs);
    connect(m_jsonEdit, &QPlainTextEdit::textChanged, this, &SuiteEditor::onJsonEdited);
    newSuite();
}

QWidget *SuiteEditor::buildFormTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    auto *header = new QFormLayout;
    m_suiteName = new QLineEdit(tab);
    m_description = new QLineEdit(tab);
    header->addRow(tr("Suite:"), m_suiteName);
    header->addRow(tr("Description:"), m_description);
    layout->addLayout(header);

    auto *splitter = new QSplitter(Qt::Horizontal, tab);
    auto *listSide = new QWidget(splitter);
    auto *listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(new QLabel(tr("Tests:"), listSide));
    m_testList = new QListWidget(listSide);
    listLayout->addWidget(m_testList, 1);
    auto *buttons = new QHBoxLayout;
    auto *addButton = new QPushButton(tr("Add"), listSide);
    auto *removeButton = new QPushButton(tr("Remove"), listSide);
    buttons->addWidget(addButton);
    buttons->addWidget(removeButton);
    listLayout->addLayout(buttons);
    auto *scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_testForm = new SuiteTestForm(scroll);
    scroll->setWidget(m_testForm);
    splitter->addWidget(listSide);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({160, 480});
    layout->addWidget(splitter, 1);

    connect(m_testList, &QListWidget::currentRowChanged, this, &SuiteEditor::onCurrentTestChanged);
    connect(m_testForm, &SuiteTestForm::edited, this, &SuiteEditor::onTestEdited);
    connect(m_suiteName, &QLineEdit::textEdited, this, &SuiteEditor::onSuiteFieldsEdited);
    connect(m_description, &QLineEdit::textEdited, this, &SuiteEditor::onSuiteFieldsEdited);
    connect(addButton, &QPushButton::clicked, this, &SuiteEditor::addTest);
    connect(removeButton, &QPushButton::clicked, this, &SuiteEditor::removeTest);
    return tab;
}

void SuiteEditor::newSuite()
{
    m_suite = Json{{"suite", "my_suite"}, {"description", ""}, {"tests", Json::array({exampleTest()})}};
    m_currentTest = -1;
    refreshForm();
    refreshJsonText();
}

QString SuiteEditor::setSuiteText(const QString &text)
{
    Json parsed = Json::parse(text.toStdString(), nullptr, false);
    m_syncing = true;
    m_jsonEdit->setPlainText(text);
    m_syncing = false;
    m_currentTest = -1;
    if (parsed.is_discarded() || !parsed.is_object()) {
        m_suite = Json{{"suite", ""}, {"tests", Json::array()}};
        refreshForm();
        m_jsonError->showMessage(tr("Not a JSON object; fix it in the JSON tab."), MessageBanner::Kind::Error);
        return m_jsonError->text();
    }
    m_suite = parsed;
    m_jsonError->clear();
    refreshForm();
    return QString();
}

QString SuiteEditor::suiteText() const
{
    if (m_tabs->currentIndex() == int(Tab::Json))
        return m_jsonEdit->toPlainText();
    return dumpJson(m_suite);
}

void SuiteEditor::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

int SuiteEditor::testCount() const
{
    return m_suite.contains("tests") && m_suite["tests"].is_array() ? int(m_suite["tests"].size()) : 0;
}

void SuiteEditor::selectTest(int index)
{
    m_testList->setCurrentRow(index);
}

QString SuiteEditor::jsonError() const
{
    return m_jsonError->text();
}

void SuiteEditor::refreshForm()
{
    m_syncing = true;
    m_suiteName->setText(QString::fromStdString(m_suite.value("suite", std::string())));
    m_description->setText(QString::fromStdString(m_suite.value("description", std::string())));
    const int keep = m_currentTest;
    m_testList->clear();
    for (int i = 0; i < testCount(); ++i) {
        const Json &test = m_suite["tests"][std::size_t(i)];
        const QString name = test.is_object() ? QString::fromStdString(test.value("name", std::string())) : QString();
        const QString assertion = test.is_object() ? QString::fromStdString(test.value("assert", std::string())) : QString();
        m_testList->addItem(QStringLiteral("%1 (%2)").arg(name.isEmpty() ? tr("unnamed") : name, assertion));
    }
    m_syncing = false;
    const int row = testCount() == 0 ? -1 : std::clamp(keep, 0, testCount() - 1);
    m_currentTest = -1;
    m_testList->setCurrentRow(row);
    m_testForm->setEnabled(row >= 0);
    if (row < 0)
        m_testForm->setTest(Json::object());
}

void SuiteEditor::refreshJsonText()
{
    m_syncing = true;
    m_jsonEdit->setPlainText(dumpJson(m_suite));
    m_jsonError->clear();
    m_syncing = false;
}

void SuiteEditor::onCurrentTestChanged(int row)
{
    if (m_syncing)
        return;
    m_currentTest = row;
    if (row >= 0 && row < testCount() && m_suite["tests"][std::size_t(row)].is_object())
        m_testForm->setTest(m_suite["tests"][std::size_t(row)]);
}

void SuiteEditor::onTestEdited()
{
    if (m_currentTest < 0 || m_currentTest >= testCount())
        return;
    const Json test = m_testForm->test();
    m_suite["tests"][std::size_t(m_currentTest)] = test;
    if (QListWidgetItem *item = m_testList->item(m_currentTest))
        item->setText(QStringLiteral("%1 (%2)").arg(QString::fromStdString(test.value("name", std::string())),
                                                    QString::fromStdString(test.value("assert", std::string()))));
    refreshJsonText();
    emit suiteEdited();
}

void SuiteEditor::onSuiteFieldsEdited()
{
    m_suite["suite"] = m_suiteName->text().toStdString();
    if (m_description->text().isEmpty())
        m_suite.erase("description");
    else
        m_suite["description"] = m_description->text().toStdString();
    refreshJsonText();
    emit suiteEdited();
}

void SuiteEditor::onJsonEdited()
{
    if (m_syncing)
        return;
    const std::string text = m_jsonEdit->toPlainText().toStdString();
    Json parsed = Json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
        std::string why = "not a JSON object";
        try {
            const Json strict = Json::parse(text);
            why = strict.is_object() ? why : std::string("the top level must be a JSON object");
        } catch (const Json::parse_error &error) {
            why = error.what();
        }
        m_jsonError->showMessage(tr("The form shows the last valid suite: %1").arg(QString::fromStdString(why)),
                                 MessageBanner::Kind::Error);
        return;
    }
    m_jsonError->clear();
    m_suite = parsed;
    refreshForm();
    emit suiteEdited();
}

void SuiteEditor::addTest()
{
    if (!m_suite.contains("tests") || !m_suite["tests"].is_array())
        m_suite["tests"] = Json::array();
    Json test = exampleTest();
    test["name"] = "test_" + std::to_string(testCount() + 1);
    m_suite["tests"].push_back(test);
    m_currentTest = testCount() - 1;
    refreshForm();
    refreshJsonText();
    emit suiteEdited();
}

void SuiteEditor::removeTest()
{
    if (m_currentTest < 0 || m_currentTest >= testCount())
        return;
    m_suite["tests"].erase(std::size_t(m_currentTest));
    refreshForm();
    refreshJsonText();
    emit suiteEdited();
}

} // namespace loupe
