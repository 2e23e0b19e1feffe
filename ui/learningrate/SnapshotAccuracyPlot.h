#pragma once
// Accuracy per snapshot against the ensemble and the single model: one bar per snapshot
// ("S1".."SM"), then "ensemble (K)" and "single model" bars, each with its test accuracy written
// above it; validation accuracy as a dot on each bar (K was chosen on it). Export and "copy data"
// come from PlotWidget. A click on a snapshot's bar or dot selects that snapshot (snapshotClicked);
// the selected snapshot's bar is ringed at its top.

#include "core/lr/SnapshotReport.h"
#include "ui/common/PlotWidget.h"

#include <QStringList>
#include <QList>
#include <QVector>

class QCPAbstractItem;
class QCPBars;
class QCPGraph;

namespace loupe {

class SnapshotAccuracyPlot : public PlotWidget {
    Q_OBJECT
public:
    explicit SnapshotAccuracyPlot(QWidget *parent = nullptr);

    void setReport(const SnapshotReport &report);
    void clear();
    // The bar labels in order, e.g. "S1", "S2", "ensemble (K=2)", "single model".
    const QStringList &labels() const { return m_labels; }
    const QVector<double> &testAccuracies() const { return m_test; }
    // The snapshot (0-based) selected on the panel; -1: none.
    void setSelectedSnapshot(int index);
    int selectedSnapshot() const { return m_selected; }

    // "model,test_accuracy,val_accuracy", one line per bar.
    QString dataAsCsv() const override;

Q_SIGNALS:
    void snapshotClicked(int index);

protected:
    QStringList readoutLines(const PlotPoint &point) const override;
    void pointClicked(const PlotPoint &point) override;

private:
    // The snapshot of the bar at `key`; -1 for the ensemble, the single model or no bar.
    int snapshotAt(double key) const;
    void addBar(const QString &label, const Evaluation &validation, const Evaluation &test);

    QStringList m_labels;
    QVector<double> m_test;
    QVector<double> m_validation;
    QCPBars *m_snapshotBars = nullptr;
    QCPBars *m_ensembleBars = nullptr;
    QCPBars *m_singleBars = nullptr;
    QCPGraph *m_validationDots = nullptr;
    QList<QCPAbstractItem *> m_valueLabels;
    int m_snapshotCount = 0;
    int m_selected = -1;
};

} // namespace loupe
