#!/usr/bin/env python3
"""Learning-rate advice judged by training (issue 15, item 2), through loupe-cli only.

For each dataset the spec trains for its own budget (epochs, batch size) at
  - a grid of 12 log-spaced rates (1e-5 .. 1e-1) over seeds 1, 2, 3       (phase "grid")
  - every suggestion of both finder modes, the finder run with seed s and the
    suggestion trained with the same seed s, s = 1, 2, 3                  (phases "find", "suggest")
and "report" prints where `recommended` lands against the grid's best mean.

Datasets:
  fashion  resources/models/chapter-mlp.json on Fashion-MNIST, judged by test accuracy
  fraud    bench/lr/fraud-mlp.json on 50,000 simulated transactions (`loupe-cli simulate --seed 7`,
           label is_fraud, ~1 % positive), judged by the test PR-AUC (average precision); balanced
           accuracy is printed too (always answering "not fraud" scores 0.99 accuracy, 0.5 balanced)

Every phase is a few minutes at most, so each can run under the machine's build lock:
  flock /tmp/loupe-build.lock bench/lr/outcome.py grid fashion 0 6     (rates 0..5)
  flock /tmp/loupe-build.lock bench/lr/outcome.py grid fashion 6 12
  flock /tmp/loupe-build.lock bench/lr/outcome.py find fashion onepass
  flock /tmp/loupe-build.lock bench/lr/outcome.py find fashion range    (3 x 20 one-epoch runs)
  flock /tmp/loupe-build.lock bench/lr/outcome.py suggest fashion onepass
  bench/lr/outcome.py report
Results go to $LR_RESULTS (default bench/lr/results), one JSON file per loupe-cli call; a phase
overwrites its own files. LOUPE_BUILD_DIR (default build) holds app/loupe-cli.
"""
import json
import math
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CLI = os.path.join(ROOT, os.environ.get("LOUPE_BUILD_DIR", "build"), "app", "loupe-cli")
RESULTS = os.environ.get("LR_RESULTS", os.path.join(ROOT, "bench", "lr", "results"))
SEEDS = [1, 2, 3]
GRID = [1e-5 * 10 ** (4 * i / 11) for i in range(12)]
FRAUD_CSV = os.path.join(RESULTS, "transactions-50000-seed7.csv")
DATASETS = {
    "fashion": {"spec": "resources/models/chapter-mlp.json", "data": ["--data", "fashion-mnist"],
                "metric": "accuracy"},
    "fraud": {"spec": "bench/lr/fraud-mlp.json", "data": ["--data", FRAUD_CSV, "--target", "is_fraud"],
              "metric": "average_precision"},
}
SUGGESTIONS = ("recommended", "minimum", "loss_minimum_lr", "steep", "valley")


def cli(arguments):
    command = [CLI] + arguments + ["--json", "--no-workspace"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    try:
        return json.loads(done.stdout)
    except ValueError:
        sys.exit(f"{' '.join(command)}: no JSON (exit {done.returncode}): {done.stderr[-500:]}")


def save(name, document):
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, name), "w") as out:
        json.dump(document, out, indent=1)


def load(name):
    path = os.path.join(RESULTS, name)
    if not os.path.exists(path):
        return None
    with open(path) as source:
        return json.load(source)


def load_average():
    with open("/proc/loadavg") as source:
        return " ".join(source.read().split()[:3])


def ensure_fraud_csv():
    if not os.path.exists(FRAUD_CSV):
        os.makedirs(RESULTS, exist_ok=True)
        subprocess.run([CLI, "simulate", "--rows", "50000", "--seed", "7", "--output", FRAUD_CSV], cwd=ROOT,
                       check=True, capture_output=True)


def base(dataset):
    if dataset == "fraud":
        ensure_fraud_csv()
    setup = DATASETS[dataset]
    return [setup["spec"]] + setup["data"]


def phase_grid(dataset, first, last):
    for index in range(first, min(last, len(GRID))):
        document = cli(["lr-verify"] + base(dataset) + ["--rates", f"{GRID[index]:.6g}", "--seeds",
                                                        ",".join(map(str, SEEDS))])
        document["load"] = load_average()
        save(f"{dataset}-grid-{index:02}.json", document)
        print(f"{dataset} grid lr {GRID[index]:.3g}: {summary_text(document, DATASETS[dataset]['metric'])}")


def phase_find(dataset, mode):
    for seed in SEEDS:
        document = cli(["lr-find"] + base(dataset) + ["--mode", mode, "--seed", str(seed)])
        document["load"] = load_average()
        save(f"{dataset}-find-{mode}-{seed}.json", document)
        s = document.get("suggestions", {})
        print(f"{dataset} {mode} seed {seed}: " + ", ".join(f"{k} {s.get(k)}" for k in SUGGESTIONS))


def phase_suggest(dataset, mode):
    for seed in SEEDS:
        found = load(f"{dataset}-find-{mode}-{seed}.json")
        if found is None:
            sys.exit(f"run 'find {dataset} {mode}' first")
        rates = sorted({found["suggestions"][k] for k in SUGGESTIONS if found["suggestions"].get(k)})
        document = cli(["lr-verify"] + base(dataset) + ["--rates", ",".join(f"{r:.9g}" for r in rates), "--seeds",
                                                        str(seed)])
        document["load"] = load_average()
        save(f"{dataset}-suggest-{mode}-{seed}.json", document)
        print(f"{dataset} {mode} seed {seed}: {summary_text(document, DATASETS[dataset]['metric'])}")


def summary_text(document, metric):
    return "; ".join(f"{r['lr']:.3g} -> {fmt(r[metric])}" for r in document.get("rates", []))


def fmt(value, scale=1.0):
    return "-" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value * scale:.4f}"


def value_at(document, rate, metric):
    for run in document["runs"]:
        if math.isclose(run["lr"], rate, rel_tol=1e-6):
            return run[metric] if run[metric] is not None else 0.0  # a diverged run scores nothing
    return None


def phase_report():
    for dataset, setup in DATASETS.items():
        for metric in (setup["metric"], "balanced_accuracy"):
            grid = {}
            for index in range(len(GRID)):
                document = load(f"{dataset}-grid-{index:02}.json")
                if document:
                    values = [r[metric] if r[metric] is not None else 0.0 for r in document["runs"]]
                    grid[GRID[index]] = (sum(values) / len(values), max(values) - min(values))
            if not grid:
                continue
            best_rate, (best, best_spread) = max(grid.items(), key=lambda item: item[1][0])
            print(f"\n{dataset}, judged by {metric}: grid best {best:.4f} (spread {best_spread:.4f}) at {best_rate:.3g}")
            print("  grid: " + "  ".join(f"{r:.2g}:{m:.3f}" for r, (m, _) in grid.items()))
            for mode in ("onepass", "range"):
                for key in SUGGESTIONS:
                    rates, values = [], []
                    for seed in SEEDS:
                        found, trained = load(f"{dataset}-find-{mode}-{seed}.json"), load(
                            f"{dataset}-suggest-{mode}-{seed}.json")
                        if not found or not trained or not found["suggestions"].get(key):
                            continue
                        rate = found["suggestions"][key]
                        value = value_at(trained, rate, metric)
                        if value is not None:
                            rates.append(rate)
                            values.append(value)
                    if not values:
                        continue
                    mean = sum(values) / len(values)
                    print(f"  {mode:8} {key:16} lr {' '.join(f'{r:.2g}' for r in rates):28} "
                          f"{mean:.4f} (min {min(values):.4f}, max {max(values):.4f}, n {len(values)})  "
                          f"gap {100 * (best - mean):+.2f} points")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    phase = sys.argv[1]
    print(f"machine: {os.cpu_count()} cores, load average {load_average()}")
    if phase == "grid":
        phase_grid(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0,
                   int(sys.argv[4]) if len(sys.argv) > 4 else len(GRID))
    elif phase == "find":
        phase_find(sys.argv[2], sys.argv[3])
    elif phase == "suggest":
        phase_suggest(sys.argv[2], sys.argv[3])
    elif phase == "report":
        phase_report()
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
