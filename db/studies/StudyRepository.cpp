#include "db/studies/StudyRepository.h"

#include "db/store/Store.h"
#include "db/store/UtcTimestamp.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace loupe {
namespace {

const QString s_studyColumns =
    QStringLiteral("id, name, direction, space_json, sampler, seed, max_evals, objective_json, created_at");

StudyRecord readStudy(const QSqlQuery &query)
{
    StudyRecord record;
    record.id = query.value(0).toLongLong();
    record.name = query.value(1).toString();
    record.direction = query.value(2).toString() == QLatin1String("maximize") ? StudyDirection::Maximize
                                                                              : StudyDirection::Minimize;
    record.spaceJson = query.value(3).toString();
    record.sampler = query.value(4).toString();
    if (!query.value(5).isNull())
        record.seed = query.value(5).toLongLong();
    if (!query.value(6).isNull())
        record.maxEvals = query.value(6).toInt();
    record.objectiveJson = query.value(7).toString();
    record.createdAt = UtcTimestamp::parse(query.value(8).toString());
    return record;
}

// Equal as JSON values (object key order and whitespace ignored); texts that are not JSON
// compare as texts.
bool sameJson(const QString &a, const QString &b)
{
    const QJsonDocument left = QJsonDocument::fromJson(a.toUtf8());
    const QJsonDocument right = QJsonDocument::fromJson(b.toUtf8());
    if (left.isNull() || right.isNull())
        return a.trimmed() == b.trimmed();
    return left == right;
}

std::string noStudy(qint64 studyId)
{
    return "no study " + std::to_string(studyId);
}

QString jsonOrEmptyObject(const QString &text)
{
    return text.trimmed().isEmpty() ? QStringLiteral("{}") : text;
}

} // namespace

QString studyDirectionName(StudyDirection direction)
{
    return direction == StudyDirection::Maximize ? QStringLiteral("maximize") : QStringLiteral("minimize");
}

Result<StudyRecord> StudyRepository::createOrOpen(const StudyRecord &wanted, StudyOpenMode mode)
{
    const std::string where = " in " + m_store.location().toStdString();
    if (mode == StudyOpenMode::CreateOrOpen) {
        const Status inserted = m_store.exec(
            QStringLiteral("INSERT INTO studies (name, direction, space_json, sampler, seed, max_evals, "
                           "objective_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING"),
            {wanted.name, studyDirectionName(wanted.direction), wanted.spaceJson, wanted.sampler,
             wanted.seed ? QVariant(*wanted.seed) : QVariant(),
             wanted.maxEvals ? QVariant(*wanted.maxEvals) : QVariant(), jsonOrEmptyObject(wanted.objectiveJson),
             UtcTimestamp::now()});
        if (!inserted.isOk())
            return inserted;
    }
    auto found = find(wanted.name);
    if (!found.isOk())
        return found.status();
    if (!found.value())
        return Status::invalidInput("no study named '" + wanted.name.toStdString() + "'" + where);
    const StudyRecord &stored = *found.value();
    if (mode == StudyOpenMode::OpenExisting)
        return stored;
    if (!sameJson(stored.spaceJson, wanted.spaceJson))
        return Status::invalidInput("study '" + wanted.name.toStdString() + "'" + where
                                    + " exists with a different search space; choose another --study name");
    if (!sameJson(stored.objectiveJson, jsonOrEmptyObject(wanted.objectiveJson)))
        return Status::invalidInput("study '" + wanted.name.toStdString() + "'" + where
                                    + " exists with a different objective; choose another --study name");
    if (stored.direction != wanted.direction)
        return Status::invalidInput("study '" + wanted.name.toStdString() + "'" + where + " exists with direction "
                                    + studyDirectionName(stored.direction).toStdString());
    return stored;
}

Result<std::optional<StudyRecord>> StudyRepository::findWhere(const QString &condition, const QVariant &value)
{
    return m_store.selectFirst(QStringLiteral("SELECT ") + s_studyColumns + QStringLiteral(" FROM studies WHERE ")
                                   + condition,
                               {value}, readStudy);
}

Result<std::optional<StudyRecord>> StudyRepository::find(const QString &name)
{
    return findWhere(QStringLiteral("name = ?"), name);
}

Result<std::optional<StudyRecord>> StudyRepository::find(qint64 id)
{
    return findWhere(QStringLiteral("id = ?"), id);
}

Result<std::vector<StudyRecord>> StudyRepository::list()
{
    return m_store.selectAll(QStringLiteral("SELECT ") + s_studyColumns + QStringLiteral(" FROM studies ORDER BY id"),
                             {}, readStudy);
}

Status StudyRepository::setMaxEvals(qint64 studyId, int maxEvals)
{
    return m_store.changeOne(QStringLiteral("UPDATE studies SET max_evals = ? WHERE id = ?"), {maxEvals, studyId},
                             noStudy(studyId));
}

Status StudyRepository::remove(qint64 studyId)
{
    return m_store.changeOne(QStringLiteral("DELETE FROM studies WHERE id = ?"), {studyId}, noStudy(studyId));
}

} // namespace loupe
