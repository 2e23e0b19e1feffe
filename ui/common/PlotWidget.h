#pragma once
// Base of every plot in Loupe: a QCustomPlot that the user can explore, export and copy.
//   - zoom and pan (PlotInteraction): wheel, drag, Shift+drag box, double-click or 0 to reset,
//     + / - and arrows; a "Reset view" action; logarithmic axes zoom in log space
//   - the value under the mouse (PlotReadout): crosshair and tooltip, formatted like the axis
//   - the legend (PlotLegend): a click on an entry hides or shows its series; placed where it hides
//     no data, or where the user puts it; titles and tick labels stay inside (PlotTitle, PlotFrame)
//   - selection: a click on a point calls pointClicked() (a trial, a row, a rate) and emits
//     pointSelected(); setHighlight() draws what is selected (PlotHighlight)
//   - the context menu: the plot's own actions, view and legend, export as PNG / PDF / SVG, copy data
// Subclasses draw into customPlot(), say what their data is (dataAsCsv) and what a point stands for.

#include "ui/common/PlotExporter.h"
#include "ui/common/PlotLegend.h"
#include "ui/common/PlotPoint.h"

#include "core/util/Status.h"

#include <QPointF>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QMenu;
class QVBoxLayout;

namespace loupe {

class PlotFrame;
class PlotHighlight;
class PlotInteraction;
class PlotReadout;
class PlotTitle;

class PlotWidget : public QWidget {
    Q_OBJECT
public:
    explicit PlotWidget(QWidget *parent = nullptr);
    ~PlotWidget() override;

    QCustomPlot *customPlot() const { return m_plot; }
    PlotInteraction *interaction() const { return m_interaction; }
    PlotReadout *readout() const { return m_readout; }
    PlotLegend *legend() const { return m_legend; }
    PlotHighlight *highlight() const { return m_highlight; }

    // The plotted data as CSV with a header line; empty when nothing is plotted.
    virtual QString dataAsCsv() const = 0;

    // Base file name proposed by the export dialogs, e.g. "histogram-amount".
    void setExportName(const QString &name) { m_exportName = name; }
    const QString &exportName() const { return m_exportName; }

    // Writes the plot as shown (zoomed view included); the format comes from the extension. size as
    // in PlotExporter::save.
    Status exportTo(const QString &path, QSize size = QSize()) const;
    void copyDataToClipboard() const;

    // The context menu: the plot's own actions, view and legend, then export x3 and copy data; the
    // caller owns the menu.
    QMenu *createContextMenu(QWidget *parent);

    // Back to the automatic range on every axis (double-click, 0, "Reset view").
    void resetView();
    // The user zoomed or panned some axis.
    bool isZoomed() const;
    // The readout lines for `point` (public for tests and reports).
    QStringList describePoint(const PlotPoint &point) const { return readoutLines(point); }
    // The point the readout and a click at `position` (widget pixels of customPlot()) find.
    PlotPoint pointAt(QPointF position) const;
    // Where the legend prefers to sit when it hides no data there (default top right).
    void setLegendCorner(Qt::Alignment corner);

    static QString interactionHelp();

Q_SIGNALS:
    // The user clicked a data point (after the plot's own pointClicked()).
    void pointSelected(const QString &series, double key, double value);

protected:
    // Lets a plot put its own actions (scales, options) at the top of the context menu.
    virtual void addPlotActions(QMenu *menu);
    // What the readout says about a point, one line each, the first in bold: by default its series,
    // then the key and the value, each named after its axis and written as the axis writes it.
    // Plots add a trial, row or step.
    virtual QStringList readoutLines(const PlotPoint &point) const;
    // The data point nearest to `position` within PlotReadout::kRadius pixels (PlotPointFinder);
    // plots whose points are joined by meaningful lines may pick by line instead.
    virtual PlotPoint nearestPoint(QPointF position) const;
    // The user clicked `point`: plots say what it stands for (a trial, a row, a rate).
    virtual void pointClicked(const PlotPoint &point);
    // True when a press at `position` starts the plot's own gesture (a brush): no pan or zoom then.
    virtual bool claimsPress(QPointF position) const;
    // A title row above the axis rect that stays inside the plot; returns it for later setText().
    PlotTitle *addTitle(const QString &text);
    // Marks the selection: rings around `marks`, and `line` drawn bold (data coordinates); empty clears.
    void setHighlight(const QVector<QPointF> &marks, const QVector<QPointF> &line = {});
    // Adds a row of controls under the plot (e.g. a smoothing slider).
    void addControlRow(QWidget *row);
    // Replots on the next event loop turn, coalescing bursts of updates. A hidden plot (e.g. on a
    // tab not shown) replots when it is shown instead: painting thousands of marks nobody sees
    // would only block the UI thread. Exports draw afresh and do not depend on it.
    void requestReplot();
    void showEvent(QShowEvent *event) override;

private:
    void showContextMenu(const QPoint &position);
    void exportWithDialog(PlotExporter::Format format);
    void onHover(QPointF position);
    void onClick(QPointF position);

    QCustomPlot *m_plot = nullptr;
    QVBoxLayout *m_layout = nullptr;
    PlotInteraction *m_interaction = nullptr;
    PlotReadout *m_readout = nullptr;
    PlotLegend *m_legend = nullptr;
    PlotFrame *m_frame = nullptr;
    PlotHighlight *m_highlight = nullptr;
    PlotTitle *m_title = nullptr;
    QString m_exportName = QStringLiteral("plot");
    bool m_replotWhenShown = false;
};

} // namespace loupe
