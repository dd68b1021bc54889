#!/usr/bin/python3
"""Assert figures in measures.csv: tiny_check.py MEASURES.csv EXPECT...

Each EXPECT is MEASURE[:BREAKDOWN]@PERIOD_START..PERIOD_END=VALUE/NUM/DEN,
VALUE may be empty (no value: zero denominator) and DEN may be empty (count).
Values compare to 1e-9; numerator and denominator exactly. Prints one
"ok - " / "not ok - " line per expectation, like tests/e2e/lib.sh.
"""
import csv
import sys


def main():
    path = sys.argv[1]
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    failed = 0
    for spec in sys.argv[2:]:
        lhs, want = spec.split("=", 1)
        mb, per = lhs.split("@")
        m, _, b = mb.partition(":")
        start, end = per.split("..")
        hits = [r for r in rows if r["measure"] == m and r["breakdown"] == b
                and r["period_start"] == start and r["period_end"] == end]
        wv, wn, wd = want.split("/")
        if len(hits) != 1:
            print(f"not ok - {spec} ({len(hits)} matching rows)")
            failed = 1
            continue
        r = hits[0]
        good = r["numerator"] == wn and r["denominator"] == wd
        if wv == "":
            good = good and r["value"] == ""
        else:
            good = good and r["value"] != "" and abs(float(r["value"]) - float(wv)) < 1e-9
        if good:
            print(f"ok - {spec}")
        else:
            print(f"not ok - {spec} (got value={r['value']} num={r['numerator']} den={r['denominator']})")
            failed = 1
    sys.exit(failed)


main()
