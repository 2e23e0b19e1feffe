#pragma once
// The workspace's stored training runs, newest first, as a table with a check box per run:
// checking runs overlays their stored curves on the Train page's plots.
//   columns: Run (check box + id), Model, Data, Status, Epochs, Test accuracy, Started (UTC)
// A diverged or failed run shows its status in red with the message as tooltip.
// Checked runs survive setRuns() (matched by id).

#include "jobs/StoredTrainRuns.h"

#include <QAbstractTableModel>
#include <QSet>

#include <vector>

namespace loupe {

class TrainRunListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { RunColumn, ModelColumn, DataColumn, StatusColumn, EpochsColumn, AccuracyColumn, StartedColumn,
                  ColumnCount };
    enum Role { RunIdRole = Qt::UserRole + 1 };

    explicit TrainRunListModel(QObject *parent = nullptr);

    void setRuns(std::vector<StoredTrainRun> runs);
    const std::vector<StoredTrainRun> &runs() const { return m_runs; }
    // -1 when the run is not listed.
    int rowOf(qint64 runId) const;
    // requires: 0 <= row < rowCount().
    const StoredTrainRun &runAt(int row) const { return m_runs[std::size_t(row)]; }

    void setChecked(qint64 runId, bool checked);
    bool isChecked(qint64 runId) const { return m_checked.contains(runId); }
    // In list order.
    std::vector<StoredTrainRun> checkedRuns() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void checkedRunsChanged();

private:
    QVariant display(const StoredTrainRun &run, int column) const;

    std::vector<StoredTrainRun> m_runs;
    QSet<qint64> m_checked;
};

} // namespace loupe
