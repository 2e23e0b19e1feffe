"""The below/above splits (hyperopt's ap_split_trials, Optuna's _split_observation_pairs) and the
sampler-level history with hyperopt's posteriors, written as TpeSplitGolden.h and
HyperoptSamplerGolden.h. See make_tpe_golden.py."""

import math

import numpy as np

from golden_common import both_orders, header, ivec, num, same, vec
from golden_hyperopt import canonical, hyperopt_model, hyperopt_posterior
from hyperopt import pyll, tpe
from optuna.samplers._tpe import sampler as osampler

# ---------------------------------------------------------------- splits

def split_cases():
    """(name, states, losses): states C complete, R running, P pruned (same step), F failed."""
    cases = []
    cases.append(("12 trials, ties below the cut", "C" * 12,
                  [3, 1, 1, 2, 5, 1, 4, 4, 9, 0.5, 7, 1]))
    cases.append(("16 trials, ties across the cut", "C" * 16,
                  [2, 2, 1, 3, 2, 8, 9, 1, 7, 2, 2, 6, 5, 4, 2, 3]))
    rng = np.random.default_rng(41)
    losses = [float(v) for v in np.round(rng.uniform(0, 10, 40), 1)]
    states = list("C" * 40)
    for i in (7, 19, 33):
        states[i] = "R"
    states[25] = "F"
    cases.append(("40 trials, running and failed ones", "".join(states), losses))
    losses = [float(v) for v in np.round(rng.uniform(0, 100, 100), 0)]
    cases.append(("100 trials", "C" * 100, losses))
    losses = [float(v) for v in rng.uniform(0, 1, 300)]
    states = list("C" * 300)
    for i in range(0, 300, 37):
        states[i] = "R"
    for i in range(5, 300, 41):
        states[i] = "P"
    cases.append(("300 trials: the cap of 25, running and pruned ones", "".join(states), losses))
    return cases


def hyperopt_below(states, losses, gamma):
    tids = [i for i, s in enumerate(states) if s != "F"]  # an exception leaves no doc in trials.trials
    l_vals = [losses[i] if states[i] in "CP" else float("inf") for i in tids]

    def compute():
        below, _ = tpe.ap_split_trials(tids, tids, tids, l_vals, gamma)
        return [int(v) for v in below]

    plain, stable = both_orders(compute)
    assert same(plain, stable), "hyperopt's split depends on numpy's tie order"
    return plain


def optuna_below(states, losses, gamma):
    """TPESampler's constant liar: running trials score (inf, [inf]); pruned ones (-step, [value]),
    all pruned at the same step here (Loupe does not rank pruned trials by their step)."""
    numbers, scores = [], []
    for i, s in enumerate(states):
        if s == "F":
            continue
        numbers.append(i)
        if s == "C":
            scores.append((-float("inf"), [losses[i]]))
        elif s == "P":
            scores.append((-3, [losses[i]]))
        else:
            scores.append((float("inf"), [float("inf")]))
    n = sum(1 for step, _ in scores if step < float("inf"))
    below, _ = osampler._split_observation_pairs(scores, gamma(n), None)
    return [numbers[i] for i in below]


def write_splits():
    body = [
        "// The below group (trial numbers) of tpe.ap_split_trials (hyperopt: gamma 0.25, n = every",
        "// trial but failed ones, running ones with loss +inf; the failed trial stands for an objective",
        "// that raised, which hyperopt keeps out of trials.trials) and of Optuna's",
        "// _split_observation_pairs with TPESampler's constant liar (n = finished trials;",
        "// optuna: default_gamma, min(ceil(0.1 n), 25); defaults: the same rule with 0.2, Loupe's",
        "// default; pruned trials all at the same step). hyperoptWide: hyperopt with gamma 2.5.",
        "// states: C complete, R running, P pruned, F failed.",
        "struct SplitCase {",
        "    const char *name;",
        "    const char *states;",
        "    std::vector<double> losses;",
        "    std::vector<int> hyperoptBelow;",
        "    std::vector<int> hyperoptWideBelow;",
        "    std::vector<int> optunaBelow;",
        "    std::vector<int> defaultsBelow;",
        "};",
        "",
        "inline const std::vector<SplitCase> &splitCases()",
        "{",
        "    static const std::vector<SplitCase> cases = {",
    ]
    for name, states, losses in split_cases():
        body += [
            "        {" + f"\"{name}\", \"{states}\",",
            f"         {vec(losses)},",
            f"         {ivec(hyperopt_below(states, losses, 0.25))},",
            f"         {ivec(hyperopt_below(states, losses, 2.5))},",
            f"         {ivec(optuna_below(states, losses, osampler.default_gamma))},",
            f"         {ivec(optuna_below(states, losses, lambda n: min(int(np.ceil(0.2 * n)), 25)))}" + "},",
        ]
    body += ["    };", "    return cases;", "}"]
    header("TpeSplitGolden.h", "hyperopt's and Optuna's below/above splits.", body)


# ---------------------------------------------------------------- sampler-level history (hyperopt mode)

# Quantized kinds have fine grids and the history no repeated values of them: with more than 25
# observations (linear forgetting) hyperopt pairs equal values with weights in numpy's unstable
# argsort order, so ties would make its model depend on numpy's sort (the estimator-level cases
# cover ties where the order cannot matter).
SAMPLER_PARAMETERS = [
    # (name, Loupe template JSON, hyperopt sampler kind, hyperopt args)
    ("x", '{"uniform": [-5, 5]}', "uniform", [-5, 5]),
    ("q", '{"quniform": [0, 200, 0.5]}', "quniform", [0, 200, 0.5]),
    ("lr", '{"loguniform": [-9.21, -2.3]}', "loguniform", [-9.21, -2.3]),
    ("units", '{"qloguniform": [2.0794, 6.2383, 0.25]}', "qloguniform", [2.0794, 6.2383, 0.25]),
    ("w", '{"normal": [0, 2]}', "normal", [0, 2]),
    ("s", '{"qnormal": [1, 3, 0.05]}', "qnormal", [1, 3, 0.05]),
    ("scale", '{"lognormal": [0, 1]}', "lognormal", [0, 1]),
    ("qs", '{"qlognormal": [1, 0.8, 0.05]}', "qlognormal", [1, 0.8, 0.05]),
    ("act", '{"choice": ["relu", "tanh", "elu"]}', "randint", [3]),
    ("p", '{"pchoice": [[0.2, "a"], [0.8, "b"]]}', "categorical", [[0.2, 0.8]]),
    ("depth", '{"randint": [2, 7]}', "randint", [2, 7]),
    ("kind", '{"choice": [{"type": "plain"}, {"type": "extra", "y": {"uniform": [0, 1], "name": "y"}}]}',
     "randint", [2]),
    ("y", None, "uniform", [0, 1]),
]


def sampler_history():
    rng = np.random.default_rng(2026)
    seen = {}

    def fresh(name, draw):
        while True:
            value = float(draw())
            if value not in seen.setdefault(name, set()):
                seen[name].add(value)
                return value

    trials = []
    for number in range(100):
        v = {
            "x": float(np.round(rng.uniform(-5, 5), 4)),
            "q": fresh("q", lambda: np.round(rng.uniform(0, 200) / 0.5) * 0.5),
            "lr": float(np.round(np.exp(rng.uniform(-9.21, -2.3)), 7)),
            "units": fresh("units", lambda: np.round(np.exp(rng.uniform(2.0794, 6.2383)) / 0.25) * 0.25),
            "w": float(np.round(rng.normal(0, 2), 4)),
            "s": fresh("s", lambda: np.round(rng.normal(1, 3) / 0.05) * 0.05),
            "scale": float(np.round(np.exp(rng.normal(0, 1)), 5)),
            "qs": fresh("qs", lambda: np.round(np.exp(rng.normal(1, 0.8)) / 0.05) * 0.05),
            "act": int(rng.integers(0, 3)),
            "p": int(rng.random() < 0.8),
            "depth": int(rng.integers(2, 7)),
            "kind": int(rng.integers(0, 2)),
        }
        if v["kind"] == 1:
            v["y"] = float(np.round(rng.uniform(0, 1), 4))
        loss = ((v["x"] - 1.0) ** 2 + 0.03 * abs(v["q"] - 60) + abs(math.log(v["lr"]) + 6.0)
                + 0.2 * abs(v["w"]) + (0.5 if v["act"] != 1 else 0.0) + (v.get("y", 0.5) - 0.3) ** 2)
        loss = round(loss, 1)  # ties in the loss
        state = "C"
        if number in (17, 63, 98):
            state = "R"
        if number == 41:
            state = "F"
        trials.append((number, state, v, loss))
    return trials


def write_sampler_golden():
    trials = sampler_history()
    tids = [t[0] for t in trials if t[1] != "F"]
    l_vals = [t[3] if t[1] == "C" else float("inf") for t in trials if t[1] != "F"]
    by_number = {t[0]: t for t in trials}
    models = []
    for name, _, kind, args in SAMPLER_PARAMETERS:
        o_idxs = [i for i in tids if name in by_number[i][2]]
        o_vals = [by_number[i][2][name] for i in o_idxs]

        def compute():
            below, above = tpe.ap_split_trials(o_idxs, o_idxs, tids, l_vals, 0.25)
            return [int(v) for v in below], [int(v) for v in above]

        plain, stable = both_orders(compute)
        assert same(plain, stable), f"{name}: hyperopt's split depends on numpy's tie order"
        below_ids, above_ids = plain
        groups = []
        for ids in (below_ids, above_ids):
            values = [by_number[i][2][name] for i in ids]
            if kind in ("randint", "categorical"):
                offset = args[0] if kind == "randint" and len(args) == 2 else 0
                obs = np.asarray(values, dtype=int)
                if kind == "categorical":
                    post = tpe.adaptive_parzen_samplers[kind](obs, 1.0, np.asarray([args[0]]), size=(1,),
                                                              rng=np.random.default_rng(0))
                else:
                    post = tpe.adaptive_parzen_samplers[kind](obs, 1.0, *args, size=(1,),
                                                              rng=np.random.default_rng(0))
                p = np.asarray(pyll.rec_eval(post.pos_args[0]), dtype=float)
                groups.append((ids, p.tolist(), [], [], None, None, None, offset))
            else:
                def fit():
                    return hyperopt_model(hyperopt_posterior(kind, values, args))

                (w, m, s, low, high, q), (w2, m2, s2, *_) = both_orders(fit)
                assert same(canonical(w, m, s), canonical(w2, m2, s2)), f"{name}: tie order matters"
                groups.append((ids, w.tolist(), m.tolist(), s.tolist(), low, high, q, 0))
        models.append((name, kind, groups, o_vals))

    body = [
        "// A fixed history of 100 trials over a space with every kind (template below) and hyperopt's",
        "// posterior for each parameter after it: tpe.ap_split_trials on the losses (running trials +inf,",
        "// the failed one left out), then the ap_*_sampler graph of each group (below, above) evaluated",
        "// with pyll.rec_eval: weights, mus, sigmas (hyperopt's order) and the lpdf's low/high/q for",
        "// numeric kinds; the normalised pseudo-counts (category probabilities) for choice, pchoice",
        "// and randint. The test scores Loupe's EI candidates with a transcription of GMM1_lpdf /",
        "// LGMM1_lpdf / categorical_lpdf over these models and checks Loupe's ranking and choice.",
        "inline constexpr const char *kSamplerTemplate = R\"({",
    ]
    entries = [f'  "{name}": {json}' for name, json, _, _ in SAMPLER_PARAMETERS if json]
    body += [",\n".join(entries), "})\";", ""]
    body += [
        "struct GoldenTrial {",
        "    int number;",
        "    char state;               // C complete, R running, F failed",
        "    std::vector<const char *> names;",
        "    std::vector<double> values; // raw values (choice: index) of the active parameters",
        "    double loss;",
        "};",
        "",
        "inline const std::vector<GoldenTrial> &samplerHistory()",
        "{",
        "    static const std::vector<GoldenTrial> trials = {",
    ]
    for number, state, values, loss in trials:
        names = ", ".join(f'"{k}"' for k in values)
        body.append(f"        {{{number}, '{state}', {{{names}}}, {vec(values.values())}, {num(loss)}}},")
    body += ["    };", "    return trials;", "}", ""]
    body += [
        "struct GoldenGroup {",
        "    std::vector<int> trials;      // trial numbers where the parameter is active",
        "    std::vector<double> weights;  // numeric: mixture weights; categorical: category probabilities",
        "    std::vector<double> mus;      // numeric only",
        "    std::vector<double> sigmas;",
        "};",
        "",
        "struct GoldenModel {",
        "    const char *name;",
        "    const char *hyperoptKind;     // the posterior sampler: uniform, ..., randint, categorical",
        "    bool hasLow;",
        "    double low;                   // lpdf bounds (on u: log bounds for log kinds)",
        "    bool hasHigh;",
        "    double high;",
        "    double q;                     // 0: none",
        "    GoldenGroup below;",
        "    GoldenGroup above;",
        "};",
        "",
        "inline const std::vector<GoldenModel> &samplerModels()",
        "{",
        "    static const std::vector<GoldenModel> models = {",
    ]
    for name, kind, groups, _ in models:
        low, high, q = groups[0][4], groups[0][5], groups[0][6]
        parts = [f'"{name}"', f'"{kind}"', "true" if low is not None else "false",
                 num(low if low is not None else 0), "true" if high is not None else "false",
                 num(high if high is not None else 0), num(q if q is not None else 0)]
        body.append("        {" + ", ".join(parts) + ",")
        for ids, w, m, s, *_ in groups:
            body.append(f"         {{{ivec(ids)}, {vec(w)}, {vec(m)}, {vec(s)}}},")
        body[-1] = body[-1].rstrip(",") + "},"
    body += ["    };", "    return models;", "}", ""]
    # Optuna's split of the same history (the default and optuna modes' global split), and of the
    # trials where the conditional y is active (Optuna splits a conditional parameter's own trials).
    states = "".join(t[1] for t in trials)
    losses = [t[3] for t in trials]
    y_trials = [t for t in trials if "y" in t[2]]
    y_states = "".join(t[1] for t in y_trials)
    y_losses = [t[3] for t in y_trials]

    def y_numbers(positions):
        return [y_trials[i][0] for i in positions]

    gamma02 = lambda n: min(int(np.ceil(0.2 * n)), 25)  # noqa: E731
    body += [
        "// Optuna's _split_observation_pairs (constant liar) of this history: optuna = default_gamma",
        "// (0.1), defaults = the same with 0.2; y* = the split of the trials where y is active.",
        "struct GoldenOptunaSplits {",
        "    std::vector<int> optunaBelow;",
        "    std::vector<int> defaultsBelow;",
        "    std::vector<int> yOptunaBelow;",
        "    std::vector<int> yDefaultsBelow;",
        "};",
        "",
        "inline GoldenOptunaSplits samplerOptunaSplits()",
        "{",
        f"    return {{{ivec(optuna_below(states, losses, osampler.default_gamma))},",
        f"            {ivec(optuna_below(states, losses, gamma02))},",
        f"            {ivec(y_numbers(optuna_below(y_states, y_losses, osampler.default_gamma)))},",
        f"            {ivec(y_numbers(optuna_below(y_states, y_losses, gamma02)))}}};",
        "}",
    ]
    header("HyperoptSamplerGolden.h", "hyperopt's posteriors for a fixed 100-trial history (sampler-level test).",
           body)
