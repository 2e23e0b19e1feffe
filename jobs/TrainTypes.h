#pragma once
// The value types TrainJob sends across threads (copyable; registered as Qt meta types).

#include "core/train/TrainingDataRequest.h"
#include "core/train/TrainingOverrides.h"
#include "core/train/TrainingStats.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

namespace loupe {

// What to train on and how: the data request TrainingDataService prepares (source, table, target,
// split, the user's explicit scaling or none), plus the spec, its overrides and where to record.
struct TrainRequest : TrainingDataRequest {
    QString specJson;             // the model spec (docs/model-spec.md)
    TrainingOverrides overrides;  // epochs, batch size, seed, learning rate
    QString tablePath;            // Source::Table: the CSV the table was loaded from with default
                                  // CsvOptions (the Data page's way), empty when unknown
    qint64 datasetId = -1;        // the workspace dataset of the table, -1 when unknown
    QString workspace;            // Store location; empty: not recorded

    // The spec with the overrides (epochs, batch size, seed, rate, schedule) applied.
    // InvalidInput "model spec: ..." for a spec that does not parse, or the override's own error.
    Result<ModelSpec> spec() const;
};

// Sent once the data is ready and the model is built, before the first batch.
struct TrainStart {
    QString specName;
    QString dataDescription;   // TrainingData::description()
    QStringList classLabels;   // empty for regression
    bool classification = true;
    int epochs = 0;
    qint64 totalSteps = 0;
    qint64 storedRunId = 0;     // the workspace's run id, 0 when not recorded
    QString workspaceNote;      // why the run is not recorded, empty otherwise
};

// One batch point of the smoothed loss curve.
struct BatchPoint {
    qint64 step = 0;        // 1-based global step
    double loss = 0.0;      // raw batch loss
    double smoothedLoss = 0.0;
    double learningRate = 0.0;
};

// Throttled (~every 40 ms) batch progress; `points` holds every batch since the previous update,
// so no point of the curve is lost.
struct TrainBatchProgress {
    double fraction = 0.0;     // steps done / total steps
    int epoch = 0;             // 1-based
    int epochs = 0;
    qint64 step = 0;           // 1-based global step
    qint64 totalSteps = 0;
    double smoothedLoss = 0.0;
    double learningRate = 0.0;
    double etaSeconds = -1.0;  // < 0 while unknown
    QVector<BatchPoint> points;
};

// How a run ended (diverged runs end here too, with diverged = true and the message).
struct TrainSummary {
    QString status;            // "completed", "diverged", "failed" (cancelled runs emit cancelled())
    QString message;           // empty when completed
    bool diverged = false;
    bool classification = true;
    int epochsCompleted = 0;
    qint64 steps = 0;
    double seconds = 0.0;
    double testLoss = 0.0;     // NaN when not measured
    double testAccuracy = 0.0; // NaN when not measured (or regression)
    qint64 storedRunId = 0;
    QString workspaceNote;
    QString summaryJson;       // TrainingReport::summaryJson, as stored
};

} // namespace loupe

Q_DECLARE_METATYPE(loupe::EpochStats)
Q_DECLARE_METATYPE(loupe::TrainStart)
Q_DECLARE_METATYPE(loupe::TrainBatchProgress)
Q_DECLARE_METATYPE(loupe::TrainSummary)
