#include "ui/common/DatasetSession.h"

namespace loupe {

DatasetSession::DatasetSession(QObject *parent) : QObject(parent) {}

void DatasetSession::setCurrent(const LoadedTable &loaded)
{
    m_current = loaded;
    Q_EMIT datasetChanged();
}

void DatasetSession::clear()
{
    m_current = LoadedTable();
    Q_EMIT datasetChanged();
}

} // namespace loupe
