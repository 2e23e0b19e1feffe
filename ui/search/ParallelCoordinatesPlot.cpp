#include "ui/search/ParallelCoordinatesPlot.h"

#include "ui/search/TrialTableModel.h"
#include "ui/search/ParallelLinePicker.h"
#include "ui/common/PlotDraft.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace loupe {

namespace {

constexpr double kAxisGrab = 0.2;     // how far from an axis (in axis spacings) a drag starts a brush
constexpr double kBrushHalfWidth = 0.06;
constexpr int kDenseLines = 500;      // from this many lines on, draw them without antialiasing
const QColor kSelectedAxis(230, 85, 13); // the selected parameter's axis, in PlotHighlight's colour
const QString kDragLayer = QStringLiteral("brush-drag");

// The same colour as a one-pixel cosmetic pen, which the raster engine draws without stroking.
QPen cosmeticPen(QPen pen)
{
    pen.setWidth(0);
    pen.setCosmetic(true);
    return pen;
}

double axisValue(const SearchParameter &parameter, double raw)
{
    return parameter.distribution.isLog() ? std::log(raw) : raw;
}

} // namespace

ParallelCoordinatesPlot::ParallelCoordinatesPlot(QWidget *parent)
    : TrialPlot(tr("Parallel coordinates"), tr("No completed trials yet"), parent)
{
    QCustomPlot *plot = customPlot();
    plot->yAxis->setVisible(false);
    plot->yAxis->setRange(-0.08, 1.08);
    plot->xAxis->grid()->setVisible(false);
    plot->xAxis->setTickLength(0, 0);
    plot->xAxis->setSubTicks(false);
    plot->setInteractions(QCP::Interactions());
    plot->setPlottingHint(QCP::phFastPolylines, true); // one polyline per trial instead of line by line
    // The brush being dragged lives on its own buffered layer: moving it repaints only that layer,
    // not the thousands of trial lines under it.
    plot->addLayer(kDragLayer, plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    plot->layer(kDragLayer)->setMode(QCPLayer::lmBuffered);
    m_draft = new PlotDraft(plot, interaction());
    connect(plot, &QCustomPlot::mousePress, this, &ParallelCoordinatesPlot::onMousePress);
    connect(plot, &QCustomPlot::mouseMove, this, &ParallelCoordinatesPlot::onMouseMove);
    connect(plot, &QCustomPlot::mouseRelease, this, &ParallelCoordinatesPlot::onMouseRelease);
    customPlot()->setToolTip(tr("Drag along an axis to filter the trials; click an axis to clear its filter.\n")
                             + interactionHelp());
    setExportName(QStringLiteral("parallel-coordinates"));
    refresh();
}

std::optional<double> ParallelCoordinatesPlot::position(const Trial &trial, int axis) const
{
    const auto [low, high] = m_ranges[std::size_t(axis)];
    double value;
    if (axis == space().size()) {
        value = *trial.loss;
    } else {
        if (axis >= trial.params.size() || !trial.params.isActive(axis))
            return std::nullopt;
        const SearchParameter &parameter = space().parameter(axis);
        if (parameter.distribution.isLog() && trial.params.raw(axis) <= 0.0)
            return std::nullopt;
        value = axisValue(parameter, trial.params.raw(axis));
    }
    if (!std::isfinite(value))
        return std::nullopt;
    return high > low ? (value - low) / (high - low) : 0.5;
}

double ParallelCoordinatesPlot::rawFromPosition(int axis, double position) const
{
    const auto [low, high] = m_ranges[std::size_t(axis)];
    const double value = high > low ? low + position * (high - low) : low;
    if (axis < space().size() && space().parameter(axis).distribution.isLog())
        return std::exp(value);
    return value;
}

void ParallelCoordinatesPlot::updateAxisRanges()
{
    const int axes = axisCount();
    m_ranges.assign(std::size_t(axes), {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()});
    for (int axis = 0; axis < space().size(); ++axis)
        if (space().parameter(axis).distribution.isCategorical())
            m_ranges[std::size_t(axis)] = {0.0, double(std::max(1, space().parameter(axis).distribution.optionCount() - 1))};
    for (const Trial *trial : completedTrials()) {
        auto widen = [this](int axis, double value) {
            auto &[low, high] = m_ranges[std::size_t(axis)];
            low = std::min(low, value);
            high = std::max(high, value);
        };
        widen(space().size(), *trial->loss);
        for (int axis = 0; axis < space().size() && axis < trial->params.size(); ++axis) {
            const SearchParameter &parameter = space().parameter(axis);
            if (parameter.distribution.isCategorical() || !trial->params.isActive(axis))
                continue;
            const double raw = trial->params.raw(axis);
            if (!parameter.distribution.isLog() || raw > 0.0)
                widen(axis, axisValue(parameter, raw));
        }
    }
    for (auto &[low, high] : m_ranges)
        if (!std::isfinite(low))
            low = high = 0.0;
}

void ParallelCoordinatesPlot::drawAxes()
{
    QCustomPlot *plot = customPlot();
    auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    for (int axis = 0; axis < axisCount(); ++axis) {
        const bool isLoss = axis == space().size();
        ticker->addTick(axis, isLoss ? tr("loss") : QString::fromStdString(space().parameter(axis).name));
        auto *line = new QCPItemLine(plot);
        line->start->setCoords(axis, 0.0);
        line->end->setCoords(axis, 1.0);
        const bool selected = axis == selectedParameter();
        line->setPen(selected ? QPen(kSelectedAxis, 3.0) : QPen(QColor(60, 60, 60), 1.2));
        line->setSelectable(false);
        m_items << line;
        auto label = [&](double at, const QString &text) {
            auto *item = new QCPItemText(plot);
            item->position->setCoords(axis, at);
            item->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
            item->setPadding(QMargins(4, 0, 0, 0));
            item->setFont(small);
            item->setColor(QColor(70, 70, 70));
            item->setText(text);
            item->setSelectable(false);
            m_items << item;
        };
        if (!isLoss && space().parameter(axis).distribution.isCategorical()) {
            const int options = space().parameter(axis).distribution.optionCount();
            for (int option = 0; option < options; ++option) {
                label(options > 1 ? double(option) / (options - 1) : 0.5,
                      TrialTableModel::optionText(space(), axis, option));
            }
        } else {
            label(0.0, QString::number(rawFromPosition(axis, 0.0), 'g', 3));
            label(1.0, QString::number(rawFromPosition(axis, 1.0), 'g', 3));
        }
    }
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setRange(-0.3, axisCount() - 0.4);
}

void ParallelCoordinatesPlot::drawBrushes()
{
    for (auto it = m_brushes.cbegin(); it != m_brushes.cend(); ++it) {
        auto *rect = new QCPItemRect(customPlot());
        rect->topLeft->setCoords(it.key() - kBrushHalfWidth, it.value().second);
        rect->bottomRight->setCoords(it.key() + kBrushHalfWidth, it.value().first);
        rect->setPen(QPen(QColor(214, 39, 40), 1.5));
        rect->setBrush(QColor(214, 39, 40, 45));
        rect->setSelectable(false);
        m_items << rect;
    }
}

void ParallelCoordinatesPlot::redraw()
{
    QCustomPlot *plot = customPlot();
    plot->clearPlottables();
    m_draft->setEnabled(false); // until a draft is drawn below
    for (QCPAbstractItem *item : std::as_const(m_items))
        plot->removeItem(item);
    m_items.clear();
    m_lineCount = m_selectedCount = 0;
    updateAxisRanges();
    const std::vector<const Trial *> completed = completedTrials();
    if (space().size() == 0 && completed.empty()) {
        setMessage(emptyMessage());
        return;
    }
    drawAxes();
    std::vector<const Trial *> ranked = completed;
    std::stable_sort(ranked.begin(), ranked.end(), [](const Trial *a, const Trial *b) { return *a->loss < *b->loss; });
    // Grey (outside a brush) first, then colour bins from worst to best so the best lie on top.
    auto *grey = new QCPCurve(plot->xAxis, plot->yAxis);
    grey->setPen(QPen(QColor(190, 190, 190, 90), 1.0));
    grey->setName(tr("outside the brushes"));
    std::vector<QCPCurve *> bins;
    for (int bin = kColorBins - 1; bin >= 0; --bin) {
        auto *curve = new QCPCurve(plot->xAxis, plot->yAxis);
        QColor color = rankColor(double(bin) / (kColorBins - 1));
        color.setAlpha(150);
        curve->setPen(QPen(color, 1.2));
        curve->setName(tr("trials, loss group %1 of %2 (1 = best)").arg(bin + 1).arg(kColorBins));
        bins.insert(bins.begin(), curve);
    }
    std::vector<double> counters(kColorBins + 1, 0.0);
    std::vector<QVector<int>> numbers(kColorBins + 1); // per curve (bins, then grey), per data point
    const double total = double(ranked.size());
    for (std::size_t rank = 0; rank < ranked.size(); ++rank) {
        const Trial &trial = *ranked[rank];
        bool selected = true;
        std::vector<std::optional<double>> positions(static_cast<std::size_t>(axisCount()));
        for (int axis = 0; axis < axisCount(); ++axis) {
            positions[std::size_t(axis)] = position(trial, axis);
            if (const auto brush = m_brushes.constFind(axis); brush != m_brushes.cend()) {
                const auto &p = positions[std::size_t(axis)];
                selected = selected && p && *p >= brush->first && *p <= brush->second;
            }
        }
        const int bin = std::min(kColorBins - 1, int(double(rank) * kColorBins / total));
        QCPCurve *curve = selected ? bins[std::size_t(bin)] : grey;
        const std::size_t slot = selected ? std::size_t(bin) : std::size_t(kColorBins);
        double &counter = counters[slot];
        for (int axis = 0; axis < axisCount(); ++axis) {
            const auto &p = positions[std::size_t(axis)];
            curve->addData(counter++, axis, p ? *p : std::numeric_limits<double>::quiet_NaN());
        }
        curve->addData(counter++, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN());
        numbers[slot].insert(numbers[slot].end(), axisCount() + 1, trial.number);
        ++m_lineCount;
        m_selectedCount += selected ? 1 : 0;
    }
    // Lines wider than a pixel go through Qt's stroker (a polygon fill per segment): a thousand
    // trials took half a second to paint. One-pixel cosmetic lines take a fraction of that;
    // antialiasing still costs several times more, and at thousands of lines it shows nothing.
    const bool dense = m_lineCount >= kDenseLines;
    std::vector<QCPCurve *> curves = bins;
    curves.push_back(grey);
    // The draft: every n-th line of each curve, on the draft layer, hidden and shown with its curve.
    const int every = (m_lineCount + kDraftLines - 1) / kDraftLines;
    for (QCPCurve *curve : curves) {
        curve->setAntialiased(!dense);
        curve->setPen(cosmeticPen(curve->pen()));
        curve->setLayer(m_draft->fullLayer());
        if (every > 1)
            m_draft->addThinnedCopy(curve, axisCount() + 1, every); // a line: its points and its NaN break
    }
    m_draft->setEnabled(every > 1);
    for (int bin = 0; bin < kColorBins; ++bin)
        setTrialNumbers(bins[std::size_t(bin)], std::move(numbers[std::size_t(bin)]));
    setTrialNumbers(grey, std::move(numbers[kColorBins]));
    drawBrushes();
    setMessage(completed.empty() ? emptyMessage() : QString());
    if (!m_brushes.isEmpty())
        setTitle(tr("Parallel coordinates: %1 of %2 trials inside the brushes").arg(m_selectedCount).arg(m_lineCount));
    else
        setTitle(tr("Parallel coordinates"));
}

void ParallelCoordinatesPlot::setBrush(int axis, double low, double high)
{
    m_brushes[axis] = {std::clamp(low, 0.0, 1.0), std::clamp(high, 0.0, 1.0)};
    refresh();
    requestReplot();
    Q_EMIT brushChanged(axis, rawFromPosition(axis, m_brushes[axis].first), rawFromPosition(axis, m_brushes[axis].second));
}

void ParallelCoordinatesPlot::clearBrushes()
{
    const QList<int> axes = m_brushes.keys();
    m_brushes.clear();
    refresh();
    requestReplot();
    for (int axis : axes)
        Q_EMIT brushCleared(axis);
}

int ParallelCoordinatesPlot::axisNear(QPointF position) const
{
    if (m_ranges.empty())
        return -1;
    const double key = customPlot()->xAxis->pixelToCoord(position.x());
    const int axis = int(std::lround(key));
    if (axis < 0 || axis >= axisCount() || std::abs(key - axis) > kAxisGrab)
        return -1;
    return axis;
}

PlotPoint ParallelCoordinatesPlot::nearestPoint(QPointF position) const
{
    if (m_ranges.empty())
        return PlotPoint();
    // During a draft the full lines are hidden but still the ones to pick from.
    const bool drafting = m_draft->isDrafting();
    m_draft->fullLayer()->setVisible(true);
    const PlotPoint point = ParallelLinePicker::nearest(*customPlot(), axisCount(), position);
    m_draft->fullLayer()->setVisible(!drafting);
    return point;
}

bool ParallelCoordinatesPlot::claimsPress(QPointF position) const
{
    return axisNear(position) >= 0;
}

QStringList ParallelCoordinatesPlot::readoutLines(const PlotPoint &point) const
{
    const int number = trialAt(point);
    const int axis = int(std::lround(point.key));
    if (number < 0 || axis < 0 || axis >= axisCount())
        return TrialPlot::readoutLines(point);
    const auto trial = std::find_if(trials().cbegin(), trials().cend(), [number](const Trial &t) { return t.number == number; });
    if (trial == trials().cend())
        return TrialPlot::readoutLines(point);
    QStringList lines{tr("trial %1").arg(number)};
    if (axis < space().size())
        lines << QStringLiteral("%1 = %2").arg(QString::fromStdString(space().parameter(axis).name),
                                              TrialTableModel::parameterText(space(), *trial, axis));
    lines << tr("loss = %1").arg(QString::number(*trial->loss, 'g', 6));
    return lines;
}

void ParallelCoordinatesPlot::selectionShape(int number, QVector<QPointF> &, QVector<QPointF> &line) const
{
    const auto trial = std::find_if(trials().cbegin(), trials().cend(), [number](const Trial &t) { return t.number == number; });
    if (trial == trials().cend() || trial->state != TrialState::Complete || !trial->loss || !std::isfinite(*trial->loss))
        return;
    for (int axis = 0; axis < axisCount(); ++axis) {
        const std::optional<double> at = position(*trial, axis);
        line << QPointF(axis, at ? *at : std::numeric_limits<double>::quiet_NaN());
    }
}

void ParallelCoordinatesPlot::parameterSelectionChanged()
{
    if (!isVisible())
        return; // its tab being opened redraws it (SearchResultsPanel)
    refresh();
    requestReplot();
}

void ParallelCoordinatesPlot::onMousePress(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const int axis = axisNear(event->position());
    if (axis < 0)
        return;
    m_dragAxis = axis;
    m_dragStart = std::clamp(customPlot()->yAxis->pixelToCoord(event->position().y()), 0.0, 1.0);
    m_dragRect = new QCPItemRect(customPlot());
    m_dragRect->setLayer(kDragLayer);
    m_dragRect->setPen(QPen(QColor(214, 39, 40), 1.0, Qt::DashLine));
    m_dragRect->setBrush(QColor(214, 39, 40, 30));
    m_dragRect->topLeft->setCoords(axis - kBrushHalfWidth, m_dragStart);
    m_dragRect->bottomRight->setCoords(axis + kBrushHalfWidth, m_dragStart);
}

void ParallelCoordinatesPlot::onMouseMove(QMouseEvent *event)
{
    if (m_dragAxis < 0 || !m_dragRect)
        return;
    const double y = std::clamp(customPlot()->yAxis->pixelToCoord(event->position().y()), 0.0, 1.0);
    m_dragRect->topLeft->setCoords(m_dragAxis - kBrushHalfWidth, std::max(y, m_dragStart));
    m_dragRect->bottomRight->setCoords(m_dragAxis + kBrushHalfWidth, std::min(y, m_dragStart));
    m_dragRect->layer()->replot();
}

void ParallelCoordinatesPlot::onMouseRelease(QMouseEvent *event)
{
    if (m_dragAxis < 0)
        return;
    const int axis = m_dragAxis;
    m_dragAxis = -1;
    if (m_dragRect)
        customPlot()->removeItem(m_dragRect);
    m_dragRect = nullptr;
    const double end = std::clamp(customPlot()->yAxis->pixelToCoord(event->position().y()), 0.0, 1.0);
    if (std::abs(end - m_dragStart) < 0.01) {
        m_brushes.remove(axis);
        refresh();
        requestReplot();
        Q_EMIT brushCleared(axis);
        return;
    }
    setBrush(axis, std::min(end, m_dragStart), std::max(end, m_dragStart));
}

QString ParallelCoordinatesPlot::dataAsCsv() const
{
    QString csv = QStringLiteral("number");
    for (const SearchParameter &parameter : space().parameters())
        csv += QLatin1Char(',') + QString::fromStdString(parameter.name);
    csv += QStringLiteral(",loss\n");
    for (const Trial *trial : completedTrials()) {
        csv += QString::number(trial->number);
        for (int p = 0; p < space().size(); ++p)
            csv += QLatin1Char(',') + (p < trial->params.size() && trial->params.isActive(p)
                                           ? QString::number(trial->params.raw(p), 'g', 17) : QString());
        csv += QLatin1Char(',') + QString::number(*trial->loss, 'g', 17) + QLatin1Char('\n');
    }
    return csv;
}

} // namespace loupe
