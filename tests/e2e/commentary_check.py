#!/usr/bin/python3
"""Read the commentary sections of csc-load-report workbooks back with
openpyxl and check them against tests/data/load/commentary.csv.

usage: commentary_check.py MODE FILE
  with FILE   the workbook of a run with that commentary file (period 2023-12)
  none FILE   the workbook of a run without a commentary file

Prints "ok - what" / "not ok - what" per check (tests/e2e/lib.sh style).
"""
import datetime
import sys

import openpyxl

from tap import check, eq, status


STRANDS = ["Front door", "Early help", "Help and protection", "Children in care",
           "Care leavers"]
NONE = "no commentary supplied"
HEADS = ["Within this reporting period: progress", "Within this reporting period: concerns",
         "Our next steps", "Actions"]
KEY = [("Green: on track to be done by the due date", "Green", "C6EFCE"),
       ("Amber: at risk of missing the due date", "Amber", "FFEB9C"),
       ("Red: off track or overdue", "Red", "FFC7CE"),
       ("Blue: complete", "Blue", "DDEBF7")]


def fill(cell):
    c = cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type == "solid" else None
    return c[-6:].upper() if isinstance(c, str) else None


def col_a(ws):
    return [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]


def section(ws, head, stop):
    """Column A values after the heading `head` up to the next of `stop`."""
    a = col_a(ws)
    if head not in a:
        return None
    i = a.index(head) + 1
    out = []
    while i < len(a) and a[i] not in stop:
        out.append(a[i])
        i += 1
    return out


def notes_of(ws, text):
    """The Notes cell of the table row whose first cell is text."""
    head = [c.value for c in ws[5]]
    col = head.index("Notes") + 1
    for r in range(6, ws.max_row + 1):
        if ws.cell(row=r, column=1).value == text:
            return ws.cell(row=r, column=col).value
    return None


def key_ok(ws, where):
    """The key to the action RAG on the sheet: a heading, then each meaning
    with its word, in the RAG fill, in a cell to its right."""
    cells = {c.value: c for row in ws.iter_rows() for c in row if c.value is not None}
    check(f"{where}: key heading", "Key to the action RAG" in cells)
    for meaning, word, colour in KEY:
        m = cells.get(meaning)
        check(f"{where}: key line '{word}'", m is not None)
        if m:
            b = [c for c in ws[m.row] if c.column > m.column and c.value is not None][:1]
            eq(f"{where}: key word {word}", word, b[0].value if b else None)
            eq(f"{where}: key colour {word}", colour, fill(b[0]) if b else None)


def every_value(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    yield ws, c


def with_file(path):
    wb = openpyxl.load_workbook(path)
    ws = wb["Front door"]
    a = col_a(ws)
    check("Front door: commentary heading", "Commentary for December 2023" in a)
    eq("progress, in file order, formula text kept as text",
       ["MASH triage rota in place, contacts seen within a day",
        '=HYPERLINK("http://evil.example/","click")'],
       section(ws, HEADS[0], HEADS))
    eq("concerns: quoting and the line break kept",
       ['Re-referrals "within 12 months" are rising\nfor the third month'],
       section(ws, HEADS[1], HEADS))
    r = a.index('Re-referrals "within 12 months" are rising\nfor the third month') + 1
    check("the two-line concern has a row tall enough for two lines",
          (ws.row_dimensions[r].height or 0) >= 2 * 12.75, ws.row_dimensions[r].height)
    eq("next steps", ["@SUM(1+1) audit of repeat referrals"], section(ws, HEADS[2], HEADS + ["Actions"]))
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value[:1] in "=@+":
                eq(f"'{c.value[:12]}' is a string cell, not a formula", "s", c.data_type)
    h = a.index("Actions") + 2
    eq("actions table header", ["Action", "Owner", "Due", "Action RAG"],
       [ws.cell(row=h, column=k).value for k in range(1, 5)])
    want = [("Review the MASH rota", "Head of MASH", datetime.datetime(2024, 1, 31), "Amber", "FFEB9C"),
            ("Close the referral audit", "Smith, J", datetime.datetime(2023, 12, 15), "Blue", "DDEBF7"),
            ("Recruit two social workers", "Service manager", datetime.datetime(2024, 3, 31), "Red", "FFC7CE"),
            ("Publish the threshold guide", "Principal social worker", datetime.datetime(2024, 2, 28),
             "Green", "C6EFCE")]
    for i, (text, owner, due, word, colour) in enumerate(want):
        cells = [ws.cell(row=h + 1 + i, column=k) for k in range(1, 5)]
        eq(f"action {i + 1} text, owner, due, RAG word", (text, owner, due, word),
           tuple(c.value for c in cells))
        eq(f"action {i + 1} RAG colour", colour, fill(cells[3]))
    check("the actions are an Excel table", any(t.ref.startswith(f"A{h}:D{h + 4}")
                                                 for t in ws.tables.values()),
          [t.ref for t in ws.tables.values()])
    key_ok(ws, "Front door")
    n = notes_of(ws, "Contacts are managed at the front door (contacts received)")
    check("FD01's Notes cell starts with its commentary note",
          isinstance(n, str) and n.startswith("Contacts rose after the schools' autumn term"), n)
    n = notes_of(wb["Care leavers"], "Increased % of care leavers aged 17-18 in touch")
    check("CL01 17-18's Notes cell starts with its note (a leading + kept as text)",
          isinstance(n, str) and n.startswith("+ Two care leavers moved out of area"), n)
    n = notes_of(wb["Care leavers"], "Increased % of care leavers aged 19-21 in touch")
    check("CL01 19-21 has no commentary note",
          not (isinstance(n, str) and "moved out of area" in n), n)
    check("another month's commentary is not shown",
          not any(c.value == "NOVEMBER TEXT MUST NOT SHOW" for _, c in every_value(wb)))
    e = wb["Early help"]
    eq("a strand without commentary says so in every section", [[NONE]] * 3,
       [section(e, HEADS[0], HEADS), section(e, HEADS[1], HEADS), section(e, HEADS[2], HEADS)])
    ea = col_a(e)
    eq("... and in its actions table", NONE, ea[ea.index("Actions") + 2])
    check("no 'no commentary file' line when the file is configured",
          not any(c.value and "No commentary file" in str(c.value) for _, c in every_value(wb)))


def none_file(path):
    wb = openpyxl.load_workbook(path)
    for s in STRANDS:
        ws = wb[s]
        a = col_a(ws)
        check(f"{s}: says no commentary file is named",
              "No commentary file is named in pipeline.conf (key commentary)." in a)
        eq(f"{s}: 'no commentary supplied' in progress, concerns, next steps and actions",
           4, a.count(NONE))
        for hd in HEADS:
            check(f"{s}: section '{hd}' present", hd in a)
        key_ok(ws, s)


MODES = {"with": with_file, "none": none_file}
if len(sys.argv) != 3 or sys.argv[1] not in MODES:
    sys.exit(__doc__)
MODES[sys.argv[1]](sys.argv[2])
sys.exit(status())
