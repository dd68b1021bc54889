#!/usr/bin/python3
"""Read a workbook back with openpyxl and check what it says about how far
the data runs (README, "Coverage").

usage: coverage_check.py XLSX DATA_TO [SAYS] [--nodata MONTH] [--figure MONTH=VALUE]

DATA_TO (YYYY-MM-DD) is the date the cover's "Data to" cell must hold. SAYS,
when given, is the text the cover (on the line below that date) and the first line of
every strand sheet must contain ("data to 29/02/2024 (CIN census)"); when
empty, neither may say "partial". --nodata MONTH (a column heading such as
"Mar 24") must read "no data" on the Front door's contacts row, and
--figure MONTH=VALUE must hold VALUE there.
"""
import sys

import openpyxl

HEAD = "How will we know we have been successful?"
ROW = "Contacts are managed at the front door (contacts received)"
STRANDS = ["Front door", "Early help", "Assessment and protection", "Children in care",
           "Care leavers"]
failed = 0


def check(name, ok, detail=""):
    global failed
    print(("ok - " if ok else "not ok - ") + name + ("" if ok else f" ({detail!r})"))
    failed |= not ok


def contacts_row(ws):
    hdr = None
    for row in ws.iter_rows(min_row=1, max_row=60):
        if row[0].value == HEAD:
            hdr = [c.value for c in row]
        elif hdr and row[0].value == ROW:
            return dict(zip(hdr, [c.value for c in row]))
    return {}


def main():
    args = sys.argv[1:]
    path, data_to = args[0], args[1]
    says = args[2] if len(args) > 2 and not args[2].startswith("--") else None
    rest = args[3:] if says is not None else args[2:]
    tag = path.rsplit("/", 1)[-1]
    wb = openpyxl.load_workbook(path)
    cover = wb["Cover"]
    check(f"{tag}: cover A6 is 'Data to'", cover["A6"].value == "Data to", cover["A6"].value)
    b6 = cover["B6"].value
    check(f"{tag}: cover data to {data_to}",
          b6 is not None and b6.strftime("%Y-%m-%d") == data_to, b6)
    # what a partial period lacks: the line below the date, in the value
    # column (beside the date it ran past the page)
    c6 = (cover["B7"].value or "") if cover["A7"].value is None else ""
    strands = [s for s in STRANDS if s in wb.sheetnames]
    check(f"{tag}: has strand sheets", len(strands) >= 3, wb.sheetnames)
    if says:
        check(f"{tag}: cover says partial, {says}", c6.startswith("partial: ") and says in c6, c6)
        for s in strands:
            a2 = wb[s]["A2"].value or ""
            check(f"{tag}: {s} sheet says Partial: {says}", f"Partial: {says}" in a2, a2)
    else:
        check(f"{tag}: cover does not say partial", "partial" not in c6.lower(), c6)
        for s in strands:
            a2 = wb[s]["A2"].value or ""
            check(f"{tag}: {s} sheet does not say partial", "partial" not in a2.lower(), a2)
    row = contacts_row(wb["Front door"])
    i = 0
    while i < len(rest):
        if rest[i] == "--nodata":
            m = rest[i + 1]
            check(f"{tag}: contacts received in {m}: no data", row.get(m) == "[x]",
                  row.get(m))
        elif rest[i] == "--figure":
            m, v = rest[i + 1].split("=")
            check(f"{tag}: contacts received in {m} = {v}", row.get(m) == int(v), row.get(m))
        i += 2
    return failed


if __name__ == "__main__":
    sys.exit(main())
