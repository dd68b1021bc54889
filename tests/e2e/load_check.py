#!/usr/bin/python3
"""Read csc-load-report workbooks back with openpyxl (an independent reader)
and check them against the hand-worked figures of tests/data/load/out.

usage: load_check.py MODE FILE...
  highlight FILE      the highlight workbook of the normal run
  quarterly FILE      the quarterly workbook of the normal run
  publication FILE    the highlight workbook in publication mode
  inject FILE         the highlight workbook whose LA name is a formula
  drill FILE          the drill-down workbook of the normal run
  illustrative FILE   the highlight workbook with the bundled comparators.csv
                      ("#! illustrative", source columns)
  nosource FILE       the highlight workbook with tests/data/load/comparators-nosource.csv
  multi FILE          the drill-down workbook with a record of two periods
  split FILE N...     drill-down sheets and their record counts
  noformula FILE      no cell of any sheet is stored as a formula

Prints "ok - what" / "not ok - what" per check (tests/e2e/lib.sh style).
"""
import re
import sys
import zipfile

import openpyxl

from tap import check, eq, near, status


def fill(cell):
    c = cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type == "solid" else None
    return c[-6:].upper() if isinstance(c, str) else None


def find_row(ws, text, col=1):
    for row in ws.iter_rows(min_col=col, max_col=col):
        if row[0].value == text:
            return row[0].row
    return None


STRANDS = ["Front door", "Early help", "Help and protection", "Children in care",
           "Care leavers"]
MONTHS = ["Jul 23", "Aug 23", "Sep 23", "Oct 23", "Nov 23", "Dec 23"]
TAIL = ["Number (n)", "Out of (N)", "Target", "England", "Statistical neighbours", "RAG", "Trend",
        "Notes"]
FIRST = ["How will we know we have been successful?", "What good looks like"]


def common(wb, tag):
    names = wb.sheetnames
    eq(f"{tag}: first sheets", ["Cover", "Contents", "Notes"] + STRANDS, names[:8])
    notes = wb["Notes"]
    eq(f"{tag}: Notes sheet key to symbols", ["[x]", "[z]", "[c]"],
       [notes.cell(r, 1).value for r in range(5, 8)])
    check(f"{tag}: Notes sheet says what [x] means",
          (notes.cell(5, 2).value or "").startswith("Not available"))
    check(f"{tag}: Notes sheet says what [z] means",
          (notes.cell(6, 2).value or "").startswith("Not applicable"))
    # No word stands in for a figure in a strand table's numeric columns:
    # every cell right of "What good looks like" up to Notes is a number or
    # one of the symbols (RAG and trend words aside).
    allowed = {"[x]", "[z]", "[c]", "Green", "Amber", "Red", "Better", "Worse", "Same"}
    words = []
    for s in STRANDS:
        ws = wb[s]
        head = [c.value for c in ws[5]]
        last = head.index("Notes")
        ref = [t.ref for t in ws.tables.values() if t.ref.startswith("A5:")][0]
        end = int("".join(ch for ch in ref.split(":")[1] if ch.isdigit()))
        for row in ws.iter_rows(min_row=6, max_row=end, min_col=3, max_col=last):
            for c in row:
                if isinstance(c.value, str) and c.value not in allowed:
                    words.append(f"{s}!{c.coordinate}={c.value!r}")
    eq(f"{tag}: no word in a numeric column of a strand table", [], words)
    for s in ["Chart data", "Definitions", "Data quality", "Rejected records",
              "DQ findings"]:
        check(f"{tag}: has sheet {s}", s in names)
    # the drill-down is a workbook of its own: the board workbooks print
    eq(f"{tag}: no drill-down sheet", [], [n for n in names if n.startswith("Drill")])
    for ws in wb.worksheets:
        check(f"{tag}: {ws.title} header marking",
              "OFFICIAL-SENSITIVE" in (ws.oddHeader.center.text or ""))
        check(f"{tag}: {ws.title} footer marking",
              "OFFICIAL-SENSITIVE" in (ws.oddFooter.center.text or ""))
        eq(f"{tag}: {ws.title} landscape", "landscape", ws.page_setup.orientation)
        # one page wide; the cover one page whatever its length
        check(f"{tag}: {ws.title} fit to width",
              ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (1, None)
              and ws.page_setup.fitToHeight in ((1, None) if ws.title == "Cover" else (0,)))
        eq(f"{tag}: {ws.title} A4", 9, int(ws.page_setup.paperSize or 0))
        if ws.title != "Cover":
            check(f"{tag}: {ws.title} has an Excel table", len(ws.tables) >= 1)
            check(f"{tag}: {ws.title} header rows repeat", bool(ws.print_title_rows))
            check(f"{tag}: {ws.title} frozen header", ws.freeze_panes is not None)
        check(f"{tag}: {ws.title} no merged cells", not ws.merged_cells.ranges)
    cover = wb["Cover"]
    eq(f"{tag}: cover marking", "OFFICIAL-SENSITIVE", cover["A1"].value)
    cover_checks(cover, tag)
    r = find_row(cover, "Contacts list")
    check(f"{tag}: cover lists contacts input", r is not None)
    if r:
        eq(f"{tag}: cover contacts read", 2005, cover.cell(r, 4).value)
        eq(f"{tag}: cover contacts rejected", 2, cover.cell(r, 6).value)
    r = find_row(cover, "Early help list")
    if r:
        eq(f"{tag}: cover early help not configured", "not configured in this run",
           cover.cell(r, 2).value)
    contents = wb["Contents"]
    links = {c.value: c.hyperlink.location if c.hyperlink else None
             for c in contents["A"] if c.row > 4}
    eq(f"{tag}: contents link to Front door", "'Front door'!A1", links.get("Front door"))
    eq(f"{tag}: contents has no Drill-down", None, links.get("Drill-down", None))
    # Early help's input is not configured: every period cell says so.
    eh = wb["Early help"]
    r = find_row(eh, "Increased early help assessments completed, tier 2")
    eq(f"{tag}: EH01 not available: [x]", "[x]", eh.cell(r, 3).value)
    notes = eh.cell(r, eh.max_column).value or ""
    check(f"{tag}: EH01 note gives the reason", "early_help not configured" in notes, notes)
    dq = wb["Data quality"]
    r = find_row(dq, "Contacts list")
    eq(f"{tag}: recon contacts read/staged/rejected", (2005, 2003, 2, 2, "yes"),
       tuple(dq.cell(r, c).value for c in range(4, 9)))
    eq(f"{tag}: recon headers right over the figures, Balances centred",
       ["right"] * 4 + ["center"], [dq.cell(4, c).alignment.horizontal for c in range(4, 9)])
    eq(f"{tag}: recon Balances centred", "center", dq.cell(r, 8).alignment.horizontal)
    rej = wb["Rejected records"]
    vals = [c.value for c in rej["E"]]
    check(f"{tag}: reject value kept as text", "@SUM(A1:A2)" in vals, str(vals))
    r = vals.index("@SUM(A1:A2)") + 1 if "@SUM(A1:A2)" in vals else 1
    eq(f"{tag}: reject value is a string cell", "s", rej.cell(r, 5).data_type)
    eq(f"{tag}: reject line is a number", 9, rej.cell(r, 3).value)
    eq(f"{tag}: reject line centred under its header, clear of the field beside it",
       ("center", "center"), (rej.cell(r, 3).alignment.horizontal, rej.cell(4, 3).alignment.horizontal))
    f = wb["DQ findings"]
    r = find_row(f, "la02_balance")
    eq(f"{tag}: dq detail starting with - is text", "-2+3 children unaccounted for",
       f.cell(r, 6).value)
    eq(f"{tag}: dq detail string cell", "s", f.cell(r, 6).data_type)
    # the date a date, centred under its centred header: right-aligned it
    # ran into the detail beside it in print
    eq(f"{tag}: dq date centred under its header", ("2023-12-31", "yyyy-mm-dd", "center", "center"),
       (f.cell(r, 5).value.strftime("%Y-%m-%d") if hasattr(f.cell(r, 5).value, "strftime") else None,
        f.cell(r, 5).number_format, f.cell(r, 5).alignment.horizontal,
        f.cell(4, 5).alignment.horizontal))
    # Every percentage and rate row shows its numerator and denominator
    # (a number, or [x] / c), never "not applicable".
    shown = bad = 0
    for name in STRANDS:
        ws = wb[name]
        head = [c.value for c in ws[5]]
        n_col, d_col = head.index("Number (n)") + 1, head.index("Out of (N)") + 1
        for r in range(6, ws.max_row + 1):
            fmts = {ws.cell(r, c).number_format for c in range(3, n_col)
                    if isinstance(ws.cell(r, c).value, (int, float))}
            if not fmts & {"0.0%", "0.0"}:
                continue
            for c in (n_col, d_col):
                v = ws.cell(r, c).value
                if isinstance(v, (int, float)):
                    shown += 1
                elif v not in ("[x]", "[c]"):
                    bad += 1
                    print(f"#   {name} row {r} column {c}: {v!r}")
    check(f"{tag}: every percentage and rate row has n and N", shown > 0 and bad == 0)
    d = wb["Definitions"]
    eq(f"{tag}: definitions header", ["Measure", "Title", "Kind", "Good"],
       [c.value for c in d[4]][:4])
    # FD01-09, EH01-04, HP01-11, LA01-09, CL01-03 = 9 + 4 + 11 + 9 + 3.
    eq(f"{tag}: definitions rows", 36, d.max_row - 4)


def highlight(path):
    wb = openpyxl.load_workbook(path)
    common(wb, "highlight")
    eq("highlight: cover period", "July 2023 to December 2023", cover_value(wb["Cover"], "Period"))
    charts(path)
    cd = wb["Chart data"]
    eq("chart data: Target columns last", ["Target Jul 23", "Target Dec 23"],
       [cd.cell(3, 21).value, cd.cell(3, 26).value])
    r = find_row(cd, "Reduced % in contacts resulting in a referral", col=2)
    eq("chart data: FD02 target only in December, 25%", [None] * 5 + [0.25],
       [cd.cell(r, c).value for c in range(21, 27)])
    ws = wb["Front door"]
    eq("front door header", FIRST + MONTHS + TAIL, [c.value for c in ws[5]])
    eq("front door frozen below header", "B6", ws.freeze_panes)
    eq("front door title", "Front door: contacts and referrals", ws["A1"].value)
    t = list(ws.tables.values())[0]
    eq("front door table range", "A5:P14", t.ref)
    # FD01: counts as numbers, #,##0.
    eq("FD01 row text", "Contacts are managed at the front door (contacts received)",
       ws["A6"].value)
    eq("FD01 Jul 23", 4, ws["C6"].value)
    eq("FD01 Dec 23", 2000, ws["H6"].value)
    eq("FD01 format", "#,##0", ws["H6"].number_format)
    eq("FD01 Nov 23 is a real 0 count", 0, ws["G6"].value)
    eq("FD01 no target: RAG [z]", "[z]", ws["N6"].value)
    eq("FD01 no target set: Target [z]", "[z]", ws["K6"].value)
    # FD02: 457/2000 = 22.85% -> 22.9% (half away from zero), stored 0.229.
    eq("FD02 row text", "Reduced % in contacts resulting in a referral", ws["A7"].value)
    eq("FD02 good", "Low", ws["B7"].value)
    near("FD02 Dec 23 = 22.9%", 0.229, ws["H7"].value)
    eq("FD02 format", "0.0%", ws["H7"].number_format)
    near("FD02 Aug 23 = 40/180 = 22.2%", 0.222, ws["D7"].value)
    eq("FD02 Nov 23 no cases (denominator 0): [z]", "[z]", ws["G7"].value)
    eq("FD02 no cases is text", "s", ws["G7"].data_type)
    check("FD02 note explains no cases", "No cases in Nov 23" in (ws["P7"].value or ""),
          ws["P7"].value)
    near("FD02 target 25%", 0.25, ws["K7"].value)
    near("FD02 England 22.5%", 0.225, ws["L7"].value)
    near("FD02 stat neighbours 23.1%", 0.231, ws["M7"].value)
    eq("FD02 RAG word", "Green", ws["N7"].value)
    eq("FD02 RAG fill", "C6EFCE", fill(ws["N7"]))
    eq("FD02 trend", "Better", ws["O7"].value)
    # FD03: 1803/2000 = 90.15% -> 90.2%; Red.
    near("FD03 Dec 23 = 90.2%", 0.902, ws["H8"].value)
    near("FD03 Aug 23 = 170/180 = 94.4%", 0.944, ws["D8"].value)
    eq("FD03 RAG word", "Red", ws["N8"].value)
    eq("FD03 RAG fill", "FFC7CE", fill(ws["N8"]))
    # FD04: only December in measures.csv.
    eq("FD04 missing month: [x]", "[x]", ws["C9"].value)
    check("FD04 note names missing months", "No figure in measures.csv for Jul 23"
          in (ws["P9"].value or ""), ws["P9"].value)
    # FD05 not suppressed outside publication mode: 3/40 = 7.5%.
    near("FD05 Oct 23 = 7.5%", 0.075, ws["F10"].value)
    # FD07 rate: 1234 / 56789 * 10000 = 217.2958 -> 217.3, format 0.0.
    near("FD07 rate 217.3", 217.3, ws["H12"].value)
    eq("FD07 format", "0.0", ws["H12"].number_format)
    # FD08: 83/400 = 20.75% -> 20.8%; Amber, same.
    near("FD08 Dec 23 = 20.8%", 0.208, ws["H13"].value)
    eq("FD08 RAG word", "Amber", ws["N13"].value)
    eq("FD08 RAG fill", "FFEB9C", fill(ws["N13"]))
    eq("FD08 trend", "Same", ws["O13"].value)
    # Number (n) and Out of (N) of the compared month, Dec 23 (hand-worked
    # from measures.csv): a percentage, a count, a rate.
    eq("FD02 n and N of Dec 23: 457 of 2000", (457, 2000), (ws["I7"].value, ws["J7"].value))
    eq("FD02 n format", "#,##0", ws["I7"].number_format)
    eq("FD01 count: n is the count, N not applicable", (2000, "[z]"), (ws["I6"].value, ws["J6"].value))
    eq("FD07 rate: n 1234 of the 0-17 population 56789", (1234, 56789), (ws["I12"].value, ws["J12"].value))
    eq("FD05 Dec 23: 1 of 8 shown outside publication mode", (1, 8), (ws["I10"].value, ws["J10"].value))
    check("front door has charts", len(ws._charts) >= 0)  # openpyxl drops charts on read
    hp = wb["Help and protection"]
    r = find_row(hp, "Children on a plan for less than 3 months")
    eq("HP09 <3m Dec 23", 12, hp.cell(r, 8).value)
    cic = wb["Children in care"]
    r = find_row(cic, "Total number of children looked after")
    check("LA01 headcount row present", r is not None)
    if r:
        eq("LA01 headcount Dec 23 = the rate's numerator 400", 400, cic.cell(r, 8).value)
        eq("LA01 headcount format", "#,##0", cic.cell(r, 8).number_format)
        eq("LA01 headcount: no n/N, target, comparators, RAG, trend ([z])", ["[z]"] * 7,
           [cic.cell(r, c).value for c in range(9, 16)])
        # One line in the Notes column (its row is not made tall): what the
        # count is; the Notes sheet's [z] says the rest.
        check("LA01 headcount note says what it counts, in one line",
              (cic.cell(r, 16).value or "").startswith("Numerator of the rate ([z]: Notes sheet) "),
              cic.cell(r, 16).value)

    r = find_row(cic, "Children looked after (rate per 10,000)")
    near("LA01 rate 400/56789*10000 = 70.4", 70.4, cic.cell(r, 8).value)
    cl = wb["Care leavers"]
    r = find_row(cl, "Increased % of care leavers aged 19-21 in touch")
    near("CL01 19-21 30/45 = 66.7%", 0.667, cl.cell(r, 8).value)
    r = find_row(cl, "Increased % of care leavers aged 17-18 in touch")
    near("CL01 17-18 3/5 = 60% (not suppressed)", 0.6, cl.cell(r, 8).value)
    cd = wb["Chart data"]
    r = find_row(cd, "Reduced % in contacts resulting in a referral", col=2)
    eq("chart data leaves no cases blank", None, cd.cell(r, 7).value)
    near("chart data Dec 23", 0.229, cd.cell(r, 8).value)
    # then Number and Out of per month: Jul 23 in columns 9-10 ... Dec 23 in 19-20
    eq("chart data header: Number/Out of per month",
       ["Number Jul 23", "Out of Jul 23", "Number Dec 23", "Out of Dec 23"],
       [cd.cell(3, c).value for c in (9, 10, 19, 20)])
    eq("chart data headers of figures right-aligned over them (Jul 23, Number Jul 23, Out of Dec 23)",
       ["right"] * 3, [cd.cell(3, c).alignment.horizontal for c in (3, 9, 20)])
    eq("chart data FD02 Jul 23 1 of 4", (1, 4), (cd.cell(r, 9).value, cd.cell(r, 10).value))
    eq("chart data FD02 Nov 23 no cases: 0 of 0", (0, 0), (cd.cell(r, 17).value, cd.cell(r, 18).value))
    eq("chart data FD02 Dec 23 457 of 2000", (457, 2000), (cd.cell(r, 19).value, cd.cell(r, 20).value))


def chart_xml(path, title):
    """The chart XML whose title is `title`."""
    with zipfile.ZipFile(path) as z:
        for n in sorted(z.namelist()):
            if n.startswith("xl/charts/chart"):
                x = z.read(n).decode()
                t = "".join(re.findall(r"<a:t>([^<]*)</a:t>", x.split("</c:title>")[0]))
                if t == title:
                    return x
    return None


def charts(path):
    """FD02's chart (hand-worked from tests/data/load/out): Jul-Dec 23 are
    25.0, 22.2, 20.0, 20.0, no cases, 22.9 %, a target of 25 % in December
    only. Plotted 20 %..25 %: 0.75 points each side, 19.25..25.75; 6.5/5 =
    1.3 points -> a step of 2: the axis 18 %..26 %. The target line is the
    second series, on the Target columns of its Chart data row (row 5, after
    6 values and 12 n/N columns: U..Z)."""
    x = chart_xml(path, "Reduced % in contacts resulting in a referral")
    check("FD02 chart found", x is not None)
    if not x:
        return
    sers = re.findall(r"<c:ser>.*?</c:ser>", x, re.S)
    eq("FD02 chart: figures and target series", 2, len(sers))
    if len(sers) == 2:
        check("FD02 chart: second series named Target", "<c:v>Target</c:v>" in sers[1], sers[1][:300])
        check("FD02 chart: target values from the Target columns",
              "'Chart data'!$U$5:$Z$5" in sers[1], re.findall(r"<c:f>[^<]*</c:f>", sers[1]))
        check("FD02 chart: target dashed", 'prstDash val="dash"' in sers[1])
    eq("FD02 chart: axis min 18%", ["0.18"], re.findall(r'<c:min val="([^"]*)"', x))
    eq("FD02 chart: axis max 26%", ["0.26"], re.findall(r'<c:max val="([^"]*)"', x))
    eq("FD02 chart: axis step 2 points", ["0.02"], re.findall(r'<c:majorUnit val="([^"]*)"', x))
    x = chart_xml(path, "Contacts are managed at the front door (contacts received)")
    check("FD01 chart (no target): one series, no legend",
          x is not None and x.count("<c:ser>") == 1 and "<c:legend>" not in x)


def quarterly(path):
    wb = openpyxl.load_workbook(path)
    common(wb, "quarterly")
    eq("quarterly: cover period", "April 2022 to December 2023", cover_value(wb["Cover"], "Period"))
    check("quarterly: strand sheet names the period as a span",
          (wb["Front door"]["A2"].value or "").endswith(": April 2022 to December 2023."),
          wb["Front door"]["A2"].value)
    ws = wb["Front door"]
    heads = ["Q1 2022-23", "Q2 2022-23", "Q3 2022-23", "Q4 2022-23", "Q1 2023-24",
             "Q2 2023-24", "Q3 2023-24", "2022-23", "2023-24 to Dec 23"]
    eq("quarterly header", FIRST + heads + TAIL, [c.value for c in ws[5]])
    r = find_row(ws, "Reduced % in contacts resulting in a referral")
    near("FD02 Q2 2023-24 341/1684 = 20.2%", 0.202, ws.cell(r, 8).value)
    near("FD02 Q3 2023-24 807/3750 = 21.5%", 0.215, ws.cell(r, 9).value)
    near("FD02 2022-23 = 20.5%", 0.205, ws.cell(r, 10).value)
    near("FD02 2023-24 to Dec 1500/7434 = 20.2%", 0.202, ws.cell(r, 11).value)
    eq("FD02 year RAG", "Green", ws.cell(r, 17).value)
    eq("FD02 year RAG fill", "C6EFCE", fill(ws.cell(r, 17)))
    eq("FD02 year trend", "Same", ws.cell(r, 18).value)
    r = find_row(ws, "Contacts are managed at the front door (contacts received)")
    eq("FD01 2023-24 to Dec", 7434, ws.cell(r, 11).value)


def publication(path):
    wb = openpyxl.load_workbook(path)
    ws = wb["Front door"]
    eq("pub: FD01 Jul 23 count 4 suppressed", "[c]", ws["C6"].value)
    eq("pub: FD01 Aug 23 count 180 shown", 180, ws["D6"].value)
    eq("pub: FD02 Jul 23 1/4 suppressed", "[c]", ws["C7"].value)
    near("pub: FD02 Dec 23 shown", 0.229, ws["H7"].value)
    eq("pub: FD05 Oct 23 numerator 3 suppressed", "[c]", ws["F10"].value)
    eq("pub: FD05 Dec 23 numerator 1 suppressed", "[c]", ws["H10"].value)
    near("pub: FD05 Sep 23 9/90 shown", 0.1, ws["E10"].value)
    check("pub: note explains c", "c = suppressed" in (ws["P10"].value or ""), ws["P10"].value)
    eq("pub: FD01 Nov 23 count 0 not suppressed", 0, ws["G6"].value)
    eq("pub: FD05 Dec 23 n = 1 suppressed, N = 8 shown", ("[c]", 8), (ws["I10"].value, ws["J10"].value))
    cl = wb["Care leavers"]
    r = find_row(cl, "Increased % of care leavers aged 17-18 in touch")
    eq("pub: CL01 17-18 denominator 5 suppressed", "[c]", cl.cell(r, 8).value)
    cd = wb["Chart data"]
    r = find_row(cd, "Reduced % in contacts resulting in a referral", col=2)
    eq("pub: chart data leaves c blank", None, cd.cell(r, 3).value)
    eq("pub: chart data FD02 Jul 23 n 1, N 4 blank", (None, None), (cd.cell(r, 9).value, cd.cell(r, 10).value))


def inject(path):
    wb = openpyxl.load_workbook(path)
    cover = wb["Cover"]
    want = '=HYPERLINK("http://evil.example/","x") Council (DfE LA number 999)'
    eq("inject: LA name shown as text", want, cover["B4"].value)
    eq("inject: LA name is a string cell", "s", cover["B4"].data_type)


def cover_value(cover, label):
    r = find_row(cover, label)
    return cover.cell(r, 2).value if r else None


def cover_checks(cover, tag, period=None):
    """The provenance lines every cover carries (tests/data/load/pipeline.conf:
    period 2023-12, no data_extracted, no contact)."""
    # Dates are date cells shown "31 December 2023" beside their labels
    # (left-aligned: right-aligned in the wide value column they sat far
    # from the label); what qualifies one is on the line below.
    for label in ("Data to", "Produced"):
        r = find_row(cover, label)
        c = cover.cell(r, 2) if r else None
        d = c.value if c else None
        eq(f"{tag}: cover {label}, a date", "2023-12-31",
           d.strftime("%Y-%m-%d") if hasattr(d, "strftime") else d)
        eq(f"{tag}: cover {label} shown as a date beside its label", ("d mmmm yyyy", "left"),
           (c.number_format, c.alignment.horizontal) if c else None)
    r = find_row(cover, "Produced")
    eq(f"{tag}: cover produced: why that date, on the next line (no SOURCE_DATE_EPOCH: "
       "the period end)", (None, "the period end; set SOURCE_DATE_EPOCH for the day of the run"),
       (cover.cell(r + 1, 1).value, cover.cell(r + 1, 2).value) if r else None)
    check(f"{tag}: cover program version",
          (cover_value(cover, "Program") or "").startswith("cscpipe "))
    eq(f"{tag}: cover contact", "not given (pipeline.conf contact)", cover_value(cover, "Contact"))
    if period:
        eq(f"{tag}: cover period", period, cover_value(cover, "Period"))


def drill(path):
    wb = openpyxl.load_workbook(path)
    eq("drill: sheets", ["Cover", "Contents", "Drill-down"], wb.sheetnames)
    cover_checks(wb["Cover"], "drill")
    dd = wb["Drill-down"]
    # every row of drilldown.csv, in its order, whatever the period
    eq("drill: every drill-down record",
       ["C0001", '=HYPERLINK("http://evil.example/","click")', "C0003", "C0004", "C0005",
        "C0006"], [c.value for c in dd["E"]][4:])
    eq("drill: formula text is a string", "s", dd["E6"].data_type)
    eq("drill: period is a date", "2023-12-01", dd["C5"].value.strftime("%Y-%m-%d"))
    eq("drill: January's record kept", "2023-01-01", dd["C7"].value.strftime("%Y-%m-%d"))
    ref = [t.ref for t in dd.tables.values()]
    eq("drill: one table over the six records", ["A4:H10"], ref)


def multi(path):
    """The fixture with C0004 in Q3 and December (load_report.sh): its
    group expands period by period, January C0003, Q3 C0004, December
    C0004 then C0005."""
    dd = openpyxl.load_workbook(path)["Drill-down"]
    rows = [(r[2].value.strftime("%Y-%m-%d"), r[4].value) for r in dd.iter_rows(min_row=5)]
    eq("multi: every record in each of its periods, in the transform's order",
       [("2023-12-01", "C0001"), ("2023-12-01", '=HYPERLINK("http://evil.example/","click")'),
        ("2023-01-01", "C0003"), ("2023-10-01", "C0004"), ("2023-12-01", "C0004"),
        ("2023-12-01", "C0005"), ("2023-04-01", "C0006")], rows)
    eq("multi: C0004's December row ends in December", "2023-12-31",
       dd["D9"].value.strftime("%Y-%m-%d"))
    eq("multi: one table over the seven records", ["A4:H11"], [t.ref for t in dd.tables.values()])


def sources(cover):
    r = find_row(cover, "Sources of the comparators and targets")
    if not r:
        return None
    out = []
    r += 2
    while cover.cell(r, 1).value:
        out.append(tuple(cover.cell(r, c).value for c in (1, 2, 3)))
        r += 1
    return out


def illustrative(path):
    wb = openpyxl.load_workbook(path)
    cover = wb["Cover"]
    check("illustrative: cover says RAG is not scored",
          "RAG not scored (illustrative comparators)" in (cover_value(cover, "Comparators and RAG") or ""),
          cover_value(cover, "Comparators and RAG"))
    eq("illustrative: cover contact", "Performance team, 01234 567890", cover_value(cover, "Contact"))
    # templates/comparators.csv: every row has both sources; its years run
    # from 2021-22 (FD02) to 2027-28 (CL03)
    eq("illustrative: the source and years of every comparator and target",
       [("England, statistical neighbours, region",
         "Made up for the sample authority (shaped like DfE statistics) (illustrative)",
         "2021-22 to 2027-28"),
        ("Targets", "Made up for the sample authority (an improvement-plan target) (illustrative)",
         "2021-22 to 2027-28")], sources(cover))
    ws = wb["Front door"]
    r = find_row(ws, "Reduced % in contacts resulting in a referral")
    eq("illustrative: FD02 (Green against its target) not scored", "not scored", ws.cell(r, 14).value)
    eq("illustrative: not scored has no RAG fill", None, fill(ws.cell(r, 14)))
    r = find_row(ws, "Contacts are managed at the front door (contacts received)")
    eq("illustrative: FD01 (no target) stays [z]", "[z]", ws.cell(r, 14).value)
    notes = wb["Notes"]
    r = find_row(notes, "not scored")
    check("illustrative: the Notes sheet keys 'not scored'",
          r is not None and "illustrative" in (notes.cell(r, 2).value or ""))
    check("illustrative: the strand sheet says RAG is not scored",
          "RAG not scored (illustrative comparators)" in (ws["A3"].value or ""), ws["A3"].value)


def nosource(path):
    wb = openpyxl.load_workbook(path)
    cover = wb["Cover"]
    # FD02 and FD03 each have comparators and a target: 4 entries, no source
    eq("nosource: the cover says the sources are not given",
       [("Not given", "comparators.csv has no comparator_source and target_source columns "
         "(4 comparator or target entries without a source)", "[x]")], sources(cover))
    check("nosource: RAG scored", "not scored" not in (cover_value(cover, "Comparators and RAG") or ""))
    eq("nosource: no 'not scored' key on the Notes sheet", None, find_row(wb["Notes"], "not scored"))
    ws = wb["Front door"]
    r = find_row(ws, "Reduced % in contacts resulting in a referral")
    eq("nosource: FD02 RAG from rag.csv", "Green", ws.cell(r, 14).value)


def split(path, counts):
    wb = openpyxl.load_workbook(path)
    names = [n for n in wb.sheetnames if n.startswith("Drill-down")]
    want = ["Drill-down"] + [f"Drill-down {i}" for i in range(2, len(counts) + 1)]
    eq("split: drill-down sheets", want, names)
    for n, c in zip(names, counts):
        ws = wb[n]
        eq(f"split: {n} records", int(c), ws.max_row - 4)
        check(f"split: {n} is a table", len(ws.tables) == 1)


def noformula(path):
    with zipfile.ZipFile(path) as z:
        bad = [n for n in z.namelist() if n.startswith("xl/worksheets/")
               and re.search(rb"<f[ >]", z.read(n))]
    eq(f"no formula cells in {path.rsplit('/', 1)[-1]}", [], bad)


def main():
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "split":
        split(args[0], args[1:])
    else:
        {"highlight": highlight, "quarterly": quarterly, "publication": publication,
         "inject": inject, "noformula": noformula, "drill": drill, "multi": multi,
         "illustrative": illustrative, "nosource": nosource}[mode](args[0])
    sys.exit(status())


main()
