#include "db/studies/SqlTrialStore.h"

#include "core/util/JsonReader.h"
#include "core/util/Timer.h"
#include "db/store/Store.h"
#include "db/store/Transaction.h"
#include "db/store/UtcTimestamp.h"
#include "db/studies/TrialRepository.h"

#include <QCoreApplication>
#include <QSysInfo>

#include <cmath>

namespace loupe {

QString defaultWorkerName()
{
    return QSysInfo::machineHostName() + QLatin1Char(':') + QString::number(QCoreApplication::applicationPid());
}

Result<TrialParams> parseTrialParams(int number, const QString &paramsJson, const SearchSpace &space)
{
    Result<nlohmann::json> json = JsonReader::parse(paramsJson.toStdString(), "trial " + std::to_string(number) + "'s params");
    if (!json.isOk())
        return json.status();
    auto params = TrialParams::fromJson(space, json.value());
    if (!params.isOk())
        return Status::invalidInput("trial " + std::to_string(number) + " does not fit the study's space: "
                                    + params.message());
    return params;
}

Result<Trial> toTrial(const TrialRecord &record, const SearchSpace &space)
{
    Trial trial;
    trial.number = record.number;
    trial.state = record.state;
    if (record.state == TrialState::Complete || record.state == TrialState::Pruned)
        trial.loss = record.loss;
    trial.error = record.error.toStdString();
    trial.seconds = record.seconds.value_or(0.0);
    auto params = parseTrialParams(record.number, record.paramsJson, space);
    if (!params.isOk())
        return params.status();
    trial.params = params.takeValue();
    return trial;
}

SqlTrialStore::SqlTrialStore(QString location, qint64 studyId, const SearchSpace &space, QString workerName,
                             std::chrono::milliseconds heartbeatInterval)
    : m_location(std::move(location)), m_studyId(studyId), m_space(space), m_workerName(std::move(workerName)),
      m_view(space), m_heartbeat(m_location, heartbeatInterval)
{
}

SqlTrialStore::~SqlTrialStore()
{
    releaseThreadConnection();
}

Result<Store *> SqlTrialStore::threadStore() const
{
    std::lock_guard lock(m_mutex);
    ThreadConnection &connection = m_connections[std::this_thread::get_id()];
    if (!connection.store) {
        auto opened = Store::open(m_location);
        if (!opened.isOk()) {
            m_connections.erase(std::this_thread::get_id());
            return opened.status();
        }
        connection.store = opened.takeValue();
        connection.ordinal = m_nextOrdinal++;
    }
    return connection.store.get();
}

QString SqlTrialStore::threadWorkerName() const
{
    std::lock_guard lock(m_mutex);
    const auto found = m_connections.find(std::this_thread::get_id());
    const int ordinal = found == m_connections.end() ? 0 : found->second.ordinal;
    return m_workerName + QLatin1Char('/') + QString::number(ordinal);
}

void SqlTrialStore::releaseThreadConnection()
{
    std::unique_ptr<Store> store;
    {
        std::lock_guard lock(m_mutex);
        const auto found = m_connections.find(std::this_thread::get_id());
        if (found == m_connections.end())
            return;
        store = std::move(found->second.store);
        m_connections.erase(found);
    }
    store.reset(); // outside the lock: closing may wait for the database
}

std::optional<SqlTrialStore::ReservedTrial> SqlTrialStore::currentTrial() const
{
    std::lock_guard lock(m_mutex);
    const auto found = m_connections.find(std::this_thread::get_id());
    return found == m_connections.end() ? std::nullopt : found->second.current;
}

void SqlTrialStore::setCurrentTrial(int number, std::optional<qint64> id)
{
    std::lock_guard lock(m_mutex);
    const auto found = m_connections.find(std::this_thread::get_id());
    if (found == m_connections.end())
        return;
    std::optional<ReservedTrial> &current = found->second.current;
    if (id)
        current = ReservedTrial{number, *id};
    else if (current && current->number == number)
        current.reset();
}

std::optional<qint64> SqlTrialStore::runningTrialId(int number) const
{
    std::lock_guard lock(m_mutex);
    const auto found = m_running.find(number);
    return found == m_running.end() ? std::nullopt : std::optional<qint64>(found->second);
}

Result<std::optional<int>> SqlTrialStore::reserve(const TrialParams &params, int maxTrials, BudgetRule rule)
{
    auto store = threadStore();
    if (!store.isOk())
        return store.status();
    const QString json = QString::fromStdString(params.toJson(m_space).dump());
    TrialRepository repository(*store.value());
    auto tx = Transaction::begin(*store.value());
    if (!tx.isOk())
        return tx.status();
    // The study's lock (and the next change number) first: from here until commit nobody else
    // changes the study, so after catching up the view is the study as it stands.
    auto change = repository.nextChange(m_studyId);
    if (!change.isOk())
        return change.status();
    std::lock_guard viewLock(m_viewMutex);
    if (Status caught = catchUp(repository); !caught.isOk())
        return caught;
    const TrialCounts &tally = m_view.counts();
    const int used = (rule == BudgetRule::AllTrials ? tally.counted() : tally.successful()) + tally.running;
    if (maxTrials >= 0 && used >= maxTrials)
        return std::optional<int>(); // the transaction rolls back: the change number is not spent
    TrialChangeRow row;
    row.number = tally.maxNumber + 1;
    row.paramsJson = json;
    row.changeSeq = change.value();
    auto id = repository.insertRunning(m_studyId, row.number, json, threadWorkerName(), row.changeSeq,
                                       UtcTimestamp::now());
    if (!id.isOk())
        return id.status();
    if (Status committed = tx.value().commit(); !committed.isOk())
        return committed;
    row.id = id.value();
    // Every change before this one has been read (the lock), so the view may take it as it is.
    if (Status applied = m_view.apply({row}); !applied.isOk())
        return applied;
    {
        std::lock_guard lock(m_mutex);
        m_running[row.number] = row.id;
    }
    setCurrentTrial(row.number, row.id);
    m_heartbeat.add(row.id);
    return std::optional<int>(row.number);
}

Status SqlTrialStore::finish(int number, TrialState state, std::optional<double> loss, const std::string &error,
                             double seconds)
{
    const std::optional<qint64> id = runningTrialId(number);
    if (!id)
        return Status::invalidInput("trial " + std::to_string(number) + " was not reserved by this worker");
    auto store = threadStore();
    if (!store.isOk())
        return store.status();
    TrialOutcome outcome;
    outcome.state = state;
    outcome.loss = loss;
    outcome.error = QString::fromStdString(error);
    outcome.seconds = seconds;
    const Status finished = TrialRepository(*store.value()).finish(*id, outcome);
    if (finished.isOk())
        forgetTrial(number, *id);
    return finished;
}

Status SqlTrialStore::abandon(int number, const QString &reason)
{
    const std::optional<qint64> id = runningTrialId(number);
    if (!id)
        return Status::invalidInput("trial " + std::to_string(number) + " was not reserved by this worker");
    auto store = threadStore();
    if (!store.isOk())
        return store.status();
    const Status abandoned = TrialRepository(*store.value()).abandon(*id, reason);
    if (abandoned.isOk())
        forgetTrial(number, *id);
    return abandoned;
}

void SqlTrialStore::forgetTrial(int number, qint64 id)
{
    m_heartbeat.remove(id);
    setCurrentTrial(number, std::nullopt);
    std::lock_guard lock(m_mutex);
    m_running.erase(number);
}

Result<int> SqlTrialStore::reapStale(std::chrono::milliseconds grace)
{
    auto store = threadStore();
    if (!store.isOk())
        return store.status();
    return TrialRepository(*store.value()).reapStale(m_studyId, grace);
}

Result<TrialCounts> SqlTrialStore::counts() const
{
    auto store = threadStore();
    if (!store.isOk())
        return store.status();
    TrialRepository repository(*store.value());
    std::lock_guard lock(m_viewMutex);
    if (Status caught = catchUp(repository); !caught.isOk())
        return caught;
    return m_view.counts();
}

qint64 SqlTrialStore::lastChangeRead() const
{
    std::lock_guard lock(m_viewMutex);
    return m_view.lastChange();
}

SqlTrialStore::ReadCost SqlTrialStore::readCost() const
{
    std::lock_guard lock(m_viewMutex);
    return m_readCost;
}

Result<std::vector<TrialRecord>> SqlTrialStore::records() const
{
    auto store = threadStore();
    if (!store.isOk())
        return store.status();
    return TrialRepository(*store.value()).list(m_studyId);
}

Result<std::vector<Trial>> SqlTrialStore::trials() const
{
    auto store = threadStore();
    if (!store.isOk())
        return store.status();
    TrialRepository repository(*store.value());
    std::lock_guard lock(m_viewMutex);
    if (Status caught = catchUp(repository); !caught.isOk())
        return caught;
    const Timer timer;
    std::vector<Trial> trials = m_view.trials();
    m_readCost.copySeconds += timer.seconds();
    return trials;
}

Status SqlTrialStore::catchUp(TrialRepository &repository) const
{
    const Timer timer;
    auto rows = repository.changesSince(m_studyId, m_view.lastChange());
    if (!rows.isOk())
        return rows.status();
    const Status applied = m_view.apply(rows.value());
    ++m_readCost.reads;
    m_readCost.rowsRead += qint64(rows.value().size());
    m_readCost.readSeconds += timer.seconds();
    return applied;
}

} // namespace loupe
