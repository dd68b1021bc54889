"""Check an Annex A workbook (issue 18) against ANNEX-A.md and measures.csv.

usage: annexa_lists.py SPEC XLSX MEASURES INSPECTION_DATE

- sheets List 1 ... List 11 all present, in order; row 1 of each is the
  spec's header row, parsed here from the spec's "Headers:" lines with the
  shorthands P, Dis and W expanded as section 0 defines them (never retyped);
- dates are Excel dates shown dd/mm/yyyy, Child Unique IDs are text;
- agreement with measures.csv (MEASURES.md), where the definitions meet:
  in every whole month of the six-month window, List 1's rows dated in the
  month = FD01 (contacts received), List 3's = FD06 (referrals), List 4's
  rows authorised in the month = HP01 (assessments completed), List 5's
  rows whose enquiry started in the month = HP03 (section 47 enquiries
  started); and on the day before the inspection date (the end of the
  measures' last month), List 7's rows with no plan end date = HP06's
  children on a plan, List 8's rows with no date ceased = LA01's children
  looked after (the lists hold nothing after the data's end, so open at
  the inspection date is open at that day's end);
- the cover names the protective marking and the inspection date.
"""
import calendar
import csv
import datetime
import re
import sys

import openpyxl

spec, xlsx, measures, idate = sys.argv[1:5]
I = datetime.date.fromisoformat(idate)
fails = 0


def check(name, cond, detail=""):
    global fails
    print(("ok - " if cond else "not ok - ") + name)
    if not cond:
        fails += 1
        if detail:
            print("#   " + str(detail)[:400])


text = open(spec, encoding="utf-8").read()
short = {}
for key in ("P", "Dis", "W"):
    m = re.search(r"^- \*\*%s\*\* = (.*?)(?:\.|,) " % key, text, re.M)
    # "Allocated Team | Allocated Worker: T, n/i": the type follows a colon
    short[key] = [re.sub(r": [A-Z+]+$", "", h.strip()) for h in m.group(1).split(" | ")]
lists = {}
for m in re.finditer(r"^### List (\d+): .*?\n(.*?)(?=^### |^## )", text, re.S | re.M):
    line = re.search(r"^Headers: (.*)$", m.group(2), re.M).group(1)
    line = re.sub(r"\. † = .*$", "", line)
    heads = []
    for h in line.split(" | "):
        h = h.strip().lstrip("†")
        heads += short.get(h, [h])
    lists[int(m.group(1))] = heads
check("the spec has 11 lists", sorted(lists) == list(range(1, 12)), sorted(lists))
check("shorthands parsed", [len(short[k]) for k in ("P", "Dis", "W")] == [5, 1, 2], short)

wb = openpyxl.load_workbook(xlsx)
names = [n for n in wb.sheetnames if n.startswith("List ")]
check("sheets List 1 ... List 11 in order", names == ["List %d" % i for i in range(1, 12)], names)
for n, heads in sorted(lists.items()):
    ws = wb["List %d" % n]
    row1 = [c.value for c in next(ws.iter_rows(min_row=1, max_row=1))]
    check("List %d: the %d headers of the spec, in order" % (n, len(heads)), row1 == heads,
          [(a, b) for a, b in zip(row1 + [None] * 40, heads) if a != b][:3])
    bad_date = bad_id = 0
    for row in ws.iter_rows(min_row=2):
        for c in row:
            if c.value is None:
                continue
            h = heads[c.column - 1]
            if h.startswith("Date") or h.endswith(" Date") or " date" in h.lower():
                if not (isinstance(c.value, datetime.datetime) and c.number_format == "dd/mm/yyyy"):
                    bad_date += 1
            if h == "Child Unique ID" and not isinstance(c.value, str):
                bad_id += 1
    check("List %d: dates are Excel dates dd/mm/yyyy" % n, bad_date == 0, bad_date)
    check("List %d: IDs are text" % n, bad_id == 0, bad_id)

# measures.csv: headline rows of each month
counts = {}
for r in csv.DictReader(open(measures, encoding="utf-8")):
    if r["breakdown"] == "" and r["measure"] in ("FD01", "FD06", "HP01", "HP03", "HP06", "LA01"):
        counts[(r["measure"], r["period_start"], r["period_end"])] = int(r["numerator"])


def month_rows(sheet, col):
    ws = wb[sheet]
    heads = [c.value for c in next(ws.iter_rows(min_row=1, max_row=1))]
    k = heads.index(col)
    per = {}
    for row in ws.iter_rows(min_row=2, values_only=True):
        if row[k] is None:
            continue
        d = row[k].date()
        per[(d.year, d.month)] = per.get((d.year, d.month), 0) + 1
    return per


def blank_rows(sheet, col):
    ws = wb[sheet]
    heads = [c.value for c in next(ws.iter_rows(min_row=1, max_row=1))]
    k = heads.index(col)
    return sum(1 for row in ws.iter_rows(min_row=2, values_only=True) if row[k] is None)


def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    y, m = d.year + y, m + 1
    return datetime.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


W6 = add_months(I, -6)  # the window [I - 6 months, I] (MEASURES.md month arithmetic)
l1 = month_rows("List 1", "Date of Contact")
l3 = month_rows("List 3", "Date of Referral")
l4 = month_rows("List 4", "Continuous Assessment Date of Authorisation")
l5 = month_rows("List 5", "Strategy discussion initiating Section 47 Enquiry Start Date")
agreed = 0
first = W6.replace(day=1)
while first <= I:
    last = datetime.date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
    if first >= W6 and last <= I:  # months wholly inside the window
        for meas, per, sheet in (("FD01", l1, "List 1"), ("FD06", l3, "List 3"),
                                 ("HP01", l4, "List 4"), ("HP03", l5, "List 5")):
            key = (meas, first.isoformat(), last.isoformat())
            if key in counts:
                agreed += 1
                got = per.get((first.year, first.month), 0)
                check("%s rows in %s = %s (%d)" % (sheet, first.strftime("%Y-%m"), meas, counts[key]),
                      got == counts[key], got)
    first = last + datetime.timedelta(days=1)
check("agreements checked for at least 5 months of each list", agreed >= 20, agreed)
last = I - datetime.timedelta(days=1)
at_end = 0
for meas, sheet, col in (("HP06", "List 7", "Child Protection Plan End Date"),
                         ("LA01", "List 8", "Date Ceased to be Looked After")):
    key = (meas, last.replace(day=1).isoformat(), last.isoformat())
    if key in counts:
        at_end += 1
        got = blank_rows(sheet, col)
        check("%s rows open at %s = %s (%d)" % (sheet, last, meas, counts[key]), got == counts[key], got)
check("HP06 and LA01 checked at the day before the inspection date", at_end == 2, at_end)

cover = [c for row in wb["Cover"].iter_rows(values_only=True) for c in row if c is not None]
check("cover: protective marking", "OFFICIAL-SENSITIVE" in cover)
check("cover: inspection date", I.strftime("%d/%m/%Y") in [str(c) for c in cover] or
      datetime.datetime(I.year, I.month, I.day) in cover, cover[:8])
check("Notes sheet present", "Notes" in wb.sheetnames)
sys.exit(1 if fails else 0)
