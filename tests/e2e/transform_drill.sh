#!/usr/bin/env bash
# drilldown.csv, each record once with its periods (docs/FORMATS.md), on a
# generated authority with all four inputs: it expands (drill_expand.py, a
# reading of the format apart from the load's) to rows whose counts per
# period are drilldown_periods.csv's, each contact's FD01 record lists
# exactly the periods holding its date, and --jobs 2 and drilldown_periods
# = all keep all that (drill_check.py).
. "$(dirname "$0")/lib.sh"
TX="$BIN/csc-transform"
T=$(tmpdir)
"$BIN/csc-gen-sample" --quiet --out "$T/s" --children 1500 --seed 3
C=$T/s/pipeline.conf
for x in cin 903 contacts earlyhelp; do
	check "extract $x" "$BIN/csc-extract-$x" --conf "$C" --quiet
done
check "--jobs 1 run" "$TX" --conf "$C" --out "$T/j1" --jobs 1 --quiet
"$PY" "$ROOT/tests/e2e/drill_check.py" "$T/j1" || E2E_FAILED=1
for m in FD HP EH LA CL; do
	check "drilldown.csv has $m records" grep -q "^[0-9]*,$m[0-9]" "$T/j1/drilldown.csv"
done
check "--jobs 2 run" "$TX" --conf "$C" --out "$T/j2" --jobs 2 --quiet
check "--jobs 2: drilldown.csv byte-identical" cmp "$T/j1/drilldown.csv" "$T/j2/drilldown.csv"
cp "$C" "$T/s/all.conf"
echo "drilldown_periods = all" >>"$T/s/all.conf"
check "drilldown_periods = all run" "$TX" --conf "$T/s/all.conf" --out "$T/all" --jobs 2 --quiet
"$PY" "$ROOT/tests/e2e/drill_check.py" "$T/all" || E2E_FAILED=1
# all adds the rolling 12 months (the last row of drilldown_periods.csv):
# without it, all's records expand to report's rows
R12=$(tail -1 "$T/all/drilldown_periods.csv" | cut -d, -f1,2)
"$PY" "$ROOT/tests/e2e/drill_expand.py" "$T/j1" "$T/j1.rows"
"$PY" "$ROOT/tests/e2e/drill_expand.py" "$T/all" "$T/all.rows"
check "all without the rolling 12 months ($R12) expands to report's rows" \
	cmp -s "$T/j1.rows" <(awk -F, -v p="$R12" '$3 "," $4 != p' "$T/all.rows")
# The load's reader (lib/csc_drill.c) against drill_expand.py: the
# drill-down workbook holds the expanded rows, in their order, cell for cell.
check "load the --jobs 1 outputs" "$BIN/csc-load-report" --conf "$C" --out "$T/j1" --quiet
check_eq "drill-down workbook: the expanded rows, in order" "same" "$("$PY" - "$T/j1" <<'PY'
import csv, sys, openpyxl
d = sys.argv[1]
wb = openpyxl.load_workbook(f"{d}/drilldown-2026-10.xlsx", read_only=True)
got = []
for n in wb.sheetnames:
    if n.startswith("Drill-down"):
        for r in wb[n].iter_rows(min_row=5, values_only=True):
            got.append([v.strftime("%Y-%m-%d") if hasattr(v, "strftime") else v for v in r])
with open(f"{d}/../j1.rows", newline="", encoding="utf-8") as f:
    want = [[v if v != "" else None for v in r] for r in list(csv.reader(f))[1:]]
print("same" if got == want and got else f"{len(want)} rows expanded, {len(got)} in the workbook")
PY
)"
finish
