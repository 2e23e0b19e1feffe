#!/usr/bin/env python3
"""What the pandas peers of bench/checks share: timing a suite and comparing its findings with Loupe's.

As a module (suite_pandas.py, regex_pandas.py): main(doc, read, run_suite) reads FILE.csv [--repeat N] from
the command line, loads the CSV with read(path) (not timed), times run_suite(df) (best of N runs) and prints
one JSON object: {"seconds": S (wall, best run), "cpu_seconds": C (process CPU, best run), "rows": R,
"tests": [{"name": N, "failures": F}, ...]}. run_suite returns [(name, (failing rows, their first values))].

As a script (run-suite.sh, run-regex.sh):
    /usr/bin/python3 bench/checks/peer.py report [--targets] LOUPE_JSON PANDAS_JSON
prints both times, the speed-up (with --targets: against the suite's targets) and the failing-row count of
every test on both sides; exits 1 when they disagree.
"""
import json
import sys
import time


def main(doc, read, run_suite):
    if len(sys.argv) not in (2, 4) or (len(sys.argv) == 4 and sys.argv[2] != "--repeat"):
        print(doc, file=sys.stderr)
        sys.exit(2)
    repeat = int(sys.argv[3]) if len(sys.argv) == 4 else 1
    df = read(sys.argv[1])
    seconds = float("inf")
    cpu_seconds = float("inf")
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        cpu_start = time.process_time()
        results = run_suite(df)
        seconds = min(seconds, time.perf_counter() - start)
        cpu_seconds = min(cpu_seconds, time.process_time() - cpu_start)
    tests = [{"name": name, "failures": len(rows)} for name, (rows, _) in results]
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "rows": len(df), "tests": tests}))


def report(loupe, pandas, targets):
    print(f"loupe  CheckRunner     {loupe['seconds']:7.3f} s   (cpu {loupe['cpu_seconds']:.3f} s over all threads; "
          f"load {loupe['load_seconds']:.2f} s, not counted)")
    print(f"pandas + Python re     {pandas['seconds']:7.3f} s   (cpu {pandas['cpu_seconds']:.3f} s)")
    ratio = pandas["seconds"] / loupe["seconds"]
    cpu_ratio = pandas["cpu_seconds"] / loupe["cpu_seconds"]
    if targets:
        print(f"speed-up vs pandas: {ratio:.1f}x wall (target >= 10x), {cpu_ratio:.1f}x cpu; "
              f"loupe suite time {loupe['seconds']:.3f} s (target < 0.5 s)")
    else:
        print(f"speed-up vs pandas: {ratio:.1f}x wall, {cpu_ratio:.1f}x cpu")
    print("failing rows per test (loupe / pandas):")
    pandas_tests = {t["name"]: t["failures"] for t in pandas["tests"]}
    agree = True
    for t in loupe["tests"]:
        other = pandas_tests.get(t["name"])
        mark = "" if other == t["failures"] else "   <-- differs"
        agree = agree and other == t["failures"]
        print(f"  {t['name']:<24} {t['status']:<8} {t['failures']:>7} / {other}{mark}")
    print("both sides found the same failing rows" if agree else "THE TWO SIDES DISAGREE")
    return agree


if __name__ == "__main__":
    args = sys.argv[1:]
    targets = "--targets" in args
    args = [a for a in args if a != "--targets"]
    if len(args) != 3 or args[0] != "report":
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(0 if report(json.loads(args[1]), json.loads(args[2]), targets) else 1)
