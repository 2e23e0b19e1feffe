#!/usr/bin/env python3
"""pandas + Python re peer of bench/checks/suite-regex-1m.json: the same 6 regex tests on the same CSV.

Loads the CSV first (not timed), then times the 6 tests together (best of --repeat runs); each collects the
failing rows' indices and first values, as Loupe's report does. Missing values are skipped, as in Loupe.
Prints one JSON object: {"seconds": S, "cpu_seconds": C, "rows": R, "tests": [{"name": N, "failures": F}, ...]}.

    /usr/bin/python3 bench/checks/regex_pandas.py FILE.csv [--repeat N]
"""
import json
import re
import sys
import time

import pandas as pd

# (name, column, pattern, how): how is "absent" (not_regex), "full" or "search" (regex)
TESTS = [
    ("memo_without_ssn", "memo", r"\d{3}-\d{2}-\d{4}", "absent"),
    ("memo_without_card", "memo", r"\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}", "absent"),
    ("memo_plain_text", "memo", "[A-Za-z0-9 .,'\"\\n-]*", "full"),
    ("name_two_words", "customer_name", r"[A-Z][a-z]+ [A-Z][a-z'-]+", "full"),
    ("merchant_has_digit", "merchant", r"\d", "search"),
    ("category_lowercase", "category", r"[a-z]+", "full"),
]


def run_suite(df):
    results = []
    for name, column, pattern, how in TESTS:
        values = df[column]
        present = values.notna()
        regex = re.compile(pattern, re.DOTALL)
        if how == "absent":
            fails = values.str.contains(regex, na=False)
        elif how == "search":
            fails = ~values.str.contains(regex, na=True)
        else:
            fails = ~values.str.fullmatch(regex, na=True)
        fails = fails & present
        rows = fails.to_numpy().nonzero()[0]
        results.append((name, rows.tolist(), values.to_numpy()[rows[:20]].tolist()))
    return results


def main():
    if len(sys.argv) not in (2, 4) or (len(sys.argv) == 4 and sys.argv[2] != "--repeat"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    repeat = int(sys.argv[3]) if len(sys.argv) == 4 else 1
    df = pd.read_csv(sys.argv[1], dtype={"memo": "string", "customer_name": "string", "merchant": "string",
                                         "category": "string"}, keep_default_na=False, na_values={"memo": [""]})
    seconds = float("inf")
    cpu_seconds = float("inf")
    for _ in range(max(1, repeat)):
        start, cpu_start = time.perf_counter(), time.process_time()
        results = run_suite(df)
        seconds = min(seconds, time.perf_counter() - start)
        cpu_seconds = min(cpu_seconds, time.process_time() - cpu_start)
    tests = [{"name": name, "failures": len(rows)} for name, rows, _ in results]
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "rows": len(df), "tests": tests}))


if __name__ == "__main__":
    main()
