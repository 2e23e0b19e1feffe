#!/usr/bin/env python3
"""pandas + Python re peer of bench/checks/suite-1m.json: the same 10 tests on the same CSV.

Loads the CSV first (not timed), then times the 10 tests together (best of --repeat runs). Each test collects what Loupe's report
shows: every failing row's index (0-based, as the Data page shows) and its value, not just a count.
Prints one JSON object (peer.py): {"seconds": S (wall, best run), "cpu_seconds": C (process CPU, best run),
"rows": R, "tests": [{"name": N, "failures": F}, ...]}.

    /usr/bin/python3 bench/checks/suite_pandas.py FILE.csv [--repeat N]
"""
import re

import pandas as pd

from peer import main


def failing(mask, values):
    """Row indices and values where mask is True (what a failure report lists)."""
    rows = mask.to_numpy().nonzero()[0]
    return rows.tolist(), values.to_numpy()[rows[:20]].tolist()


def run_suite(df):
    results = []

    # 1. between: 0 <= amount <= 50000
    amount = df["amount"]
    results.append(("amount_between", failing(~amount.between(0, 50000) & amount.notna(), amount)))

    # 2. not_null with mostly 0.5: memo
    memo = df["memo"]
    results.append(("memo_mostly_present", failing(memo.isna(), memo)))

    # 3. unique: transaction_id (every occurrence of a repeated value fails)
    ids = df["transaction_id"]
    results.append(("transaction_id_unique", failing(ids.duplicated(keep=False), ids)))

    # 4. monotonic increasing (not strict): timestamp; a row fails when it is earlier than the row before
    ts = df["timestamp"]
    results.append(("timestamp_in_order", failing(ts < ts.shift(1), ts)))

    # 5. in set: category
    categories = ["dining", "electronics", "grocery", "apparel", "online", "utilities",
                  "entertainment", "fuel", "cash", "home", "health", "travel"]
    category = df["category"]
    results.append(("category_known", failing(~category.isin(categories) & category.notna(), category)))

    # 6. not_regex: no US SSN inside the memo (Python re through pandas' str.contains)
    ssn = re.compile(r"\d{3}-\d{2}-\d{4}")
    results.append(("memo_without_ssn", failing(memo.str.contains(ssn, na=False), memo)))

    # 7. after: birth_date > 1900-01-01
    birth = df["birth_date"]
    results.append(("birth_after_1900", failing(~(birth > pd.Timestamp("1900-01-01")) & birth.notna(), birth)))

    # 8. column pair: birth_date < timestamp
    results.append(("born_before_purchase", failing(~(birth < ts) & birth.notna() & ts.notna(), birth)))

    # 9. quantile between: the 0.99 quantile of amount in [0, 5000]
    q = amount.quantile(0.99)
    results.append(("amount_q99_between", ([] if 0 <= q <= 5000 else [q], [])))

    # 10. compound unique: (customer_id, timestamp)
    pair = df[["customer_id", "timestamp"]]
    results.append(("customer_time_unique", failing(pair.duplicated(keep=False), df["customer_id"])))
    return results


if __name__ == "__main__":
    main(__doc__, lambda path: pd.read_csv(path, parse_dates=["timestamp", "birth_date"]), run_suite)
