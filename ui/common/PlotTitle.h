#pragma once
// A plot's title that stays inside the plot: it never asks for more width than the plot has, and a
// title too long for it is drawn shortened with "…" (the full title is the plot's tooltip then, see
// PlotWidget). Bold, in the widget's font.

#include <qcustomplot.h>

namespace loupe {

class PlotTitle : public QCPTextElement {
    Q_OBJECT
public:
    PlotTitle(QCustomPlot *plot, const QString &text, const QFont &font);

    // The title was shortened at the last draw.
    bool isElided() const { return m_elided; }

protected:
    void draw(QCPPainter *painter) override;
    QSize minimumOuterSizeHint() const override;

private:
    bool m_elided = false;
};

} // namespace loupe
