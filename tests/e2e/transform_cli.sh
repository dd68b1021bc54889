#!/usr/bin/env bash
# csc-transform on its own, as a user calls it: --help, usage errors,
# configuration errors (a missing population year), --out, and measures
# whose input is not configured listed as not available. Staging comes
# from the tiny hand-made authority (tests/data/tiny: CIN and contacts
# only, no SSDA903 and no early help).
. "$(dirname "$0")/lib.sh"
TX="$BIN/csc-transform"
T=$(tmpdir)
stage_tiny "$T" || { not_ok "staging from the tiny authority"; finish; }

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
for f in measures drilldown drilldown_periods dq rag definitions; do
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
# drilldown_periods: which periods drilldown.csv covers. The tiny authority
# reports to 2024-02 with months_shown = 3, so (worked out by hand from the
# rules in docs/FORMATS.md) measures.csv has the months Dec 23 to Feb 24,
# the quarters 2022-04 to 2023-12, the financial year 2022-23, the year to
# date 2023-04-01..2024-02-29 and the rolling 12 months
# 2023-03-01..2024-02-29. The default (report) drills into every period a
# workbook can show, which is all of them but the rolling 12 months.
REPORT_PERIODS="2023-12-01,2023-12-31
2024-01-01,2024-01-31
2024-02-01,2024-02-29
2022-04-01,2022-06-30
2022-07-01,2022-09-30
2022-10-01,2022-12-31
2023-01-01,2023-03-31
2023-04-01,2023-06-30
2023-07-01,2023-09-30
2023-10-01,2023-12-31
2022-04-01,2023-03-31
2023-04-01,2024-02-29"
R12="2023-03-01,2024-02-29"
# periods of a CSV (columns 3,4 of the expanded drill-down, 1,2 of drilldown_periods.csv)
periods() { awk -F, -v c="$2" 'NR > 1 {print $c "," $(c + 1)}' "$1" | sort -u; }
# rows per period in the expanded drill-down, as drilldown_periods.csv writes them
drill_counts() { awk -F, 'NR > 1 {n[$3 "," $4]++} END {for (p in n) print p "," n[p]}' "$1" | sort; }
# drilldown.csv (each record once, with its periods) expanded to one row per
# record and period: DIR/rows.csv (tests/e2e/drill_expand.py)
expand() { "$PY" "$ROOT/tests/e2e/drill_expand.py" "$1" "$1/rows.csv"; }
O=$T/o1
check "report: drilldown.csv expands" expand "$O"
check_eq "measures.csv has the report periods and the rolling 12 months" \
	"$(printf '%s\n%s\n' "$REPORT_PERIODS" "$R12" | sort)" "$(periods "$O/measures.csv" 3)"
check_eq "drilldown_periods.csv header" "period_start,period_end,rows" "$(head -1 "$O/drilldown_periods.csv")"
check_eq "report: drilldown_periods.csv lists exactly the workbook periods, in measures.csv order" \
	"$REPORT_PERIODS" "$(awk -F, 'NR > 1 {print $1 "," $2}' "$O/drilldown_periods.csv")"
check_eq "report: no rolling 12 months rows in drilldown.csv" 0 \
	"$(awk -F, -v p="$R12" '$3 "," $4 == p' "$O/rows.csv" | wc -l)"
check_eq "report: drilldown.csv rows per period match drilldown_periods.csv" \
	"$(awk -F, 'NR > 1 && $3 > 0' "$O/drilldown_periods.csv" | sort)" "$(drill_counts "$O/rows.csv")"
check "report: the year to date has drill-down rows" grep -q ",2023-04-01,2024-02-29," "$O/rows.csv"

printf 'drilldown_periods = all\n' | cat "$T/pipeline.conf" - >"$T/all.conf"
check "drilldown_periods = all runs" "$TX" --conf "$T/all.conf" --out "$T/all" --quiet
A=$T/all
check "all: drilldown.csv expands" expand "$A"
check_eq "all: drilldown_periods.csv adds the rolling 12 months" \
	"$(printf '%s\n%s' "$REPORT_PERIODS" "$R12")" "$(awk -F, 'NR > 1 {print $1 "," $2}' "$A/drilldown_periods.csv")"
check "all: the rolling 12 months has drill-down rows (FD07 referrals)" \
	grep -q "^FD07,,2023-03-01,2024-02-29," "$A/rows.csv"
check_eq "all: drilldown.csv rows per period match drilldown_periods.csv" \
	"$(awk -F, 'NR > 1 && $3 > 0' "$A/drilldown_periods.csv" | sort)" "$(drill_counts "$A/rows.csv")"
check "all: report's drill-down is all's without the rolling 12 months, byte for byte" \
	cmp -s "$O/rows.csv" <(awk -F, -v p="$R12" '$3 "," $4 != p' "$A/rows.csv")
for f in measures dq rag definitions; do
	check "all and report give the same $f.csv" cmp -s "$O/$f.csv" "$A/$f.csv"
done

# --period: rebuilding a past month drills into that month's periods.
check "--period 2023-11 runs" "$TX" --conf "$T/pipeline.conf" --period 2023-11 --out "$T/nov" --quiet
check "--period 2023-11: drilldown.csv expands" expand "$T/nov"
check "--period 2023-11: November has drill-down rows" grep -q ",2023-11-01,2023-11-30," "$T/nov/rows.csv"
check_eq "--period 2023-11: its drill-down periods end by November" "" \
	"$(awk -F, 'NR > 1 && $2 > "2023-11-30"' "$T/nov/drilldown_periods.csv")"
check_eq "--period 2023-11: no rolling 12 months (2022-12-01..2023-11-30)" 0 \
	"$(grep -c ",2022-12-01,2023-11-30," "$T/nov/rows.csv")"

# drilldown = no: neither file, and none left over from an earlier run into
# the same folder (the load would show it as this run's).
printf 'drilldown = no\n' | cat "$T/pipeline.conf" - >"$T/nodrill.conf"
cp -r "$O" "$T/stale"
check "drilldown = no runs" "$TX" --conf "$T/nodrill.conf" --out "$T/stale" --quiet
check "drilldown = no removes an earlier drilldown.csv" test ! -e "$T/stale/drilldown.csv"
check "drilldown = no removes an earlier drilldown_periods.csv" test ! -e "$T/stale/drilldown_periods.csv"
check "drilldown = no still writes measures.csv" cmp -s "$O/measures.csv" "$T/stale/measures.csv"
check_exit "bad drilldown_periods is a configuration error" 4 \
	"$TX" --conf <(cat "$T/pipeline.conf"; echo "drilldown_periods = some") --out "$T/badp"

N=$("$TX" --conf "$T/pipeline.conf" --out "$T/o3" 2>&1 >/dev/null)
check "summary lists not available measures" grep -q "not available (input not configured): EH01 .*LA01 .*CL01" <<<"$N"
finish
