#include "db/runs/SnapshotRunMetrics.h"

namespace loupe {

std::vector<EpochMetrics> snapshotEpochMetrics(const SnapshotReport &report)
{
    std::vector<EpochMetrics> rows;
    for (const SnapshotScore &snapshot : report.snapshots) {
        EpochMetrics row;
        row.epoch = snapshot.index;
        row.valLoss = snapshot.validation.loss;
        row.valAccuracy = snapshot.validation.accuracy;
        row.extra = {{QStringLiteral("iteration"), static_cast<double>(snapshot.iteration)},
                     {QStringLiteral("test_accuracy"), snapshot.test.accuracy},
                     {QStringLiteral("test_loss"), snapshot.test.loss}};
        rows.push_back(row);
    }
    return rows;
}

} // namespace loupe
