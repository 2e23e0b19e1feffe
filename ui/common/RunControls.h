#pragma once
// The foot of a page's control column for one background job: Start and Cancel, a progress bar
// ("idle", then "stage · N %") and a MessageBanner. The page owns the job; this widget only shows
// its state and says when Start or Cancel was pressed.
#include "ui/common/MessageBanner.h"

#include <QWidget>

class QProgressBar;
class QPushButton;

namespace loupe {

class RunControls : public QWidget {
    Q_OBJECT
public:
    // startObjectName: the Start button's object name (tests find it by that name).
    explicit RunControls(const QString &startObjectName, QWidget *parent = nullptr);

    QProgressBar *progressBar() const { return m_progress; }

    // A job starts: the message goes away, the bar reads "starting…", Start is disabled.
    void begin();
    // fraction in [0, 1]; stage is shown before the percentage.
    void setProgress(double fraction, const QString &stage);
    // The job ended: Start is enabled again, a bar that moved is filled, `message` is shown.
    void end(const QString &message, MessageBanner::Kind kind);
    void showMessage(const QString &text, MessageBanner::Kind kind);
    void hideMessage();
    // The message shown, empty when none is.
    QString messageText() const;

Q_SIGNALS:
    void startClicked();
    void cancelClicked();

private:
    void setRunning(bool running);

    QPushButton *m_start = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    MessageBanner *m_message = nullptr;
};

} // namespace loupe
