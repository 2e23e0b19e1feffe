#pragma once
// The head of a list of the workspace's stored runs, which its owner reads off the UI thread
// (WorkspaceReader): a title, a note that says where the read stands ("reading the workspace…",
// "3 runs, newest first", "no workspace: runs are not stored") and, if asked for, a Refresh button;
// under them a MessageBanner for a read that failed. It only shows state; the owner reads.

#include <QString>
#include <QWidget>

class QLabel;

namespace loupe {

class MessageBanner;

class StoredRunsHeader : public QWidget {
    Q_OBJECT
public:
    enum class RefreshButton { Shown, Hidden };

    // title: rich text (e.g. "<b>Stored training runs</b> — check runs to overlay them"); may be empty.
    StoredRunsHeader(const QString &title, RefreshButton refresh, QWidget *parent = nullptr);

    // A read was asked for and has not replied yet.
    void showReading();
    // A read listed `count` runs, `interrupted` of them interrupted (their processes ended without
    // finishing; each row's tooltip says why); a failure shown before goes away.
    void showListed(int count, int interrupted = 0);
    // There is no workspace to read.
    void showNoWorkspace();
    // The read failed with `message`.
    void showProblem(const QString &message);

    QString noteText() const;
    // The failure shown, empty when none is.
    QString problemText() const;

Q_SIGNALS:
    void refreshClicked();

private:
    QLabel *m_note = nullptr;
    MessageBanner *m_problem = nullptr;
};

} // namespace loupe
