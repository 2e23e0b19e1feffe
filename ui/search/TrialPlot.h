#pragma once
// Base of the Search page's plots: each draws one study's trials (space + records) with a title
// and a centred message while there is nothing to draw. Subclasses implement redraw() and say which
// trial each of their points is (setTrialNumbers); the base then adds "trial N" to the readout,
// emits trialClicked() for a click on a point, and rings the selected trial (setSelectedTrial) on
// every redraw. The page calls setTrials() at most a few times a second while a search runs.
// The page also selects one parameter (setSelectedParameter): the importance plot rings its bar and
// emits parameterClicked() for a click on one, the parallel coordinates draw its axis bold.
#include "ui/common/PlotWidget.h"

#include "core/search/SearchSpace.h"
#include "core/search/Trial.h"

#include <QColor>
#include <QHash>
#include <QVector>

#include <vector>

class QCPAbstractPlottable;
class QCPAxis;
class QCPItemText;

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

    // The trial selected on the page (-1: none), highlighted wherever this plot shows it.
    void setSelectedTrial(int number);
    int selectedTrial() const { return m_selected; }
    // The trial a point of this plot stands for; -1 when none.
    int trialAt(const PlotPoint &point) const;
    // The parameter (index in space()) selected on the page; -1: none.
    void setSelectedParameter(int parameter);
    int selectedParameter() const { return m_selectedParameter; }

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
    // The user clicked what stands for a parameter (an importance bar).
    void parameterClicked(int parameter);

protected:
    // Redraws (redraw()) and puts the selection back; what subclasses call after an option changes.
    void refresh();
    // Draws m_space / m_trials; only refresh() calls it.
    virtual void redraw() = 0;
    // Which trial each data point of `plottable` is, in data order (graphs: by key).
    void setTrialNumbers(QCPAbstractPlottable *plottable, QVector<int> numbers);
    // Where the selected trial is drawn (data coordinates): by default a ring on each of its points.
    virtual void selectionShape(int number, QVector<QPointF> &marks, QVector<QPointF> &line) const;
    // Where the selected parameter is marked (data coordinates); by default nowhere.
    virtual void parameterShape(int parameter, QVector<QPointF> &marks) const;
    // The selected parameter changed: by default the highlight is drawn again (showSelection()).
    virtual void parameterSelectionChanged();
    // Draws the selected trial and parameter (after a redraw that did not go through refresh()).
    void showSelection();
    QStringList readoutLines(const PlotPoint &point) const override;
    void pointClicked(const PlotPoint &point) override;
    // Shows (non-empty) or hides (empty) the centred message.
    void setMessage(const QString &message);
    void setTitle(const QString &title);
    QString emptyMessage() const { return m_emptyMessage; }

private:

    SearchSpace m_space;
    std::vector<Trial> m_trials;
    PlotTitle *m_title = nullptr;
    QCPItemText *m_message = nullptr;
    QString m_emptyMessage;
    QHash<const QCPAbstractPlottable *, QVector<int>> m_numbers; // of the last redraw
    int m_selected = -1;
    int m_selectedParameter = -1;
};

} // namespace loupe
