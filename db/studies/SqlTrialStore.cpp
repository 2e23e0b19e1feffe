#include "db/studies/SqlTrialStore.h"

#include "core/util/JsonReader.h"
#include "db/store/Store.h"
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
      m_heartbeat(m_location, heartbeatInterval)
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
    auto reserved = TrialRepository(*store.value()).reserve(m_studyId, json, threadWorkerName(), maxTrials, rule);
    if (!reserved.isOk())
        return reserved.status();
    if (!reserved.value())
        return std::optional<int>();
    const TrialRecord &record = *reserved.value();
    {
        std::lock_guard lock(m_mutex);
        m_running[record.number] = record.id;
    }
    setCurrentTrial(record.number, record.id);
    m_heartbeat.add(record.id);
    return std::optional<int>(record.number);
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
    return TrialRepository(*store.value()).counts(m_studyId);
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
    auto rows = repository.listOutcomes(m_studyId);
    if (!rows.isOk())
        return rows.status();
    std::lock_guard lock(m_paramsMutex);
    if (Status cached = cacheParams(repository, rows.value()); !cached.isOk())
        return cached;
    std::vector<Trial> trials;
    trials.reserve(rows.value().size());
    for (const TrialOutcomeRow &row : rows.value()) {
        Trial trial;
        trial.number = row.number;
        trial.state = row.state;
        if (row.state == TrialState::Complete || row.state == TrialState::Pruned)
            trial.loss = row.loss;
        trial.error = row.error.toStdString();
        trial.seconds = row.seconds.value_or(0.0);
        trial.params = m_paramsById.at(row.id);
        trials.push_back(std::move(trial));
    }
    return trials;
}

Status SqlTrialStore::cacheParams(TrialRepository &repository, const std::vector<TrialOutcomeRow> &rows) const
{
    std::map<qint64, int> missing; // id -> number
    for (const TrialOutcomeRow &row : rows)
        if (!m_paramsById.contains(row.id))
            missing.emplace(row.id, row.number);
    if (missing.empty())
        return Status::ok();
    // Usually only the newest trials are new here, so one range query from the oldest of them.
    auto stored = repository.paramsFrom(m_studyId, missing.begin()->first);
    if (!stored.isOk())
        return stored.status();
    for (const auto &[id, number] : missing) {
        const auto found = stored.value().find(id);
        if (found == stored.value().end())
            return Status::error(StatusCode::Failed, "trial " + std::to_string(number)
                                                         + " disappeared from the study while it was being read");
        auto params = parseTrialParams(number, found->second, m_space);
        if (!params.isOk())
            return params.status();
        m_paramsById.emplace(id, params.takeValue());
    }
    return Status::ok();
}

} // namespace loupe
