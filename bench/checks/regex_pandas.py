#!/usr/bin/env python3
"""pandas + Python re peer of bench/checks/suite-regex-1m.json: the same 6 regex tests on the same CSV.

Loads the CSV first (not timed), then times the 6 tests together (best of --repeat runs); each collects the
failing rows' indices and first values, as Loupe's report does. Missing values are skipped, as in Loupe.
Prints one JSON object, as suite_pandas.py does (peer.py).

    /usr/bin/python3 bench/checks/regex_pandas.py FILE.csv [--repeat N]
"""
import re

import pandas as pd

from peer import main

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
        results.append((name, (rows.tolist(), values.to_numpy()[rows[:20]].tolist())))
    return results


def read(path):
    text = {"memo": "string", "customer_name": "string", "merchant": "string", "category": "string"}
    return pd.read_csv(path, dtype=text, keep_default_na=False, na_values={"memo": [""]})


if __name__ == "__main__":
    main(__doc__, read, run_suite)
