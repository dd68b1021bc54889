#!/usr/bin/env bash
# Issue 17, "a pack that prints": the sample authority (made as `make
# sample` makes it: its SAMPLE_CHILDREN and SAMPLE_SEED) run through csc-run
# with a commentary file, its highlight and quarterly workbooks printed to
# PDF by LibreOffice (A4, landscape, as set in the workbook): the highlight in at most 15 pages,
# the quarterly in at most 20; every wrapped cell's row tall enough for its
# text (print_check.py wrap); every sheet's texts within the page (fit); the
# headcount rows one line tall (headcount); the commentary printed on its strand's
# pages; the drill-down workbook holding every drill-down row.
# LibreOffice and poppler come from scripts/deps.sh --ci; without them the
# checks are skipped.
. "$(dirname "$0")/lib.sh"
[ -x "$BIN/csc-gen-sample" ] || { echo "ok - # SKIP csc-gen-sample not built"; finish; }
if ! command -v soffice >/dev/null || ! command -v pdfinfo >/dev/null ||
	! command -v pdftotext >/dev/null; then
	echo "ok - # SKIP LibreOffice or poppler-utils not installed (scripts/deps.sh --ci)"
	finish
fi
T=$(tmpdir)
children=$(sed -n 's/^SAMPLE_CHILDREN ?= //p' "$ROOT/Makefile")
seed=$(sed -n 's/^SAMPLE_SEED ?= //p' "$ROOT/Makefile")
check "make sample's size and seed read" test -n "$children" -a -n "$seed"
"$BIN/csc-gen-sample" --out "$T/s" --children "$children" --seed "$seed" --quiet
check_eq "csc-gen-sample ran" 0 $?
period=$(sed -n 's/^period_end = //p' "$T/s/pipeline.conf")
cat >"$T/s/commentary.csv" <<EOF
strand,period,section,text,owner,due,rag,measure,breakdown
Front door,$period,progress,Print check: MASH triage rota in place,,,,,
Children in care,$period,concerns,Print check: two placement moves this month,,,,,
Front door,$period,action,Print check: review the MASH rota,Head of MASH,2030-01-31,AMBER,,
EOF
printf 'commentary = commentary.csv\ncontact = Performance team, performance@example.org\n' \
	>>"$T/s/pipeline.conf"
check "sample run" "$BIN/csc-run" --conf "$T/s/pipeline.conf" --quiet
P=$T/s/output/$period
check "drill-down workbook published" test -s "$P/drilldown-$period.xlsx"
check "drill-down workbook in the manifest" grep -q "^output,drilldown-$period.xlsx," "$P/manifest.csv"

# Its own profile: LibreOffice refuses a second instance on one profile,
# and make test runs scripts side by side.
timeout 300 soffice -env:UserInstallation="file://$T/lo" --headless --convert-to pdf --outdir "$T/pdf" \
	"$P/highlight-$period.xlsx" "$P/quarterly-$period.xlsx" >"$T/soffice.log" 2>&1
check "LibreOffice printed both workbooks" test -s "$T/pdf/highlight-$period.pdf" -a \
	-s "$T/pdf/quarterly-$period.pdf"
pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }
hp=$(pages "$T/pdf/highlight-$period.pdf")
qp=$(pages "$T/pdf/quarterly-$period.pdf")
check "highlight prints in at most 15 pages (got ${hp:-none})" test "${hp:-99}" -le 15
check "quarterly prints in at most 20 pages (got ${qp:-none})" test "${qp:-99}" -le 20
echo "# highlight $hp pages, quarterly $qp pages"

for w in highlight quarterly; do
	"$PY" "$ROOT/tests/e2e/print_check.py" wrap "$P/$w-$period.xlsx" || true
	# every sheet's texts within the printed page and clear of the next
	# cell; the three headcount rows (LA01, HP06, HP11) one line tall
	"$PY" "$ROOT/tests/e2e/print_check.py" fit "$P/$w-$period.xlsx" || true
	"$PY" "$ROOT/tests/e2e/print_check.py" headcount "$P/$w-$period.xlsx" 3 || true
	"$PY" "$ROOT/tests/e2e/print_check.py" strand "$T/pdf/$w-$period.pdf" "Front door" \
		"Print check: MASH triage rota in place" || true
	"$PY" "$ROOT/tests/e2e/print_check.py" strand "$T/pdf/$w-$period.pdf" "Front door" \
		"Print check: review the MASH rota" || true
	"$PY" "$ROOT/tests/e2e/print_check.py" strand "$T/pdf/$w-$period.pdf" "Children in care" \
		"Print check: two placement moves this month" || true
done
"$PY" "$ROOT/tests/e2e/print_check.py" drill "$P/drilldown-$period.xlsx" "$P/drilldown_periods.csv" || true
finish
