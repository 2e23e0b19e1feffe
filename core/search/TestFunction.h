#pragma once
// Built-in benchmark objectives with known optima (regret = best loss - optimum()):
//   branin      x1 in [-5, 10], x2 in [0, 15]                  optimum 0.397887 (three minimisers)
//   hartmann6   x1..x6 in [0, 1]                               optimum -3.32237
//   rosenbrock  x, y in [-2, 2], (1-x)^2 + 100 (y-x^2)^2       optimum 0 at (1, 1)
//   conditional kind = choice of two sub-spaces:
//                 "quadratic": x ~ uniform(-5, 5), loss (x-2)^2 + 1          (min 1 at x = 2)
//                 "bowl": y ~ uniform(0, 10), z ~ randint(4), lr ~ loguniform(ln 1e-5, ln 1),
//                         loss 0.1 (y-7)^2 + 0.25 z + (log10 lr + 3)^2 / 4  (min 0 at 7, 0, 1e-3)
//               optimum 0; parameters x vs y/z/lr are conditional on kind.

#include "core/search/Objective.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace loupe {

class TestFunction : public Objective {
public:
    // "branin", "hartmann6", "rosenbrock", "conditional"; InvalidInput naming the choices otherwise.
    static Result<std::unique_ptr<TestFunction>> create(const std::string &name);
    static std::vector<std::string> names();

    const std::string &name() const { return m_name; }
    const SearchSpace &space() const { return m_space; }
    double optimum() const { return m_optimum; }

    Result<double> evaluate(const TrialParams &params, const CancellationToken &cancellation) override;
    // The loss without the Objective wrapping. requires: params complete for space().
    double value(const TrialParams &params) const;

    // The raw functions, exposed for tests.
    static double branin(double x1, double x2);
    static double hartmann6(const double x[6]);
    static double rosenbrock(double x, double y);

private:
    TestFunction(std::string name, SearchSpace space, double optimum, std::function<double(const TrialParams &)> f);

    std::string m_name;
    SearchSpace m_space;
    double m_optimum;
    std::function<double(const TrialParams &)> m_function;
};

} // namespace loupe
