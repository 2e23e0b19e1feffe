#pragma once
// The distribution of one column: a histogram for numeric and datetime columns (a date axis for
// datetime), horizontal bars of the most frequent values for string, categorical and bool columns.
// Draws from a ColumnStats value; never touches the table itself.

#include "ui/plots/PlotWidget.h"

#include "core/data/ColumnStats.h"

class QCPBars;
class QCPItemText;
class QCPTextElement;

namespace loupe {

class HistogramPlot : public PlotWidget {
    Q_OBJECT
public:
    enum class Kind { Empty, Histogram, TopValues };

    explicit HistogramPlot(QWidget *parent = nullptr);

    // Shows the histogram or the top values of `stats`, whichever its column type calls for.
    void showStats(const ColumnStats &stats);
    // Removes the bars and shows `message` (e.g. "computing…") in the middle of the plot.
    void showMessage(const QString &message);

    Kind kind() const { return m_kind; }
    int barCount() const;
    QString title() const;
    QString dataAsCsv() const override;

private:
    void resetAxes();
    void drawHistogram();
    void drawTopValues();

    QCPBars *m_bars = nullptr;
    QCPTextElement *m_title = nullptr;
    QCPItemText *m_message = nullptr;
    ColumnStats m_stats;
    Kind m_kind = Kind::Empty;
};

} // namespace loupe
