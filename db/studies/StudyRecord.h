#pragma once
// One row of the studies table: a hyperparameter search by name, with everything a worker that
// knows only the name needs to join it (space, sampler, seed, budget, objective).

#include <QDateTime>
#include <QString>

#include <optional>

namespace loupe {

enum class StudyDirection { Minimize, Maximize };

struct StudyRecord {
    qint64 id = 0;
    QString name;
    StudyDirection direction = StudyDirection::Minimize;
    QString spaceJson;              // the search space (or model-spec template) as JSON
    QString sampler;                // "tpe", "random", ...
    std::optional<qint64> seed;     // the sampler's seed
    std::optional<int> maxEvals;    // budget: trials that may end COMPLETE/FAIL/PRUNED (not abandoned)
    QString objectiveJson = QStringLiteral("{}"); // what a trial evaluates (see docs/distributed-search.md)
    QDateTime createdAt;            // UTC
};

QString studyDirectionName(StudyDirection direction);

} // namespace loupe
