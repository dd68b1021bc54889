#!/usr/bin/python3
"""Read the tiny authority's highlight workbook back with openpyxl and check
the Front door figures worked by hand in tests/data/tiny/EXPECTED.md.

Rows are found by their text in templates/highlight.tpl and columns by their
month headings, so the check does not depend on cell positions.
"""
import sys

import openpyxl

HEAD = "How will we know we have been successful?"
failed = 0


def check(name, ok, detail=""):
    global failed
    print(("ok - " if ok else "not ok - ") + name + ("" if ok else f" ({detail})"))
    failed |= not ok


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    check("Front door sheet exists", "Front door" in wb.sheetnames, wb.sheetnames)
    ws = wb["Front door"]
    hdr = None
    for row in ws.iter_rows(min_row=1, max_row=40):
        if row[0].value == HEAD:
            hdr = row
            break
    check("strand table header found", hdr is not None)
    if hdr is None:
        return
    cols = {c.value: c.column for c in hdr if c.value is not None}
    for want in ["What good looks like", "Dec 23", "Jan 24", "Feb 24", "Target", "England",
                 "Statistical neighbours", "RAG", "Trend"]:
        check(f"column '{want}'", want in cols, list(cols))
    rows = {}
    for r in range(hdr[0].row + 1, ws.max_row + 1):
        text = ws.cell(r, 1).value
        if isinstance(text, str):
            rows[text] = r

    def cell(text, month):
        r = rows.get(text)
        return ws.cell(r, cols[month]) if r and month in cols else None

    # (row text, month, expected value, number format or None for text)
    expect = [
        ("Contacts are managed at the front door (contacts received)", "Feb 24", 10, "#,##0"),
        ("Contacts are managed at the front door (contacts received)", "Dec 23", 2, "#,##0"),
        ("Reduced % in contacts resulting in a referral", "Feb 24", 0.4, "0.0%"),
        ("Increased % of contacts completed within 1 working day", "Feb 24", 0.7, "0.0%"),
        ("Police contacts as a % of all contacts", "Feb 24", 0.6, "0.0%"),
        ("Reduced % of police contacts resulting in information and advice", "Feb 24", 0.5, "0.0%"),
        ("Reduced % of police contacts resulting in information and advice", "Dec 23", "[z]", None),
        ("Referrals received", "Feb 24", 4, "#,##0"),
        ("Referral rate per 10,000 children (12 months to the month end)", "Feb 24", 3.5, None),
        ("Reduced % of re-referrals within 12 months", "Feb 24", 0.5, "0.0%"),
        ("Reduced % of referrals with no further action", "Feb 24", 0.25, "0.0%"),
        ("Reduced % of referrals with no further action", "Dec 23", 1.0, "0.0%"),
    ]
    for text, month, value, fmt in expect:
        c = cell(text, month)
        name = f"{text[:40]}... {month}"
        if c is None:
            check(name, False, "row or column missing")
            continue
        if isinstance(value, str):
            check(name + f" = '{value}'", c.value == value, repr(c.value))
        else:
            ok = isinstance(c.value, (int, float)) and abs(c.value - value) < 1e-9
            check(name + f" = {value}", ok, repr(c.value))
            if fmt:
                check(name + f" format {fmt}", c.number_format == fmt, c.number_format)


main()
sys.exit(1 if failed else 0)
