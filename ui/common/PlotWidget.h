#pragma once
// Base of every plot in Loupe: a QCustomPlot with a context menu to export it (PNG, PDF, SVG)
// and to copy its data as CSV. Subclasses draw into customPlot() and say what their data is.

#include "ui/common/PlotExporter.h"

#include "core/util/Status.h"

#include <QWidget>

class QCustomPlot;
class QMenu;

namespace loupe {

class PlotWidget : public QWidget {
    Q_OBJECT
public:
    explicit PlotWidget(QWidget *parent = nullptr);
    ~PlotWidget() override;

    QCustomPlot *customPlot() const { return m_plot; }

    // The plotted data as CSV with a header line; empty when nothing is plotted.
    virtual QString dataAsCsv() const = 0;

    // Base file name proposed by the export dialogs, e.g. "histogram-amount".
    void setExportName(const QString &name) { m_exportName = name; }
    const QString &exportName() const { return m_exportName; }

    // Writes the plot; the format comes from the extension. size as in PlotExporter::save.
    Status exportTo(const QString &path, QSize size = QSize()) const;
    void copyDataToClipboard() const;

    // The context menu: the plot's own actions, then export x3 and copy data; the caller owns the menu.
    QMenu *createContextMenu(QWidget *parent);

protected:
    // Lets a plot put its own actions (scales, options) at the top of the context menu.
    virtual void addPlotActions(QMenu *menu);
    // Replots on the next event loop turn, coalescing bursts of updates. A hidden plot (e.g. on a
    // tab not shown) replots when it is shown instead: painting thousands of marks nobody sees
    // would only block the UI thread. Exports draw afresh and do not depend on it.
    void requestReplot();
    void showEvent(QShowEvent *event) override;

private:
    void showContextMenu(const QPoint &position);
    void exportWithDialog(PlotExporter::Format format);

    QCustomPlot *m_plot = nullptr;
    QString m_exportName = QStringLiteral("plot");
    bool m_replotWhenShown = false;
};

} // namespace loupe
