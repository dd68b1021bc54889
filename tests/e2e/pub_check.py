#!/usr/bin/python3
"""Independent check of the publication edition (issue 19, PUBLISHING.md 1).

usage: pub_check.py RUN_DIR LABEL

Reads the true figures (measures.csv) and the edition (measures-published.csv,
highlight-LABEL-published.xlsx) of one published run folder and checks, with
its own code rather than the program's:
- the edition has exactly the rows of measures.csv; a shown row equals the
  true row; a suppressed row is c in value and in every field holding a
  number;
- no shown row has a numerator or denominator from 1 to 5 (primary);
- no suppressed row can be worked out from the shown rows: every additive
  relation (a breakdown total and its parts in one period; a period and
  EVERY way of tiling it with other periods of the same measure and
  breakdown) that holds in the true figures, in numerators or in
  denominators, is taken together per measure, and exact elimination over
  the rationals must leave every suppressed row undetermined;
- the workbook: no drill-down, data-quality or rejects sheets; a Notes
  sheet with the key; every period cell of the strand tables is a number
  or [c], [x], [z]; [c] exactly where the CSV has c; shown counts are the
  true counts (none from 1 to 5); RAG and trend are [c] where they could
  tell on a suppressed figure; chart data is blank where the table has [c].
Prints ok / not ok lines like the other checks.
"""
import csv
import datetime
import os
import re
import sys
from fractions import Fraction

import openpyxl

from tap import check, status


def num(s):
    return Fraction(s) if s not in ("", None) else None


def read(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def key(r):
    return (r["measure"], r["breakdown"], r["period_start"], r["period_end"])


def month_of(s, e):
    ds, de = datetime.date.fromisoformat(s), datetime.date.fromisoformat(e)
    nxt = (de + datetime.timedelta(days=1))
    return ds.day == 1 and nxt.day == 1 and nxt.month != ds.month and \
        (de - ds).days < 31


def tilings(target, periods):
    """Every sequence of periods (other than target) that tiles it."""
    s0, e0 = target
    out = []

    def walk(at, acc):
        if at == e0 + datetime.timedelta(days=1):
            out.append(list(acc))
            return
        for p in periods:
            if p != target and p[0] == at and p[1] <= e0:
                acc.append(p)
                walk(p[1] + datetime.timedelta(days=1), acc)
                acc.pop()
    walk(s0, [])
    return out


def holds(true, total, parts):
    for f in ("numerator", "denominator"):
        vals = [true[k][f] for k in [total] + parts]
        if all(v is not None for v in vals) and sum(vals[1:]) == vals[0]:
            return True
    return False


def relations(true):
    """(total key, [part keys]) of every relation that holds."""
    rels = []
    by_mp = {}
    by_mb = {}
    for k in true:
        by_mp.setdefault((k[0], k[2], k[3]), []).append(k)
        by_mb.setdefault((k[0], k[1]), []).append(k)
    for (m, s, e), ks in by_mp.items():
        names = {k[1]: k for k in ks}
        tot = names.get("") or names.get("all")
        if not tot:
            continue
        parts = [k for k in ks if k[1] not in ("", "all")]
        if parts and holds(true, tot, parts):
            rels.append((tot, parts))
    for (m, b), ks in by_mb.items():
        per = {(datetime.date.fromisoformat(k[2]), datetime.date.fromisoformat(k[3])): k
               for k in ks}
        for p, k in per.items():
            if month_of(k[2], k[3]):
                continue
            for t in tilings(p, list(per)):
                parts = [per[x] for x in t]
                if holds(true, k, parts):
                    rels.append((k, parts))
    return rels


def determined(rels, hidden):
    """Hidden keys that exact elimination over the relations fixes."""
    cols = sorted(hidden)
    ci = {k: i for i, k in enumerate(cols)}
    rows = []
    for tot, parts in rels:
        r = [Fraction(0)] * len(cols)
        any_h = False
        for k, c in [(tot, 1)] + [(p, -1) for p in parts]:
            if k in ci:
                r[ci[k]] += c
                any_h = True
        if any_h:
            rows.append(r)
    piv = 0
    for c in range(len(cols)):
        sel = next((i for i in range(piv, len(rows)) if rows[i][c] != 0), None)
        if sel is None:
            continue
        rows[piv], rows[sel] = rows[sel], rows[piv]
        pv = rows[piv][c]
        rows[piv] = [x / pv for x in rows[piv]]
        for i in range(len(rows)):
            if i != piv and rows[i][c] != 0:
                f = rows[i][c]
                rows[i] = [a - f * b for a, b in zip(rows[i], rows[piv])]
        piv += 1
    out = []
    for r in rows[:piv]:
        nz = [i for i, x in enumerate(r) if x != 0]
        if len(nz) == 1:
            out.append(cols[nz[0]])
    return out


def small(x):
    return x is not None and 0 < x < 6


def check_csv(run):
    t = read(os.path.join(run, "measures.csv"))
    p = read(os.path.join(run, "measures-published.csv"))
    check("csv: same header as measures.csv",
          bool(p) and list(p[0].keys()) == list(t[0].keys()))
    true = {key(r): {"value": r["value"], "numerator": num(r["numerator"]),
                     "denominator": num(r["denominator"])} for r in t}
    pub = {key(r): r for r in p}
    check("csv: the same rows as measures.csv", set(true) == set(pub) and len(p) == len(t),
          (len(p), len(t)))
    hidden = set()
    bad_shown, bad_c, bad_small = [], [], []
    for k, r in pub.items():
        tr = true.get(k)
        if tr is None:
            continue
        if r["value"] == "c":
            hidden.add(k)
            for f in ("numerator", "denominator"):
                want = "c" if tr[f] is not None else ""
                if r[f] != want:
                    bad_c.append((k, f, r[f]))
            continue
        if "c" in (r["numerator"], r["denominator"]):
            bad_c.append((k, "partly c", r))
        if (r["value"] != tr["value"] or num(r["numerator"]) != tr["numerator"]
                or num(r["denominator"]) != tr["denominator"]):
            bad_shown.append((k, r))
        if small(tr["numerator"]) or small(tr["denominator"]):
            bad_small.append(k)
    check("csv: shown rows are the true figures", not bad_shown, bad_shown[:3])
    check("csv: a suppressed row is c in each field holding a number", not bad_c, bad_c[:3])
    check("csv: no numerator or denominator from 1 to 5 is shown", not bad_small,
          bad_small[:5])
    every_small = [k for k, tr in true.items() if small(tr["numerator"]) or small(tr["denominator"])]
    check("csv: the run has small numbers to suppress", len(every_small) > 0)
    rels = relations(true)
    check("csv: breakdown and period relations found", len(rels) > 20, len(rels))
    one = [(tot, parts) for tot, parts in rels
           if sum(k in hidden for k in [tot] + parts) == 1]
    check("csv: no relation with exactly one suppressed figure (subtraction)", not one,
          one[:2])
    det = []
    for m in sorted({k[0] for k in true}):
        mr = [r for r in rels if r[0][0] == m]
        mh = {k for k in hidden if k[0] == m}
        if mr and mh:
            det += determined(mr, mh)
    check("csv: no suppressed figure solvable from all relations together", not det, det[:5])
    return true, pub, hidden


MONTHS = {m: i for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1)}


def head_period(h):
    m = re.fullmatch(r"([A-Z][a-z]{2}) (\d\d)", h or "")
    if not m or m.group(1) not in MONTHS:
        return None
    y, mo = 2000 + int(m.group(2)), MONTHS[m.group(1)]
    s = datetime.date(y, mo, 1)
    e = (datetime.date(y + (mo == 12), mo % 12 + 1, 1) - datetime.timedelta(days=1))
    return s.isoformat(), e.isoformat()


def template_rows(tpl):
    """{sheet: [(measure, breakdown, text, number)]} from a template; number:
    a headcount row (the measure's numerator shown as a count)."""
    out, sheet = {}, None
    for line in open(tpl):
        line = line.strip()
        if line.startswith("["):
            sheet = line[1:-1]
            out[sheet] = []
        elif sheet and line.startswith("row"):
            f = [x.strip() for x in line.split("=", 1)[1].split("|")]
            out[sheet].append((f[0], f[1], f[2], len(f) > 3 and "number" in f[3].split()))
    return out


def check_book(run, label, tpl, true, hidden):
    path = os.path.join(run, f"highlight-{label}-published.xlsx")
    wb = openpyxl.load_workbook(path)
    names = wb.sheetnames
    check("xlsx: no drill-down, data-quality or rejects sheets",
          not [n for n in names if n.startswith("Drill-down") or n in
               ("Data quality", "Rejected records", "DQ findings")], names)
    check("xlsx: a Notes sheet", "Notes" in names)
    if "Notes" in names:
        keys = [r[0] for r in wb["Notes"].iter_rows(values_only=True)]
        check("xlsx: the key gives [c], [x] and [z] and the rule",
              all(s in keys for s in ("[c]", "[x]", "[z]", "Primary suppression",
                                      "Secondary suppression")), keys)
    defs = {r["measure"]: r for r in read(os.path.join(run, "definitions.csv"))}
    tr = template_rows(tpl)
    cells = bad_text = bad_c = bad_val = bad_small = bad_rag = 0
    detail = []
    shown = {}
    for sheet, rows in tr.items():
        ws = wb[sheet]
        head = [c.value for c in ws[5]]
        pcols = [(i, head_period(h)) for i, h in enumerate(head) if head_period(h)]
        rag_c = head.index("RAG") if "RAG" in head else None
        trend_c = head.index("Trend") if "Trend" in head else None
        for j, (m, b, text, number) in enumerate(rows):
            row = [c.value for c in ws[6 + j]]
            if row[0] != text:
                bad_text += 1
                detail.append(("row text", sheet, j, row[0]))
                continue
            kind = "count" if number else defs[m]["kind"]
            row_hidden = False
            for i, per in pcols:
                cells += 1
                v = row[i]
                k = (m, b) + per
                if isinstance(v, str):
                    if v not in ("[c]", "[x]", "[z]"):
                        bad_text += 1
                        detail.append(("text", sheet, text, v))
                    if (v == "[c]") != (k in hidden):
                        bad_c += 1
                        detail.append(("[c] vs csv", sheet, text, per, v))
                    row_hidden |= v == "[c]"
                    continue
                shown[(sheet, text, per)] = v
                if k in hidden or k not in true:
                    bad_c += 1
                    detail.append(("number where csv has c/none", sheet, text, per, v))
                    continue
                t = true[k]
                if kind == "count":
                    if v != t["numerator"]:
                        bad_val += 1
                        detail.append(("count", sheet, text, per, v, t))
                    if 0 < v < 6:
                        bad_small += 1
                elif t["denominator"]:
                    scale = 100 if kind == "percentage" else 10000
                    want = float(t["numerator"] * scale / t["denominator"])
                    got = v * 100 if kind == "percentage" else v
                    if abs(got - want) > 0.051:
                        bad_val += 1
                        detail.append(("ratio", sheet, text, per, v, want))
            any_hidden = any(k[0] == m and k[1] == b for k in hidden)
            if trend_c is not None and any_hidden and row[trend_c] != "[c]":
                bad_rag += 1
                detail.append(("trend", sheet, text, row[trend_c]))
            if rag_c is not None and row_hidden and pcols and row[pcols[-1][0]] == "[c]" \
                    and row[rag_c] != "[c]":
                bad_rag += 1
                detail.append(("rag", sheet, text, row[rag_c]))
    check(f"xlsx: {cells} period cells checked", cells > 50, cells)
    nd = [s for s in tr if {"Number (n)", "Out of (N)"} & {c.value for c in wb[s][5]}]
    check("xlsx: no numerator or denominator columns in the publication edition", not nd, nd)
    cdh = [c.value for c in wb["Chart data"][3]]
    check("xlsx: no numerator or denominator on its Chart data",
          not [h for h in cdh if h and str(h).startswith(("Number ", "Out of "))], cdh)
    check("xlsx: every text cell is [c], [x] or [z] and rows follow the template",
          not bad_text, [d for d in detail if d[0] in ("text", "row text")][:3])
    check("xlsx: [c] exactly where measures-published.csv has c", not bad_c,
          [d for d in detail if d[0].startswith(("[c]", "number"))][:3])
    check("xlsx: shown figures are the true figures", not bad_val,
          [d for d in detail if d[0] in ("count", "ratio")][:3])
    check("xlsx: no count from 1 to 5 shown", not bad_small)
    check("xlsx: RAG and trend are [c] where they could tell on a [c]", not bad_rag,
          [d for d in detail if d[0] in ("rag", "trend")][:3])
    cd = wb["Chart data"]
    heads = [c.value for c in cd[3]]
    leak = []
    for r in cd.iter_rows(min_row=4, values_only=True):
        if not r[0] or r[0] not in tr:
            continue
        for i, h in enumerate(heads[2:], 2):
            per = head_period(h)
            if per and r[i] is not None and (r[0], r[1], per) not in shown:
                leak.append((r[0], r[1], h, r[i]))
    check("xlsx: chart data holds only figures the tables show", not leak, leak[:3])


def main():
    run, label, tpl = sys.argv[1], sys.argv[2], sys.argv[3]
    true, pub, hidden = check_csv(run)
    check_book(run, label, tpl, true, hidden)
    sys.exit(status())


if __name__ == "__main__":
    main()
