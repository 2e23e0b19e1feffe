#include "ui/train/TrainRunListModel.h"

#include "ui/common/MessageBanner.h"

#include <QBrush>
#include <QColor>

#include <cmath>

namespace loupe {

namespace {

bool isProblem(RunStatus status)
{
    return status == RunStatus::Diverged || status == RunStatus::Failed || status == RunStatus::Interrupted;
}

} // namespace

TrainRunListModel::TrainRunListModel(QObject *parent) : QAbstractTableModel(parent) {}

void TrainRunListModel::setRuns(std::vector<StoredTrainRun> runs)
{
    beginResetModel();
    m_runs = std::move(runs);
    QSet<qint64> listed;
    for (const StoredTrainRun &run : m_runs)
        listed.insert(run.record.id);
    const bool dropped = !(m_checked - listed).isEmpty();
    m_checked &= listed;
    endResetModel();
    if (dropped)
        Q_EMIT checkedRunsChanged();
}

int TrainRunListModel::rowOf(qint64 runId) const
{
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        if (m_runs[i].record.id == runId)
            return int(i);
    }
    return -1;
}

void TrainRunListModel::setChecked(qint64 runId, bool checked)
{
    const int row = rowOf(runId);
    if (row < 0 || isChecked(runId) == checked)
        return;
    if (checked)
        m_checked.insert(runId);
    else
        m_checked.remove(runId);
    const QModelIndex cell = index(row, RunColumn);
    Q_EMIT dataChanged(cell, cell, {Qt::CheckStateRole});
    Q_EMIT checkedRunsChanged();
}

std::vector<StoredTrainRun> TrainRunListModel::checkedRuns() const
{
    std::vector<StoredTrainRun> checked;
    for (const StoredTrainRun &run : m_runs) {
        if (m_checked.contains(run.record.id))
            checked.push_back(run);
    }
    return checked;
}

int TrainRunListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int TrainRunListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrainRunListModel::display(const StoredTrainRun &run, int column) const
{
    switch (column) {
    case RunColumn:
        return run.record.id;
    case ModelColumn:
        return run.specName;
    case DataColumn:
        return run.dataSource;
    case StatusColumn:
        return runStatusName(run.record.status);
    case EpochsColumn:
        return run.epochsCompleted;
    case AccuracyColumn:
        return std::isfinite(run.testAccuracy) ? QString::number(run.testAccuracy, 'f', 4) : QStringLiteral("—");
    case StartedColumn:
        return run.record.startedAt.toString(QStringLiteral("yyyy-MM-dd hh:mm:ss"));
    default:
        return {};
    }
}

QVariant TrainRunListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StoredTrainRun &run = m_runs[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(run, index.column());
    case Qt::CheckStateRole:
        if (index.column() == RunColumn)
            return isChecked(run.record.id) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn && isProblem(run.record.status))
            return QBrush(MessageBanner::textColor(MessageBanner::Kind::Error));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == DataColumn && !run.scaling.isEmpty())
            return run.scaling;
        if (!run.message.isEmpty())
            return run.message;
        return index.column() == RunColumn ? tr("Check to overlay this run's curves") : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == RunColumn || index.column() == EpochsColumn || index.column() == AccuracyColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RunIdRole:
        return run.record.id;
    default:
        return {};
    }
}

bool TrainRunListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != RunColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    setChecked(m_runs[std::size_t(index.row())].record.id, value.value<Qt::CheckState>() == Qt::Checked);
    return true;
}

QVariant TrainRunListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RunColumn:
        return tr("Run");
    case ModelColumn:
        return tr("Model");
    case DataColumn:
        return tr("Data");
    case StatusColumn:
        return tr("Status");
    case EpochsColumn:
        return tr("Epochs");
    case AccuracyColumn:
        return tr("Test acc.");
    case StartedColumn:
        return tr("Started (UTC)");
    default:
        return {};
    }
}

Qt::ItemFlags TrainRunListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == RunColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

} // namespace loupe
