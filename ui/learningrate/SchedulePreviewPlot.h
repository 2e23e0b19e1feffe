#pragma once
// The learning rate a schedule gives at t = 0, 1, ..., n - 1 (epochs or steps),
// drawn as a step line with a dot per value, on a linear or logarithmic
// (QCPAxisTickerLog) rate axis. Export and "copy data" come from PlotWidget. A click on a value
// picks it (stepClicked; the designer offers to train with that rate) and rings it; the ring stays
// on that t while the schedule's fields change, as long as the preview reaches it.

#include "ui/common/PlotWidget.h"

#include <QVector>

class QCPItemText;

namespace loupe {

class SchedulePreviewPlot : public PlotWidget {
    Q_OBJECT
public:
    enum class Scale { Linear, Logarithmic };

    explicit SchedulePreviewPlot(QWidget *parent = nullptr);

    // requires: rates[i] is the rate at t = i. xLabel: "epoch" or "step".
    void setRates(const QVector<double> &rates, const QString &xLabel);
    // Shows `message` instead of a curve (e.g. why the schedule's fields are not
    // usable).
    void showMessage(const QString &message);
    const QVector<double> &rates() const { return m_rates; }

    // The t picked on the plot; -1: none.
    void setSelectedStep(int t);
    int selectedStep() const { return m_selected; }

    void setScale(Scale scale);
    Scale scale() const { return m_scale; }

    // "t,lr", one line per value.
    QString dataAsCsv() const override;

Q_SIGNALS:
    void stepClicked(int t, double rate);

protected:
    QStringList readoutLines(const PlotPoint &point) const override;
    void pointClicked(const PlotPoint &point) override;

private:
    void rescale();

    QVector<double> m_rates;
    Scale m_scale = Scale::Linear;
    int m_selected = -1;
    QCPItemText *m_message = nullptr;
};

} // namespace loupe
