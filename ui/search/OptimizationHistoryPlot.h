#pragma once
// Optimization history: the loss of every completed trial against its number, the best loss so
// far as a step line, failed trials as red crosses along the bottom. Optional log-10 loss axis
// (losses <= 0 are then left out and the title says how many). Clicking a point emits
// trialClicked().
#include "ui/search/TrialPlot.h"

namespace loupe {

class OptimizationHistoryPlot : public TrialPlot {
    Q_OBJECT
public:
    explicit OptimizationHistoryPlot(QWidget *parent = nullptr);

    void setLogLoss(bool logarithmic);
    bool isLogLoss() const { return m_logLoss; }
    // Points drawn in the last redraw (completed trials shown).
    int pointCount() const { return m_pointCount; }
    // "number,state,loss,best_so_far", one line per trial.
    QString dataAsCsv() const override;

protected:
    void redraw() override;
    void addPlotActions(QMenu *menu) override;

private:
    bool m_logLoss = false;
    int m_pointCount = 0;
};

} // namespace loupe
