#pragma once
// A lighter draft of a heavy plot while the user zooms or pans it. The plot puts its data on
// fullLayer() and a thinned copy (e.g. one line in five) on draftLayer(); while an interaction goes
// on (a wheel notch, a drag, a key, a reset) only the draft is drawn, and once the view has been still
// for kSettleMs the full data is drawn again. A repaint during the gesture then costs what the draft
// costs (issue 25: every interaction repaints within 50 ms). Both layers lie below "main", so the
// plot's items (axis lines, labels) stay on top. Disabled (the default), the full layer is always drawn.

#include <QObject>

class QCPCurve;
class QCPLayer;
class QCustomPlot;
class QTimer;

namespace loupe {

class PlotInteraction;

class PlotDraft : public QObject {
    Q_OBJECT
public:
    static constexpr int kSettleMs = 250;

    PlotDraft(QCustomPlot *plot, PlotInteraction *interaction);

    QCPLayer *fullLayer() const { return m_full; }
    QCPLayer *draftLayer() const { return m_draft; }
    // Whether interactions switch to the draft (the plot drew one); disabling shows the full data.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    bool isDrafting() const;
    // Adds to the draft layer a copy of `curve` (on the full layer) with one line in `every`, a line
    // being `stride` consecutive points; the copy has the curve's pen, is hidden with its series in
    // the legend, and is never picked by the readout. Returns the copy.
    QCPCurve *addThinnedCopy(const QCPCurve *curve, int stride, int every);
    // Back to the full data now (replotted on the next turn of the event loop).
    void settle();

Q_SIGNALS:
    void settled();

private:
    void onViewChanged();
    void show(bool draft);

    QCustomPlot *m_plot;
    QCPLayer *m_full = nullptr;
    QCPLayer *m_draft = nullptr;
    QTimer *m_timer = nullptr;
    bool m_enabled = false;
};

} // namespace loupe
