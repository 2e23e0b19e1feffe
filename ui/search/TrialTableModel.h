#pragma once
// The trials of one study as a table: one row per trial, in trial-number order.
//   columns: #, State, one column per search parameter, Loss, Seconds
// DisplayRole is formatted text (choices show the chosen option, inactive conditional parameters
// are blank); SortRole (Qt::UserRole) is the number to sort and brush on (the option index for
// choices, the raw value otherwise; invalid when there is none). A failed trial's reason is its
// tooltip. Updating keeps rows in place so selections and sorting survive live updates.
#include "core/search/SearchSpace.h"
#include "core/search/Trial.h"

#include <QAbstractTableModel>

#include <unordered_map>
#include <vector>

namespace loupe {

class TrialTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role { SortRole = Qt::UserRole, TrialNumberRole };

    explicit TrialTableModel(QObject *parent = nullptr);

    // A new study: replaces the columns and every row.
    void reset(const SearchSpace &space, const std::vector<Trial> &trials);
    // Adds trials with new numbers and refreshes the ones already listed.
    void update(const std::vector<Trial> &trials);

    const SearchSpace &space() const { return m_space; }
    const std::vector<Trial> &trials() const { return m_trials; }
    // -1 when the trial is not listed.
    int rowOf(int trialNumber) const;

    // Column layout helpers.
    int parameterColumn(int parameter) const { return 2 + parameter; }
    int lossColumn() const { return 2 + m_space.size(); }
    int secondsColumn() const { return 3 + m_space.size(); }
    // The parameter shown in a column, or -1 for #, State, Loss and Seconds.
    int parameterOfColumn(int column) const;

    // Text of one parameter of a trial as the table shows it ("" when inactive).
    static QString parameterText(const SearchSpace &space, const Trial &trial, int parameter);
    // The label of one option of a categorical parameter (its value, or "option N" for a sub-space).
    static QString optionText(const SearchSpace &space, int parameter, int option);

    // The table as CSV (header line, then one line per trial) and as a JSON array.
    QString toCsv() const;
    QByteArray toJson() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayValue(const Trial &trial, int column) const;
    QVariant sortValue(const Trial &trial, int column) const;

    SearchSpace m_space;
    std::vector<Trial> m_trials;
    std::unordered_map<int, int> m_rowByNumber;
};

} // namespace loupe
