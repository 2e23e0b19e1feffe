#pragma once
// A one-line label that never widens its layout: text too long for its width is drawn shortened
// with "…" and read in full from its tooltip (the Train page's status line at 1280x720). text()
// stays the full text.

#include <QLabel>

namespace loupe {

class ElidedLabel : public QLabel {
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    // The text was shortened at the last paint.
    bool isElided() const { return m_elided; }
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    bool m_elided = false;
};

} // namespace loupe
