#!/usr/bin/env bash
# csc-transform on its own, as a user calls it: --help, usage errors,
# configuration errors (a missing population year), --out, and measures
# whose input is not configured listed as not available. Staging comes
# from the tiny hand-made authority (tests/data/tiny: CIN and contacts
# only, no SSDA903 and no early help).
. "$(dirname "$0")/lib.sh"
TX="$BIN/csc-transform"
T=$(tmpdir)
cp "$ROOT"/tests/data/tiny/{cin.xml,contacts.csv,pipeline.conf} "$T"/
"$BIN/csc-extract-cin" --conf "$T/pipeline.conf" --quiet &&
	"$BIN/csc-extract-contacts" --conf "$T/pipeline.conf" --quiet ||
	{ not_ok "staging from the tiny authority"; finish; }

# --help: man-style on stdout, exit 0.
H=$("$TX" --help); rc=$?
check_eq "--help exits 0" 0 "$rc"
for s in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS"; do
	check "--help has $s" grep -q "^$s" <<<"$H"
done
check "--help documents --out" grep -q -- "--out DIR" <<<"$H"

# Usage errors: exit 4, a usage line on stderr, nothing written.
check_exit "no arguments" 4 "$TX"
check_exit "unknown option" 4 "$TX" --conf "$T/pipeline.conf" --bogus
check_exit "stray argument" 4 "$TX" --conf "$T/pipeline.conf" extra
check_exit "--conf without a value" 4 "$TX" --conf
check_exit "bad --period" 4 "$TX" --conf "$T/pipeline.conf" --period 2024-13 --out "$T/bad"
check "usage line on stderr" grep -q "^usage: csc-transform --conf FILE" <<<"$("$TX" --bogus 2>&1 >/dev/null)"
check "no output after usage errors" test ! -e "$T/bad"
check "configuration missing: exit 4" test "$("$TX" --conf "$T/none.conf" >/dev/null 2>&1; echo $?)" = 4

# A rate needs the population of every calendar year it reports: without
# population_2023 the December 2023 rates cannot be computed.
sed '/^population_2023/d' "$T/pipeline.conf" >"$T/nopop.conf"
E=$("$TX" --conf "$T/nopop.conf" --out "$T/nopop" 2>&1 >/dev/null); rc=$?
check_eq "missing population year (exit 4)" 4 "$rc"
check "message names population_2023" grep -q "no population_2023" <<<"$E"
check "message names the conf file" grep -q "^csc-transform: $T/nopop.conf: " <<<"$E"
check "nothing written without the population" test ! -e "$T/nopop/measures.csv"

# --out: the outputs go to DIR; staging is still read from output_dir.
check "--out run succeeds" "$TX" --conf "$T/pipeline.conf" --out "$T/o1" --quiet
for f in measures drilldown dq rag definitions; do
	check "--out wrote $f.csv" test -s "$T/o1/$f.csv"
	check "--out left output_dir without $f.csv" test ! -e "$T/out/$f.csv"
done
check_eq "measures.csv header" "measure,breakdown,period_start,period_end,value,numerator,denominator" \
	"$(head -1 "$T/o1/measures.csv")"
check_eq "--quiet prints nothing" "" "$("$TX" --conf "$T/pipeline.conf" --out "$T/o2" --quiet 2>&1)"
check "same inputs, byte-identical measures" cmp -s "$T/o1/measures.csv" "$T/o2/measures.csv"

# Inputs not configured: their measures are listed as not available in
# definitions.csv and have no rows in measures.csv; configured ones are.
D="$T/o1/definitions.csv"
check_eq "EH01 not available" "no: early_help not configured" "$(csvget "$D" available measure=EH01)"
check_eq "LA01 not available" "no: ssda903 not configured" "$(csvget "$D" available measure=LA01)"
check_eq "CL01 not available" "no: ssda903 not configured" "$(csvget "$D" available measure=CL01)"
check_eq "FD01 available" "yes" "$(csvget "$D" available measure=FD01)"
check_eq "no EH/LA/CL rows in measures.csv" 0 "$(grep -c '^\(EH\|LA\|CL\)[0-9]' "$T/o1/measures.csv")"
check "FD01 rows in measures.csv" grep -q '^FD01,' "$T/o1/measures.csv"
N=$("$TX" --conf "$T/pipeline.conf" --out "$T/o3" 2>&1 >/dev/null)
check "summary lists not available measures" grep -q "not available (input not configured): EH01 .*LA01 .*CL01" <<<"$N"
finish
