#pragma once
// The failing column of one data test: every value by row (sampled to at most kMaxPassingPoints passing
// points so a million-row column stays responsive), the failing values marked in red, and the test's
// bound(s) drawn as dashed lines. Datetime columns get a date axis. Non-numeric columns and table-level
// tests show a message instead of points. A click on a point emits rowClicked() (the Checks page shows
// that row on the Data page) and rings it.

#include "ui/common/PlotWidget.h"

#include <QList>
#include <QVector>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

class QCPAbstractItem;
class QCPGraph;
class QCPItemText;

namespace loupe {

class PlotTitle;

class Table;
struct CheckTestResult;

class FailurePlot : public PlotWidget {
    Q_OBJECT
public:
    static constexpr int kMaxPassingPoints = 50000;

    explicit FailurePlot(QWidget *parent = nullptr);

    // Plots the first column of test.outcome.columns from table. requires: table outlives nothing (copied).
    void showTest(const Table &table, const CheckTestResult &test);
    void showMessage(const QString &message);

    int failingPointCount() const;
    int passingPointCount() const;
    int boundCount() const { return int(m_bounds.size()); }
    QString title() const;
    QString dataAsCsv() const override;
    // Rings the point of `row` when it is drawn; -1 clears.
    void setSelectedRow(qint64 row);
    qint64 selectedRow() const { return m_selectedRow; }

Q_SIGNALS:
    // The user clicked the point of `row` (0-based, as the Data page numbers rows) of `column`.
    void rowClicked(const QString &column, quint64 row);

protected:
    QStringList readoutLines(const PlotPoint &point) const override;
    void pointClicked(const PlotPoint &point) override;

private:
    void clear();
    void addBound(double value, const QString &label, bool dateAxis);

    QCPGraph *m_passing = nullptr;
    QCPGraph *m_failing = nullptr;
    PlotTitle *m_title = nullptr;
    QCPItemText *m_message = nullptr;
    std::vector<double> m_bounds;
    QList<QCPAbstractItem *> m_boundItems;
    qint64 m_selectedRow = -1;
    QString m_columnName;
};

} // namespace loupe
