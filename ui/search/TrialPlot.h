#pragma once
// Base of the Search page's plots: each draws one study's trials (space + records) with a title
// and a centred message while there is nothing to draw. Subclasses implement redraw(); the page
// calls setTrials() at most a few times a second while a search runs.
#include "ui/common/PlotWidget.h"

#include "core/search/SearchSpace.h"
#include "core/search/Trial.h"

#include <QColor>

#include <vector>

class QCPAxis;
class QCPItemText;
class QCPTextElement;

namespace loupe {

class TrialPlot : public PlotWidget {
    Q_OBJECT
public:
    TrialPlot(const QString &title, const QString &emptyMessage, QWidget *parent = nullptr);

    // Keeps a copy of the study and redraws.
    void setTrials(const SearchSpace &space, const std::vector<Trial> &trials);
    const SearchSpace &space() const { return m_space; }
    const std::vector<Trial> &trials() const { return m_trials; }

    // Completed trials with a finite loss, in trial-number order.
    std::vector<const Trial *> completedTrials() const;

    // A viridis-like colour for a position in [0, 1] (0 = best).
    static QColor rankColor(double position);
    // Trials are drawn in this many colour groups of rankColor (one graph per group keeps a plot of
    // 10,000 trials to a handful of graphs).
    static constexpr int kColorBins = 8;
    // Switches an axis between linear and log-10 (QCPAxisTickerLog) scale.
    static void setLogScale(QCPAxis *axis, bool logarithmic);

Q_SIGNALS:
    // The user clicked a trial's mark.
    void trialClicked(int trialNumber);

protected:
    // Draws m_space / m_trials; called by setTrials() and by option changes.
    virtual void redraw() = 0;
    // Shows (non-empty) or hides (empty) the centred message.
    void setMessage(const QString &message);
    void setTitle(const QString &title);
    QString emptyMessage() const { return m_emptyMessage; }

private:
    SearchSpace m_space;
    std::vector<Trial> m_trials;
    QCPTextElement *m_title = nullptr;
    QCPItemText *m_message = nullptr;
    QString m_emptyMessage;
};

} // namespace loupe
