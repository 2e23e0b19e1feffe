#pragma once
// Parameter importance as horizontal bars, most important at the top, from the completed trials
// (core/search/ParameterImportance: PED-ANOVA-style divergence between the best 10 % of trials
// and all of them). The estimate is recomputed only while the plot is visible and at most once a
// second during a live search. A click on a bar selects its parameter (parameterClicked(): the page
// shows it on the slice plot and the parallel coordinates); the selected parameter's bar is ringed.
#include "ui/search/TrialPlot.h"

#include "core/search/ParameterImportance.h"

#include <QElapsedTimer>

class QTimer;

namespace loupe {

class ImportancePlot : public TrialPlot {
    Q_OBJECT
public:
    explicit ImportancePlot(QWidget *parent = nullptr);

    const std::vector<ParameterImportanceEntry> &entries() const { return m_entries; }
    // "parameter,importance,trials_used", most important first.
    QString dataAsCsv() const override;

protected:
    void redraw() override;
    void showEvent(QShowEvent *event) override;
    QStringList readoutLines(const PlotPoint &point) const override;
    void pointClicked(const PlotPoint &point) override;
    void parameterShape(int parameter, QVector<QPointF> &marks) const override;

private:
    void recompute();
    // The parameter (index in space()) of the bar at `key`; -1 when none.
    int parameterAtKey(double key) const;

    std::vector<ParameterImportanceEntry> m_entries;
    bool m_stale = true;
    QElapsedTimer m_sinceLast;
    QTimer *m_pending = nullptr;
};

} // namespace loupe
