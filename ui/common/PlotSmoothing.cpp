#include "ui/common/PlotSmoothing.h"

#include "core/lr/LossSmoother.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>

#include <algorithm>
#include <cmath>

namespace loupe {

PlotSmoothing::PlotSmoothing(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 0);
    auto *label = new QLabel(tr("Smoothing"), this);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("smoothing"));
    m_slider->setRange(0, int(std::lround(kMaxWeight * 1000)));
    m_slider->setPageStep(50);
    m_slider->setToolTip(tr("Exponential moving average with bias correction, as TensorBoard smooths; the raw "
                            "curve stays faint behind. 0 shows the raw values."));
    label->setBuddy(m_slider);
    m_value = new QLabel(this);
    m_value->setMinimumWidth(m_value->fontMetrics().horizontalAdvance(QStringLiteral("0.000")) + 4);
    layout->addWidget(label);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_value);
    connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
        m_weight = value / 1000.0;
        m_value->setText(QString::number(m_weight, 'f', 3));
        Q_EMIT weightChanged(m_weight);
    });
    m_slider->setValue(int(std::lround(kDefaultWeight * 1000)));
    m_value->setText(QString::number(m_weight, 'f', 3));
}

void PlotSmoothing::setWeight(double weight)
{
    m_slider->setValue(int(std::lround(std::clamp(weight, 0.0, kMaxWeight) * 1000)));
}

QVector<double> PlotSmoothing::smoothed(const QVector<double> &values, double weight)
{
    QVector<double> result(values.size(), std::nan(""));
    LossSmoother smoother(std::clamp(weight, 0.0, kMaxWeight));
    for (int i = 0; i < values.size(); ++i)
        if (std::isfinite(values[i]))
            result[i] = smoother.add(values[i]);
    return result;
}

} // namespace loupe
