#!/usr/bin/python3
"""PII scan peer for bench/checks/run-pii.sh: pandas + Python `re`, the same kinds and validation rules as
Loupe's core/privacy where feasible (SSA rules for SSNs, issuer prefix/length + Luhn for cards, IBAN country
length + mod-97, e-mail labels, NANP / E.164 phones, IPv4 octets, IPv6 via ipaddress, birth dates in columns
named like a birth date). The CSV is read first (not timed); only the scan is timed.

Prints one JSON object: {"scan_seconds", "total_findings", "kinds": {...}, "rows", "text_bytes"}.
"""
import ipaddress
import json
import re
import sys
import time

import pandas as pd

IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27, "BR": 29,
    "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
    "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
    "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28,
    "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20,
    "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25,
    "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
    "SO": 23, "ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}

B = r"(?<![A-Za-z0-9])"   # start boundary
E = r"(?![A-Za-z0-9])"    # end boundary
PATTERN = re.compile(
    r"(?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"
    r"|(?P<ipv6>" + B + r"(?:[0-9A-Fa-f]{1,4})?::?(?:[0-9A-Fa-f]{1,4}::?)*[0-9A-Fa-f.]*" + E + r")"
    r"|(?P<iban>" + B + r"[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?" + E + r")"
    r"|(?P<ipv4>" + B + r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}" + E + r"(?!\.\d))"
    r"|(?P<ssn>" + B + r"\d{3}(?P<s1>[- ])\d{2}(?P=s1)\d{4}" + E + r"(?![-./]\d))"
    r"|(?P<card>" + B + r"(?:\d{4}(?P<s2>[ -])\d{4}(?P=s2)\d{4}(?P=s2)\d{1,4}(?:(?P=s2)\d{1,3})?|\d{4}(?P<s3>[ -])\d{6}(?P=s3)\d{4,5}|\d{12,19})" + E + r")"
    r"|(?P<phone>(?:\+\d[\d .-]{6,18}\d|" + B + r"(?:1[ .-])?(?:\(\d{3}\)[ -]?|\d{3}[ .-])\d{3}[ .-]\d{4})" + E + r")"
)
DATE = re.compile(B + r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})" + E + r"|" + B + r"(\d{1,2})([-/.])(\d{1,2})\6(\d{4})" + E)


def luhn(digits):
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = ord(c) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def card_issuer_ok(d):
    n = len(d)
    p2, p3, p4, p6 = int(d[:2]), int(d[:3]), int(d[:4]), int(d[:6])
    if d[0] == "4":
        return n in (13, 16, 19)
    if 51 <= p2 <= 55 or 2221 <= p4 <= 2720:
        return n == 16
    if p2 in (34, 37):
        return n == 15
    if p4 == 6011 or 644 <= p3 <= 649 or p2 == 65 or 622126 <= p6 <= 622925:
        return n >= 16
    if 3528 <= p4 <= 3589:
        return n >= 16
    if 300 <= p3 <= 305 or p4 == 3095 or p2 in (36, 38, 39):
        return n >= 14
    if p2 == 62 or 2200 <= p4 <= 2204:
        return n >= 16
    return p2 == 50 or 56 <= p2 <= 58 or p4 in (6304, 6759, 6761, 6762, 6763)


def card_ok(text):
    d = text.replace(" ", "").replace("-", "")
    return 12 <= len(d) <= 19 and card_issuer_ok(d) and luhn(d)


def ssn_ok(text):
    d = text.replace("-", "").replace(" ", "")
    area, group, serial = int(d[:3]), int(d[3:5]), int(d[5:])
    if area in (0, 666) or area >= 900 or group == 0 or serial == 0:
        return False
    if d in ("078051120", "219099999") or len(set(d)) == 1:
        return False
    return True


def iban_ok(text):
    c = text.replace(" ", "")
    if IBAN_LENGTHS.get(c[:2]) != len(c):
        return False
    r = c[4:] + c[:4]
    return int("".join(str(int(ch, 36)) for ch in r)) % 97 == 1


def email_ok(text):
    local, _, domain = text.partition("@")
    domain = domain.rstrip(".-")
    local = local.lstrip(".")
    if not local or len(local) > 64 or local.endswith(".") or ".." in local:
        return False
    labels = domain.split(".")
    if len(labels) < 2 or not labels[-1].isalpha() or len(labels[-1]) < 2:
        return False
    return all(0 < len(l) <= 63 and not l.startswith("-") and not l.endswith("-") for l in labels)


def nanp_ok(ten):
    return len(ten) == 10 and ten[0] >= "2" and ten[3] >= "2" and ten[1:3] != "11" and ten[4:6] != "11"


def phone_ok(text):
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        if digits[0] == "1":
            return len(digits) == 11 and nanp_ok(digits[1:])
        return 8 <= len(digits) <= 15 and digits[0] != "0"
    if len(digits) == 11:
        digits = digits[1:]
    return nanp_ok(digits)


def ipv4_ok(text):
    return all(len(p) == 1 or (p[0] != "0" and int(p) <= 255) for p in text.split("."))


def ipv6_ok(text):
    if text.count(":") < 2 or text == "::":
        return False
    try:
        ipaddress.IPv6Address(text.rstrip("."))
        return True
    except ValueError:
        return False


VALIDATORS = {"email": email_ok, "ipv6": ipv6_ok, "iban": iban_ok, "ipv4": ipv4_ok, "ssn": ssn_ok,
              "card": card_ok, "phone": phone_ok}
NAMES = {"card": "credit_card"}


def birth_named(name):
    words = re.findall(r"[a-z0-9]+", re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name).lower())
    return any(w in ("birth", "birthday", "birthdate", "dob", "born", "bday", "bdate", "dateofbirth") for w in words)


def scan(frame):
    kinds = {}
    total = 0

    def add(kind):
        nonlocal total
        kinds[kind] = kinds.get(kind, 0) + 1
        total += 1

    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_datetime64_any_dtype(column):
            if birth_named(name):
                count = int(column.notna().sum())
                kinds["birth_date"] = kinds.get("birth_date", 0) + count
                total += count
            continue
        if pd.api.types.is_integer_dtype(column):
            big = column[column >= 100000000000]
            for value in big.astype(str):
                if card_ok(value):
                    add("credit_card")
            continue
        if column.dtype != object:
            continue
        birth = birth_named(name)
        for text in column.dropna():
            for match in PATTERN.finditer(text):
                kind = next(k for k in VALIDATORS if match.group(k) is not None)
                if VALIDATORS[kind](match.group(kind)):
                    add(NAMES.get(kind, kind))
            if birth:
                for match in DATE.finditer(text):
                    add("birth_date")
    return total, kinds


def main():
    path = sys.argv[1]
    header = pd.read_csv(path, nrows=0).columns
    dates = [c for c in header if c in ("timestamp",) or birth_named(c)]
    frame = pd.read_csv(path, parse_dates=dates)
    text_bytes = int(sum(frame[c].dropna().str.len().sum() for c in frame.columns if frame[c].dtype == object))
    start = time.perf_counter()
    total, kinds = scan(frame)
    seconds = time.perf_counter() - start
    print(json.dumps({"scan_seconds": seconds, "total_findings": total, "kinds": kinds, "rows": len(frame),
                      "text_bytes": text_bytes}))


if __name__ == "__main__":
    main()
