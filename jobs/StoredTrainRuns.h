#pragma once
// Reads the workspace's stored training runs and their curves for the Train page (the runs list
// and its overlays) and, through readCurves, the Search page's trial curves.
//
// Threading: runs SQL on the Store it is given; the pages call it through a WorkspaceReader, on a
// worker thread. The values it returns are copyable and cross threads.

#include "jobs/RunCurves.h"

#include "core/util/Status.h"
#include "db/runs/RunRecord.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace loupe {

class RunRepository;
class Store;

struct StoredTrainRun {
    RunRecord record;
    QString specName;        // from the config (the spec's "name")
    int epochsCompleted = 0; // from the summary
    double testAccuracy = 0.0; // NaN when not measured
    QString message;         // why it stopped (diverged / failed from the summary or the error; interrupted from the error)
    QString dataSource;      // "fashion-mnist" or the CSV's name
    QString scaling;         // the fitted scaling, one line per column (scalingText); empty when none was stored

    bool interrupted() const { return record.status == RunStatus::Interrupted; }
};

class StoredTrainRuns {
public:
    // requires: store outlives this reader and belongs to the calling thread.
    explicit StoredTrainRuns(Store &store) : m_store(store) {}

    // Newest first, at most `limit`. A search's trials are left out: they belong to the Search page.
    Result<std::vector<StoredTrainRun>> list(int limit = 200);
    // Each run's stored epochs and steps, in the order given (one result per run: a run that
    // cannot be read does not hide the others); the smoothed loss is recomputed (LossSmoother).
    std::vector<Result<RunCurves>> curves(const std::vector<StoredTrainRun> &runs);

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
    Store &m_store;
};

} // namespace loupe
