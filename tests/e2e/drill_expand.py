#!/usr/bin/env python3
"""Expand a compact drilldown.csv (docs/FORMATS.md) into one row per record
and period, the rows in the order the transform met them:

    measure,breakdown,period_start,period_end,child,record,role,reason

usage: drill_expand.py DIR [OUT]   (DIR holds drilldown.csv and
drilldown_periods.csv; OUT defaults to standard output)

A second reading of the format, written from its documentation, for the
tests: the load's reader (lib/csc_drill.c) is checked against it. Exits 1
with a message on a malformed file (a group cut short, a period out of
range or not ascending, a record in no period).
"""
import csv
import os
import sys


def fail(msg):
    sys.stderr.write("drill_expand: %s\n" % msg)
    sys.exit(1)


def periods_of(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [(r["period_start"], r["period_end"], int(r["rows"])) for r in rows]


def groups(path, nper):
    """Yield each group as a list of (record fields, [period numbers])."""
    with open(path, newline="", encoding="utf-8") as f:
        rd = csv.reader(f, lineterminator="\n")
        head = next(rd)
        want = ["group", "measure", "breakdown", "periods", "child", "record", "role", "reason"]
        if head != want:
            fail("%s: header %r" % (path, head))
        group, left = [], 0
        for line, row in enumerate(rd, start=2):
            if len(row) != 8:
                fail("%s:%d: %d fields" % (path, line, len(row)))
            if left == 0:
                if not row[0].isdigit() or int(row[0]) < 1:
                    fail("%s:%d: a group's first row without its size" % (path, line))
                left = int(row[0])
            elif row[0] != "":
                fail("%s:%d: a group starts inside another" % (path, line))
            ps = [int(p) for p in row[3].split(";")] if row[3] else []
            if not ps or ps != sorted(set(ps)) or ps[0] < 1 or ps[-1] > nper:
                fail("%s:%d: periods %r" % (path, line, row[3]))
            group.append(([row[1], row[2], row[4], row[5], row[6], row[7]], ps))
            left -= 1
            if left == 0:
                yield group
                group = []
        if left:
            fail("%s: the last group is cut short" % path)


def expand(d):
    """Yield (period number, [measure, breakdown, start, end, child, record,
    role, reason]) in the transform's order."""
    per = periods_of(os.path.join(d, "drilldown_periods.csv"))
    for g in groups(os.path.join(d, "drilldown.csv"), len(per)):
        for p in sorted({p for _, ps in g for p in ps}):
            for f, ps in g:
                if p in ps:
                    start, end, _ = per[p - 1]
                    yield p, f[:2] + [start, end] + f[2:]


def main():
    if len(sys.argv) not in (2, 3):
        fail("usage: drill_expand.py DIR [OUT]")
    out = open(sys.argv[2], "w", newline="", encoding="utf-8") if len(sys.argv) == 3 else sys.stdout
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["measure", "breakdown", "period_start", "period_end", "child", "record", "role",
                "reason"])
    for _, row in expand(sys.argv[1]):
        w.writerow(row)
    out.close()


if __name__ == "__main__":
    main()
