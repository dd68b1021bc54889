#!/usr/bin/env bash
# csc-returns end to end: the SSDA903 CSVs of a year - exact header rows,
# DD/MM/YYYY dates, the year's SEX codes, and exactly which children and
# rows each table holds for the boundary cases of tests/data/returns.
source "$(dirname "$0")/lib.sh"
unset CSC_OUTPUT_DIR
T=$(tmpdir)
cp -r "$ROOT/tests/data/returns" "$T/la"
# the fixture stands for a run's output folder (output_dir = .): marked as
# csc-run marks its own, since csc-returns writes only into one (README,
# "The output folder")
touch "$T/la/.cscpipe"
CONF="$T/la/pipeline.conf"
"$BIN/csc-returns" --conf "$CONF" --year 2025 -o "$T/r25" --quiet
"$BIN/csc-returns" --conf "$CONF" --year 2024 -o "$T/r24" --quiet
D="$T/r25/ssda903-2025"

# Exact DfE header rows (lib/csc_903.h, INPUTS.md section 2).
while IFS='|' read -r table header; do
	check_eq "$table.csv header" "$header" "$(head -1 "$D/$table.csv")"
done <<'TABLES'
Header|CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
Episodes|CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
Reviews|CHILD,DOB,REVIEW,REVIEW_CODE
UASC|CHILD,SEX,DOB,DUC
OC2|CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED
OC3|CHILD,DOB,IN_TOUCH,ACTIV,ACCOM
AD1|CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR
PlacedAdoption|CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED
PrevPerm|CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM
Missing|CHILD,DOB,MISSING,MIS_START,MIS_END
SocialWorker|CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON
TABLES
check_eq "eleven files, nothing else (no DoLo before 2026-27)" 11 "$(ls "$D" | wc -l)"

# Every date cell is DD/MM/YYYY (or empty); DATE_PERM may keep an unknown day.
bad=$("$PY" - "$D" <<'PY'
import csv, os, re, sys
d = sys.argv[1]
dates = {"DOB", "MC_DOB", "DECOM", "DEC", "REVIEW", "DUC", "DATE_INT", "DATE_MATCH", "DATE_PLACED",
         "DATE_PLACED_CEASED", "MIS_START", "MIS_END", "SW_DECOM", "SW_DEC"}
for f in sorted(os.listdir(d)):
    for r in csv.DictReader(open(os.path.join(d, f), newline="")):
        for k, v in r.items():
            if k in dates and v and not re.fullmatch(r"\d\d/\d\d/\d{4}", v):
                print(f, k, v)
            if k == "DATE_PERM" and v and not re.fullmatch(r"(\d\d|zz)/(\d\d|zz)/\d{4}", v):
                print(f, k, v)
PY
)
check_eq "dates are DD/MM/YYYY" "" "$bad"
check_eq "LF line ends" 0 "$(cat "$D"/*.csv | grep -c $'\r')"

children() { tail -n +2 "$1" | cut -d, -f1 | tr '\n' ' ' | sed 's/ $//'; }
# Episodes open at any point of 1 Apr 2024 .. 31 Mar 2025: L01 (ceased
# 31/03/2024) and L04 (started 01/04/2025) are out.
check_eq "Episodes children" "L02 L03 L05 L06 L06 L07 L08 L09 R5 R6" "$(children "$D/Episodes.csv")"
check_eq "episode ceasing 01/04/2024 kept with its DEC" "01/04/2024" "$(csvget "$D/Episodes.csv" DEC CHILD=L02)"
check_eq "DEC after 31 March blanked" "," "$(csvget "$D/Episodes.csv" DEC CHILD=L05),$(csvget "$D/Episodes.csv" REC CHILD=L05)"
check_eq "DECOM 31/03/2025 kept" "31/03/2025" "$(csvget "$D/Episodes.csv" DECOM CHILD=L03)"
# Header: children with episodes plus the OC3 cohort; one row each (the last).
check_eq "Header children" "L02 L03 L05 L06 L07 L08 L09 R1 R2 R4 R5 R6" "$(children "$D/Header.csv")"
check_eq "Header keeps the latest row" "WBRI" "$(csvget "$D/Header.csv" ETHNIC CHILD=L06)"
check_eq "29 February DOB" "29/02/2016" "$(csvget "$D/Header.csv" DOB CHILD=L08)"
check_eq "SEX M/F from 2024-25" "F" "$(csvget "$D/Header.csv" SEX CHILD=L06)"
# Mother status only for young people looked after in the year other than on
# short breaks (DfE 399, 628): L06 keeps hers; L08 (V3 only) and R2 (care
# leaver, not looked after) have theirs in the dump but not in the return.
check_eq "mother status kept when looked after" "1,01/12/2024" \
	"$(csvget "$D/Header.csv" MOTHER CHILD=L06),$(csvget "$D/Header.csv" MC_DOB CHILD=L06)"
check_eq "no mother status on short breaks only" "," \
	"$(csvget "$D/Header.csv" MOTHER CHILD=L08),$(csvget "$D/Header.csv" MC_DOB CHILD=L08)"
check_eq "no mother status for a care leaver not looked after" "," \
	"$(csvget "$D/Header.csv" MOTHER CHILD=R2),$(csvget "$D/Header.csv" MC_DOB CHILD=R2)"
check_eq "SEX 1/2 before 2024-25" "1,2" \
	"$(csvget "$T/r24/ssda903-2024/Header.csv" SEX CHILD=L01),$(csvget "$T/r24/ssda903-2024/Header.csv" SEX CHILD=L02)"
check_eq "UASC SEX 1/2 before 2024-25" "1" "$(csvget "$T/r24/ssda903-2024/UASC.csv" SEX CHILD=L01)"
check_eq "Reviews in the year only" "01/04/2024 31/03/2025" \
	"$(tail -n +2 "$D/Reviews.csv" | cut -d, -f3 | tr '\n' ' ' | sed 's/ $//')"
# Missing periods open at any point of the year, like episodes: one from
# 30/03/2024 still open on 1 April is in (DfE rule 576 wants last year's
# open period again at the start of this year); 01/04/2025 is out.
check_eq "Missing overlapping the year" "30/03/2024 05/05/2024 30/03/2025" \
	"$(tail -n +2 "$D/Missing.csv" | cut -d, -f4 | tr '\n' ' ' | sed 's/ $//')"
check_eq "Missing ended in the year keeps its end" "02/04/2024" "$(csvget "$D/Missing.csv" MIS_END MIS_START=30/03/2024)"
check_eq "Missing end after 31 March blanked" "" "$(csvget "$D/Missing.csv" MIS_END MIS_START=30/03/2025)"
# OC3: 18th on 01/04/2024 (R1), 21st on 31/03/2025 (R2), 29 Feb 2004 -> 21st
# on 01/03/2025 (R4), 29 Feb 2008 -> 17th on 01/03/2025 after leaving care
# (R5). Out: R3 (22nd on 31/03/2025), R9 (17th on 01/04/2025), R6 (looked
# after on the 17th birthday).
check_eq "OC3 children" "R1 R2 R4 R5" "$(children "$D/OC3.csv")"
# R1 has a row for the 18th birthday (2024-25) and one for the 19th on
# 01/04/2025 (before the dump's last date, 02/04/2025): 2024-25 takes the
# first (tests/e2e/returns_oc_rows.sh has the row choice in full).
check_eq "OC3 row of the year's birthday" "F2,B1" \
	"$(csvget "$D/OC3.csv" ACTIV CHILD=R1),$(csvget "$D/OC3.csv" ACCOM CHILD=R1)"
# OC2: L06 looked after from 01/04/2024 through an X1 change; L07 from
# 02/04/2024 (short of 12 months); L08 on short breaks (V3).
check_eq "OC2 children" "L06" "$(children "$D/OC2.csv")"
check_eq "AD1: adopted (E11) in the year" "L09" "$(children "$D/AD1.csv")"
check_eq "PlacedAdoption overlapping the year" "L09 L05" "$(children "$D/PlacedAdoption.csv")"
check_eq "PlacedAdoption ceased after 31 March blanked" "," \
	"$(csvget "$D/PlacedAdoption.csv" DATE_PLACED_CEASED CHILD=L05),$(csvget "$D/PlacedAdoption.csv" REASON_PLACED_CEASED CHILD=L05)"
check_eq "PrevPerm: new period of care (RNE S) in the year" "L03 L06" "$(children "$D/PrevPerm.csv")"
check_eq "PrevPerm DATE_PERM with unknown day kept" "zz/05/2019" "$(csvget "$D/PrevPerm.csv" DATE_PERM CHILD=L06)"
check_eq "UASC for children in the return" "L03 L07" "$(children "$D/UASC.csv")"
check_eq "DUC after 31 March blanked" "" "$(csvget "$D/UASC.csv" DUC CHILD=L03)"
check_eq "SocialWorker overlapping the year" "SW2" "$(csvget "$D/SocialWorker.csv" SW_ID CHILD=L02)"
# SW2 began on 31/03/2024 for reason OTHERS: open on 31/03/2025, its end is
# blanked but the reason it began is known (SW01bSTG1, SW13STG1)
check_eq "SW_DEC after 31 March blanked, SW_REASON kept" ",OTHERS" \
	"$(csvget "$D/SocialWorker.csv" SW_DEC CHILD=L02),$(csvget "$D/SocialWorker.csv" SW_REASON CHILD=L02)"
# 2023-24: L01 ceased 31/03/2024 is in, with its DEC.
check_eq "2024 Episodes children" "L01 L02 L08 L09 R5 R6" "$(children "$T/r24/ssda903-2024/Episodes.csv")"
check_eq "2024 DEC 31/03/2024 kept" "31/03/2024" "$(csvget "$T/r24/ssda903-2024/Episodes.csv" DEC CHILD=L01)"
# PLACE in the year's codes (issue 15; ref/ssda903-codes-by-year.csv and
# its 503D successions H5>K3, Z1>Z11..Z14) and the DoLo table, on a
# hand-made staging: P1 recorded K3 since 01/06/2023 (supported
# accommodation, recoded when K3 came in), P2 Z12 since 01/06/2024, P3 P2
# (withdrawn 2025-26: written as recorded, with a note), P4 in a children's
# home with four deprivation of liberty orders; P5 takes the staged data
# into 2026-27.
cp -r "$ROOT/tests/data/returns" "$T/pl"
cat >"$T/pl/staging/ssda903_episodes.csv" <<'CSV'
CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,src_file,src_line
P1,2023-06-01,S,V2,N1,K3,PR4,,,,AB1,CD2,SC111111,e,2
P2,2024-06-01,S,V2,N1,Z12,,,,,AB1,CD2,,e,3
P3,2024-06-01,S,V2,N1,P2,PR4,,,,AB1,CD2,,e,4
P4,2025-06-01,S,C2,N1,K2,PR4,,,,AB1,CD2,SC222222,e,5
P5,2026-04-01,S,V2,N1,U1,PR1,2026-04-10,E4A,,AB1,CD2,SC333333,e,6
CSV
# A 2025-26 only (no table that year); B ends 01/04/2026 and C after the
# reference date (end blanked); D starts after it; X9 has no episode.
cat >"$T/pl/staging/ssda903_dolo.csv" <<'CSV'
CHILD,DOB,DOLO_START,DOLO_END,src_file,src_line
P4,2010-01-01,2025-07-01,2026-03-31,d,2
P4,2010-01-01,2026-03-01,2026-04-01,d,3
P4,2010-01-01,2026-05-01,2027-04-02,d,4
P4,2010-01-01,2027-04-05,,d,5
X9,2010-01-01,2026-05-01,,d,6
CSV
C2="$T/pl/pipeline.conf"
for y in 2024 2025 2026 2027; do
	"$BIN/csc-returns" --conf "$C2" --year "$y" -o "$T/pl$y" 2>"$T/pl$y.err"
	check_eq "PLACE $y: exit 0" 0 "$?"
done
place() { csvget "$T/pl$1/ssda903-$1/Episodes.csv" PLACE CHILD="$2"; }
check_eq "2023-24: K3 written as the H5 it replaced" "H5" "$(place 2024 P1)"
check_eq "2024-25: K3" "K3" "$(place 2025 P1)"
check_eq "2024-25: Z12 written as the Z1 it replaced" "Z1" "$(place 2025 P2)"
check_eq "2024-25: P2 as recorded" "P2" "$(place 2025 P3)"
check_eq "2025-26: Z12" "Z12" "$(place 2026 P2)"
check_eq "2025-26: K3" "K3" "$(place 2026 P1)"
check_eq "2025-26: P2 written as recorded" "P2" "$(place 2026 P3)"
check "2025-26: the withdrawn code is said" grep -q "1 episode(s) of 2026 hold a PLACE code that year does not list" "$T/pl2026.err"
check "2024-25: no such note" bash -c "! grep -q 'does not list' '$T/pl2025.err'"
check "no DoLo.csv in 2025-26" test ! -e "$T/pl2026/ssda903-2026/DoLo.csv"
check_eq "2026-27: twelve files" 12 "$(ls "$T/pl2027/ssda903-2027" | wc -l)"
check_eq "2026-27 DoLo rows: B as recorded, C still open on 31/03/2027" \
	"CHILD,DOB,DOLO_START,DOLO_END|P4,01/01/2010,01/03/2026,01/04/2026|P4,01/01/2010,01/05/2026,|" \
	"$(tr '\n' '|' <"$T/pl2027/ssda903-2027/DoLo.csv")"
# The year in the data (make returns): the staged episodes end on
# 02/04/2025 (the latest DEC of staging/ssda903_episodes.csv), so 2024-25 is
# over and 2025-26 is not; returns-check says so for 2025-26 only.
check_eq "--print-data-end" "2025-04-02" "$("$BIN/csc-returns" --conf "$CONF" --year 2026 --print-data-end)"
"$BIN/csc-returns" --conf "$CONF" --year 2025 --quiet
"$BIN/csc-returns" --conf "$CONF" --year 2026 --quiet
# OC2 is the position on 31 March 2026, which the data do not reach: L06,
# looked after since 01/04/2024 and in 2024-25's OC2, has no row (its only
# row is 2024-25's)
check_eq "2026 in-year: no OC2 rows" "" "$(children "$("$BIN/csc-returns" --conf "$CONF" --year 2026 --print-dir)/ssda903-2026/OC2.csv")"
msg=$(bash "$ROOT/scripts/returns-check.sh" "$BIN" "$CONF" 2026 2>&1)
check "returns-check 2026: says the year is not complete" \
	grep -q "returns-check: 2025-26 is not complete: the staged data end on 2025-04-02, before 31 March 2026" <<<"$msg"
msg=$(bash "$ROOT/scripts/returns-check.sh" "$BIN" "$CONF" 2025 2>&1)
check_eq "returns-check 2025: a whole year, no such note" "" "$(grep 'is not complete' <<<"$msg")"
finish
