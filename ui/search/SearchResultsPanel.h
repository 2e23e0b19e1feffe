#pragma once
// The right side of the Search page: the trials table (sort, filter by state and text, brushed by
// the parallel-coordinates plot) and the study's plots in tabs: optimization history, parallel
// coordinates, slice, parameter importance and the loss EDF. setStudy() starts over;
// updateTrials() is called at most a few times a second while a search runs and keeps the table's
// rows, sorting and selection. Trials export to CSV and JSON. The selected trial is one for the table
// and every plot: a click on a plot selects its row, the current row is ringed in every plot. So is
// the selected parameter: the slice plot shows it, the importance plot rings its bar, the parallel
// coordinates draw its axis bold; a click on an importance bar or a choice in the slice's list selects it.
#include "core/search/SearchSpace.h"
#include "core/search/Trial.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTabWidget;

namespace loupe {

class EdfPlot;
class ImportancePlot;
class OptimizationHistoryPlot;
class ParallelCoordinatesPlot;
class SlicePlot;
class TrialPlot;
class TrialFilterProxy;
class TrialTableModel;

class SearchResultsPanel : public QWidget {
    Q_OBJECT
public:
    explicit SearchResultsPanel(QWidget *parent = nullptr);

    // Which plots an update redraws: all of them, or only the one on screen (the others are
    // redrawn when their tab is opened), which keeps a live search with thousands of trials cheap.
    enum class PlotRefresh { All, VisibleOnly };

    void setStudy(const SearchSpace &space, const std::vector<Trial> &trials);
    void updateTrials(const std::vector<Trial> &trials, PlotRefresh refresh = PlotRefresh::All);

    TrialTableModel *model() const { return m_model; }
    TrialFilterProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QTabWidget *plotTabs() const { return m_tabs; }
    OptimizationHistoryPlot *historyPlot() const { return m_history; }
    ParallelCoordinatesPlot *parallelPlot() const { return m_parallel; }
    SlicePlot *slicePlot() const { return m_slice; }
    ImportancePlot *importancePlot() const { return m_importance; }
    EdfPlot *edfPlot() const { return m_edf; }

    // Writes the trials as CSV or JSON (by extension); false with a message on I/O failure.
    bool exportTrials(const QString &path, QString *error) const;

Q_SIGNALS:
    // A trial was chosen in the table or in a plot.
    void trialActivated(int trialNumber);

private:
    QWidget *buildTableArea();
    QWidget *buildPlotArea();
    void refreshPlots(PlotRefresh refresh);
    void refreshPlot(TrialPlot *plot);
    void selectTrial(int trialNumber);
    void highlightTrial(int trialNumber);
    void selectParameter(int parameter);
    std::vector<TrialPlot *> plots() const;
    void updateCountLabel();
    void exportWithDialog();

    TrialTableModel *m_model = nullptr;
    TrialFilterProxy *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_state = nullptr;
    QLabel *m_count = nullptr;
    QTabWidget *m_tabs = nullptr;
    OptimizationHistoryPlot *m_history = nullptr;
    ParallelCoordinatesPlot *m_parallel = nullptr;
    QComboBox *m_sliceParameter = nullptr;
    SlicePlot *m_slice = nullptr;
    ImportancePlot *m_importance = nullptr;
    EdfPlot *m_edf = nullptr;
    TrialPlot *m_visiblePlot = nullptr; // the plot of the current tab
};

} // namespace loupe
