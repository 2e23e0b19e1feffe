#pragma once
// The failing column of one data test: every value by row (sampled to at most kMaxPassingPoints passing
// points so a million-row column stays responsive), the failing values marked in red, and the test's
// bound(s) drawn as dashed lines. Datetime columns get a date axis. Non-numeric columns and table-level
// tests show a message instead of points.

#include "ui/common/PlotWidget.h"

#include <QVector>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

class QCPGraph;
class QCPItemText;
class QCPTextElement;

namespace loupe {

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

private:
    void clear();
    void addBound(double value, const QString &label, bool dateAxis);

    QCPGraph *m_passing = nullptr;
    QCPGraph *m_failing = nullptr;
    QCPTextElement *m_title = nullptr;
    QCPItemText *m_message = nullptr;
    std::vector<double> m_bounds;
    QString m_columnName;
};

} // namespace loupe
