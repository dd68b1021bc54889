#!/usr/bin/env bash
# Issue 17, "a believable sample": the bundled sample authority (made as
# `make sample` makes it: its SAMPLE_CHILDREN and SAMPLE_SEED, an authority
# of England's average size, about 560 children looked after) shows its
# board children-in-care figures in England's ranges, read from the
# published measures.csv (the figures the board packs are made from), in
# every period the packs show: the six months of the highlight report and
# the quarterly report's quarters, previous financial year and year to date
# (and the rolling 12 months: every headline period of measures.csv).
#
#   LA04 long-term placement stability, 65-75 %.
#     England: 68 % on 31 March 2024 (19,750 of 29,000 children under 16
#     looked after for 2.5 years or more living with the same carer for 2
#     years; DfE, "Stability measures for children looked after in England",
#     reporting year 2024); issue 17: "about 70 %".
#   LA09 reviews held on time, 85-95 %.
#     Issue 17: "England about 90 %" (no current DfE national statistic;
#     templates/comparators.csv has only a target, 95).
#   LA06 ceasing care through a special guardianship order over the 12
#     months to the period end (its 12_months breakdown, the row the packs
#     show), 10-15 %. England: about 13 % of the children who ceased to be
#     looked after in the year ending 31 March (DfE, "Children looked after
#     in England including adoptions"). A month's own figure is not held to
#     the range: the sample sees 12 to 20 exits a month, so one exit moves a
#     month's share by 5 to 8 points; the months shown are checked only for
#     not being 0 % every month, as issue 17 found them.
#   HP07 second or subsequent child protection plans over the 12 months to
#     the period end (12_months), 18-28 %. England: about 23 % (DfE,
#     "Characteristics of children in need", plans starting in the year
#     that were a second or subsequent plan, around 23-24 % in recent years).
#   LA01 children looked after, steady: on every period's last day within
#     10 % of the mean over the periods (the model's flows balance; at 20000
#     children one draw grew 148 -> 181 in 18 months, the noise of a small
#     authority).
#   LA02 started and ceased to be looked after over the previous financial
#     year and the rolling 12 months, each 30-50 % of LA01 on the last day;
#     in each quarter, 5-15 %. England: 33,050 started and 33,620 ceased in
#     the year ending 31 March 2024, against 83,630 looked after on that
#     day, 40 % each (DfE, "Children looked after in England including
#     adoptions", reporting year 2024), so about 10 % a quarter. The bands
#     are wider than England's year-to-year range because an authority of
#     about 560 children sees about 56 of each a quarter, give or take 7.5
#     (one standard deviation: 1.3 points of the ratio).
#   The sample's CIN and SSDA903 returns of every whole year its dump covers
#     that csc-validate has rules for (2023-24 to 2025-26) validate with no
#     error (returns_validate.sh does the same at the generator's default
#     size; at this size a legal-status change across the date supported
#     accommodation gained an Ofsted URN once broke rule 434).
#
# The generator's own figures over a larger dump (50,000 children) are
# recomputed independently in gen_sample.sh (gen_check.py).
. "$(dirname "$0")/lib.sh"
T=$(tmpdir)
children=$(sed -n 's/^SAMPLE_CHILDREN ?= //p' "$ROOT/Makefile")
seed=$(sed -n 's/^SAMPLE_SEED ?= //p' "$ROOT/Makefile")
check "make sample's size and seed read" test -n "$children" -a -n "$seed"
"$BIN/csc-gen-sample" --out "$T/s" --children "$children" --seed "$seed" --quiet
check "the sample runs" "$BIN/csc-run" --conf "$T/s/pipeline.conf" --quiet
# the invariants gen_check.py holds the generator to, on this draw (its
# A5 after a placement with parents broke SSDA903 rule 336 in 2025-26)
"$PY" "$ROOT/tests/e2e/gen_check.py" "$T/s" 2026-10-31 "$ROOT/ref/bank-holidays-england-wales.csv" >"$T/rates" 2>&1
check "the sample is internally consistent" test $? -eq 0
grep '^FAIL' "$T/rates" | head -5
M=$T/s/output/2026-10/measures.csv
check "published measures.csv" test -s "$M"
check_eq "the board pack shows six months to October 2026" "2026-10 6" \
	"$(sed -n 's/^period_end = //p' "$T/s/pipeline.conf") $(sed -n 's/^months_shown = //p' "$T/s/pipeline.conf")"
check_eq "the repository's pipeline.conf has the sample's populations" \
	"$(grep '^population_' "$T/s/pipeline.conf")" "$(grep '^population_' "$ROOT/pipeline.conf")"

# rows MEASURE BREAKDOWN: "start end numerator denominator" for each period
# of that row of measures.csv
rows() {
	"$PY" - "$M" "$1" "$2" <<'EOF'
import csv, sys
path, m, b = sys.argv[1:]
for r in csv.DictReader(open(path, encoding="utf-8")):
    if (r["measure"], r["breakdown"]) == (m, b):
        print(r["period_start"], r["period_end"], r["numerator"], r["denominator"] or "-")
EOF
}
# pct_in LO HI N D NAME: N / D (a percentage as MEASURES.md defines one) in [LO, HI]
pct_in() {
	check "$5: $3/$4 = $(awk -v n="$3" -v d="$4" 'BEGIN { if (d > 0) printf "%.1f", 100 * n / d; else printf "none" }') % in [$1, $2] %" \
		awk -v n="$3" -v d="$4" -v lo="$1" -v hi="$2" \
		'BEGIN { exit !(n != "" && d > 0 && 100 * n / d >= lo && 100 * n / d <= hi) }'
}
# the periods' first days: six months; the quarters of 2025-26 and 2026-27
# to September; 2025-26; 2026-27 to date; the rolling 12 months
starts="2026-05-01 2026-06-01 2026-07-01 2026-08-01 2026-09-01 2026-10-01
2025-04-01 2025-07-01 2025-10-01 2026-01-01 2026-04-01 2026-07-01
2025-04-01 2026-04-01 2025-11-01"
want=$(echo $starts | tr ' ' '\n' | sort)
for mb in "LA04 65 75" "LA09 85 95" "LA06 10 15 12_months" "HP07 18 28 12_months"; do
	set -- $mb
	rows "$1" "${4:-}" >"$T/rows"
	check_eq "$1 ${4:-headline}: a row for each of the 15 periods" "$want" "$(cut -d' ' -f1 "$T/rows" | sort)"
	while read -r a b n d; do
		pct_in "$2" "$3" "$n" "$d" "$1 ${4:-} $a to $b"
	done <"$T/rows"
done

rows LA01 "" >"$T/la01"
check_eq "LA01: a row for each of the 15 periods" "$want" "$(cut -d' ' -f1 "$T/la01" | sort)"
mean=$(awk '{ s += $3 } END { if (NR) printf "%.1f", s / NR }' "$T/la01")
while read -r a b n d; do
	check "LA01 on $b = $n, within 10 % of the mean $mean" \
		awk -v n="$n" -v m="$mean" 'BEGIN { exit !(m > 0 && n >= 0.9 * m && n <= 1.1 * m) }'
done <"$T/la01"

# LA02's breakdowns against LA01 at the period's end (the counts as printed;
# their ratio is not itself a measure)
for p in "2025-04-01 2026-03-31 30 50" "2025-11-01 2026-10-31 30 50" \
	"2025-04-01 2025-06-30 5 15" "2025-07-01 2025-09-30 5 15" "2025-10-01 2025-12-31 5 15" \
	"2026-01-01 2026-03-31 5 15" "2026-04-01 2026-06-30 5 15" "2026-07-01 2026-09-30 5 15"; do
	set -- $p
	la01=$(csvget "$M" numerator measure=LA01 breakdown= period_start="$1" period_end="$2")
	for b in started ceased; do
		n=$(csvget "$M" numerator measure=LA02 breakdown=$b period_start="$1" period_end="$2")
		pct_in "$3" "$4" "$n" "$la01" "LA02 $b $1 to $2 against LA01 on $2"
	done
done

sgo=0
for m in 2026-05-01,2026-05-31 2026-06-01,2026-06-30 2026-07-01,2026-07-31 \
	2026-08-01,2026-08-31 2026-09-01,2026-09-30 2026-10-01,2026-10-31; do
	n=$(csvget "$M" numerator measure=LA06 breakdown= period_start="${m%,*}" period_end="${m#*,}")
	d=$(csvget "$M" denominator measure=LA06 breakdown= period_start="${m%,*}" period_end="${m#*,}")
	echo "# LA06 ${m%,*}: $n of $d exits through a special guardianship order"
	sgo=$((sgo + n))
done
check "LA06: some special guardianship exits in the months shown ($sgo)" test "$sgo" -gt 0

# the returns of the whole years, from the staging csc-run left
R=$T/s/output/returns
errors() { awk -F, 'NR > 1 && $2 == "error" {print $1}' "$1" | sort | uniq -c | tr -s ' ' | tr '\n' ';'; }
for y in 2023 2024 2025 2026; do
	check_exit "returns $y written" 0 "$BIN/csc-returns" --conf "$T/s/pipeline.conf" --year "$y" --quiet
done
for y in 2024 2025 2026; do
	"$BIN/csc-validate" --ref "$ROOT/ref" --cin "$R/$y/cin-$y.xml" -o "$T/v$y/cin" --quiet
	rc=$?
	check "CIN $y: no errors (exit 0 or 1, got $rc)" test "$rc" -le 1
	check_eq "CIN $y: errors by rule" "" "$(errors "$T/v$y/cin/issues.csv")"
	"$BIN/csc-validate" --ref "$ROOT/ref" --903 "$R/$y/ssda903-$y" \
		--903-previous "$R/$((y - 1))/ssda903-$((y - 1))" -o "$T/v$y/903" --quiet
	rc=$?
	check "SSDA903 $y: no errors (exit 0 or 1, got $rc)" test "$rc" -le 1
	check_eq "SSDA903 $y: errors by rule" "" "$(errors "$T/v$y/903/issues.csv")"
done

finish
