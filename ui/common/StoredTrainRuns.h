#pragma once
// Reads the workspace's stored training runs and their curves for the Train page (the runs list
// and its overlays). Opens its own Store on first use, on the thread that calls it (the UI
// thread), and keeps it open; the queries are small (one run's epochs and steps).

#include "ui/common/LazyStore.h"
#include "ui/common/TrainCurves.h"

#include "core/util/Status.h"
#include "db/runs/EpochMetrics.h"
#include "db/runs/RunRecord.h"

#include <QJsonObject>
#include <QString>

#include <memory>
#include <vector>

namespace loupe {

class RunRepository;
class Store;

struct StoredTrainRun {
    RunRecord record;
    QString specName;        // from the config (the spec's "name")
    int epochsCompleted = 0; // from the summary
    double testAccuracy = 0.0; // NaN when not measured
    QString message;         // why it stopped (diverged / failed), from the summary or the error
    QString dataSource;      // "fashion-mnist" or the CSV's name
    QString scaling;         // the fitted scaling, one line per column (scalingText); empty when none was stored
};

class StoredTrainRuns {
public:
    // workspace: a Store location; empty means there is nothing to read.
    explicit StoredTrainRuns(QString workspace);
    ~StoredTrainRuns();

    const QString &workspace() const { return m_store.workspace(); }
    // Newest first, at most `limit`.
    Result<std::vector<StoredTrainRun>> list(int limit = 200);
    // The run's stored epochs and steps; the smoothed loss is recomputed (LossSmoother).
    Result<RunCurves> curves(const StoredTrainRun &run);

    // Parses a run's config and summary JSON into the fields above (no database access).
    static StoredTrainRun describe(const RunRecord &record);
    // A run summary's "scaling" object (TrainingReport.h) as text: "Scaling: minmax, fitted on the 32
    // training rows" and a line per column ("x: min 0, max 9"); empty for null or an absent object.
    static QString scalingText(const QJsonObject &scaling);
    // A stored training run's curves under `label`: its epochs (a missing value becomes NaN) and
    // steps, with the smoothed loss recomputed (LossSmoother); classification unless the summary's
    // task says regression. Shared by the Train page's overlays and the Search page's trial curves.
    static Result<RunCurves> readCurves(RunRepository &runs, const RunRecord &record, const QString &label);

private:
    LazyStore m_store;
};

} // namespace loupe
