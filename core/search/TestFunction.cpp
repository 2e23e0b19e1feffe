#include "core/search/TestFunction.h"

#include <cmath>
#include <numbers>

namespace loupe {

namespace {

SearchSpace spaceFrom(const char *templateText)
{
    return SearchSpace::fromTemplateText(templateText, "test function template").takeValue();
}

// Conditional function: see TestFunction.h. Indices follow the template's declaration order.
double conditionalValue(const SearchSpace &space, const TrialParams &params)
{
    if (params.index(space.indexOf("kind")) == 0) {
        const double x = params.raw(space.indexOf("x"));
        return (x - 2.0) * (x - 2.0) + 1.0;
    }
    const double y = params.raw(space.indexOf("y"));
    const double z = params.raw(space.indexOf("z"));
    const double lr = params.raw(space.indexOf("lr"));
    const double decade = std::log10(lr) + 3.0;
    return 0.1 * (y - 7.0) * (y - 7.0) + 0.25 * z + decade * decade / 4.0;
}

} // namespace

TestFunction::TestFunction(std::string name, SearchSpace space, double optimum,
                           std::function<double(const TrialParams &)> f)
    : m_name(std::move(name)), m_space(std::move(space)), m_optimum(optimum), m_function(std::move(f))
{
}

std::vector<std::string> TestFunction::names()
{
    return {"branin", "hartmann6", "rosenbrock", "conditional"};
}

Result<std::unique_ptr<TestFunction>> TestFunction::create(const std::string &name)
{
    std::unique_ptr<TestFunction> function;
    if (name == "branin") {
        function.reset(new TestFunction(name, spaceFrom(R"({"x1": {"uniform": [-5, 10]}, "x2": {"uniform": [0, 15]}})"),
                                        0.397887357729738,
                                        [](const TrialParams &p) { return branin(p.raw(0), p.raw(1)); }));
    } else if (name == "hartmann6") {
        function.reset(new TestFunction(
            name,
            spaceFrom(R"({"x1": {"uniform": [0, 1]}, "x2": {"uniform": [0, 1]}, "x3": {"uniform": [0, 1]},
                          "x4": {"uniform": [0, 1]}, "x5": {"uniform": [0, 1]}, "x6": {"uniform": [0, 1]}})"),
            -3.32236801141551, [](const TrialParams &p) {
                const double x[6] = {p.raw(0), p.raw(1), p.raw(2), p.raw(3), p.raw(4), p.raw(5)};
                return hartmann6(x);
            }));
    } else if (name == "rosenbrock") {
        function.reset(new TestFunction(name, spaceFrom(R"({"x": {"uniform": [-2, 2]}, "y": {"uniform": [-2, 2]}})"),
                                        0.0, [](const TrialParams &p) { return rosenbrock(p.raw(0), p.raw(1)); }));
    } else if (name == "conditional") {
        SearchSpace space = spaceFrom(R"({"kind": {"name": "kind", "choice": [
            {"family": "quadratic", "x": {"name": "x", "uniform": [-5, 5]}},
            {"family": "bowl", "y": {"name": "y", "uniform": [0, 10]}, "z": {"name": "z", "randint": [4]},
             "lr": {"name": "lr", "loguniform": [-11.512925464970229, 0]}}]}})");
        function.reset(new TestFunction(name, space, 0.0, [space](const TrialParams &p) {
            return conditionalValue(space, p);
        }));
    } else {
        return Status::invalidInput("unknown objective \"" + name + "\" (expected branin, hartmann6, rosenbrock or "
                                    "conditional)");
    }
    return function;
}

Result<double> TestFunction::evaluate(const TrialParams &params, const CancellationToken &cancellation)
{
    if (cancellation.isCancelled())
        return Status::cancelled();
    return value(params);
}

double TestFunction::value(const TrialParams &params) const
{
    return m_function(params);
}

double TestFunction::branin(double x1, double x2)
{
    constexpr double pi = std::numbers::pi;
    const double b = 5.1 / (4.0 * pi * pi);
    const double c = 5.0 / pi;
    const double t = 1.0 / (8.0 * pi);
    const double inner = x2 - b * x1 * x1 + c * x1 - 6.0;
    return inner * inner + 10.0 * (1.0 - t) * std::cos(x1) + 10.0;
}

double TestFunction::hartmann6(const double x[6])
{
    static const double alpha[4] = {1.0, 1.2, 3.0, 3.2};
    static const double a[4][6] = {{10, 3, 17, 3.5, 1.7, 8},
                                   {0.05, 10, 17, 0.1, 8, 14},
                                   {3, 3.5, 1.7, 10, 17, 8},
                                   {17, 8, 0.05, 10, 0.1, 14}};
    static const double p[4][6] = {{0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
                                   {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
                                   {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
                                   {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};
    double sum = 0.0;
    for (int i = 0; i < 4; ++i) {
        double inner = 0.0;
        for (int j = 0; j < 6; ++j)
            inner += a[i][j] * (x[j] - p[i][j]) * (x[j] - p[i][j]);
        sum += alpha[i] * std::exp(-inner);
    }
    return -sum;
}

double TestFunction::rosenbrock(double x, double y)
{
    return (1.0 - x) * (1.0 - x) + 100.0 * (y - x * x) * (y - x * x);
}

} // namespace loupe
