#!/usr/bin/env bash
# The walking skeleton end to end: the tiny hand-made authority
# (tests/data/tiny, figures worked by hand in EXPECTED.md) through
# csc-run: extract -> transform -> load. Asserts FD01-FD09 in measures.csv
# and in the cells of the highlight workbook read back with openpyxl.
. "$(dirname "$0")/lib.sh"
T=$(tmpdir)
cp "$ROOT"/tests/data/tiny/{cin.xml,contacts.csv,pipeline.conf} "$T"/

check "csc-run succeeds" "$BIN/csc-run" --conf "$T/pipeline.conf" --quiet
M="$T/out/2024-02/measures.csv"
check "published measures.csv" test -f "$M"
check_eq "measures.csv header" "measure,breakdown,period_start,period_end,value,numerator,denominator" "$(head -1 "$M")"

DEC=2023-12-01..2023-12-31; JAN=2024-01-01..2024-01-31; FEB=2024-02-01..2024-02-29
"$PY" "$ROOT/tests/e2e/tiny_check.py" "$M" \
	"FD01@$DEC=2/2/" "FD01@$JAN=1/1/" "FD01@$FEB=10/10/" \
	"FD02@$DEC=50/1/2" "FD02@$JAN=100/1/1" "FD02@$FEB=40/4/10" \
	"FD03@$DEC=100/2/2" "FD03@$JAN=100/1/1" "FD03@$FEB=70/7/10" \
	"FD04@$DEC=0/0/2" "FD04@$JAN=100/1/1" "FD04@$FEB=60/6/10" \
	"FD05@$DEC=/0/0" "FD05@$JAN=0/0/1" "FD05@$FEB=50/3/6" \
	"FD06@$DEC=1/1/" "FD06@$JAN=1/1/" "FD06@$FEB=4/4/" \
	"FD07@$DEC=3.6842105263157894/7/19000" "FD07@$JAN=3.5/7/20000" "FD07@$FEB=3.5/7/20000" \
	"FD08@$DEC=0/0/1" "FD08@$JAN=0/0/1" "FD08@$FEB=50/2/4" \
	"FD09@$DEC=100/1/1" "FD09@$JAN=0/0/1" "FD09@$FEB=25/1/4" \
	|| E2E_FAILED=1

# The same figures under rereferral_basis = closure: only FD08 changes.
sed -i 's/^output_dir = out$/output_dir = out-closure\nrereferral_basis = closure/' "$T/pipeline.conf"
check "csc-run (closure basis)" "$BIN/csc-run" --conf "$T/pipeline.conf" --quiet
"$PY" "$ROOT/tests/e2e/tiny_check.py" "$T/out-closure/2024-02/measures.csv" \
	"FD08@$FEB=75/3/4" "FD08@$DEC=0/0/1" "FD02@$FEB=40/4/10" || E2E_FAILED=1

# Workbook cells, read back by an independent reader.
X="$T/out/2024-02/highlight-2024-02.xlsx"
check "published highlight workbook" test -f "$X"
"$PY" "$ROOT/tests/e2e/tiny_xlsx.py" "$X" || E2E_FAILED=1
finish
