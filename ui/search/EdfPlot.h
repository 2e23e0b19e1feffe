#pragma once
// Empirical distribution function of the completed trials' losses: for each loss x, the fraction
// of completed trials whose loss is <= x (optuna-dashboard's EDF). A steep rise at the left means
// the search finds good losses often. Optional log-10 loss axis.
#include "ui/search/TrialPlot.h"

namespace loupe {

class EdfPlot : public TrialPlot {
    Q_OBJECT
public:
    explicit EdfPlot(QWidget *parent = nullptr);

    void setLogLoss(bool logarithmic);
    // "loss,fraction", one line per completed trial in loss order.
    QString dataAsCsv() const override;

protected:
    void redraw() override;
    void addPlotActions(QMenu *menu) override;

private:
    std::vector<double> sortedLosses() const;
    bool m_logLoss = false;
};

} // namespace loupe
