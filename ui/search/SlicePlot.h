#pragma once
// Slice plot: the loss of every completed trial against one parameter's value, coloured by trial
// number (early trials light, late dark) so the sampler's narrowing shows. Log-scaled parameters
// get a log-10 x axis; choices get one labelled column per option (points spread a little
// sideways so they do not hide each other). Clicking a point emits trialClicked(); the readout names
// the trial.
#include "ui/search/TrialPlot.h"

namespace loupe {

class SlicePlot : public TrialPlot {
    Q_OBJECT
public:
    explicit SlicePlot(QWidget *parent = nullptr);

    // -1 or out of range: nothing to show.
    void setParameter(int parameter);
    int parameter() const { return m_parameter; }
    // Points drawn in the last redraw.
    int pointCount() const { return m_pointCount; }
    bool isLogX() const;
    // "number,value,loss", one line per drawn point (choices: the option index).
    QString dataAsCsv() const override;

protected:
    void redraw() override;

private:
    int m_parameter = -1;
    int m_pointCount = 0;
};

} // namespace loupe
