#!/usr/bin/python3
"""Checks of the compact drilldown.csv (docs/FORMATS.md) against the rows it
stands for, for tests/e2e/transform_drill.sh.

usage: drill_check.py DIR [ROWS]
  DIR   a transform output folder (drilldown.csv, drilldown_periods.csv)
  ROWS  optional: a drill-down in one row per record and period
        (measure,breakdown,period_start,period_end,child,record,role,reason)
        that DIR's must expand to, byte for byte

Checks, on the expansion by tests/e2e/drill_expand.py:
- the header, and every group well formed (sizes, periods ascending and in
  range, no record without a period; drill_expand refuses the rest);
- within a group each record is written once;
- the rows each period expands to are the count drilldown_periods.csv
  gives it (0 included: such a period is listed by no record);
- a record of several periods is one row: fewer rows than expanded ones;
- every contact's FD01 record (role numerator, reason "contact on DATE")
  lists exactly the drilled periods whose dates hold DATE, worked out here
  from drilldown_periods.csv alone.
"""
import csv
import io
import os
import re
import sys

from drill_expand import expand, groups, periods_of
from tap import check, eq, status


def main():
    d = sys.argv[1]
    per = periods_of(os.path.join(d, "drilldown_periods.csv"))
    with open(os.path.join(d, "drilldown.csv"), encoding="utf-8") as f:
        eq("header", "group,measure,breakdown,periods,child,record,role,reason", f.readline().strip())
    gs = list(groups(os.path.join(d, "drilldown.csv"), len(per)))
    rows = sum(len(g) for g in gs)
    dup = [g for g in gs if len({tuple(r) for r, _ in g}) != len(g)]
    eq("each record once within its group", [], dup[:3])
    got = [0] * len(per)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["measure", "breakdown", "period_start", "period_end", "child", "record", "role",
                "reason"])
    for p, row in expand(d):
        got[p - 1] += 1
        w.writerow(row)
    eq("rows per period as drilldown_periods.csv counts them", [n for _, _, n in per], got)
    check("a period without rows is listed by no record (or every period has rows)",
          all(got[i] == 0 for i, (_, _, n) in enumerate(per) if n == 0))
    total = sum(got)
    check(f"each record once: {rows} rows for {total} records in their periods",
          0 < rows < total, f"{rows} rows, {total} expanded")
    bad, n01 = [], 0
    for g in gs:
        for r, ps in g:
            m = re.fullmatch(r"contact on (\d{4}-\d\d-\d\d)", r[5])
            if r[0] != "FD01" or r[4] != "numerator" or not m:
                continue
            n01 += 1
            want = [i + 1 for i, (s, e, _) in enumerate(per) if s <= m.group(1) <= e]
            if ps != want:
                bad.append((r, ps, want))
    check(f"every FD01 contact ({n01}) lists exactly the periods holding its date",
          n01 > 0 and not bad, bad[:3])
    if len(sys.argv) > 2:
        with open(sys.argv[2], encoding="utf-8", newline="") as f:
            want = f.read()
        check("expands to the given rows, byte for byte", out.getvalue() == want)
    sys.exit(status())


if __name__ == "__main__":
    main()
