#!/usr/bin/env bash
# csc-transform --jobs / transform_jobs: the inputs computed at once give
# byte for byte the outputs of one thread (every file, including the
# drill-down rows of four inputs and dq.csv rows found by three of them,
# in input order, each written once); a bad input stops the run with exit 3
# and leaves the previous outputs and no scratch file; bad settings exit 4.
. "$(dirname "$0")/lib.sh"
TX="$BIN/csc-transform"
T=$(tmpdir)
"$BIN/csc-gen-sample" --quiet --out "$T/s" --children 3000 --seed 7 --dirty 2
C=$T/s/pipeline.conf
for x in cin 903 contacts earlyhelp; do
	check "extract $x" "$BIN/csc-extract-$x" --conf "$C" --quiet
done
S=$T/s/output/staging

# dq.csv rows from three inputs, so the merge has to put them in order:
# contact C0000001-01 (received 2025-07-19, in the year to date) completed
# the day before (FD03 completed_before_contact), the first staged
# assessment started from 2 May 2026 (in the months shown) authorised the
# day before it started (HP02 authorised_before_start; taken from the
# staging file, as the generator's draws change);
# the sample's SSDA903 episodes already give LA02 x1_gap rows.
awk -F, -v OFS=, '$1 == "C0000001-01" { $10 = "2025-07-18" } { print }' "$S/contacts.csv" >"$T/c" &&
	mv "$T/c" "$S/contacts.csv"
read -r ach aep aas astart <<<"$(awk -F, 'NR > 1 && $4 >= "2026-05-02" && $4 <= "2026-10-31" && $6 != "" {
	print $1, $2, $3, $4; exit }' "$S/cin_assessments.csv")"
check "an assessment started from 2 May 2026 ($ach/$aep/$aas, $astart)" test -n "$astart"
aauth=$(date -u -d "$astart - 1 day" +%F)
awk -F, -v OFS=, -v c="$ach" -v e="$aep" -v a="$aas" -v d="$aauth" '$1 == c && $2 == e && $3 == a { $6 = d } { print }' \
	"$S/cin_assessments.csv" >"$T/a" && mv "$T/a" "$S/cin_assessments.csv"

check "--jobs 1 run" "$TX" --conf "$C" --out "$T/j1" --jobs 1 --quiet
check_eq "dq.csv: the contacts finding first" \
	'completed_before_contact,FD03,C0000001,C0000001-01,2025-07-18,"contact of 2025-07-19 completed on 2025-07-18, before it was received"' \
	"$(sed -n 2p "$T/j1/dq.csv")"
check_eq "dq.csv: then the CIN one" \
	"authorised_before_start,HP02,$ach,$ach/$aep/assessment$aas,$aauth,\"assessment authorised $aauth, before its start date $astart\"" \
	"$(sed -n 3p "$T/j1/dq.csv")"
n903=$(awk -F, 'NR > 3' "$T/j1/dq.csv" | wc -l)
check "dq.csv: then the SSDA903 ones ($n903)" test "$n903" -gt 1
check_eq "dq.csv: every later row an SSDA903 (LA) measure's" "$n903" \
	"$(awk -F, 'NR > 3 && $2 ~ /^LA[0-9][0-9]$/' "$T/j1/dq.csv" | wc -l)"
for m in FD HP EH LA CL; do
	check "drilldown.csv has $m records" grep -q "^[0-9]*,$m[0-9]" "$T/j1/drilldown.csv"
done
for j in 2 4; do
	check "--jobs $j run" "$TX" --conf "$C" --out "$T/j$j" --jobs "$j" --quiet
	for f in measures drilldown drilldown_periods dq rag definitions coverage; do
		check "--jobs $j: $f.csv byte-identical to --jobs 1" cmp "$T/j1/$f.csv" "$T/j$j/$f.csv"
	done
done
# transform_jobs in the conf, and its default (auto: the cores online)
cp "$C" "$T/s/two.conf"
echo "transform_jobs = 2" >>"$T/s/two.conf"
check "transform_jobs = 2 run" "$TX" --conf "$T/s/two.conf" --out "$T/c2" --quiet
check "transform_jobs = 2: drilldown.csv byte-identical" cmp "$T/j1/drilldown.csv" "$T/c2/drilldown.csv"
check "transform_jobs = 2: dq.csv byte-identical" cmp "$T/j1/dq.csv" "$T/c2/dq.csv"
check "default jobs run" "$TX" --conf "$C" --out "$T/auto" --quiet
check "default jobs: measures.csv byte-identical" cmp "$T/j1/measures.csv" "$T/auto/measures.csv"
check "default jobs: drilldown.csv byte-identical" cmp "$T/j1/drilldown.csv" "$T/auto/drilldown.csv"

# A finding the extractor staged that a measure meets again: written once,
# where one thread writes it (with the staged findings, before every
# input's own), whichever thread met it.
row=$(grep -m1 '^x1_gap,' "$T/j1/dq.csv")
printf '%s\n' "$row" >>"$S/findings_ssda903.csv"
for j in 1 2; do
	check "--jobs $j with the finding staged" "$TX" --conf "$C" --out "$T/f$j" --jobs "$j" --quiet
	check_eq "--jobs $j: the staged finding first in dq.csv" "$row" "$(sed -n 2p "$T/f$j/dq.csv")"
	check_eq "--jobs $j: and written once" 1 "$(grep -cxF "$row" "$T/f$j/dq.csv")"
	check_eq "--jobs $j: dq.csv rows as before" "$(wc -l <"$T/j1/dq.csv")" "$(wc -l <"$T/f$j/dq.csv")"
done
check "staged finding: dq.csv byte-identical" cmp "$T/f1/dq.csv" "$T/f2/dq.csv"
head -1 "$S/findings_ssda903.csv" >"$T/h" && mv "$T/h" "$S/findings_ssda903.csv"

# drilldown = no: nothing to merge but counts and dq rows
cp "$C" "$T/s/nodrill.conf"
echo "drilldown = no" >>"$T/s/nodrill.conf"
for j in 1 2; do
	check "drilldown = no, --jobs $j" "$TX" --conf "$T/s/nodrill.conf" --out "$T/n$j" --jobs "$j" --quiet
done
check "drilldown = no: measures.csv byte-identical" cmp "$T/n1/measures.csv" "$T/n2/measures.csv"
check "drilldown = no: measures.csv as with the drill-down" cmp "$T/j1/measures.csv" "$T/n2/measures.csv"
check "drilldown = no: no drilldown.csv" test ! -e "$T/n2/drilldown.csv"

# A bad value in a later input (SSDA903, computed beside the others into a
# scratch file): exit 3, the message, the previous outputs untouched, no
# temporary or scratch file left.
cp "$S/ssda903_episodes.csv" "$T/ep.good"
awk -F, -v OFS=, 'NR == 3 { $2 = "2024-02-30" } { print }' "$T/ep.good" >"$S/ssda903_episodes.csv"
col=$(head -1 "$S/ssda903_episodes.csv" | cut -d, -f2)
cp -r "$T/j2" "$T/prev"
err=$("$TX" --conf "$C" --out "$T/j2" --jobs 2 --quiet 2>&1); rc=$?
check_eq "bad SSDA903 staging, --jobs 2: exit 3" 3 "$rc"
check_eq "bad SSDA903 staging: file, line, column and value" \
	"csc-transform: $S/ssda903_episodes.csv:3: $col: '2024-02-30' is not a date YYYY-MM-DD" "$err"
check "bad SSDA903 staging: previous outputs untouched" diff -r "$T/prev" "$T/j2"
check_eq "bad SSDA903 staging: no temporary or scratch file" "" \
	"$(find "$T/j2" "$T/s/output" -name '*.tmp.*' -o -name '.drilldown.part*')"
cp "$T/ep.good" "$S/ssda903_episodes.csv"

# Settings: 1 to 4 or auto.
check_exit "--jobs 0" 4 "$TX" --conf "$C" --out "$T/bad" --jobs 0
check_exit "--jobs 5" 4 "$TX" --conf "$C" --out "$T/bad" --jobs 5
check_exit "--jobs x" 4 "$TX" --conf "$C" --out "$T/bad" --jobs x
check "--jobs error names the range" grep -q -- "--jobs must be 1 to 4" \
	<<<"$("$TX" --conf "$C" --out "$T/bad" --jobs 9 2>&1)"
for v in 0 5 two; do
	cp "$C" "$T/s/bad.conf"
	echo "transform_jobs = $v" >>"$T/s/bad.conf"
	check_exit "transform_jobs = $v" 4 "$TX" --conf "$T/s/bad.conf" --out "$T/bad"
done
check "transform_jobs error says what is allowed" grep -q "transform_jobs.*must be auto or a whole number from 1 to 4" \
	<<<"$("$TX" --conf "$T/s/bad.conf" --out "$T/bad" 2>&1)"
check "nothing written after a settings error" test ! -e "$T/bad/measures.csv"
check "--help documents --jobs" grep -q -- "--jobs N" <<<"$("$TX" --help)"
check "--help lists transform_jobs" grep -q "transform_jobs" <<<"$("$TX" --help)"
finish
