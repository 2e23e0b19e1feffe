#pragma once
// The smoothing slider of a curve plot (batch losses): an exponential moving average with bias
// correction, as TensorBoard's scalar dashboard smooths,
//   last = w * last + (1 - w) * y_n,   smoothed_n = last / (1 - w^n)    (n counts finite values),
// so the first value is not pulled towards zero. Non-finite values stay gaps and do not disturb the
// average. w = 0 leaves the curve as it is. The default, 0.98, is the engine's own smoothed loss
// (core/lr/LossSmoother), so the plot opens as the run's stored "smoothed loss".

#include <QVector>
#include <QWidget>

class QLabel;
class QSlider;

namespace loupe {

class PlotSmoothing : public QWidget {
    Q_OBJECT
public:
    static constexpr double kDefaultWeight = 0.98;
    static constexpr double kMaxWeight = 0.999;

    explicit PlotSmoothing(QWidget *parent = nullptr);

    double weight() const { return m_weight; }
    // Clamped to [0, kMaxWeight], on the slider's thousandths.
    void setWeight(double weight);

    static QVector<double> smoothed(const QVector<double> &values, double weight);

Q_SIGNALS:
    void weightChanged(double weight);

private:
    QSlider *m_slider = nullptr;
    QLabel *m_value = nullptr;
    double m_weight = kDefaultWeight;
};

} // namespace loupe
