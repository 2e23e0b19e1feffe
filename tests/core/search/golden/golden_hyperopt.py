"""hyperopt 0.3.0's own posteriors, numeric (adaptive Parzen estimators) and categorical, written
as HyperoptParzenGolden.h and CategoricalGolden.h. See make_tpe_golden.py."""

import math

import numpy as np

from golden_common import both_orders, cpp_distribution, header, ivec, num, same, vec
from hyperopt import pyll, tpe
from hyperopt.pyll import scope

# ---------------------------------------------------------------- hyperopt: Parzen estimators

def hyperopt_posterior(kind, observations, args, prior_weight=1.0):
    """hyperopt's posterior for one parameter: the ap_*_sampler graph, its (weights, mus, sigmas),
    its sampler's bounds and q, exactly as build_posterior builds them."""
    sampler = tpe.adaptive_parzen_samplers[kind]
    post = sampler(np.asarray(observations, dtype=float), prior_weight, *args, size=(1,),
                   rng=np.random.default_rng(0))
    return post


def hyperopt_model(post):
    weights, mus, sigmas = pyll.rec_eval(pyll.as_apply(post.pos_args[:3]))
    named = {n: a for n, a in post.named_args if n not in ("rng", "size")}
    extra = list(post.pos_args[3:])
    low = pyll.rec_eval(named["low"]) if "low" in named else (pyll.rec_eval(extra[0]) if extra else None)
    high = pyll.rec_eval(named["high"]) if "high" in named else (pyll.rec_eval(extra[1]) if len(extra) > 1 else None)
    q = pyll.rec_eval(named["q"]) if "q" in named else None
    return np.asarray(weights), np.asarray(mus), np.asarray(sigmas), low, high, q


def hyperopt_lpdf(post, points):
    """The posterior's *_lpdf at points, called as build_posterior calls it."""
    lpdf = getattr(scope, post.name + "_lpdf")
    kwargs = {n: a for n, a in post.named_args if n not in ("rng", "size")}
    node = lpdf(*([pyll.as_apply(np.asarray(points, dtype=float))] + post.pos_args), **kwargs)
    return np.asarray(pyll.rec_eval(node), dtype=float)


def hyperopt_accept(weights, mus, sigmas, low, high):
    if low is None and high is None:
        return 1.0
    return float(np.sum(weights * (tpe.normal_cdf(high, mus, sigmas) - tpe.normal_cdf(low, mus, sigmas))))


def canonical(weights, mus, sigmas):
    triples = sorted(zip(mus.tolist(), sigmas.tolist(), weights.tolist()))
    return [t[2] for t in triples], [t[0] for t in triples], [t[1] for t in triples]


# (name, kind, distribution args, observations in trial order, fixed points)
def forgetting_values(n, low, high, step=None, seed=5):
    rng = np.random.default_rng(seed)
    values = rng.uniform(low, high, n)
    if step:
        values = np.round(values / step) * step
    return [float(v) for v in values]


HYPEROPT_PARZEN_CASES = [
    ("uniform, no observations: the prior alone", "uniform", [-5, 5], [], [-4.9, 0.0, 3.3]),
    ("uniform, one observation: sigma = prior sigma / 2", "uniform", [-5, 5], [2.5], [-4.0, 2.5, 4.99]),
    ("uniform, two observations", "uniform", [-5, 5], [1.0, -3.0], [-3.0, 0.0, 1.0, 4.5]),
    ("uniform, ties and an observation at the prior mean", "uniform", [-5, 5],
     [0.0, 1.5, 1.5, -2.0, 0.0, 4.0], [-4.5, 0.0, 1.5, 3.0]),
    ("uniform, bandwidths clipped at prior sigma / (n + 2)", "uniform", [0, 1],
     [0.5, 0.5001, 0.5002, 0.9, 0.1, 0.45], [0.05, 0.5, 0.50015, 0.95]),
    ("uniform, 32 observations: linear forgetting", "uniform", [-5, 5],
     forgetting_values(32, -5, 5) , [-4.0, -1.0, 0.5, 2.0, 4.9]),
    ("uniform, 120 observations: the clip's 100 cap", "uniform", [-5, 5],
     forgetting_values(120, -5, 5, seed=9), [-4.5, 0.0, 3.0]),
    ("quniform, cells cut at the bounds", "quniform", [0, 10, 1], [1, 2, 2, 7, 10, 0], [0, 2, 5, 10]),
    ("quniform, q 2.5", "quniform", [-3, 12, 2.5], [0, 2.5, 5, 5, 10, 12.5, -2.5], [-2.5, 0, 5, 7.5, 12.5]),
    ("quniform, 30 observations: linear forgetting", "quniform", [0, 20, 2],
     forgetting_values(30, 0, 20, step=2, seed=3), [0, 4, 10, 20]),
    ("loguniform: no p_accept, no quantization", "loguniform", [math.log(1e-4), math.log(0.1)],
     [1e-4 * 3, 0.01, 0.05, 0.01], [2e-4, 0.003, 0.01, 0.09]),
    ("loguniform, one observation", "loguniform", [-9.21, -2.3], [0.001], [0.0002, 0.001, 0.05]),
    ("qloguniform: 0 raised to exp(low)", "qloguniform", [math.log(2), math.log(500), 8],
     [0, 8, 16, 16, 256, 504], [0, 8, 64, 504]),
    ("normal: gaps clipped at prior sigma", "normal", [0, 2], [-30, 0.5, 0.7, 25], [-5.0, 0.6, 3.0, 20.0]),
    ("normal, no observations", "normal", [1, 3], [], [-2.0, 1.0, 7.0]),
    ("qnormal", "qnormal", [1, 3, 0.5], [0.5, 1, 1, 4.5, -7], [-7, 0.5, 1, 3.5]),
    ("lognormal", "lognormal", [0, 1], [0.5, 1.0, 3.0, 3.0], [0.2, 1.0, 3.0, 8.0]),
    ("qlognormal: 0 raised to 1e-12", "qlognormal", [1, 0.8, 0.5], [0, 0.5, 2.5, 3, 3, 7.5],
     [0, 0.5, 3, 10]),
    ("uniform, prior weight 2.5", "uniform", [-5, 5], [1.0, -3.0, 2.0, 2.5], [-4.0, 0.0, 2.2], 2.5),
    ("quniform, prior weight 0.4, 28 observations", "quniform", [0, 100, 1],
     [float(v) for v in np.random.default_rng(17).permutation(101)[:28]], [0, 37, 50, 99], 0.4),
    ("lognormal, prior weight 3", "lognormal", [0, 1], [0.5, 1.0, 3.0], [0.2, 1.0, 8.0], 3.0),
]


def hyperopt_parzen_row(name, kind, args, observations, points, prior_weight=1.0):
    def compute():
        post = hyperopt_posterior(kind, observations, args, prior_weight)
        weights, mus, sigmas, low, high, q = hyperopt_model(post)
        return (canonical(weights, mus, sigmas), hyperopt_accept(weights, mus, sigmas, low, high),
                hyperopt_lpdf(post, points).tolist())

    plain, stable = both_orders(compute)
    assert same(plain, stable), f"{name}: the result depends on numpy's tie order"
    (weights, mus, sigmas), accept, lpdf = plain
    return [
        "    {" + f"\"{name}\", {cpp_distribution(kind, args)}, {num(prior_weight)},",
        f"     {vec(observations)},",
        f"     {vec(weights)},",
        f"     {vec(mus)},",
        f"     {vec(sigmas)},",
        f"     {num(accept)}, {vec(points)},",
        f"     {vec(lpdf)}" + "},",
    ]


def write_hyperopt_parzen():
    body = [
        "// hyperopt's posterior for one numeric parameter: its ap_*_sampler graph evaluated with",
        "// pyll.rec_eval (adaptive_parzen_normal with the prior inserted, linear forgetting, the clip),",
        "// the components sorted by (mu, sigma, weight) -- hyperopt keeps them sorted by mu with the",
        "// prior inserted, Loupe in trial order with the prior last, so both are compared as sorted",
        "// triples; pAccept = sum w (Phi(high) - Phi(low)) from tpe.normal_cdf (1 when unbounded);",
        "// logDensity = the posterior's GMM1_lpdf / LGMM1_lpdf at points, as build_posterior calls it",
        "// (LGMM1_lpdf of a continuous log kind is a density on x: it includes -log x).",
        "struct HyperoptParzenCase {",
        "    const char *name;",
        "    Distribution distribution;",
        "    double priorWeight;",
        "    std::vector<double> observations; // values, trial order",
        "    std::vector<double> weights;",
        "    std::vector<double> mus;          // on u (log kinds: log x)",
        "    std::vector<double> sigmas;",
        "    double pAccept;",
        "    std::vector<double> points;       // values",
        "    std::vector<double> logDensity;",
        "};",
        "",
        "inline const std::vector<HyperoptParzenCase> &hyperoptParzenCases()",
        "{",
        "    static const std::vector<HyperoptParzenCase> cases = {",
    ]
    for case in HYPEROPT_PARZEN_CASES:
        body += ["    " + line for line in hyperopt_parzen_row(*case)]
    body += ["    };", "    return cases;", "}"]
    header("HyperoptParzenGolden.h", "hyperopt's adaptive Parzen estimators and their log-densities.", body)


# ---------------------------------------------------------------- hyperopt: categorical

# (name, Loupe distribution kind, its args, hyperopt sampler, hyperopt args, observed raw values)
HYPEROPT_CATEGORICAL_CASES = [
    ("choice, no observations", "choice", [4], [], ),
    ("choice, unseen levels 0 and 2", "choice", [4], [1, 1, 3]),
    ("choice, fewer observations than levels", "choice", [6], [5]),
    ("choice, 40 observations: linear forgetting", "choice", [5],
     [int(v) for v in np.random.default_rng(11).integers(0, 5, 40)]),
    ("pchoice, unseen level", "pchoice", [[0.1, 0.2, 0.7]], [0, 0, 1]),
    ("pchoice, 30 observations", "pchoice", [[0.5, 0.25, 0.125, 0.125]],
     [int(v) for v in np.random.default_rng(12).integers(0, 4, 30)]),
    ("randint with an offset, unseen levels", "randint", [3, 9], [3, 5, 5, 8]),
    ("randint, 28 observations", "randint", [0, 4], [int(v) for v in np.random.default_rng(13).integers(0, 4, 28)]),
    ("choice, prior weight 0.3", "choice", [3], [0, 0, 1], 0.3),
    ("pchoice, prior weight 4", "pchoice", [[0.1, 0.2, 0.7]], [2, 2, 1, 2], 4.0),
    ("randint, prior weight 2.5", "randint", [1, 5], [1, 1, 4], 2.5),
]


def hyperopt_categorical(kind, args, observations, prior_weight):
    """hp.choice is randint(K) in hyperopt 0.3 (pyll_utils.hp_choice), hp.pchoice is categorical(p)."""
    obs = np.asarray(observations, dtype=int)
    if kind == "pchoice":
        # In the vectorised graph hyperopt passes pchoice's p as rows of repeats (see pyll bincount).
        p = np.asarray([args[0]], dtype=float)
        post = tpe.adaptive_parzen_samplers["categorical"](obs, prior_weight, p, size=(1,),
                                                           rng=np.random.default_rng(0))
        categories = p.shape[1]
        offset = 0
    else:
        low, high = (0, args[0]) if kind == "choice" else (args[0], args[1])
        if kind == "choice":
            post = tpe.adaptive_parzen_samplers["randint"](obs, prior_weight, high, size=(1,),
                                                           rng=np.random.default_rng(0))
        else:
            post = tpe.adaptive_parzen_samplers["randint"](obs, prior_weight, low, high, size=(1,),
                                                           rng=np.random.default_rng(0))
        categories = high - low
        offset = low
    probabilities = np.asarray(pyll.rec_eval(post.pos_args[0]), dtype=float)
    lpdf = getattr(scope, post.name + "_lpdf")
    samples = np.arange(categories)
    logs = np.asarray(pyll.rec_eval(lpdf(pyll.as_apply(samples), post.pos_args[0])), dtype=float)
    return probabilities.tolist(), logs.tolist(), offset


def write_hyperopt_categorical():
    body = [
        "// hyperopt's categorical posteriors: ap_randint_sampler (hp.choice is randint(K) in hyperopt",
        "// 0.3; hp.randint(low, high)) and ap_categorical_sampler (hp.pchoice), evaluated with",
        "// pyll.rec_eval: forgetting-weighted counts plus the prior pseudo-counts, normalised;",
        "// logProbability = randint_via_categorical_lpdf / categorical_lpdf at every category.",
        "struct CategoricalCase {",
        "    const char *name;",
        "    Distribution distribution;",
        "    double priorWeight;",
        "    std::vector<int> observations;       // raw values (choice index, randint value), trial order",
        "    std::vector<double> probabilities;   // per category (randint: value - low)",
        "    std::vector<double> logProbability;",
        "};",
        "",
        "inline const std::vector<CategoricalCase> &hyperoptCategoricalCases()",
        "{",
        "    static const std::vector<CategoricalCase> cases = {",
    ]
    for name, kind, args, observations, *rest in HYPEROPT_CATEGORICAL_CASES:
        prior_weight = rest[0] if rest else 1.0
        probabilities, logs, _ = hyperopt_categorical(kind, args, observations, prior_weight)
        if kind == "pchoice":
            dist = f"Distribution::pchoice({vec(args[0])})"
        elif kind == "choice":
            dist = f"Distribution::choice({args[0]})"
        else:
            dist = f"Distribution::randint({num(args[0])}, {num(args[1])})"
        body += [
            "        {" + f"\"{name}\", {dist}, {num(prior_weight)}, {ivec(observations)},",
            f"         {vec(probabilities)},",
            f"         {vec(logs)}" + "},",
        ]
    body += ["    };", "    return cases;", "}"]
    header("CategoricalGolden.h", "hyperopt's categorical posteriors (choice, pchoice, randint).", body)
