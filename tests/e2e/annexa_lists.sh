#!/usr/bin/env bash
# Issue 18: csc-annexa on a generated authority. The workbook has the
# eleven lists with the spec's headers (parsed from ANNEX-A.md by
# annexa_lists.py, never retyped), Excel dates and text IDs, a cover and
# notes; List 1's rows in each whole month of the window equal FD01 in
# measures.csv and List 3's equal FD06 (MEASURES.md: the same contacts and
# referrals). The default inspection date is the day after the data's
# coverage; the same staging gives the same bytes; usage and staging faults
# exit with the README's codes.
. "$(dirname "$0")/lib.sh"
[ -x "$BIN/csc-gen-sample" ] || { echo "ok - # SKIP csc-gen-sample not built"; finish; }
T=$(tmpdir)
"$BIN/csc-gen-sample" --out "$T/a" --children 1500 --years 2 --seed 18 --quiet
check_eq "csc-gen-sample ran" 0 $?
(cd "$T/a" && "$BIN/csc-run" --conf pipeline.conf --quiet) >"$T/run.log" 2>&1
check_eq "csc-run on the generated authority" 0 $?
(cd "$T/a" && "$BIN/csc-annexa" --conf pipeline.conf --quiet) >"$T/aa.log" 2>&1
check_eq "csc-annexa with the default date" 0 $?
# the data runs to the limiting input's data_to (coverage.csv); the default
# inspection date is the next day
m=$(cd "$T/a/output" && ls -d 20*/ | head -1)
to=$("$PY" -c 'import csv,sys; print([r["data_to"] for r in csv.DictReader(open(sys.argv[1])) if r["limits"]=="yes"][0])' "$T/a/output/${m}coverage.csv")
I=$(date -u -d "$to + 1 day" +%F)
book="$T/a/output/annex-a/annex-a-$I.xlsx"
check "default date: the day after $to, into <output_dir>/annex-a" test -s "$book"
"$PY" "$ROOT/tests/e2e/annexa_lists.py" "$ROOT/docs/spec/ANNEX-A.md" "$book" \
	"$T/a/output/${m}measures.csv" "$I"
check_eq "workbook checks (above)" 0 $?
# the same staging and date: the same bytes; -o writes there
(cd "$T/a" && "$BIN/csc-annexa" --conf pipeline.conf --date "$I" -o "$T/again" --quiet)
check_eq "csc-annexa --date -o" 0 $?
check "byte-identical on a second run" cmp "$book" "$T/again/annex-a-$I.xlsx"
check "byte-identical checks CSV on a second run" cmp "$T/a/output/annex-a/annex-a-$I-checks.csv" \
	"$T/again/annex-a-$I-checks.csv"
check "no temporary left" test -z "$(ls -A "$T/again" | grep -v -e "^annex-a-$I.xlsx$" -e "^annex-a-$I-checks.csv$")"
(cd "$T/a" && "$BIN/csc-annexa" --conf pipeline.conf --date 2026-02-29 -o "$T/x" --quiet) 2>/dev/null
check_eq "--date not a real day: exit 4" 4 $?
(cd "$T/a" && "$BIN/csc-annexa" --conf pipeline.conf --date 1/3/2026 --quiet) 2>/dev/null
check_eq "--date not ISO: exit 4" 4 $?
"$BIN/csc-annexa" --date 2026-03-01 2>/dev/null
check_eq "no --conf: exit 4" 4 $?
mkdir -p "$T/empty"
printf 'la_name = Nowhere\nla_number = 999\noutput_dir = out\n' >"$T/empty/pipeline.conf"
exit_says "no staging" 3 "no staging tables" "$BIN/csc-annexa" --conf "$T/empty/pipeline.conf" --date 2026-03-01
check "--version names the program" sh -c "'$BIN/csc-annexa' --version | grep -q '^csc-annexa '"
check "--help has the man sections" sh -c "'$BIN/csc-annexa' --help | grep -q '^EXIT STATUS'"
finish
