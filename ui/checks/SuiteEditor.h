#pragma once
// Edits a suite two ways, kept in sync: a form (suite name and description, the list of tests, and a
// SuiteTestForm for the selected test) and the raw JSON text. A form edit rewrites the JSON text; a JSON
// edit that parses as a suite object refreshes the form, and one that does not is reported under the text
// (the form keeps the last valid suite). Checking the suite against the assertions is the page's job
// (SuiteParser), so the editor accepts any JSON object.

#include <nlohmann/json.hpp>

#include <QWidget>

class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QTabWidget;

namespace loupe {

class MessageBanner;
class SuiteTestForm;

class SuiteEditor : public QWidget {
    Q_OBJECT
public:
    enum class Tab { Form, Json };

    explicit SuiteEditor(QWidget *parent = nullptr);

    // Replaces the suite with `text`. ensures: an empty string when it is a JSON object, else why not
    // (then the text is still shown in the JSON tab, and the form is emptied).
    QString setSuiteText(const QString &text);
    // The suite as JSON text: the JSON tab's text as typed when it is the current tab, else the form's.
    QString suiteText() const;
    // Starts a new suite with one example test.
    void newSuite();

    void showTab(Tab tab);
    int testCount() const;
    void selectTest(int index);
    QString jsonError() const;

    SuiteTestForm *testForm() const { return m_testForm; }
    QPlainTextEdit *jsonEdit() const { return m_jsonEdit; }
    QListWidget *testList() const { return m_testList; }

Q_SIGNALS:
    void suiteEdited();

private:
    QWidget *buildFormTab();
    void refreshForm();
    void refreshJsonText();
    void onTestEdited();
    void onJsonEdited();
    void onSuiteFieldsEdited();
    void addTest();
    void removeTest();
    void onCurrentTestChanged(int row);

    nlohmann::ordered_json m_suite;
    bool m_syncing = false;
    int m_currentTest = -1;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_suiteName = nullptr;
    QLineEdit *m_description = nullptr;
    QListWidget *m_testList = nullptr;
    SuiteTestForm *m_testForm = nullptr;
    QPlainTextEdit *m_jsonEdit = nullptr;
    MessageBanner *m_jsonError = nullptr;
};

} // namespace loupe
