"""Optuna 3.1's own Parzen estimators, univariate and multivariate, written as OptunaParzenGolden.h
and MultivariateGolden.h. See make_tpe_golden.py."""

import math

import numpy as np

from golden_common import both_orders, cpp_distribution, header, num, same, vec
from golden_hyperopt import forgetting_values
from optuna import distributions as od
from optuna.samplers._tpe import _truncnorm
from optuna.samplers._tpe import parzen_estimator as ope
from optuna.samplers._tpe import sampler as osampler

# Optuna 3.1's _truncnorm.logpdf leaves out the -log(scale) of the change of variable, so its
# continuous log_pdf is not a normalised density (optuna/optuna#5109, fixed by #5110 in Nov 2023,
# after 3.1). Loupe's is normalised; the golden values use Optuna's function with that fix.
_truncnorm_logpdf_3_1 = _truncnorm.logpdf


def _truncnorm_logpdf_fixed(x, a, b, loc=0, scale=1):
    return _truncnorm_logpdf_3_1(x, a, b, loc=loc, scale=scale) - np.log(scale)


_truncnorm.logpdf = _truncnorm_logpdf_fixed


# ---------------------------------------------------------------- Optuna: Parzen estimators

def optuna_parameters(multivariate, prior_weight=1.0):
    # TPESampler's defaults in Optuna 3.1.
    return ope._ParzenEstimatorParameters(
        consider_prior=True, prior_weight=prior_weight, consider_magic_clip=True, consider_endpoints=False,
        weights=osampler.default_weights, multivariate=multivariate)


def optuna_distribution(kind, args):
    if kind == "uniform":
        return od.FloatDistribution(args[0], args[1])
    if kind == "quniform":
        return od.FloatDistribution(args[0], args[1], step=args[2])
    if kind == "loguniform":
        return od.FloatDistribution(math.exp(args[0]), math.exp(args[1]), log=True)
    if kind == "choice":
        return od.CategoricalDistribution(list(range(args[0])))
    raise ValueError(kind)


def loupe_optuna_like_sigmas(mus_u, low, high):
    """A transcription of Loupe's Bandwidths::Optuna (core/search/ParzenEstimator.cpp, fitOptuna),
    used only to flag the cases where it is expected to differ from Optuna's own rule: Loupe takes
    the neighbours among the observations alone (Optuna also counts the prior mean among them) and,
    for a single observation, the gaps to the bounds (Optuna: the gap to the prior mean)."""
    n = len(mus_u)
    span = high - low
    sigmas = np.empty(n + 1)
    sigmas[n] = span
    if n == 0:
        return sigmas
    order = sorted(range(n), key=lambda i: (mus_u[i], i))
    minimum = span / min(100.0, n + 2.0)
    for rank, i in enumerate(order):
        here = mus_u[i]
        previous = mus_u[order[rank - 1]] if rank > 0 else low
        nxt = mus_u[order[rank + 1]] if rank + 1 < n else high
        gap = max(here - previous, nxt - here)
        if n >= 2 and rank == 0:
            gap = nxt - here
        elif n >= 2 and rank + 1 == n:
            gap = here - previous
        sigmas[i] = min(max(gap, minimum), span)
    return sigmas


def centred(values, middle, gap):
    """values with one observation at the prior mean and its neighbours at +-gap: then Optuna's
    rule (which counts the prior mean among the neighbours) and Loupe's give the same bandwidths."""
    values = [v for v in values if abs(v - middle) > gap]
    return values[:5] + [middle, middle - gap, middle + gap] + values[5:]


OPTUNA_PARZEN_CASES = [
    ("uniform, no observations", "uniform", [0, 10], [], [0.5, 5.0, 9.9]),
    ("uniform, one observation (Loupe: gaps to the bounds)", "uniform", [0, 10], [3.0], [1.0, 3.0, 8.0]),
    ("uniform, prior mean between the widest gap (Loupe leaves it out)", "uniform", [0, 10],
     [1.0, 2.0, 8.5], [1.5, 5.0, 9.0]),
    ("uniform, five observations", "uniform", [0, 10], [1.0, 2.0, 4.5, 6.0, 9.0], [0.2, 2.0, 5.0, 9.5]),
    ("uniform, ties and clipping", "uniform", [-5, 5], [-1.0, 0.0, 1.0, 1.0, -4.0, 4.0, 3.9],
     [-4.5, 0.0, 1.0, 4.9]),
    ("uniform, observation at the prior mean, symmetric neighbours", "uniform", [-5, 5],
     [-3.0, 0.0, 3.0, -4.5, 4.5], [-4.0, 0.0, 2.0]),
    ("quniform, bounds widened by q/2", "quniform", [0, 20, 2], [2, 4, 4, 10, 16, 20], [0, 4, 10, 20]),
    ("loguniform", "loguniform", [math.log(1e-4), math.log(1.0)], [1e-3, 2e-3, 1e-2, 0.05, 0.3, 0.9],
     [2e-4, 0.01, 0.5]),
    ("uniform, 31 observations: linear forgetting", "uniform", [-5, 5],
     centred([round(v, 3) for v in forgetting_values(31, -5, 5, seed=21)], 0.0, 0.07), [-4.0, 0.0, 1.5, 4.0]),
    ("quniform, prior weight 2", "quniform", [0, 20, 2], [2, 8, 10, 12, 20], [0, 8, 10, 20], 2.0),
]


def optuna_parzen_row(name, kind, args, observations, points, prior_weight=1.0):
    distribution = optuna_distribution(kind, args)

    def fit():
        return ope._ParzenEstimator({"x": np.asarray(observations, dtype=float)}, {"x": distribution},
                                    optuna_parameters(False, prior_weight))

    estimator, stable = both_orders(fit)
    assert same(estimator._sigmas["x"], stable._sigmas["x"]), f"{name}: the result depends on numpy's tie order"
    weights = estimator._weights
    mus = estimator._mus["x"]
    sigmas = estimator._sigmas["x"]
    low, high = estimator._low["x"], estimator._high["x"]
    lpdf = estimator.log_pdf({"x": np.asarray(points, dtype=float)})
    loupe = loupe_optuna_like_sigmas(list(mus[:-1]), low, high)
    agrees = bool(np.allclose(loupe, sigmas, rtol=1e-12, atol=0))
    expected_difference = "Loupe:" in name or "Loupe leaves" in name
    assert agrees != expected_difference, f"{name}: Loupe's rule {'agrees' if agrees else 'differs'} unexpectedly"
    return [
        "        {" + f"\"{name}\", {cpp_distribution(kind, args)}, {num(prior_weight)}, {vec(observations)},",
        f"         {num(low)}, {num(high)},",
        f"         {vec(weights)},",
        f"         {vec(mus)},",
        f"         {vec(sigmas)},",
        f"         {'true' if agrees else 'false'}, {vec(points)},",
        f"         {vec(lpdf)}" + "},",
    ]


def write_optuna_parzen():
    body = [
        "// Optuna's _ParzenEstimator for one parameter (univariate, TPESampler's defaults: prior weight 1,",
        "// magic clip, consider_endpoints False, default_weights): its truncation bounds on u, weights,",
        "// mus and sigmas (observations in trial order, the prior last, as Loupe keeps them) and log_pdf",
        "// at points. Distributions: uniform = FloatDistribution(low, high), quniform =",
        "// FloatDistribution(low, high, step=q), loguniform = FloatDistribution(e^low, e^high, log=True).",
        "// sigmasAgree is false where Loupe's Optuna-like bandwidths are known to differ from Optuna's:",
        "// Loupe leaves the prior mean out of the neighbours and gives a single observation the gaps to",
        "// the bounds (see docs/search.md). In those cases log_pdf differs too.",
        "struct OptunaParzenCase {",
        "    const char *name;",
        "    Distribution distribution;",
        "    double priorWeight;",
        "    std::vector<double> observations; // values, trial order",
        "    double low;                       // truncation bounds on u",
        "    double high;",
        "    std::vector<double> weights;      // observations in trial order, the prior last",
        "    std::vector<double> mus;",
        "    std::vector<double> sigmas;",
        "    bool sigmasAgree;",
        "    std::vector<double> points;       // values",
        "    std::vector<double> logDensity;",
        "};",
        "",
        "inline const std::vector<OptunaParzenCase> &optunaParzenCases()",
        "{",
        "    static const std::vector<OptunaParzenCase> cases = {",
    ]
    for case in OPTUNA_PARZEN_CASES:
        body += optuna_parzen_row(*case)
    body += ["    };", "    return cases;", "}"]
    header("OptunaParzenGolden.h", "Optuna's univariate Parzen estimators (the default mode's numeric parameters); "
           "truncnorm.logpdf with optuna#5110's -log(scale).",
           body)


# ---------------------------------------------------------------- Optuna: multivariate

MULTIVARIATE_DIMENSIONS = [("x", "uniform", [-5, 5]), ("c", "choice", [3]), ("q", "quniform", [0, 100, 2]),
                           ("lr", "loguniform", [math.log(1e-4), math.log(1.0)])]


def multivariate_cases():
    # Every numeric dimension has one observation at its prior mean with symmetric neighbours (see
    # centred), so that Loupe's Optuna-like bandwidths equal Optuna's univariate ones.
    small = {
        "x": [-3.0, 0.0, 3.0, -4.5, 4.5],
        "c": [0, 2, 2, 0, 0],
        "q": [4, 48, 50, 52, 96],
        "lr": [1e-3, 2e-3, 1e-2, 0.05, 0.9],
    }
    rng = np.random.default_rng(31)
    n = 30
    mid = 0.5 * math.log(1e-4)
    log_lr = centred([float(v) for v in np.round(rng.uniform(math.log(1e-4), 0, 2 * n), 4)], mid, math.log(3.0))
    big = {
        "x": centred([round(v, 2) for v in rng.uniform(-5, 5, 2 * n)], 0.0, 0.07)[:n],
        "c": [int(v) for v in rng.integers(0, 3, n)],
        # distinct values: with equal ones Optuna's result would depend on numpy's unstable argsort
        "q": centred([float(v) for v in rng.permutation(np.arange(0, 101, 2))], 50.0, 2.0)[:n],
        "lr": [math.exp(v) for v in log_lr][:n],
    }
    points = {
        "x": [-4.0, 0.0, 1.2, 4.9],
        "c": [0, 1, 2, 2],
        "q": [0, 10, 50, 100],
        "lr": [2e-4, 0.01, 0.003, 0.5],
    }
    return [("five trials", small, points, 1.0), ("30 trials: linear forgetting", big, points, 1.0),
            ("five trials, prior weight 2", small, points, 2.0)]


def multivariate_row(name, observations, points, prior_weight):
    space = {d: optuna_distribution(kind, args) for d, kind, args in MULTIVARIATE_DIMENSIONS}
    obs = {d: np.asarray(observations[d], dtype=float) for d in space}
    joint = ope._ParzenEstimator(obs, space, optuna_parameters(True, prior_weight))
    # Loupe's multivariate kernels take each numeric dimension's bandwidths from Optuna's univariate
    # rule (Optuna 3.1's multivariate mode uses Scott's rule instead); so the joint log_pdf below is
    # Optuna's own mixture code run with the univariate estimators' sigmas.
    sigma_rows = []
    for d, kind, args in MULTIVARIATE_DIMENSIONS:
        if kind == "choice":
            continue
        single, stable = both_orders(ope._ParzenEstimator, {d: obs[d]}, {d: space[d]},
                                     optuna_parameters(False, prior_weight))
        assert same(single._sigmas[d], stable._sigmas[d]), f"{name}/{d}: the result depends on numpy's tie order"
        loupe = loupe_optuna_like_sigmas(list(single._mus[d][:-1]), single._low[d], single._high[d])
        assert np.allclose(loupe, single._sigmas[d], rtol=1e-12, atol=0), f"{name}/{d}: bandwidths differ"
        joint._sigmas[d] = single._sigmas[d]
        sigma_rows.append(single._sigmas[d])
    lpdf = joint.log_pdf({d: np.asarray(points[d], dtype=float if d != "c" else int) for d in space})
    table = joint._categorical_weights["c"]
    lines = ["        {" + f"\"{name}\", {num(prior_weight)},"]
    lines.append("         {" + ", ".join(vec(observations[d]) for d, _, _ in MULTIVARIATE_DIMENSIONS) + "},")
    lines.append(f"         {vec(joint._weights)},")
    lines.append("         {" + ", ".join(vec(s) for s in sigma_rows) + "},")
    lines.append("         {" + ", ".join(vec(row) for row in table) + "},")
    lines.append("         {" + ", ".join(vec(points[d]) for d, _, _ in MULTIVARIATE_DIMENSIONS) + "},")
    lines.append(f"         {vec(lpdf)}" + "},")
    return lines


def write_multivariate():
    dims = ", ".join(f"{d} = {cpp_distribution(kind, args)}" for d, kind, args in MULTIVARIATE_DIMENSIONS)
    body = [
        "// Optuna's _ParzenEstimator with multivariate=True over four parameters (dimensions in this",
        f"// order: {dims}),",
        "// TPESampler's defaults otherwise. Loupe's multivariate kernels use, per numeric dimension, the",
        "// bandwidths of Optuna's univariate rule (Optuna 3.1's multivariate mode would use Scott's rule);",
        "// so sigmas are the univariate estimators' and logDensity is the joint estimator's log_pdf after",
        "// its _sigmas were replaced by them (Optuna's own mixture, truncation and categorical kernel code).",
        "// The observation sets are ones where Loupe's Optuna-like bandwidths equal Optuna's.",
        "struct MultivariateCase {",
        "    const char *name;",
        "    double priorWeight;",
        "    std::vector<std::vector<double>> observations; // per dimension, trial order (c: index)",
        "    std::vector<double> weights;                   // trials, then the prior kernel",
        "    std::vector<std::vector<double>> sigmas;       // per numeric dimension (x, q, lr)",
        "    std::vector<std::vector<double>> categoryTable;// c: per kernel, the probability of each category",
        "    std::vector<std::vector<double>> points;       // per dimension",
        "    std::vector<double> logDensity;                // per point",
        "};",
        "",
        "inline std::vector<Distribution> multivariateDimensions()",
        "{",
        "    return {" + ", ".join(cpp_distribution(kind, args) for _, kind, args in MULTIVARIATE_DIMENSIONS) + "};",
        "}",
        "",
        "inline const std::vector<MultivariateCase> &multivariateCases()",
        "{",
        "    static const std::vector<MultivariateCase> cases = {",
    ]
    for case in multivariate_cases():
        body += multivariate_row(*case)
    body += ["    };", "    return cases;", "}"]
    header("MultivariateGolden.h", "Optuna's multivariate Parzen estimator (the default mode's joint kernels); "
           "truncnorm.logpdf with optuna#5110's -log(scale).", body)
