#pragma once
// Shows one column's statistics (type, rows, missing, distinct, min, max, mean, std) and its
// distribution plot. Display only: DataPage decides which column and computes the statistics.

#include "core/data/ColumnStats.h"

#include <QHash>
#include <QWidget>

class QFormLayout;
class QLabel;

namespace loupe {

class HistogramPlot;

class ColumnPanel : public QWidget {
    Q_OBJECT
public:
    enum class Field { Name, Type, Rows, Missing, Distinct, Min, Max, Mean, Std };

    explicit ColumnPanel(QWidget *parent = nullptr);

    // Nothing selected (or no table).
    void clear();
    // The column's statistics are being computed.
    void showPending(const QString &columnName);
    void showStats(const ColumnStats &stats);

    // The text shown for a field ("—" when it does not apply or nothing is shown).
    QString fieldText(Field field) const;
    HistogramPlot *plot() const { return m_plot; }

private:
    void addField(QFormLayout *form, Field field, const QString &label);
    void setField(Field field, const QString &text);
    void clearFields();

    QLabel *m_heading = nullptr;
    QHash<Field, QLabel *> m_values;
    HistogramPlot *m_plot = nullptr;
};

} // namespace loupe
