#!/usr/bin/python3
"""Optuna's half of bench/search: the same studies as bench_search, printed as one JSON object.

Median regret after TRIALS trials over SEEDS seeds on branin and hartmann6 for TPESampler and
RandomSampler (library defaults, seeded), and TPESampler's time per suggestion (one trial's
parameters, ask + suggest_float) at 100 and 1,000 completed random trials on hartmann6.
Usage: /usr/bin/python3 bench/search/optuna_peer.py [--seeds 20] [--trials 100]
"""
import argparse
import json
import math
import statistics
import time

import numpy as np
import optuna

BRANIN_OPTIMUM = 0.397887357729738
HARTMANN6_OPTIMUM = -3.32236801141551
ALPHA = np.array([1.0, 1.2, 3.0, 3.2])
A = np.array([[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
              [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]])
P = 1e-4 * np.array([[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
                     [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]])


def branin(x1, x2):
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def hartmann6(x):
    x = np.asarray(x)
    return float(-np.sum(ALPHA * np.exp(-np.sum(A * (x - P) ** 2, axis=1))))


FUNCTIONS = {
    "branin": (BRANIN_OPTIMUM, {"x1": (-5.0, 10.0), "x2": (0.0, 15.0)},
               lambda p: branin(p["x1"], p["x2"])),
    "hartmann6": (HARTMANN6_OPTIMUM, {f"x{i}": (0.0, 1.0) for i in range(1, 7)},
                  lambda p: hartmann6([p[f"x{i}"] for i in range(1, 7)])),
}


def suggest(trial, bounds):
    return {name: trial.suggest_float(name, low, high) for name, (low, high) in bounds.items()}


def regret(name, make_sampler, seeds, trials):
    optimum, bounds, f = FUNCTIONS[name]
    values = []
    for seed in range(seeds):
        study = optuna.create_study(sampler=make_sampler(seed))
        study.optimize(lambda t: f(suggest(t, bounds)), n_trials=trials)
        values.append(study.best_value - optimum)
    return statistics.median(values)


def suggest_ms(history, suggestions):
    """Milliseconds per suggestion (wall, cpu) with `history` completed random trials."""
    _, bounds, f = FUNCTIONS["hartmann6"]
    rng = np.random.default_rng(4242)
    distributions = {n: optuna.distributions.FloatDistribution(lo, hi) for n, (lo, hi) in bounds.items()}
    study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=7))
    done = []
    for _ in range(history):
        params = {n: float(rng.uniform(lo, hi)) for n, (lo, hi) in bounds.items()}
        done.append(optuna.trial.create_trial(params=params, distributions=distributions, value=f(params)))
    study.add_trials(done)
    suggest(study.ask(), bounds)  # warm-up: first-call costs are not per-suggestion costs
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(suggestions):
        suggest(study.ask(), bounds)  # left RUNNING: TPE (no constant liar) ignores it
    return {"wall": 1000 * (time.perf_counter() - wall) / suggestions,
            "cpu": 1000 * (time.process_time() - cpu) / suggestions}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--trials", type=int, default=100)
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    samplers = {"optuna_tpe": lambda s: optuna.samplers.TPESampler(seed=s),
                "optuna_random": lambda s: optuna.samplers.RandomSampler(seed=s)}
    out = {"optuna": optuna.__version__, "regret": {}, "suggest_ms": {"optuna_tpe": {}}}
    for name in FUNCTIONS:
        out["regret"][name] = {k: regret(name, make, args.seeds, args.trials) for k, make in samplers.items()}
    out["suggest_ms"]["optuna_tpe"]["100"] = suggest_ms(100, 20)
    out["suggest_ms"]["optuna_tpe"]["1000"] = suggest_ms(1000, 5)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
