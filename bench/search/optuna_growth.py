#!/usr/bin/python3
"""Optuna's half of bench/search/growth.sh: the same stored study as bench_growth, on Optuna's RDB
storage (SQLite file or PostgreSQL), printed as one JSON object of the same shape:
{"trials", "seconds", "capped", "per_trial_ms": {"mean", "first_1000", "last_10pct"}}.

hartmann6 with TPESampler or RandomSampler (library defaults, seeded; worker i uses seed + i), run
in WORKERS processes that share the study (MaxTrialsCallback stops them at TRIALS finished trials).
Each process stops at --timeout seconds: the run is then "capped" and its figures are for the
trials it finished by then.
Usage: /usr/bin/python3 bench/search/optuna_growth.py --storage sqlite:////tmp/o.db --algo tpe --trials 1000
"""
import argparse
import json
import multiprocessing
import time

import numpy as np
import optuna

ALPHA = np.array([1.0, 1.2, 3.0, 3.2])
A = np.array([[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
              [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]])
P = 1e-4 * np.array([[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
                     [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]])


def hartmann6(trial):
    x = np.array([trial.suggest_float(f"x{i}", 0.0, 1.0) for i in range(1, 7)])
    return float(-np.sum(ALPHA * np.exp(-np.sum(A * (x - P) ** 2, axis=1))))


def sampler(algo, seed):
    return optuna.samplers.TPESampler(seed=seed) if algo == "tpe" else optuna.samplers.RandomSampler(seed=seed)


def work(args, name, index, start, queue):
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.load_study(study_name=name, storage=args.storage, sampler=sampler(args.algo, args.seed + index))
    stamps = []
    stop = optuna.study.MaxTrialsCallback(args.trials, states=(optuna.trial.TrialState.COMPLETE,))
    remaining = max(1.0, args.timeout - (time.perf_counter() - start))
    study.optimize(hartmann6, n_trials=args.trials, timeout=remaining,
                   callbacks=[stop, lambda s, t: stamps.append(time.perf_counter() - start)])
    queue.put(stamps)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--storage", required=True)
    parser.add_argument("--algo", choices=("tpe", "random"), default="tpe")
    parser.add_argument("--trials", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    name = f"growth-{args.algo}-{args.trials}-{time.time_ns()}"
    optuna.create_study(study_name=name, storage=args.storage)
    queue = multiprocessing.Queue()
    start = time.perf_counter()
    if args.workers == 1:
        work(args, name, 0, start, queue)
        stamps = queue.get()
    else:
        processes = [multiprocessing.Process(target=work, args=(args, name, i, start, queue))
                     for i in range(args.workers)]
        for p in processes:
            p.start()
        stamps = []
        for _ in processes:
            stamps += queue.get()
        for p in processes:
            p.join()
    seconds = time.perf_counter() - start
    stamps.sort()
    n = len(stamps)
    per_trial = {"mean": 1000 * seconds / n if n else 0.0}
    if n >= 1000:
        per_trial["first_1000"] = 1000 * stamps[999] / 1000
    if n >= 10:
        first = n - n // 10
        per_trial["last_10pct"] = 1000 * (stamps[-1] - stamps[first - 1]) / (n - first)
    print(json.dumps({"optuna": optuna.__version__, "algo": args.algo, "workers": args.workers,
                      "budget": args.trials, "trials": n, "seconds": seconds,
                      "capped": n < args.trials, "per_trial_ms": per_trial}))


if __name__ == "__main__":
    main()
