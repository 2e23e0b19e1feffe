#!/usr/bin/env python3
"""Writes a transactions CSV shaped like `loupe-cli simulate` output, for the CSV benchmark when the
CLI is not built: transaction_id, timestamp, customer_id, customer_name, birth_date, merchant, category,
amount, balance, memo (free text, sometimes quoted with commas), is_fraud. Seeded; standard library only."""
import argparse
import datetime
import random

FIRST = ["Alice", "Bob", "Carla", "Dmitri", "Eve", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Luca"]
LAST = ["Smith", "Nguyen", "Garcia", "Muller", "Rossi", "Kim", "Okafor", "Silva", "Novak", "Haddad"]
MERCHANTS = ["Acme Grocers", "Blue Fuel", "City Transit", "Deli Corner", "E-Shop", "Fit Gym", "Green Pharmacy",
             "Harbor Hotel", "Iris Books", "Jet Airlines", "Kiosk 24", "Lumen Electronics"]
CATEGORIES = ["grocery", "fuel", "transport", "restaurant", "online", "health", "travel", "entertainment"]
MEMOS = ["weekly shop", "refill", "monthly pass", "lunch with team, paid by card", "order #%d",
         "prescription", "2 nights, breakfast included", "gift", "subscription renewal", "", "refund, partial"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1000000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    start = datetime.datetime(2023, 1, 1)
    seconds = 0
    with open(args.output, "w", newline="") as out:
        out.write("transaction_id,timestamp,customer_id,customer_name,birth_date,merchant,category,"
                  "amount,balance,memo,is_fraud\n")
        lines = []
        for i in range(args.rows):
            seconds += rng.randint(1, 60)
            ts = (start + datetime.timedelta(seconds=seconds)).strftime("%Y-%m-%d %H:%M:%S")
            customer = rng.randint(1, 50000)
            crng = random.Random(customer)
            name = "%s %s" % (crng.choice(FIRST), crng.choice(LAST))
            birth = datetime.date(1940, 1, 1) + datetime.timedelta(days=crng.randint(0, 25000))
            amount = round(rng.lognormvariate(3.5, 1.0), 2)
            balance = round(rng.uniform(-500, 20000), 2)
            memo = rng.choice(MEMOS)
            if "%d" in memo:
                memo = memo % rng.randint(1000, 99999)
            if "," in memo:
                memo = '"' + memo + '"'
            fraud = "1" if rng.random() < 0.01 else "0"
            lines.append("%d,%s,%d,%s,%s,%s,%s,%.2f,%.2f,%s,%s\n" % (
                i + 1, ts, customer, name, birth.isoformat(), rng.choice(MERCHANTS), rng.choice(CATEGORIES),
                amount, balance, memo, fraud))
            if len(lines) == 10000:
                out.writelines(lines)
                lines = []
        out.writelines(lines)


if __name__ == "__main__":
    main()
