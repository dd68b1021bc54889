#!/usr/bin/env bash
# csc-load-report on the hand-made outputs in tests/data/load/out: the
# workbooks read back with openpyxl (load_check.py holds the hand-worked
# figures), determinism, formula injection, drill-down continuation,
# template errors and atomic replacement.
. "$(dirname "$0")/lib.sh"
PROG=$BIN/csc-load-report

# setup DIR [conf lines...]: a run folder with the fixture and a conf.
setup() {
	local d=$1; shift
	mkdir -p "$d"
	cp -r "$ROOT/tests/data/load/out" "$d/out"
	cp -r "$ROOT/templates" "$d/templates"
	# RAG is scored: the bundled comparators are marked illustrative (the
	# illustrative run below keeps the mark)
	sed -i '/^#! illustrative/d' "$d/templates/comparators.csv"
	sed -e "s#^output_dir = .*#output_dir = out#" -e "s#^templates_dir = .*#templates_dir = templates#" \
		"$ROOT/tests/data/load/pipeline.conf" >"$d/pipeline.conf"
	for l in "$@"; do
		local k=${l%% =*}
		sed -i "/^$k = /d" "$d/pipeline.conf"
		echo "$l" >>"$d/pipeline.conf"
	done
}

T=$(tmpdir)
setup "$T/a"
check "report runs" "$PROG" --conf "$T/a/pipeline.conf" --quiet 2>"$T/a.err"
check_eq "quiet run prints nothing (no library warnings)" "" "$(cat "$T/a.err")"
H=$T/a/out/highlight-2023-12.xlsx
Q=$T/a/out/quarterly-2023-12.xlsx
D=$T/a/out/drilldown-2023-12.xlsx
check "highlight written" test -s "$H"
check "quarterly written" test -s "$Q"
check "drill-down workbook written" test -s "$D"
check "no temporary files left" test -z "$(ls "$T/a/out" | grep '\.tmp\.')"
"$PY" "$ROOT/tests/e2e/load_check.py" highlight "$H" || true
"$PY" "$ROOT/tests/e2e/load_check.py" quarterly "$Q" || true
"$PY" "$ROOT/tests/e2e/load_check.py" noformula "$H" || true
"$PY" "$ROOT/tests/e2e/load_check.py" noformula "$Q" || true
"$PY" "$ROOT/tests/e2e/load_check.py" drill "$D" || true
"$PY" "$ROOT/tests/e2e/load_check.py" noformula "$D" || true

# Determinism: another folder, another time, the same bytes.
setup "$T/b"
sleep 1
"$PROG" --conf "$T/b/pipeline.conf" --quiet
check "highlight byte-identical across runs" cmp -s "$H" "$T/b/out/highlight-2023-12.xlsx"
check "quarterly byte-identical across runs" cmp -s "$Q" "$T/b/out/quarterly-2023-12.xlsx"
check "drill-down byte-identical across runs" cmp -s "$D" "$T/b/out/drilldown-2023-12.xlsx"
check_eq "created date is the period end, not the clock" \
	"2023-12-31T00:00:00Z" \
	"$(unzip -p "$H" docProps/core.xml | sed -n 's/.*<dcterms:created[^>]*>\([^<]*\)<.*/\1/p')"

# --period overrides pipeline.conf.
setup "$T/p"
"$PROG" --conf "$T/p/pipeline.conf" --period 2023-11 --quiet
check "--period names the workbook" test -s "$T/p/out/highlight-2023-11.xlsx"

# csc-run's layout: transform outputs in a per-period folder (--out),
# staging under output_dir, workbooks named by --label.
setup "$T/run"
mkdir -p "$T/run/out/work"
mv "$T/run/out/"*.csv "$T/run/out/work/"
check "--out and --label run" "$PROG" --conf "$T/run/pipeline.conf" --period 2023-12 \
	--out "$T/run/out/work" --label 2023-Q3 --quiet
check "--label names the workbooks" test -s "$T/run/out/work/quarterly-2023-Q3.xlsx"
check "--out workbook matches the plain run" cmp -s "$H" "$T/run/out/work/highlight-2023-Q3.xlsx"
check_exit "bad --label" 4 "$PROG" --conf "$T/run/pipeline.conf" --label "../x"

# Publication mode: small numbers become c.
setup "$T/pub" "publication_mode = yes"
check "publication run" "$PROG" --conf "$T/pub/pipeline.conf" --quiet
"$PY" "$ROOT/tests/e2e/load_check.py" publication "$T/pub/out/highlight-2023-12.xlsx" || true

# Comparators marked illustrative ("#! illustrative", the bundled file):
# RAG is not scored, the cover and the strand sheets say why; the sources
# of the comparators and targets are on the cover. Then a file without the
# source columns: the cover says they are not given.
setup "$T/ill" "contact = Performance team, 01234 567890"
cp "$ROOT/templates/comparators.csv" "$T/ill/templates/comparators.csv"
check "illustrative run" "$PROG" --conf "$T/ill/pipeline.conf" --quiet
"$PY" "$ROOT/tests/e2e/load_check.py" illustrative "$T/ill/out/highlight-2023-12.xlsx" || true
setup "$T/nosrc"
cp "$ROOT/tests/data/load/comparators-nosource.csv" "$T/nosrc/templates/comparators.csv"
check "run without source columns" "$PROG" --conf "$T/nosrc/pipeline.conf" --quiet
"$PY" "$ROOT/tests/e2e/load_check.py" nosource "$T/nosrc/out/highlight-2023-12.xlsx" || true
setup "$T/badfy"
printf 'measure,breakdown,year,england,stat_neighbours,region,target,tolerance,comparator_source,target_source\nFD02,,2023,1,2,3,4,5,x,y\n' >"$T/badfy/templates/comparators.csv"
"$PROG" --conf "$T/badfy/pipeline.conf" --quiet 2>"$T/badfy/err"
check_eq "comparators.csv with a bad year exits 3" 3 $?
check_eq "bad year message" \
	"csc-load-report: $T/badfy/templates/comparators.csv:2: year: '2023' is not a financial year YYYY-YY" \
	"$(cat "$T/badfy/err")"

# Formula injection through the authority's name.
setup "$T/inj" 'la_name = =HYPERLINK("http://evil.example/","x") Council'
check "injection run" "$PROG" --conf "$T/inj/pipeline.conf" --quiet
"$PY" "$ROOT/tests/e2e/load_check.py" inject "$T/inj/out/highlight-2023-12.xlsx" || true
"$PY" "$ROOT/tests/e2e/load_check.py" noformula "$T/inj/out/highlight-2023-12.xlsx" || true

# Drill-down continues on further sheets: 6 records, 4 per sheet.
setup "$T/split"
check "split run" "$PROG" --conf "$T/split/pipeline.conf" --drilldown-rows 4 --quiet
"$PY" "$ROOT/tests/e2e/load_check.py" split "$T/split/out/drilldown-2023-12.xlsx" 4 2 || true

# drilldown.csv names its periods by the rows of drilldown_periods.csv
# (1 January 2023, 2 Q3 2023-24, 3 the year to date, 4 December 2023), whose
# counts size the drill-down sheets. The fixture's groups: C0001 and the
# =HYPERLINK child in December; C0003 in January, C0004 in Q3 and C0005 in
# December; C0006 in the year to date. Expanded (each group period by
# period): C0001, =HYPERLINK, C0003, C0004, C0005, C0006, as load_check.py
# drill reads them.
DPER=$(cat "$ROOT/tests/data/load/out/drilldown_periods.csv")
# A record of two periods: C0004 in Q3 and in December gives 7 rows, the
# second C0004 (December) after it in its group's December, before C0005.
setup "$T/multi"
sed -i 's/^,FD02,,2,C0004,/,FD02,,2;4,C0004,/' "$T/multi/out/drilldown.csv"
sed -i 's/^2023-12-01,2023-12-31,3$/2023-12-01,2023-12-31,4/' "$T/multi/out/drilldown_periods.csv"
check "record of two periods: run" "$PROG" --conf "$T/multi/pipeline.conf" --quiet
"$PY" "$ROOT/tests/e2e/load_check.py" multi "$T/multi/out/drilldown-2023-12.xlsx" || true
# ... and on sheets of 4: the second C0004 opens the second sheet.
setup "$T/msplit"
cp "$T/multi/out/drilldown.csv" "$T/multi/out/drilldown_periods.csv" "$T/msplit/out/"
check "record of two periods, 4 a sheet: run" "$PROG" --conf "$T/msplit/pipeline.conf" --drilldown-rows 4 --quiet
"$PY" "$ROOT/tests/e2e/load_check.py" split "$T/msplit/out/drilldown-2023-12.xlsx" 4 3 || true
# drilldown.csv cannot be read without drilldown_periods.csv: exit 3.
setup "$T/nodper"
rm "$T/nodper/out/drilldown_periods.csv"
"$PROG" --conf "$T/nodper/pipeline.conf" --quiet 2>"$T/nodper/err"
check_eq "drilldown.csv without drilldown_periods.csv exits 3" 3 $?
check_eq "drilldown.csv without drilldown_periods.csv: message" \
	"csc-load-report: $T/nodper/out/drilldown.csv: its periods are the rows of drilldown_periods.csv, which is missing: the two files are written together by csc-transform" \
	"$(cat "$T/nodper/err")"
# Neither file: a drill-down workbook saying there is none.
setup "$T/none"
rm "$T/none/out/drilldown_periods.csv" "$T/none/out/drilldown.csv"
check "no drill-down files: run" "$PROG" --conf "$T/none/pipeline.conf" --quiet
check_eq "no drill-down files: the sheet says so" "No drill-down records in this run|None" \
	"$("$PY" -c 'import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1])["Drill-down"]
print(ws["A5"].value, ws["A6"].value, sep="|")' "$T/none/out/drilldown-2023-12.xlsx")"
# Malformed drilldown.csv: file:line, exit 3, nothing published.
bad_drill() { # name, sed expression, message after "drilldown.csv:"
	setup "$T/$1"
	sed -i "$2" "$T/$1/out/drilldown.csv"
	"$PROG" --conf "$T/$1/pipeline.conf" --quiet 2>"$T/$1/err"
	check_eq "$1: exits 3" 3 $?
	check_eq "$1: message" "csc-load-report: $T/$1/out/drilldown.csv:$3" "$(cat "$T/$1/err")"
	check "$1: no workbook" test ! -e "$T/$1/out/drilldown-2023-12.xlsx"
}
bad_drill period5 's/^,FD02,,2,C0004,/,FD02,,5,C0004,/' \
	"5: periods: expected row numbers of drilldown_periods.csv (1 to 4), ascending, separated by ';'"
bad_drill noperiod 's/^,FD02,,2,C0004,/,FD02,,,C0004,/' \
	"5: periods: expected row numbers of drilldown_periods.csv (1 to 4), ascending, separated by ';'"
bad_drill descending 's/^,FD02,,2,C0004,/,FD02,,4;2,C0004,/' \
	"5: periods: expected row numbers of drilldown_periods.csv (1 to 4), ascending, separated by ';'"
bad_drill nogroup 's/^3,FD02,,1,C0003,/,FD02,,1,C0003,/' \
	"4: group: expected the number of rows of a group (1 to 4096) on its first row"
bad_drill cutshort 's/^3,FD02,,1,C0003,/4,FD02,,1,C0003,/' \
	"7: group: a new group starts with 1 row of the previous one missing"
bad_drill lastshort 's/^1,FD02,,3,C0006,/2,FD02,,3,C0006,/' \
	"7: the last group ends with 1 row missing"
# Counts that drilldown.csv cannot meet: an input error, nothing published.
setup "$T/dbad"
sed 's/^2023-12-01,2023-12-31,3$/2023-12-01,2023-12-31,4/' <<<"$DPER" >"$T/dbad/out/drilldown_periods.csv"
echo "old" >"$T/dbad/out/highlight-2023-12.xlsx"
"$PROG" --conf "$T/dbad/pipeline.conf" --quiet 2>"$T/dbad/err"
check_eq "drilldown.csv short of drilldown_periods.csv exits 3" 3 $?
check_eq "short drilldown.csv message" \
	"csc-load-report: $T/dbad/out/drilldown.csv: 6 drill-down rows, drilldown_periods.csv says 7: the two files are not from one run" \
	"$(cat "$T/dbad/err")"
check_eq "short drilldown.csv: old workbook untouched" "old" "$(cat "$T/dbad/out/highlight-2023-12.xlsx")"
check "short drilldown.csv: no quarterly" test ! -e "$T/dbad/out/quarterly-2023-12.xlsx"
# The drill-down workbook is built in a second process (--jobs, default 2):
# its failure must still publish nothing, leave the old workbooks and no
# temporary file, and give the same exit and message as one process.
for j in 2 1; do
	setup "$T/qbad$j"
	sed 's/^2023-10-01,2023-12-31,1$/2023-10-01,2023-12-31,2/' <<<"$DPER" >"$T/qbad$j/out/drilldown_periods.csv"
	echo "old" >"$T/qbad$j/out/highlight-2023-12.xlsx"
	echo "oldq" >"$T/qbad$j/out/quarterly-2023-12.xlsx"
	"$PROG" --conf "$T/qbad$j/pipeline.conf" --jobs $j --quiet 2>"$T/qbad$j/err"
	check_eq "--jobs $j: drill-down short exits 3" 3 $?
	check_eq "--jobs $j: drill-down short message" \
		"csc-load-report: $T/qbad$j/out/drilldown.csv: 6 drill-down rows, drilldown_periods.csv says 7: the two files are not from one run" \
		"$(cat "$T/qbad$j/err")"
	check_eq "--jobs $j: old highlight untouched" "old" "$(cat "$T/qbad$j/out/highlight-2023-12.xlsx")"
	check_eq "--jobs $j: old quarterly untouched" "oldq" "$(cat "$T/qbad$j/out/quarterly-2023-12.xlsx")"
	check "--jobs $j: no drill-down workbook" test ! -e "$T/qbad$j/out/drilldown-2023-12.xlsx"
	check "--jobs $j: no temporary files left" test -z "$(ls "$T/qbad$j/out" | grep '\.tmp\.')"
done
# One process or two: the same bytes.
setup "$T/j1"
check "--jobs 1 run" "$PROG" --conf "$T/j1/pipeline.conf" --jobs 1 --quiet
check "--jobs 1: highlight byte-identical to two processes" cmp -s "$H" "$T/j1/out/highlight-2023-12.xlsx"
check "--jobs 1: quarterly byte-identical to two processes" cmp -s "$Q" "$T/j1/out/quarterly-2023-12.xlsx"
check "--jobs 1: drill-down byte-identical to two processes" cmp -s "$D" "$T/j1/out/drilldown-2023-12.xlsx"
check_exit "--jobs 0 is a usage error" 4 "$PROG" --conf "$T/j1/pipeline.conf" --jobs 0
check_exit "--jobs x is a usage error" 4 "$PROG" --conf "$T/j1/pipeline.conf" --jobs x
setup "$T/dmal"
printf 'period_start,period_end,rows\n2023-12-01,2023-12-31,three\n' >"$T/dmal/out/drilldown_periods.csv"
"$PROG" --conf "$T/dmal/pipeline.conf" --quiet 2>"$T/dmal/err"
check_eq "malformed drilldown_periods.csv exits 3" 3 $?
check_eq "malformed drilldown_periods.csv names file and line" \
	"csc-load-report: $T/dmal/out/drilldown_periods.csv:2: expected period_start,period_end,rows (dates and a count)" \
	"$(cat "$T/dmal/err")"
# drilldown = no: a drilldown.csv left in the folder is not shown.
setup "$T/doff" "drilldown = no"
check "drilldown = no run" "$PROG" --conf "$T/doff/pipeline.conf" --quiet
check_eq "drilldown = no: the sheet says so, no stale rows" \
	"Drill-down switched off in pipeline.conf (drilldown = no)|None" \
	"$("$PY" -c 'import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1])["Drill-down"]
print(ws["A5"].value, ws["A6"].value, sep="|")' "$T/doff/out/drilldown-2023-12.xlsx")"

# Template errors: file:line diagnostics, exit 4, old workbook untouched.
setup "$T/bad"
echo "old" >"$T/bad/out/highlight-2023-12.xlsx"
sed -i '12s/.*/row = FD02 |  |/' "$T/bad/templates/highlight.tpl"
"$PROG" --conf "$T/bad/pipeline.conf" --quiet 2>"$T/bad/err"
check_eq "bad template exits 4" 4 $?
check_eq "bad template message" \
	"csc-load-report: $T/bad/templates/highlight.tpl:12: row text must be 1 to 1024 bytes" \
	"$(cat "$T/bad/err")"
check_eq "old workbook untouched" "old" "$(cat "$T/bad/out/highlight-2023-12.xlsx")"
check "no quarterly beside an old highlight" test ! -e "$T/bad/out/quarterly-2023-12.xlsx"
check "no temporary files after failure" test -z "$(ls "$T/bad/out" | grep '\.tmp\.')"

setup "$T/unk"
sed -i '12s/.*/row = ZZ99 |  | A measure nobody defined/' "$T/unk/templates/highlight.tpl"
"$PROG" --conf "$T/unk/pipeline.conf" --quiet 2>"$T/unk/err"
check_eq "unknown measure exits 4" 4 $?
check "unknown measure names file and line" \
	grep -q "templates/highlight.tpl:12: measure ZZ99 is not in definitions.csv" "$T/unk/err"

# A missing measures.csv is an input error (3), nothing written.
setup "$T/miss"
rm "$T/miss/out/measures.csv"
check_exit "missing measures.csv" 3 "$PROG" --conf "$T/miss/pipeline.conf" --quiet
check "nothing written without measures" test ! -e "$T/miss/out/highlight-2023-12.xlsx"

# Usage and help.
check_exit "no arguments is a usage error" 4 "$PROG"
check "help has the man sections" sh -c "'$PROG' --help | grep -q 'EXIT STATUS'"

# LibreOffice converts both workbooks (CI installs it). Its own profile:
# with the shared one a second soffice (another suite under prove -j2, or
# a user's) hands the job to the first instance or fails at once.
if command -v libreoffice >/dev/null 2>&1; then
	for f in "$H" "$Q"; do
		rm -rf "$T/pdf"; mkdir -p "$T/pdf"
		timeout 300 libreoffice -env:UserInstallation="file://$T/lo-profile" --headless --convert-to pdf --outdir "$T/pdf" "$f" >/dev/null 2>&1
		check "libreoffice converts $(basename "$f") to pdf" \
			test -s "$T/pdf/$(basename "${f%.xlsx}").pdf"
	done
else
	echo "ok - libreoffice converts the workbooks to pdf # SKIP libreoffice not installed"
fi
finish
