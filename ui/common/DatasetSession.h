#pragma once
// The dataset the pages work on: the Data page sets it after a load, later pages (Checks, Privacy,
// Train, ...) read it and follow changes. Lives on the UI thread.

#include "jobs/LoadedTable.h"

#include <QObject>

namespace loupe {

class DatasetSession : public QObject {
    Q_OBJECT
public:
    explicit DatasetSession(QObject *parent = nullptr);

    bool hasDataset() const { return static_cast<bool>(m_current.table); }
    // The current dataset; its table is nullptr when none is loaded.
    const LoadedTable &current() const { return m_current; }
    void setCurrent(const LoadedTable &loaded);
    void clear();

Q_SIGNALS:
    void datasetChanged();

private:
    LoadedTable m_current;
};

} // namespace loupe
