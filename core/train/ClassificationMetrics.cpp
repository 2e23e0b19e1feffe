#include "core/train/ClassificationMetrics.h"

#include "core/train/ClassBalance.h"
#include "core/util/JsonValues.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <numeric>

namespace loupe {

double ClassScore::recall() const
{
    return rows > 0 ? double(correct) / double(rows) : std::numeric_limits<double>::quiet_NaN();
}

double ClassScore::precision() const
{
    return predicted > 0 ? double(correct) / double(predicted) : std::numeric_limits<double>::quiet_NaN();
}

std::optional<double> ClassificationMetrics::averagePrecision(const std::vector<float> &scores,
                                                             const std::vector<bool> &positive)
{
    assert(scores.size() == positive.size());
    const std::size_t positives = static_cast<std::size_t>(std::count(positive.begin(), positive.end(), true));
    if (positives == 0)
        return std::nullopt;
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    double area = 0.0;
    std::size_t truePositives = 0;
    std::size_t ranked = 0;
    for (std::size_t i = 0; i < order.size();) {
        // Rows with the same score are one threshold: one step of the curve.
        std::size_t end = i;
        std::size_t stepPositives = 0;
        while (end < order.size() && scores[order[end]] == scores[order[i]]) {
            stepPositives += positive[order[end]] ? 1 : 0;
            ++end;
        }
        truePositives += stepPositives;
        ranked = end;
        area += double(stepPositives) / double(positives) * (double(truePositives) / double(ranked));
        i = end;
    }
    return area;
}

ClassificationMetrics ClassificationMetrics::compute(ConstMatrixView predictions, ConstMatrixView targets,
                                                     const std::vector<std::string> &labels)
{
    assert(predictions.rows() == targets.rows() && labels.size() >= 2);
    ClassificationMetrics metrics;
    metrics.rows = static_cast<std::size_t>(predictions.rows());
    metrics.classes.resize(labels.size());
    for (std::size_t c = 0; c < labels.size(); ++c)
        metrics.classes[c].label = labels[c];
    const Index cols = predictions.cols();
    std::vector<float> scores;
    std::vector<bool> positive;
    const std::vector<std::size_t> actual = ClassBalance::rowClasses(targets);
    for (Index r = 0; r < predictions.rows(); ++r) {
        const float *p = predictions.data() + r * cols;
        std::size_t predicted = 0;
        if (cols == 1) {
            predicted = p[0] > 0.5f ? 1 : 0;
        } else {
            for (Index c = 1; c < cols; ++c) {
                if (p[c] > p[predicted])
                    predicted = static_cast<std::size_t>(c);
            }
        }
        const std::size_t truth = actual[static_cast<std::size_t>(r)];
        if (truth < metrics.classes.size())
            ++metrics.classes[truth].rows;
        if (predicted < metrics.classes.size())
            ++metrics.classes[predicted].predicted;
        if (truth == predicted && truth < metrics.classes.size())
            ++metrics.classes[truth].correct;
        if (labels.size() == 2) {
            scores.push_back(cols == 1 ? p[0] : p[1]);
            positive.push_back(truth == 1);
        }
    }
    double recallSum = 0.0;
    std::size_t present = 0;
    for (const ClassScore &score : metrics.classes) {
        if (score.rows > 0) {
            recallSum += score.recall();
            ++present;
        }
    }
    metrics.balancedAccuracy = present > 0 ? recallSum / double(present) : std::numeric_limits<double>::quiet_NaN();
    if (labels.size() == 2)
        metrics.prAuc = averagePrecision(scores, positive);
    return metrics;
}

ClassificationMetrics ClassificationMetrics::measure(Sequential &model, const TrainingSet &data,
                                                     const std::vector<std::string> &labels)
{
    const Matrix predictions = model.predict(data.features());
    return compute(viewOf(predictions), data.targets(), labels);
}

nlohmann::ordered_json ClassificationMetrics::toJson() const
{
    nlohmann::ordered_json classList = nlohmann::ordered_json::array();
    for (const ClassScore &score : classes) {
        classList.push_back({{"label", score.label},
                             {"rows", score.rows},
                             {"recall", jsonNumber(score.recall())},
                             {"precision", jsonNumber(score.precision())}});
    }
    return {{"evaluated_on", evaluatedOn},
            {"rows", rows},
            {"balanced_accuracy", jsonNumber(balancedAccuracy)},
            {"pr_auc", prAuc ? jsonNumber(*prAuc) : nlohmann::ordered_json(nullptr)},
            {"pr_auc_class", classes.size() == 2 ? nlohmann::ordered_json(classes[1].label) : nlohmann::ordered_json(nullptr)},
            {"classes", std::move(classList)}};
}

} // namespace loupe
