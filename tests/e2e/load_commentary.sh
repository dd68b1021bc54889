#!/usr/bin/env bash
# Issue 17: the commentary file (pipeline.conf commentary, docs/FORMATS.md).
# csc-load-report on the load fixture with tests/data/load/commentary.csv:
# the text on its strand sheets (commentary_check.py, openpyxl), "no
# commentary supplied" without it, exit 3 and nothing written for a bad or
# missing file; csc-run on the tiny authority: an edited commentary re-runs
# the load alone.
. "$(dirname "$0")/lib.sh"
PROG=$BIN/csc-load-report

setup() {
	local d=$1; shift
	mkdir -p "$d"
	cp -r "$ROOT/tests/data/load/out" "$d/out"
	cp -r "$ROOT/templates" "$d/templates"
	# RAG is scored: the bundled comparators are marked illustrative (the
	# illustrative run below keeps the mark)
	sed -i '/^#! illustrative/d' "$d/templates/comparators.csv"
	cp "$ROOT/tests/data/load/commentary.csv" "$d/commentary.csv"
	sed -e "s#^output_dir = .*#output_dir = out#" -e "s#^templates_dir = .*#templates_dir = templates#" \
		"$ROOT/tests/data/load/pipeline.conf" >"$d/pipeline.conf"
	for l in "$@"; do echo "$l" >>"$d/pipeline.conf"; done
}

T=$(tmpdir)
setup "$T/a" "commentary = commentary.csv"
check "run with a commentary file" "$PROG" --conf "$T/a/pipeline.conf" --quiet
for w in highlight quarterly; do
	"$PY" "$ROOT/tests/e2e/commentary_check.py" with "$T/a/out/$w-2023-12.xlsx" || true
	"$PY" "$ROOT/tests/e2e/load_check.py" noformula "$T/a/out/$w-2023-12.xlsx" || true
done
setup "$T/b" "commentary = commentary.csv"
"$PROG" --conf "$T/b/pipeline.conf" --quiet
check "byte-identical across runs with commentary" \
	cmp -s "$T/a/out/highlight-2023-12.xlsx" "$T/b/out/highlight-2023-12.xlsx"

setup "$T/n"
check "run without a commentary file" "$PROG" --conf "$T/n/pipeline.conf" --quiet
for w in highlight quarterly; do
	"$PY" "$ROOT/tests/e2e/commentary_check.py" none "$T/n/out/$w-2023-12.xlsx" || true
done
# The existing hand-worked checks still hold with the section in place.
"$PY" "$ROOT/tests/e2e/load_check.py" highlight "$T/a/out/highlight-2023-12.xlsx" || true

# A bad file stops the run with exit 3 before any workbook is touched, and
# the message names file, line and field.
cp "$T/n/out/highlight-2023-12.xlsx" "$T/old.xlsx"
sed -i "s/^Front door,2023-12,action,Review the MASH rota,Head of MASH,2024-01-31,AMBER,,$/Front door,2023-12,action,Review the MASH rota,Head of MASH,2024-01-31,PURPLE,,/" \
	"$T/n/commentary.csv"
echo "commentary = commentary.csv" >>"$T/n/pipeline.conf"
msg=$("$PROG" --conf "$T/n/pipeline.conf" --quiet 2>&1); rc=$?
check_eq "bad RAG exits 3" 3 "$rc"
check_eq "bad RAG message names file, line and field" \
	"csc-load-report: $T/n/commentary.csv:7: rag: must be GREEN, AMBER, RED or BLUE (got 'PURPLE')" "$msg"
check "old workbook untouched after a bad commentary" cmp -s "$T/old.xlsx" "$T/n/out/highlight-2023-12.xlsx"
check "no temporary files after a bad commentary" test -z "$(ls "$T/n/out" | grep '\.tmp\.')"
printf 'strand,period,section,text,owner,due,rag,measure,breakdown\nFront dor,2023-12,progress,x,,,,,\n' \
	>"$T/n/commentary.csv"
msg=$("$PROG" --conf "$T/n/pipeline.conf" --quiet 2>&1); rc=$?
check_eq "unknown strand exits 3" 3 "$rc"
check_eq "unknown strand message" \
	"csc-load-report: $T/n/commentary.csv:2: strand: 'Front dor' is not a strand sheet of the templates" "$msg"
head -c 1048577 /dev/zero | tr '\0' 'x' >"$T/n/commentary.csv"
msg=$("$PROG" --conf "$T/n/pipeline.conf" --quiet 2>&1); rc=$?
check_eq "commentary over 1 MiB exits 3" 3 "$rc"
check_eq "commentary over 1 MiB message" \
	"csc-load-report: $T/n/commentary.csv: the commentary file is larger than 1 MiB" "$msg"
rm "$T/n/commentary.csv"
check_exit "configured commentary file missing" 3 "$PROG" --conf "$T/n/pipeline.conf" --quiet

# csc-run: the commentary is an input of the load alone.
mkdir -p "$T/r"
cp "$ROOT"/tests/data/tiny/{cin.xml,contacts.csv,pipeline.conf} "$T/r/"
printf 'strand,period,section,text,owner,due,rag,measure,breakdown\nFront door,2024-02,progress,First words,,,,,\n' \
	>"$T/r/commentary.csv"
echo "commentary = commentary.csv" >>"$T/r/pipeline.conf"
check "csc-run with a commentary file" "$BIN/csc-run" --conf "$T/r/pipeline.conf" --quiet
check "manifest lists the commentary as an input" grep -q '^input,commentary,' "$T/r/out/2024-02/manifest.csv"
log="$T/r/out/logs/run-2024-02.log"
n0=$(wc -l <"$log")
sleep 1 # a new modification time
sed -i 's/First words/Second words/' "$T/r/commentary.csv"
check "csc-run after the commentary changed" "$BIN/csc-run" --conf "$T/r/pipeline.conf" --quiet
new=$(tail -n +$((n0 + 1)) "$log")
check "changed commentary re-runs the load" grep -q 'load: start' <<<"$new"
check "... and not the transform" bash -c "! grep -q 'transform: start' <<<\"\$0\"" "$new"
check "... nor an extract" bash -c "! grep -q 'extract-.*: start' <<<\"\$0\"" "$new"
got=$("$PY" -c 'import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1])["Front door"]; print(sum(c.value == "Second words" for r in ws.iter_rows() for c in r))' \
	"$T/r/out/2024-02/highlight-2024-02.xlsx")
check_eq "the published workbook has the new commentary" 1 "$got"
printf 'strand,period,section,text\n' >"$T/r/commentary.csv"
check_exit "csc-run with a bad commentary file" 3 "$BIN/csc-run" --conf "$T/r/pipeline.conf" --quiet
finish
