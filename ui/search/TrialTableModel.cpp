#include "ui/search/TrialTableModel.h"

#include "ui/common/MessageBanner.h"

#include <QBrush>
#include <QColor>

#include <cmath>

namespace loupe {

namespace {

QString jsonText(const nlohmann::json &value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_number_float())
        return QString::number(value.get<double>(), 'g', 5);
    return QString::fromStdString(value.dump());
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

TrialTableModel::TrialTableModel(QObject *parent) : QAbstractTableModel(parent) { }

void TrialTableModel::reset(const SearchSpace &space, const std::vector<Trial> &trials)
{
    beginResetModel();
    m_space = space;
    m_trials.clear();
    m_rowByNumber.clear();
    for (const Trial &trial : trials) {
        m_rowByNumber[trial.number] = int(m_trials.size());
        m_trials.push_back(trial);
    }
    endResetModel();
}

void TrialTableModel::update(const std::vector<Trial> &trials)
{
    std::vector<const Trial *> added;
    for (const Trial &trial : trials) {
        const auto found = m_rowByNumber.find(trial.number);
        if (found == m_rowByNumber.end()) {
            added.push_back(&trial);
            continue;
        }
        Trial &current = m_trials[std::size_t(found->second)];
        if (current.state == trial.state && current.loss == trial.loss && current.seconds == trial.seconds)
            continue;
        current = trial;
        Q_EMIT dataChanged(index(found->second, 0), index(found->second, columnCount() - 1));
    }
    if (added.empty())
        return;
    const int first = int(m_trials.size());
    beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
    for (const Trial *trial : added) {
        m_rowByNumber[trial->number] = int(m_trials.size());
        m_trials.push_back(*trial);
    }
    endInsertRows();
}

int TrialTableModel::rowOf(int trialNumber) const
{
    const auto found = m_rowByNumber.find(trialNumber);
    return found == m_rowByNumber.end() ? -1 : found->second;
}

int TrialTableModel::parameterOfColumn(int column) const
{
    const int parameter = column - 2;
    return parameter >= 0 && parameter < m_space.size() ? parameter : -1;
}

QString TrialTableModel::parameterText(const SearchSpace &space, const Trial &trial, int parameter)
{
    if (parameter >= trial.params.size() || !trial.params.isActive(parameter))
        return {};
    const Distribution &distribution = space.parameter(parameter).distribution;
    if (distribution.isCategorical())
        return optionText(space, parameter, trial.params.index(parameter));
    const double raw = trial.params.raw(parameter);
    return distribution.isIntegral() ? QString::number(qint64(std::llround(raw))) : QString::number(raw, 'g', 5);
}

QString TrialTableModel::optionText(const SearchSpace &space, int parameter, int option)
{
    const auto &options = space.parameter(parameter).options;
    if (option >= 0 && option < int(options.size()) && !options[std::size_t(option)].is_object())
        return jsonText(options[std::size_t(option)]);
    return QStringLiteral("option %1").arg(option);
}

int TrialTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_trials.size());
}

int TrialTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 4 + m_space.size();
}

QVariant TrialTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_trials.size()))
        return {};
    const Trial &trial = m_trials[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(trial, index.column());
    case SortRole:
        return sortValue(trial, index.column());
    case TrialNumberRole:
        return trial.number;
    case Qt::TextAlignmentRole:
        return index.column() == 1 ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() == 1 && trial.state == TrialState::Fail)
            return QBrush(MessageBanner::textColor(MessageBanner::Kind::Error));
        if (index.column() == 1 && trial.state == TrialState::Running)
            return QBrush(QColor(30, 90, 190));
        return {};
    case Qt::ToolTipRole:
        return trial.error.empty() ? QVariant() : QVariant(QString::fromStdString(trial.error));
    default:
        return {};
    }
}

QVariant TrialTableModel::displayValue(const Trial &trial, int column) const
{
    if (column == 0)
        return trial.number;
    if (column == 1)
        return QString::fromLatin1(trialStateName(trial.state).data(), int(trialStateName(trial.state).size()));
    if (const int parameter = parameterOfColumn(column); parameter >= 0)
        return parameterText(m_space, trial, parameter);
    if (column == lossColumn())
        return trial.loss ? QVariant(QString::number(*trial.loss, 'g', 6)) : QVariant();
    if (column == secondsColumn())
        return trial.state == TrialState::Running ? QVariant() : QVariant(QString::number(trial.seconds, 'f', 3));
    return {};
}

QVariant TrialTableModel::sortValue(const Trial &trial, int column) const
{
    if (column == 0)
        return trial.number;
    if (column == 1)
        return int(trial.state);
    if (const int parameter = parameterOfColumn(column); parameter >= 0) {
        if (parameter >= trial.params.size() || !trial.params.isActive(parameter))
            return {};
        return trial.params.raw(parameter);
    }
    if (column == lossColumn())
        return trial.loss ? QVariant(*trial.loss) : QVariant();
    if (column == secondsColumn())
        return trial.seconds;
    return {};
}

QVariant TrialTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == 0)
        return tr("#");
    if (section == 1)
        return tr("State");
    if (const int parameter = parameterOfColumn(section); parameter >= 0)
        return QString::fromStdString(m_space.parameter(parameter).name);
    if (section == lossColumn())
        return tr("Loss");
    if (section == secondsColumn())
        return tr("Seconds");
    return {};
}

QString TrialTableModel::toCsv() const
{
    QStringList header;
    for (int column = 0; column < columnCount(); ++column)
        header << csvField(headerData(column, Qt::Horizontal).toString());
    header << QStringLiteral("error");
    QString csv = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const Trial &trial : m_trials) {
        QStringList fields;
        for (int column = 0; column < columnCount(); ++column) {
            if (column == lossColumn() && trial.loss)
                fields << QString::number(*trial.loss, 'g', 17);
            else
                fields << csvField(displayValue(trial, column).toString());
        }
        fields << csvField(QString::fromStdString(trial.error));
        csv += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return csv;
}

QByteArray TrialTableModel::toJson() const
{
    nlohmann::json array = nlohmann::json::array();
    for (const Trial &trial : m_trials) {
        nlohmann::json item{{"number", trial.number},
                            {"state", std::string(trialStateName(trial.state))},
                            {"params", trial.params.valuesJson(m_space)},
                            {"indices", trial.params.indicesJson(m_space)},
                            {"seconds", trial.seconds}};
        item["loss"] = trial.loss ? nlohmann::json(*trial.loss) : nlohmann::json(nullptr);
        if (!trial.error.empty())
            item["error"] = trial.error;
        array.push_back(std::move(item));
    }
    return QByteArray::fromStdString(array.dump(2));
}

} // namespace loupe
