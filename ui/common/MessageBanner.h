#pragma once
// The one message banner of every page and panel: feedback in one of three kinds, drawn from one
// palette, with the kind's standard icon so that colour is never the only cue:
//   Info    what happened ("Saved …", "Reading the workspace…")
//   Warning it worked, but look ("Loaded, but not recorded in the workspace: …")
//   Error   it did not work, and why ("Could not load data.csv: line 4, column 3: …")
// The text is plain (never parsed as HTML: messages quote file contents and paths), word-wrapped,
// and selectable with the mouse and the keyboard so that it can be copied. The banner keeps its
// place (two lines of text) while it has nothing to say, so that a message never moves the controls
// around it (a Stop button that moved as a run began made users click the wrong one); a longer
// message shows its first two lines and the whole of it as the tooltip. Accessibility: its accessible name is the kind, its description the
// text, and showing a warning or an error raises an Alert event for screen readers.

#include <QColor>
#include <QFrame>
#include <QString>

class QLabel;

namespace loupe {

class MessageBanner : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Info, Warning, Error };

    // ensures: empty (drawn as blank space of its reserved height), text() empty.
    explicit MessageBanner(QWidget *parent = nullptr);

    // Shows `text` as `kind`; an empty text hides the banner.
    void showMessage(const QString &text, Kind kind);
    // Hides the banner and forgets its text.
    void clear();
    // The text shown; empty while the banner is hidden.
    QString text() const;
    Kind kind() const { return m_kind; }
    // The banner's fixed height: two lines of text and its margins.
    int reservedHeight() const;

    // The kind's text colour, readable on white and on the banner's background: for table cells,
    // tree items and plot marks that flag the same states (a failed run, a failing test).
    static QColor textColor(Kind kind);

private:
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    Kind m_kind = Kind::Info;
    bool m_empty = true;
};

} // namespace loupe
