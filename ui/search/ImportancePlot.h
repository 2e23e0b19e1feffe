#pragma once
// Parameter importance as horizontal bars, most important at the top, from the completed trials
// (core/search/ParameterImportance: PED-ANOVA-style divergence between the best 10 % of trials
// and all of them). The estimate is recomputed only while the plot is visible and at most once a
// second during a live search.
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

private:
    void recompute();

    std::vector<ParameterImportanceEntry> m_entries;
    bool m_stale = true;
    QElapsedTimer m_sinceLast;
    QTimer *m_pending = nullptr;
};

} // namespace loupe
