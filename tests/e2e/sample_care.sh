#!/usr/bin/env bash
# Issue 17, "a believable sample": the bundled sample authority (made as
# `make sample` makes it: its SAMPLE_CHILDREN and SAMPLE_SEED) shows its
# board children-in-care figures in England's ranges, read from the
# published measures.csv (the figures the board pack is made from):
#
#   LA04 long-term placement stability, 65-75 % in every month shown.
#     England: 68 % on 31 March 2024 (19,750 of 29,000 children under 16
#     looked after for 2.5 years or more living with the same carer for 2
#     years; DfE, "Stability measures for children looked after in England",
#     reporting year 2024); issue 17: "about 70 %".
#   LA09 reviews held on time, 85-95 % in every month shown.
#     Issue 17: "England about 90 %" (no current DfE national statistic;
#     templates/comparators.csv has only a target, 95).
#   LA06 ceasing care through a special guardianship order, 10-15 % over
#     the last whole financial year (the quarterly pack's year column).
#     England: about 13 % of the children who ceased to be looked after in
#     the year ending 31 March (DfE, "Children looked after in England
#     including adoptions"). A month holds too few exits for the range: the
#     sample's children cease care 3 to 5 times a month in the months shown
#     (about 55 a year), so one month's share can only be 0 %, 20 %, 25 %,
#     33 %, 40 % and so on; England's figure is a year's. The months shown
#     are checked only for not being 0 % every month, as issue 17 found them.
#   LA02 started and ceased to be looked after in the last whole financial
#     year, each 30-50 % of LA01 (children looked after) on its last day.
#     England: 33,050 started and 33,620 ceased in the year ending 31 March
#     2024, against 83,630 looked after on that day, 40 % each (DfE,
#     "Children looked after in England including adoptions", reporting year
#     2024). The band is wider than England's year-to-year range because an
#     authority of about 170 children sees about 65 of each a year, give or
#     take 8 (one standard deviation, about 5 points of the ratio).
#   HP07 child protection plans that are a second or subsequent plan,
#     18-28 % of the plans starting in the last whole financial year.
#     England: about 23 % (DfE, "Characteristics of children in need",
#     percentage of plans starting in the year that were a second or
#     subsequent plan, around 23-24 % in recent years); a month's 6-16 new
#     plans are too few for the range, as for LA06.
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

# in_range MEASURE LO HI START END: the headline row of that period, its
# value from numerator / denominator (as MEASURES.md defines a percentage)
in_range() {
	local v
	v=$("$PY" - "$M" "$1" "$4" "$5" <<'EOF'
import csv, sys
path, m, a, b = sys.argv[1:]
rows = [r for r in csv.DictReader(open(path, encoding="utf-8"))
        if (r["measure"], r["breakdown"], r["period_start"], r["period_end"]) == (m, "", a, b)]
if len(rows) == 1 and rows[0]["denominator"] not in ("", "0"):
    r = rows[0]
    print("%.1f %s/%s" % (100.0 * int(r["numerator"]) / int(r["denominator"]), r["numerator"], r["denominator"]))
EOF
)
	check "$1 $4 to $5 = ${v:-none} in [$2, $3] %" awk -v v="${v%% *}" -v lo="$2" -v hi="$3" \
		'BEGIN { exit !(v != "" && v + 0 >= lo && v + 0 <= hi) }'
}
months="2026-05-01,2026-05-31 2026-06-01,2026-06-30 2026-07-01,2026-07-31
2026-08-01,2026-08-31 2026-09-01,2026-09-30 2026-10-01,2026-10-31"
for m in $months; do
	in_range LA04 65 75 "${m%,*}" "${m#*,}"
	in_range LA09 85 95 "${m%,*}" "${m#*,}"
done
in_range LA06 10 15 2025-04-01 2026-03-31
in_range HP07 18 28 2025-04-01 2026-03-31

# LA02's breakdowns against LA01 at the year's end (the counts as printed;
# their ratio is not itself a measure)
fy="period_start=2025-04-01 period_end=2026-03-31"
la01=$(csvget "$M" numerator measure=LA01 breakdown= $fy)
for b in started ceased; do
	n=$(csvget "$M" numerator measure=LA02 breakdown=$b $fy)
	check "LA02 $b 2025-26 = $n, $(awk -v n="$n" -v d="$la01" 'BEGIN { if (d > 0) printf "%.1f", 100 * n / d }') % of LA01 $la01 in [30, 50] %" \
		awk -v n="$n" -v d="$la01" 'BEGIN { exit !(n != "" && d > 0 && 100 * n / d >= 30 && 100 * n / d <= 50) }'
done

sgo=0
for m in $months; do
	n=$(csvget "$M" numerator measure=LA06 breakdown= period_start="${m%,*}" period_end="${m#*,}")
	d=$(csvget "$M" denominator measure=LA06 breakdown= period_start="${m%,*}" period_end="${m#*,}")
	echo "# LA06 ${m%,*}: $n of $d exits through a special guardianship order"
	sgo=$((sgo + n))
done
check "LA06: some special guardianship exits in the months shown ($sgo)" test "$sgo" -gt 0

finish
