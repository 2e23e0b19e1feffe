#pragma once
// Loss against learning rate on a logarithmic rate axis (QCPAxisTickerLog), one
// graph per finder run (legend: mode and time), diverged points as red crosses,
// and the suggestions of one run (the "focus" run, by default the last one) as
// labelled vertical lines: recommended, steep and minimum/10 (valley is the
// one-pass finder's recommended rate). NaN losses are gaps. The loss range ends
// a little above the starting losses (a diverged tail would flatten the rest);
// diverged points beyond it sit on its top edge. Verified rates (setVerifyMarks) are orange diamonds
// near the bottom with the accuracy reached, the best one green. A click on a point picks its rate (rateClicked: the
// panel offers "use this rate") and rings it.
// Zoom, readout, export and "copy data" come from PlotWidget.

#include "ui/common/PlotWidget.h"

#include "core/lr/LrFindResult.h"

#include <QColor>
#include <QString>
#include <QVector>

class QCPAbstractItem;
class QCPItemText;

namespace loupe {

// The outcome of training at one rate (LrVerifyBox): drawn as a diamond on the rate with its text.
struct LrVerifyMark {
    double rate = 0.0;
    QString text; // e.g. "acc 0.842"
    bool best = false;
};

struct LrFinderCurve {
    QString name; // legend text, e.g. "one pass 18:20:05"
    LrFindResult result;
};

class LrFinderPlot : public PlotWidget {
    Q_OBJECT
public:
    explicit LrFinderPlot(QWidget *parent = nullptr);

    // Replaces every curve; the suggestions of curves[focus] are marked (focus <
    // 0: the last one).
    void setCurves(QVector<LrFinderCurve> curves, int focus = -1);
    const QVector<LrFinderCurve> &curves() const { return m_curves; }

    // Finite, positive-rate points drawn over all curves.
    int pointCount() const;
    // Diverged points drawn as crosses.
    int divergedCount() const;
    // The suggestion lines drawn, by label ("recommended", "steep", "min/10").
    QStringList markerLabels() const;
    // The rate of a marker, NaN when it is not drawn.
    double markerRate(const QString &label) const;

    // Long format: "run,lr,loss,diverged", one line per point.
    QString dataAsCsv() const override;
    // Replaces the verification marks (kept across setCurves); empty clears them.
    void setVerifyMarks(const QVector<LrVerifyMark> &marks);
    int verifyMarkCount() const { return m_verifyMarks.size(); }

    // Rings the point at `rate` (the one the user picked); 0 clears.
    void setPickedRate(double rate);
    double pickedRate() const { return m_pickedRate; }

Q_SIGNALS:
    // The user clicked the point at this learning rate.
    void rateClicked(double learningRate);

protected:
    QStringList readoutLines(const PlotPoint &point) const override;
    void pointClicked(const PlotPoint &point) override;

private:
    void clearMarkers();
    void addMarker(const QString &label, double rate, const QColor &color, int row);
    void rescale();

    QVector<LrFinderCurve> m_curves;
    QVector<QPair<QString, double>> m_markers;
    QVector<QCPAbstractItem *> m_markerItems;
    QVector<LrVerifyMark> m_verifyMarks;
    QVector<QCPAbstractItem *> m_verifyItems;
    QCPItemText *m_message = nullptr;
    double m_lossCeiling = 1.0; // the top of the shown loss range
    double m_pickedRate = 0.0;
};

} // namespace loupe
