#pragma once
// A snapshot ensemble's learning rate over the run (x: epochs, fractional, since the rate moves
// every step), with a marker and a label "S1", "S2", ... where each snapshot was saved. Export and
// "copy data" come from PlotWidget.

#include "core/lr/SnapshotReport.h"
#include "ui/common/PlotWidget.h"

#include <QList>
#include <QVector>

class QCPAbstractItem;

namespace loupe {

class SnapshotRatePlot : public PlotWidget {
    Q_OBJECT
public:
    explicit SnapshotRatePlot(QWidget *parent = nullptr);

    // Draws snapshotRates(report) against epochs (step / stepsPerEpoch) and the snapshots.
    void setReport(const SnapshotReport &report);
    void clear();
    int pointCount() const { return m_epochs.size(); }
    int markerCount() const { return m_markerEpochs.size(); }

    // "epoch,lr" per step, then "snapshot,epoch" rows.
    QString dataAsCsv() const override;

private:
    void removeLabels();

    QVector<double> m_epochs;
    QVector<double> m_rates;
    QVector<double> m_markerEpochs;
    QVector<double> m_markerRates;
    QList<QCPAbstractItem *> m_labels;
};

} // namespace loupe
