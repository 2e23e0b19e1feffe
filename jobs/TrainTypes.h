#pragma once
// The value types TrainJob sends across threads (copyable; registered as Qt meta types).

#include "core/data/Table.h"
#include "core/data/DataSplitter.h"
#include "core/train/DatasetAdapter.h"
#include "core/train/TableEncoding.h"
#include "core/train/TrainingOverrides.h"
#include "core/train/TrainingStats.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

namespace loupe {

// What to train on and how.
struct TrainRequest {
    enum class Source { FashionMnist, Table };

    QString specJson;             // the model spec (docs/model-spec.md)
    TrainingOverrides overrides;  // epochs, batch size, seed, learning rate
    Source source = Source::FashionMnist;
    FashionMnistOptions fashionMnist; // Source::FashionMnist (validationFraction < 0: the spec's default)
    std::shared_ptr<const Table> table; // Source::Table, shared read-only
    QString tableName;                  // e.g. the CSV's file name, for messages
    QString tablePath;                  // the CSV the table was loaded from with default CsvOptions
                                        // (the Data page's way), empty when unknown
    qint64 datasetId = -1;              // the workspace dataset of the table, -1 when unknown
    TableEncodingOptions encoding;      // Source::Table (binaryTargets follows the spec)
    SplitFractions fractions;           // Source::Table (validation < 0: the spec's default)
    QString workspace;                  // Store location; empty: not recorded
};

// Sent once the data is ready and the model is built, before the first batch.
struct TrainStart {
    QString specName;
    QString dataDescription;   // PreparedData::description()
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
