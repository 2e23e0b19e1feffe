#pragma once
// The form for one test of a suite: name, assertion, column(s), the assertion's other parameters (as a
// JSON object), severity, mostly, locals (name = expression rows) and the note. Edits one JSON test object
// (docs/checks.md); emits edited() after every change the user makes.

#include <nlohmann/json.hpp>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

namespace loupe {

class MessageBanner;

class SuiteTestForm : public QWidget {
    Q_OBJECT
public:
    explicit SuiteTestForm(QWidget *parent = nullptr);

    // Shows `test` (a JSON object); emits nothing.
    void setTest(const nlohmann::ordered_json &test);
    // The test as the form holds it. When the parameters box is not a JSON object, the last valid
    // parameters are kept and parameterError() says why.
    nlohmann::ordered_json test() const;
    QString parameterError() const;

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *assertionBox() const { return m_assertion; }
    QLineEdit *columnsEdit() const { return m_columns; }
    QTableWidget *localsTable() const { return m_locals; }
    QLineEdit *noteEdit() const { return m_note; }

Q_SIGNALS:
    void edited();

private:
    void buildUi();
    void onParametersChanged();
    void addLocal();
    void removeLocal();

    bool m_loading = false;
    nlohmann::ordered_json m_parameters = nlohmann::ordered_json::object();
    QLineEdit *m_name = nullptr;
    QComboBox *m_assertion = nullptr;
    QLineEdit *m_columns = nullptr;
    QPlainTextEdit *m_parametersEdit = nullptr;
    MessageBanner *m_parametersError = nullptr;
    QComboBox *m_severity = nullptr;
    QCheckBox *m_mostlyEnabled = nullptr;
    QDoubleSpinBox *m_mostly = nullptr;
    QTableWidget *m_locals = nullptr;
    QLineEdit *m_note = nullptr;
};

} // namespace loupe
