#include "core/lr/EnsembleAverage.h"

#include "core/nn/Metrics.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace loupe {

namespace {
constexpr double s_epsilon = 1e-7;
}

Matrix EnsembleAverage::mean(const std::vector<Matrix> &members, std::size_t first, std::size_t count)
{
    assert(count >= 1 && first + count <= members.size());
    Matrix sum = members[first];
    for (std::size_t i = first + 1; i < first + count; ++i) {
        assert(members[i].rows() == sum.rows() && members[i].cols() == sum.cols());
        sum += members[i];
    }
    sum /= static_cast<float>(count);
    return sum;
}

double EnsembleAverage::accuracy(const Matrix &probabilities, ConstMatrixView targets)
{
    assert(probabilities.rows() == targets.rows() && probabilities.cols() == targets.cols());
    return Metrics::accuracy(viewOf(probabilities), targets, 0.5f);
}

double EnsembleAverage::logLoss(const Matrix &probabilities, ConstMatrixView targets)
{
    assert(probabilities.rows() == targets.rows() && probabilities.cols() == targets.cols());
    const Index rows = probabilities.rows();
    if (rows == 0)
        return 0.0;
    double total = 0.0;
    for (Index r = 0; r < rows; ++r) {
        if (probabilities.cols() == 1) {
            const double p = std::clamp(static_cast<double>(probabilities(r, 0)), s_epsilon, 1.0 - s_epsilon);
            const double y = targets(r, 0);
            total -= y * std::log(p) + (1.0 - y) * std::log(1.0 - p);
            continue;
        }
        for (Index c = 0; c < probabilities.cols(); ++c) {
            const double y = targets(r, c);
            if (y != 0.0)
                total -= y * std::log(std::clamp(static_cast<double>(probabilities(r, c)), s_epsilon, 1.0 - s_epsilon));
        }
    }
    return total / static_cast<double>(rows);
}

} // namespace loupe
