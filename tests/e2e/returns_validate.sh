#!/usr/bin/env bash
# Issues 6, 7 and 15 acceptance: the returns written for the sample
# authority's clean data (csc-gen-sample, default seed, 20000 children: 7
# years of history to 30/04/2027, so collection years 2021-22 to 2026-27
# whole) produce no DfE validation error, CIN and SSDA903, in every whole
# year: before 2024-25 (GenderCurrent, SEX 1/2) and from 2024-25 (Sex, SEX
# M/F); SSDA903 under each year's rule set, 2026-27 with its DoLo table.
# The extraction date is after 31 March 2027 because a return can only pass
# its year's rules once the year is over: with the default 31/10/2026 a
# 2026-27 return shows a young person who turns 18 in the winter still in
# care and no OC2 row for 31 March 2027. Each 903 is checked with last
# year's return as --903-previous, except 2021-22: the dump begins on
# 30/04/2020, so its 2020-21 return is partial (periods of care that ended
# before then are not in it) and would make the previous-year rules report
# what the dump cannot show. Queries are allowed (exit 1). Then
# csc-validate --903 on its own: exit statuses and rules_not_run.csv; and
# scripts/returns-check.sh, the last step of `make returns`.
source "$(dirname "$0")/lib.sh"
unset CSC_OUTPUT_DIR
T=$(tmpdir)
V="$BIN/csc-validate"
REF="$ROOT/ref"

"$BIN/csc-gen-sample" --quiet --out "$T/la" --children 20000 --end 2027-04-30 --years 7
check_exit "staging" 0 "$BIN/csc-run" --conf "$T/la/pipeline.conf" --target staging --quiet
R="$T/la/output/returns"
for y in 2021 2022 2023 2024 2025 2026 2027; do
	check_exit "returns $y written" 0 "$BIN/csc-returns" --conf "$T/la/pipeline.conf" --year "$y" --quiet
done
check_eq "2024 uses GenderCurrent" "0" "$(grep -c '<Sex>' "$R/2024/cin-2024.xml")"
check "2025 uses Sex" grep -q '<Sex>' "$R/2025/cin-2025.xml"

# errors by rule in an issues.csv ("" when none)
errors() { awk -F, 'NR > 1 && $2 == "error" {print $1}' "$1" | sort | uniq -c | tr -s ' ' | tr '\n' ';'; }

for y in 2022 2023 2024 2025 2026 2027; do
	p=$((y - 1))
	# CIN rule sets exist for 2023-24 to 2026-27 (issue 15), chosen by the
	# year; earlier returns are refused before any output is written
	if [ "$y" -lt 2024 ]; then
		msg=$("$V" --ref "$REF" --cin "$R/$y/cin-$y.xml" --year "$y" -o "$T/v$y/cin" 2>&1 >/dev/null)
		check_eq "CIN $y: refused (exit 4)" 4 "$?"
		check "CIN $y: says which years it knows" grep -q "has no CIN rule set here: this csc-validate knows 2023-24 to 2026-27" <<<"$msg"
		check "CIN $y: no output" test ! -e "$T/v$y/cin/issues.csv"
	else
		"$V" --ref "$REF" --cin "$R/$y/cin-$y.xml" -o "$T/v$y/cin" --quiet
		rc=$?
		check "CIN $y: no errors (exit 0 or 1, got $rc)" test "$rc" -le 1
		check_eq "CIN $y: errors by rule" "" "$(errors "$T/v$y/cin/issues.csv")"
		check_eq "CIN $y: rule set named, from the header" "CIN $p-${y:2:2}" "$(csvget "$T/v$y/cin/summary.csv" rule_set)"
	fi
	# SSDA903 rule sets exist for 2023-24 to 2026-27 (issue 15): earlier
	# years are refused, before any output is written
	if [ "$y" -lt 2024 ]; then
		msg=$("$V" --ref "$REF" --903 "$R/$y/ssda903-$y" --year "$y" -o "$T/v$y/903" 2>&1 >/dev/null)
		check_eq "SSDA903 $y: refused (exit 4)" 4 "$?"
		check "SSDA903 $y: says which years it knows" grep -q "has no SSDA903 rule set here: this csc-validate knows 2023-24 to 2026-27" <<<"$msg"
		check "SSDA903 $y: no output" test ! -e "$T/v$y/903/issues.csv"
		continue
	fi
	prev=(--903-previous "$R/$p/ssda903-$p")
	"$V" --ref "$REF" --903 "$R/$y/ssda903-$y" "${prev[@]}" --year "$y" -o "$T/v$y/903" --quiet
	rc=$?
	check "SSDA903 $y: no errors (exit 0 or 1, got $rc)" test "$rc" -le 1
	check_eq "SSDA903 $y: errors by rule" "" "$(errors "$T/v$y/903/issues.csv")"
	check_eq "SSDA903 $y: rule set named" "SSDA903 $p-${y:2:2}" "$(csvget "$T/v$y/903/summary.csv" rule_set)"
	check "SSDA903 $y: previous-year rules ran" bash -c "! grep -q '^NoE,' '$T/v$y/903/rules_not_run.csv'"
done
# no vacuous pass: every table has rows in some year (adoptions are few),
# and the tables most rules judge have rows in every year
for t in Header Episodes Reviews UASC OC2 OC3 AD1 PlacedAdoption PrevPerm Missing SocialWorker; do
	check "SSDA903 $t.csv has rows" bash -c "cat '$R'/20{22,23,24,25,26,27}/ssda903-*/$t.csv | grep -vq '^CHILD,'"
done
# DoLo: a 2026-27 table, with rows; no earlier return has one
check "SSDA903 2027 DoLo.csv has rows" bash -c "grep -vq '^CHILD,' '$R/2027/ssda903-2027/DoLo.csv'"
check_eq "SSDA903 2027 DoLo.csv header" "CHILD,DOB,DOLO_START,DOLO_END" "$(head -1 "$R/2027/ssda903-2027/DoLo.csv")"
check "SSDA903 2026 has no DoLo.csv" test ! -e "$R/2026/ssda903-2026/DoLo.csv"

# PLACE in each year's codes (ref/ssda903-codes-by-year.csv): K3 from
# 2024-25 (H5 before), Z11-Z14 from 2025-26 (Z1 before), never H5, P2 or Z1
# from 2025-26; each code of a year is present in the sample
places() { awk -F, 'NR > 1 {print $6}' "$R/$1/ssda903-$1/Episodes.csv" | sort -u | tr '\n' ' '; }
for y in 2022 2023 2024; do
	check "SSDA903 $y: H5, no K3 or Z11-Z14" bash -c "p='$(places $y)'; [[ \$p == *'H5 '* && \$p != *K3* && \$p != *Z1[1-4]* ]]"
done
check "SSDA903 2025: K3, no Z11-Z14" bash -c "p='$(places 2025)'; [[ \$p == *'K3 '* && \$p != *Z1[1-4]* ]]"
for y in 2026 2027; do
	check "SSDA903 $y: K3 and Z11-Z14, no H5, P2 or Z1" bash -c "p='$(places $y)'; [[ \$p == *'K3 '* && \$p == *Z1[1-4]* && \$p != *H5* && \$p != *P2* && \$p != *'Z1 '* ]]"
done
# OC3 ACCOM: S1 and X1 are no codes (rule 133), in any year
check_eq "no OC3 ACCOM S1 or X1" "" "$(cat "$R"/20*/ssda903-*/OC3.csv | awk -F, '$5 == "S1" || $5 == "X1"')"
for y in 2022 2023 2024 2025 2026 2027; do
	for t in Episodes OC2 OC3 SocialWorker; do
		[ "$(wc -l <"$R/$y/ssda903-$y/$t.csv")" -gt 1 ] || not_ok "SSDA903 $y: $t.csv has rows"
	done
done

# --903 alone (no --cin): runs, lists last year's rules as not run
D="$R/2025/ssda903-2025"
"$V" --ref "$REF" --903 "$D" --year 2025 -o "$T/alone" --quiet
rc=$?
check "--903 alone: runs (exit 0, 1 or 2; got $rc)" test "$rc" -le 2
check "--903 alone: issues.csv header" bash -c "head -1 '$T/alone/issues.csv' | grep -qx 'rule,severity,child,table,field,value,line,message'"
check "--903 alone: workbook written" test -s "$T/alone/validation.xlsx"
# printed, no text runs into the next cell or past the page's edge (the
# Issues sheet's field column cut "AssessmentActualStartDate" short)
for d in "$T/alone" "$T/v2026/cin"; do
	"$PY" "$ROOT/tests/e2e/print_check.py" fit "$d/validation.xlsx" || true
done
for code in NoE 202 503A 503D 1002; do
	check "--903 alone: $code listed as not run (needs last year's)" \
		grep -q "^$code,needs last year's return" "$T/alone/rules_not_run.csv"
done
check "--903 alone: postcode rules listed as not run" grep -q '^164,"needs postcode' "$T/alone/rules_not_run.csv"
# 2024-25: 19 postcode/provider rules (454 joins in 2025-26) and 3 on a
# Header UASC column
check_eq "with --903-previous: only the 22 rules no input here can feed are not run" 22 \
	"$(tail -n +2 "$T/v2025/903/rules_not_run.csv" | wc -l)"
check "rules_not_run.csv names the rule set" grep -q '^164,"needs postcode.*",SSDA903 2024-25$' "$T/v2025/903/rules_not_run.csv"

# --year is used, not guessed: without it the year is taken from the data
# and said on stderr
msg=$("$V" --ref "$REF" --903 "$D" -o "$T/guess" 2>&1 >/dev/null)
check "no --year: year taken from the data, said" grep -q "collection year 2024-25 taken from the dates" <<<"$msg"
msg=$("$V" --ref "$REF" --903 "$D" --year 2025 -o "$T/given" 2>&1 >/dev/null)
check "--year given: no guess" bash -c "! grep -q 'taken from the dates' <<<'$msg'"

# exit statuses
check_exit "unreadable folder" 3 "$V" --ref "$REF" --903 "$T/no-such-folder" -o "$T/x"
mkdir -p "$T/locked" && cp "$D"/*.csv "$T/locked/" && chmod 000 "$T/locked/Episodes.csv"
if [ "$(id -u)" != 0 ]; then
	check_exit "unreadable CSV in the folder" 3 "$V" --ref "$REF" --903 "$T/locked" -o "$T/x"
fi
chmod 644 "$T/locked/Episodes.csv"
check_exit "unreadable previous folder" 3 "$V" --ref "$REF" --903 "$D" --903-previous "$T/nowhere" -o "$T/x"
# a CSV whose header row is no 903 table is unreadable input: exit 3, said,
# nothing written (issue 16: it was "file skipped" and exit 2)
cp -r "$D" "$T/unknown" && printf 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER\nC1,M,01/01/2010,WBRI,,\n' >"$T/unknown/Header2.csv"
msg=$("$V" --ref "$REF" --903 "$T/unknown" --year 2025 -o "$T/unknown-out" 2>&1 >/dev/null)
rc=$?
check_eq "header row of no 903 table: exit 3" 3 "$rc"
check "header row of no 903 table: says which file and line, and the closest table" \
	grep -q "Header2.csv:1: header matches no SSDA903 table; closest is Header, whose header is CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB; missing: MC_DOB" <<<"$msg"
check "header row of no 903 table: no issues.csv written" test ! -e "$T/unknown-out/issues.csv"
cp -r "$D" "$T/emptycsv" && : >"$T/emptycsv/zz.csv"
check_exit "an empty CSV in the folder" 3 "$V" --ref "$REF" --903 "$T/emptycsv" -o "$T/x"
check_exit "--903-previous without --903" 4 "$V" --ref "$REF" --cin "$R/2025/cin-2025.xml" --903-previous "$D"
# a return with an error exits 2: a child with an invalid SEX
cp -r "$D" "$T/bad"
sed -i '2s/^\([^,]*\),[^,]*,/\1,X,/' "$T/bad/Header.csv"
check_exit "an error exits 2" 2 "$V" --ref "$REF" --903 "$T/bad" --year 2025 -o "$T/bad-out"
check "the error is rule 101 on SEX" grep -q '^101,error,.*,Header,SEX,X,2,' "$T/bad-out/issues.csv"

# make returns' last step validates what csc-returns wrote: counts per
# severity on stderr, exit 0 with queries only, the validator's 2 on an error
C="$T/la/pipeline.conf"
msg=$(bash "$ROOT/scripts/returns-check.sh" "$BIN" "$C" 2027 2>&1)
check_eq "returns-check 2027: exit 0" 0 "$?"
check "returns-check 2027: counts per severity" grep -q "SSDA903 2026-27: 0 errors, [0-9]* queries" <<<"$msg"
check "returns-check 2027: last year's 903 given" test "$(tail -n +2 "$R/2027-validation/rules_not_run.csv" | grep -c "needs last year")" -eq 0
sed -i '2s/^\([^,]*\),[^,]*,/\1,X,/' "$R/2026/ssda903-2026/Header.csv"
msg=$(bash "$ROOT/scripts/returns-check.sh" "$BIN" "$C" 2026 2>&1)
check_eq "returns-check, a return with an error: exit 2" 2 "$?"
check "returns-check, a return with an error: counted" grep -q "SSDA903 2025-26: [1-9][0-9]* errors" <<<"$msg"
finish
