#include "core/lr/OutcomeScores.h"

#include <algorithm>
#include <cassert>
#include <numeric>
#include <vector>

namespace loupe {

namespace {

Index classOfRow(ConstMatrixView values, Index row)
{
    if (values.cols() == 1)
        return values(row, 0) >= 0.5f ? 1 : 0;
    Index best = 0;
    for (Index c = 1; c < values.cols(); ++c) {
        if (values(row, c) > values(row, best))
            best = c;
    }
    return best;
}

// Average precision of `scores` for the rows where `positive` holds; nullopt without positives.
std::optional<double> averagePrecisionOf(const std::vector<float> &scores, const std::vector<bool> &positive)
{
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    // Highest score first; among equal scores the negatives first (a tie earns no credit).
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (scores[a] != scores[b])
            return scores[a] > scores[b];
        return !positive[a] && positive[b];
    });
    double sum = 0.0;
    std::size_t found = 0;
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
        if (positive[order[rank]]) {
            ++found;
            sum += static_cast<double>(found) / static_cast<double>(rank + 1);
        }
    }
    if (found == 0)
        return std::nullopt;
    return sum / static_cast<double>(found);
}

} // namespace

OutcomeScores OutcomeScores::measure(ConstMatrixView predictions, ConstMatrixView targets)
{
    assert(predictions.rows() == targets.rows() && predictions.cols() == targets.cols() && targets.rows() > 0);
    const Index rows = targets.rows();
    const Index classes = std::max<Index>(2, targets.cols());
    std::vector<double> hits(static_cast<std::size_t>(classes), 0.0);
    std::vector<double> counts(static_cast<std::size_t>(classes), 0.0);
    std::vector<float> positiveScores(static_cast<std::size_t>(rows));
    std::vector<bool> positive(static_cast<std::size_t>(rows));
    double correct = 0.0;
    for (Index r = 0; r < rows; ++r) {
        const Index truth = classOfRow(targets, r);
        const Index guess = classOfRow(predictions, r);
        counts[static_cast<std::size_t>(truth)] += 1.0;
        if (truth == guess) {
            hits[static_cast<std::size_t>(truth)] += 1.0;
            correct += 1.0;
        }
        positiveScores[static_cast<std::size_t>(r)] = predictions(r, predictions.cols() == 1 ? 0 : 1);
        positive[static_cast<std::size_t>(r)] = truth == 1;
    }
    OutcomeScores scores;
    scores.accuracy = correct / static_cast<double>(rows);
    double recallSum = 0.0;
    double present = 0.0;
    for (std::size_t c = 0; c < counts.size(); ++c) {
        if (counts[c] > 0.0) {
            recallSum += hits[c] / counts[c];
            present += 1.0;
        }
    }
    scores.balancedAccuracy = present > 0.0 ? recallSum / present : 0.0;
    if (classes == 2)
        scores.averagePrecision = averagePrecisionOf(positiveScores, positive);
    return scores;
}

} // namespace loupe
