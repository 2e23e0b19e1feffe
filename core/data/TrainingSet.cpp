#include "core/data/TrainingSet.h"

#include <cassert>

namespace loupe {

Result<TrainingSet> TrainingSet::create(std::vector<float> features, Index featureCount, std::vector<float> targets,
                                        Index targetCount)
{
    if (featureCount <= 0 || targetCount <= 0)
        return Status::invalidInput("training set: feature and target counts must be positive");
    const auto rows = static_cast<Index>(features.size()) / featureCount;
    if (static_cast<Index>(features.size()) != rows * featureCount) {
        return Status::invalidInput("training set: " + std::to_string(features.size())
                                    + " feature values do not fill rows of " + std::to_string(featureCount));
    }
    if (static_cast<Index>(targets.size()) != rows * targetCount) {
        return Status::invalidInput("training set: expected " + std::to_string(rows * targetCount) + " target values for "
                                    + std::to_string(rows) + " rows, got " + std::to_string(targets.size()));
    }
    TrainingSet set;
    set.m_features = std::move(features);
    set.m_targets = std::move(targets);
    set.m_rows = rows;
    set.m_featureCount = featureCount;
    set.m_targetCount = targetCount;
    return set;
}

Result<TrainingSet> TrainingSet::fromLabels(std::vector<float> features, Index featureCount,
                                            const std::vector<std::uint8_t> &labels, Index classCount)
{
    if (classCount <= 0)
        return Status::invalidInput("training set: class count must be positive");
    std::vector<float> targets(labels.size() * static_cast<std::size_t>(classCount), 0.0f);
    for (std::size_t row = 0; row < labels.size(); ++row) {
        if (labels[row] >= classCount) {
            return Status::invalidInput("training set: row " + std::to_string(row) + " has label "
                                        + std::to_string(labels[row]) + ", expected 0.." + std::to_string(classCount - 1));
        }
        targets[row * static_cast<std::size_t>(classCount) + labels[row]] = 1.0f;
    }
    return create(std::move(features), featureCount, std::move(targets), classCount);
}

TrainingSet TrainingSet::slice(Index begin, Index end) const
{
    assert(0 <= begin && begin <= end && end <= m_rows);
    TrainingSet set;
    set.m_features.assign(m_features.begin() + begin * m_featureCount, m_features.begin() + end * m_featureCount);
    set.m_targets.assign(m_targets.begin() + begin * m_targetCount, m_targets.begin() + end * m_targetCount);
    set.m_rows = end - begin;
    set.m_featureCount = m_featureCount;
    set.m_targetCount = m_targetCount;
    return set;
}

} // namespace loupe
