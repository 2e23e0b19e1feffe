#pragma once
// A snapshot ensemble's learning rate over the run (x: epochs, fractional, since the rate moves
// every step), with a marker and a label "S1", "S2", ... where each snapshot was saved. Export and
// "copy data" come from PlotWidget. A click on a marker, or on the rate of a step of its cycle, selects
// that snapshot (snapshotClicked); the selected snapshot's marker is ringed.

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
    // The snapshot (0-based, in the report's order) selected on the panel; -1: none.
    void setSelectedSnapshot(int index);
    int selectedSnapshot() const { return m_selected; }
    // The snapshot whose cycle trains step `step` (0-based: the first saved after it); -1: none.
    int snapshotOfStep(qint64 step) const;

    // "epoch,lr" per step, then "snapshot,epoch" rows.
    QString dataAsCsv() const override;

Q_SIGNALS:
    void snapshotClicked(int index);

protected:
    QStringList readoutLines(const PlotPoint &point) const override;
    void pointClicked(const PlotPoint &point) override;

private:
    void removeLabels();
    // The snapshot a point stands for: a marker its own, a step's rate that of its cycle; -1: none.
    int snapshotAt(const PlotPoint &point) const;

    QVector<double> m_epochs;
    QVector<double> m_rates;
    QVector<double> m_markerEpochs;
    QVector<double> m_markerRates;
    QVector<qint64> m_markerSteps; // steps done when each snapshot was saved
    QList<QCPAbstractItem *> m_labels;
    int m_selected = -1;
};

} // namespace loupe
