#pragma once
// Rows of features with their targets, owned as two contiguous row-major float arrays.
// Classification targets are one-hot rows (fromLabels builds them).

#include "core/util/Matrix.h"
#include "core/util/Status.h"

#include <cstdint>
#include <vector>

namespace loupe {

class TrainingSet {
public:
    TrainingSet() = default;

    // InvalidInput when a count is not positive or an array's size is not rows x count.
    static Result<TrainingSet> create(std::vector<float> features, Index featureCount, std::vector<float> targets,
                                      Index targetCount);

    // One-hot targets with classCount columns. InvalidInput naming the row of a label >= classCount.
    static Result<TrainingSet> fromLabels(std::vector<float> features, Index featureCount,
                                          const std::vector<std::uint8_t> &labels, Index classCount);

    Index size() const { return m_rows; }
    Index featureCount() const { return m_featureCount; }
    Index targetCount() const { return m_targetCount; }
    ConstMatrixView features() const { return ConstMatrixView(m_features.data(), m_rows, m_featureCount); }
    ConstMatrixView targets() const { return ConstMatrixView(m_targets.data(), m_rows, m_targetCount); }

    // A copy of rows [begin, end). requires: 0 <= begin <= end <= size().
    TrainingSet slice(Index begin, Index end) const;

private:
    std::vector<float> m_features;
    std::vector<float> m_targets;
    Index m_rows = 0;
    Index m_featureCount = 0;
    Index m_targetCount = 0;
};

} // namespace loupe
