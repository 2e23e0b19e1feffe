#pragma once
// The distribution of one column: a histogram for numeric and datetime columns (a date axis for
// datetime), horizontal bars of the most frequent values for string, categorical and bool columns.
// Draws from a ColumnStats value; never touches the table itself. A click on a bar selects it
// (barClicked: the page finds its rows, HistogramRows); selected bars are ringed at their tops.

#include "ui/common/PlotWidget.h"

#include "core/data/ColumnStats.h"

class QCPAxis;
class QCPBars;
class QCPItemText;


namespace loupe {

class PlotTitle;

class HistogramPlot : public PlotWidget {
    Q_OBJECT
public:
    enum class Kind { Empty, Histogram, TopValues };
    // How the count axis is drawn. showStats() picks Logarithmic when most non-empty bars would be
    // too short to see (under 1 % of the tallest), e.g. a heavy-tailed amount column.
    enum class CountScale { Linear, Logarithmic };

    explicit HistogramPlot(QWidget *parent = nullptr);

    // Shows the histogram or the top values of `stats`, whichever its column type calls for.
    void showStats(const ColumnStats &stats);
    // Removes the bars and shows `message` (e.g. "computing…") in the middle of the plot.
    void showMessage(const QString &message);

    // Redraws the current bars with `scale`; kept until the next showStats().
    void setCountScale(CountScale scale);
    CountScale countScale() const { return m_scale; }
    static CountScale suggestedCountScale(const std::vector<std::uint64_t> &counts);

    Kind kind() const { return m_kind; }
    int barCount() const;
    // Where bar `index`'s top reaches on the count axis: its count, whatever the scale.
    // requires: index < barCount().
    double barTop(int index) const;
    QString title() const;
    QString dataAsCsv() const override;
    const ColumnStats &stats() const { return m_stats; }

    // The bars (indices into stats().histogram or stats().topValues) selected on the page; cleared
    // by showStats() and showMessage().
    void setSelectedBars(const QVector<int> &bars);
    const QVector<int> &selectedBars() const { return m_selected; }
    // What a click on a bar does, as the readout's last line (empty: nothing said).
    void setClickHint(const QString &hint) { m_clickHint = hint; }

Q_SIGNALS:
    // The user clicked bar `index` (into stats().histogram or stats().topValues).
    void barClicked(int index);

protected:
    void addPlotActions(QMenu *menu) override;
    // A bin's range and rows, or a value's full text (the axis shortens long ones) and rows.
    QStringList readoutLines(const PlotPoint &point) const override;
    void pointClicked(const PlotPoint &point) override;

private:
    void redraw();
    void resetAxes();
    void applyCountScale(QCPAxis *countAxis, double maxCount);
    void drawHistogram();
    void drawTopValues();
    // The bar a point stands for (index into the stats); -1 when none.
    int barAt(const PlotPoint &point) const;
    QStringList readoutLinesOfBar(const PlotPoint &point) const;
    void showSelection();

    QCPBars *m_bars = nullptr;
    PlotTitle *m_title = nullptr;
    QCPItemText *m_message = nullptr;
    ColumnStats m_stats;
    Kind m_kind = Kind::Empty;
    CountScale m_scale = CountScale::Linear;
    QVector<int> m_selected;
    QString m_clickHint;
};

} // namespace loupe
