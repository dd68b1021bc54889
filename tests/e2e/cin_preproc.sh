#!/usr/bin/env bash
# Issue 15, CIN 2026-27 PreProceedingsandFGDM, the round trip: csc-gen-sample
# writes blocks for CP plans from April 2026; csc-extract-cin stages every
# one in cin_preproc.csv with the XML's values; csc-returns writes the
# 2026-27 return's blocks with those values (none in 2025-26); csc-validate
# passes the return with no error and names the block in rules_not_run.csv.
# The values are compared by tests/e2e/cin_preproc_check.py, which reads the
# XML with the Python standard library, independently of the C readers.
source "$(dirname "$0")/lib.sh"
unset CSC_OUTPUT_DIR
T=$(tmpdir)
V="$BIN/csc-validate"
CHK="$ROOT/tests/e2e/cin_preproc_check.py"

"$BIN/csc-gen-sample" --quiet --out "$T/la" --children 4000 --end 2027-04-30 --years 3
X="$T/la/cin_census.xml"
n=$(grep -c '<PreProceedingsandFGDM>' "$X")
check "the sample holds PreProceedingsandFGDM blocks ($n)" test "$n" -ge 5
check "every block starts in 2026-27 or later" python3 "$CHK" starts "$X" 2026-04-01

check_exit "staging" 0 "$BIN/csc-run" --conf "$T/la/pipeline.conf" --target staging --quiet
S="$T/la/output/staging"
check_eq "cin_preproc.csv header" \
	"child,episode,block,start_date,lbp_sent_date,fgdm_offered,fgdm_facilitated,initial_meeting_date,review_meetings,step_decision_date,outcome,court_application_date,letter_init_cp_date,src_line" \
	"$(head -1 "$S/cin_preproc.csv")"
check_eq "recon: every block read is staged" "$n,$n,0" \
	"$(csvget "$S/recon_cin.csv" read table=PreProceedingsandFGDM),$(csvget "$S/recon_cin.csv" staged table=PreProceedingsandFGDM),$(csvget "$S/recon_cin.csv" rejected table=PreProceedingsandFGDM)"
check "staged rows hold the XML's values" python3 "$CHK" staged "$X" "$S/cin_preproc.csv"

R="$T/la/output/returns"
for y in 2026 2027; do
	check_exit "returns $y" 0 "$BIN/csc-returns" --conf "$T/la/pipeline.conf" --year "$y" --quiet
done
check_eq "2025-26 return: no block" 0 "$(grep -c '<PreProceedingsandFGDM>' "$R/2026/cin-2026.xml")"
check "2026-27 return: the year's blocks with the staged values" \
	python3 "$CHK" returned "$S/cin_preproc.csv" "$R/2027/cin-2027.xml" 2027-03-31
m=$(grep -c '<PreProceedingsandFGDM>' "$R/2027/cin-2027.xml")
check "2026-27 return holds blocks ($m)" test "$m" -ge 5
e=$(python3 "$CHK" episodes "$R/2027/cin-2027.xml")

"$V" --ref "$ROOT/ref" --cin "$R/2027/cin-2027.xml" -o "$T/v27" --quiet
rc=$?
check "2026-27: validates with no error (exit 0 or 1, got $rc)" test "$rc" -le 1
check_eq "2026-27: 0 errors" 0 "$(csvget "$T/v27/summary.csv" errors)"
check_eq "2026-27: rule set" "CIN 2026-27" "$(csvget "$T/v27/summary.csv" rule_set)"
check_eq "2026-27: the block named in rules_not_run.csv, with its episodes" \
	"no DfE validation rules are published for the 2026-27 PreProceedingsandFGDM block: $e CINdetails hold one, not checked; the rest of the return ran the 2025-26 rules" \
	"$(csvget "$T/v27/rules_not_run.csv" reason rule=PreProceedingsandFGDM)"
"$V" --ref "$ROOT/ref" --cin "$R/2026/cin-2026.xml" -o "$T/v26" --quiet
check "2025-26: the block is not listed" bash -c "! grep -q PreProceedingsandFGDM '$T/v26/rules_not_run.csv'"
finish
