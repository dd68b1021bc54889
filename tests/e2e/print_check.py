#!/usr/bin/python3
"""Checks of the board pack as printed (issue 17), for tests/e2e/print_pack.sh.

usage: print_check.py MODE ARGS...
  wrap XLSX              every wrapped cell's text fits the height of its row
  drill XLSX PERIODS     the drill-down workbook holds every row that
                         drilldown_periods.csv (PERIODS) counts
  strand PDF SHEET TEXT  TEXT is printed on a page of the strand SHEET (the
                         footer names the sheet on each page)
  headcount XLSX N       N headcount rows (Notes "Numerator of the ..."), each
                         at the default height: its note takes one line
  fit XLSX [SHEET...]    every unwrapped text of the SHEETs (all) fits its column and
                         the empty cells to its right within the printed
                         columns: it is neither cut off by the next cell nor
                         printed past the page's right edge

Prints "ok - what" / "not ok - what" per check (tests/e2e/lib.sh style).

The wrap check is its own estimate, not the load's: it lays each text out
word by word in the column's printed width with Helvetica's published
character widths (Arial and Liberation Sans share them) and asks for the
height LibreOffice draws those lines in (11.5 points a line of 10-point
Liberation Sans). A wrapped cell whose text needs more than one line must
sit in a row given at least that height.
"""
import csv
import re
import subprocess
import sys
import zipfile

import openpyxl

from tap import check, status


# Helvetica AFM advance widths, 1/1000 em, for ' ' (32) to '~' (126)
HELV = [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584]
LINE_PT = 11.5


def text_pt(s, size):
    return sum(HELV[ord(c) - 32] if 32 <= ord(c) < 127 else 667 for c in s) * size / 1000


def lines_needed(text, width_pt, size):
    n = 0
    for para in str(text).split("\n"):
        n += 1
        used = 0.0
        for word in para.split():
            w = text_pt(word, size)
            sp = text_pt(" ", size) if used else 0
            if used and used + sp + w > width_pt:
                n += 1
                used = 0.0
                sp = 0
            used += sp + w
            while used > width_pt:
                n += 1
                used -= width_pt
    return n


def col_pt(cw):
    """Room for text in a column cw Excel characters wide, in points: its
    pixels at 96 dpi (Calibri 11, as libxlsxwriter sizes them) less the
    cell's margins."""
    px = int(cw * 7 + 0.5) + 5 if cw >= 1 else int(cw * 12 + 0.5)
    return (px - 6) * 0.75


def widths(ws):
    out = {}
    for key, dim in ws.column_dimensions.items():
        if dim.width:
            for c in range(dim.min or 1, (dim.max or dim.min or 1) + 1):
                out[c] = dim.width
    return out


def wrap(path):
    wb = openpyxl.load_workbook(path)
    bad = []
    n = 0
    for ws in wb.worksheets:
        w = widths(ws)
        for row in ws.iter_rows():
            for c in row:
                if not isinstance(c.value, str) or not (c.alignment and c.alignment.wrap_text):
                    continue
                n += 1
                size = (c.font.sz or 11) if c.font else 11
                k = lines_needed(c.value, col_pt(w.get(c.column, 8.43)), size)
                if k < 2:
                    continue
                h = ws.row_dimensions[c.row].height
                if h is None or h < k * LINE_PT * size / 10:
                    bad.append(f"{ws.title}!{c.coordinate}: {k} lines, row height {h}")
    check(f"{path.rsplit('/', 1)[-1]}: wrapped cells found", n > 0)
    check(f"{path.rsplit('/', 1)[-1]}: every wrapped cell's row is tall enough for its text",
          not bad, "; ".join(bad[:40]))


def fit(path, sheets):
    """A spreadsheet program draws unwrapped text over the empty cells to
    its right (left-aligned text) and cuts it at the first cell that holds
    something; in print, also at the last printed column (fitted to the
    page width). Each text must fit in that room."""
    wb = openpyxl.load_workbook(path)
    for name in sheets or wb.sheetnames:
        ws = wb[name]
        w = widths(ws)
        last = ws.max_column
        bad = []
        for row in ws.iter_rows():
            for c in row:
                if not isinstance(c.value, str) or (c.alignment and c.alignment.wrap_text):
                    continue
                if c.alignment and c.alignment.horizontal not in (None, "general", "left"):
                    continue
                room = 0.0
                col = c.column
                while True:
                    room += col_pt(w.get(col, 8.43))
                    col += 1
                    if col > last or ws.cell(c.row, col).value is not None:
                        break
                size = (c.font.sz or 11) if c.font else 11
                need = text_pt(c.value, size)
                if need > room:
                    bad.append(f"{c.coordinate} '{c.value[:30]}' {need:.0f} pt in {room:.0f}")
        check(f"{path.rsplit('/', 1)[-1]}: {name}: every unwrapped text fits its printed room",
              not bad, "; ".join(bad[:20]))


def headcount(path, want):
    wb = openpyxl.load_workbook(path)
    rows, tall = [], []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("Numerator of the ") \
                        and c.value.endswith("([z]: Notes sheet)"):
                    rows.append(f"{ws.title}!{c.row}")
                    if ws.row_dimensions[c.row].height is not None:
                        tall.append(f"{ws.title}!{c.row}: {ws.row_dimensions[c.row].height}")
    name = path.rsplit('/', 1)[-1]
    check(f"{name}: {want} headcount rows with the one-line note", len(rows) == int(want), rows)
    check(f"{name}: headcount rows at the default height (not made tall by their note)",
          not tall, "; ".join(tall))


def drill(path, periods):
    with open(periods, newline="") as f:
        want = sum(int(r["rows"]) for r in csv.DictReader(f))
    got = 0
    with zipfile.ZipFile(path) as z:
        wb = openpyxl.load_workbook(path, read_only=True)
        names = wb.sheetnames
        wb.close()
        # sheetN.xml follows the sheet order; count its rows
        for i, name in enumerate(names, 1):
            if not name.startswith("Drill-down"):
                continue
            rows = 0
            with z.open(f"xl/worksheets/sheet{i}.xml") as x:
                tail = b""
                while True:
                    chunk = x.read(1 << 20)
                    if not chunk:
                        break
                    buf = tail + chunk
                    # "<row " never overlaps itself: keep 4 bytes for a split one
                    rows += buf.count(b"<row ") - tail.count(b"<row ")
                    tail = buf[-4:]
            rows -= 4  # title, description, note and the table's header
            got += rows
    check("drill-down workbook: a row for every row drilldown_periods.csv counts",
          want == got and want > 0, f"drilldown_periods.csv {want}, workbook {got}")


def strand(pdf, sheet, text):
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", pdf], capture_output=True, text=True).stdout).group(1))
    found = []
    for p in range(1, pages + 1):
        t = subprocess.run(["pdftotext", "-layout", "-f", str(p), "-l", str(p), pdf, "-"],
                           capture_output=True, text=True).stdout
        lines = [l.strip() for l in t.splitlines() if l.strip()]
        # the footer's left part is the sheet's name (xl_book.c, &A)
        footer = re.split(r"\s{2,}", lines[-1])[0] if lines else ""
        if footer == sheet and text in " ".join(t.split()):
            found.append(p)
    check(f"{pdf.rsplit('/', 1)[-1]}: '{text[:40]}' printed on the {sheet} sheet", bool(found))


def main():
    mode, args = sys.argv[1], sys.argv[2:]
    {"wrap": lambda: wrap(args[0]), "drill": lambda: drill(args[0], args[1]),
     "strand": lambda: strand(args[0], args[1], args[2]),
     "fit": lambda: fit(args[0], args[1:]),
     "headcount": lambda: headcount(args[0], args[1])}[mode]()
    sys.exit(status())


main()
