#pragma once
// The value types SearchJob sends across threads (copyable; registered as Qt meta types).

#include "jobs/TrainTypes.h"
#include "core/train/TrainingObjective.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

#include <limits>

namespace loupe {

// What to search and where the trials live.
struct SearchRequest {
    enum class Kind { TestFunction, Training };

    Kind kind = Kind::TestFunction;
    QString testFunction = QStringLiteral("branin"); // Kind::TestFunction: branin, hartmann6, rosenbrock, conditional
    QString templateJson;  // Kind::Training: a model spec whose values may be distributions (docs/search.md)
    TrainRequest data;     // Kind::Training: the data (source, table, target, split, scaling); specJson is ignored
    TrainingLoss loss = TrainingLoss::ValidationLoss;
    QString sampler = QStringLiteral("tpe"); // random, tpe, tpe-hyperopt, tpe-optuna
    qint64 seed = 0;
    int maxEvals = 100;    // the study's budget (COMPLETE + FAIL trials)
    int jobs = 1;          // trials at once
    QString storage;       // Store location: the workspace, or a shared sqlite:/// or postgresql:// database
    QString studyName;     // required
    bool resume = false;   // false: the study must be new (or have no trials); true: continue it
    double graceSeconds = 10.0; // a RUNNING trial without heartbeat this long is redone
};

// One trial as a table row / plot point.
struct SearchTrialRow {
    int number = -1;
    QString state;         // RUNNING, COMPLETE, FAIL, PRUNED
    double loss = std::numeric_limits<double>::quiet_NaN(); // NaN unless COMPLETE
    double seconds = 0.0;
    QString error;         // FAIL reason
    QString paramsJson;    // {"name": value} of the active parameters, choices as their values
    QString indicesJson;   // {"name": option index} of the active choices (hyperas' best_run)
};

// Sent once the study is open, before the first new trial.
struct SearchStart {
    QString studyName;
    QString storage;               // for display (no password)
    QString spaceJson;             // SearchSpace::describe(): {"name": {"uniform": [a, b]}, ...}
    QStringList parameterNames;    // in space order
    int maxEvals = 0;
    QVector<SearchTrialRow> existingTrials; // a resumed study's trials so far
    QString dataDescription;       // training searches: TrainingData::description()
};

struct SearchSummary {
    QString status;        // "completed" (budget used up); cancelled runs emit cancelled()
    int trialsRun = 0;     // trials this job finished
    int abandoned = 0;     // trials interrupted by the stop
    QVector<SearchTrialRow> trials; // every trial of the study, by number
    int bestNumber = -1;   // -1 when no trial completed
    double suggestMsMean = 0.0;
};

} // namespace loupe

Q_DECLARE_METATYPE(loupe::SearchTrialRow)
Q_DECLARE_METATYPE(loupe::SearchStart)
Q_DECLARE_METATYPE(loupe::SearchSummary)
