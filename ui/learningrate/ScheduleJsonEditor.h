#pragma once
// The schedule designer's JSON box: the current schedule in the form `loupe-cli train --schedule` and
// `loupe-cli schedule` take (ScheduleSpec::toJson, one line), to copy (a Copy button, or select and copy),
// and to paste or type into: every edit is read at once, and a schedule that reads sets the designer's form
// (scheduleEdited); one that does not shows why under the box, with the line and column of the fault
// ("line 1, column 12: ..."), and leaves the form as it was.
// Reading: JsonReader (syntax, limits), then duplicate keys (JsonPositionIndex, which nlohmann would
// silently collapse), then ScheduleSpec::fromJson, whose messages start with the key; the key's position
// in the text is put in front.

#include "core/optim/ScheduleSpec.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace loupe {

class ScheduleJsonEditor : public QWidget {
    Q_OBJECT
public:
    explicit ScheduleJsonEditor(QWidget *parent = nullptr);

    // Shows `schedule` as JSON (replacing the text; no scheduleEdited) and clears any error.
    void showSchedule(const ScheduleSpec &schedule);
    // Empties the box (the form does not describe a schedule); no scheduleEdited.
    void clearSchedule();

    QString text() const;
    // Why the text does not read ("line L, column C: what"); empty when it reads.
    QString errorText() const { return m_errorText; }
    bool isValid() const { return m_errorText.isEmpty(); }
    QPlainTextEdit *textEdit() const { return m_edit; }
    QPushButton *copyButton() const { return m_copy; }

    // The schedule in `text`, or InvalidInput "line L, column C: what".
    static Result<ScheduleSpec> read(const QString &text);

Q_SIGNALS:
    // The user's text reads as `schedule`.
    void scheduleEdited(const loupe::ScheduleSpec &schedule);
    // The text became unreadable, or readable again.
    void validityChanged(bool valid);

private:
    void onTextEdited();
    void setError(const QString &error);

    QPlainTextEdit *m_edit = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_copy = nullptr;
    QString m_errorText;
    bool m_settingText = false;
};

} // namespace loupe
