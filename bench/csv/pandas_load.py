#!/usr/bin/env python3
"""The pandas peer of the CSV benchmark: loads FILE with read_csv, parsing the datetime columns, and
prints the wall time in seconds (one JSON object)."""
import json
import sys
import time

import pandas as pd


def main():
    path = sys.argv[1]
    header = pd.read_csv(path, nrows=0).columns
    dates = [c for c in ("timestamp", "birth_date") if c in header]
    start = time.perf_counter()
    frame = pd.read_csv(path, parse_dates=dates)
    seconds = time.perf_counter() - start
    print(json.dumps({"rows": len(frame), "columns": len(frame.columns), "seconds": seconds}))


if __name__ == "__main__":
    main()
