#!/usr/bin/env bash
# Issue 18: the rows of Lists 1 to 8 on staging tables written by
# hand, inspection date 31/03/2026 (W6 from 30/09/2025), every cell worked
# out by hand from ANNEX-A.md section 1 (the reasoning is beside each
# expected row): window edges, person details from the list, then CIN, then
# SSDA903, referrals in the last 12 months with a same-day tie, the List 6
# choice and case status (short breaks are not care), List 7's latest plan,
# review date, EPO and previous plans; List 8's period of care, second
# period, legal status, reviews, placements, missing, UASC and worker.
. "$(dirname "$0")/lib.sh"
T=$(tmpdir)
S="$T/out/staging"
mkdir -p "$S"
# hand-made staging in a folder marked as csc-run marks its own (csc-annexa
# writes only into a cscpipe output folder: README, "The output folder")
touch "$T/out/.cscpipe"
printf 'la_name = Handshire\nla_number = 999\noutput_dir = out\n' >"$T/pipeline.conf"
cat >"$S/cin_children.csv" <<'CSV'
child,upn,former_upn,upn_unknown,dob,expected_dob,sex,death_date,ethnicity,disabilities,src_line
A1,,,,2015-06-15,,F,,WBRI,NONE,2
A2,,,,2010-03-31,,M,,,HAND;VIS,20
A3,,,,,,,,,,40
CSV
cat >"$S/cin_episodes.csv" <<'CSV'
child,episode,referral_date,referral_source,primary_need,closure_date,closure_reason,icpc_date,referral_nfa,src_line
A1,1,2025-01-10,1A,N1,2025-03-01,RC8,2025-02-05,0,3
A1,2,2025-10-01,6,N5,,,,0,8
A1,3,2025-10-01,2A,N4,2026-01-15,RC7,,1,14
A2,1,2025-09-29,3A,N2,2026-04-10,RC1,,0,21
A3,1,2024-05-05,8,N0,,,,,41
CSV
cat >"$S/cin_assessments.csv" <<'CSV'
child,episode,assessment,start_date,review_date,authorisation_date,factors,src_line
A1,1,1,2025-01-12,,2025-02-01,3A,4
A1,2,1,2025-10-02,,2025-10-15,21,10
A1,3,1,2025-10-02,,2025-12-01,3A,15
A2,1,1,2025-10-01,,,,22
CSV
cat >"$S/cin_plans.csv" <<'CSV'
child,episode,plan,start_date,end_date,src_line
A1,2,1,2025-10-20,,9
CSV
cat >"$S/cin_s47.csv" <<'CSV'
child,episode,s47,start_date,icpc_target,icpc_date,icpc_not_required,src_line
A1,1,1,2025-01-20,,2025-02-05,0,5
A1,2,1,2025-10-03,,2025-10-20,0,11
A2,1,1,2026-03-01,,2026-03-31,0,23
A3,1,1,2025-08-01,,,0,43
CSV
cat >"$S/cin_cpp.csv" <<'CSV'
child,episode,cpp,start_date,end_date,initial_category,latest_category,previous_cpp,src_line
A2,1,1,2026-03-31,,EMO,EMO,3,25
A3,1,1,2024-06-01,2024-12-01,NEG,NEG,,42
A3,1,2,2025-02-01,,PHY,MUL,,48
CSV
cat >"$S/cin_cpp_reviews.csv" <<'CSV'
child,episode,cpp,review_date,src_line
A3,1,2,2025-05-01,50
A3,1,2,2026-02-01,51
A3,1,2,2026-04-15,52
CSV
cat >"$S/ssda903_header.csv" <<'CSV'
CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,src_file,src_line
A2,M,2010-03-31,APKN,,,,header.csv,2
A3,M,2012-01-01,BAFR,,,,header.csv,3
H9,F,2019-05-05,WBRI,,,,header.csv,4
L1,F,2006-05-05,WBRI,,,,header.csv,5
L2,M,2007-01-01,WBRI,,,,header.csv,6
CSV
cat >"$S/ssda903_oc3.csv" <<'CSV'
CHILD,DOB,IN_TOUCH,ACTIV,ACCOM,src_file,src_line
L1,2006-05-05,NO,G5,D2,oc3_2024.csv,2
L1,2006-05-05,YES,F2,Z1,oc3_2025.csv,2
L2,2007-01-01,DIED,0,0,oc3_2025.csv,3
CSV
cat >"$S/ssda903_placedadoption.csv" <<'CSV'
CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED,src_file,src_line
H9,2019-05-05,2024-01-15,,,placed_2024.csv,2
A2,2010-03-31,2025-02-01,2025-05-01,RD3,placed_2025.csv,2
H9,2019-05-05,2024-01-15,,,placed_2025.csv,3
CSV
cat >"$S/ssda903_ad1.csv" <<'CSV'
CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR,src_file,src_line
H9,2019-05-05,2024-01-15,2024-01-20,0,2,MF,L0,ad1.csv,2
CSV
cat >"$S/ssda903_episodes.csv" <<'CSV'
CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,src_file,src_line
H9,2024-02-01,S,E1,N1,A4,PR1,2025-12-01,E11,,,,,episodes.csv,5
A2,2025-09-01,S,L2,N1,U6,PR1,2025-09-30,E8,,,,,episodes.csv,2
A2,2026-01-01,S,C2,N1,U6,PR1,,,,,AB1 2CD,SC123456,episodes.csv,3
A3,2026-03-01,S,V3,N2,H5,PR1,,,,,,,episodes.csv,4
CSV
cat >"$S/ssda903_reviews.csv" <<'CSV'
CHILD,DOB,REVIEW,REVIEW_CODE,src_file,src_line
A2,2010-03-31,2025-12-01,PN1,reviews.csv,2
A2,2010-03-31,2026-02-15,PN1,reviews.csv,3
A2,2010-03-31,2026-04-02,PN1,reviews.csv,4
CSV
cat >"$S/ssda903_uasc.csv" <<'CSV'
CHILD,SEX,DOB,DUC,src_file,src_line
A2,M,2010-03-31,2025-04-01,uasc.csv,2
CSV
cat >"$S/ssda903_missing.csv" <<'CSV'
CHILD,DOB,MISSING,MIS_START,MIS_END,src_file,src_line
A2,2010-03-31,M,2025-06-01,2025-06-02,missing.csv,2
A2,2010-03-31,M,2025-03-30,2025-03-31,missing.csv,3
A2,2010-03-31,A,2026-03-31,,missing.csv,4
CSV
cat >"$S/ssda903_socialworker.csv" <<'CSV'
CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON,src_file,src_line
A2,2010-03-31,SW1,2025-01-01,2026-02-01,MANAGE,sw.csv,2
A2,2010-03-31,SW2,2026-02-01,,,sw.csv,3
CSV
cat >"$S/contacts.csv" <<'CSV'
contact_id,child,gender,ethnicity,dob,age,contact_date,source,outcome,completed_date,src_line
K1,A1,F,WBRI,2015-06-15,10,2025-09-30,6,REF,2025-09-30,2
K2,A1,,,,,2025-09-29,1A,NFA,,3
K3,A2,,,,,2026-03-31,2A,IA,,4
K4,E5,M,AIND,2020-02-29,,2026-04-01,6,NFA,,5
CSV
cat >"$S/early_help.csv" <<'CSV'
child,episode,assessment_start,assessment_completion,organisation,tier,end_date,closure_reason,src_line
E5,1,2025-11-01,2026-04-02,School,2,,,2
E6,1,2024-01-01,2024-02-01,Hub,3,2024-06-01,PROGRESS,3
A1,1,2025-01-01,2025-02-01,Family Hub,2,,,4
CSV
(cd "$T" && "$BIN/csc-annexa" --conf pipeline.conf --date 2026-03-31 --quiet)
check_eq "csc-annexa on the hand-made staging" 0 $?
check "the hand-made staging has no findings" test "$(cat "$T/out/annex-a/annex-a-2026-03-31-checks.csv")" = \
	"check,list,row,child,column,value,file,line,detail"
"$PY" - "$T/out/annex-a/annex-a-2026-03-31.xlsx" <<'PY'
import datetime, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def cell(v):
    if isinstance(v, datetime.datetime):
        return v.date().isoformat()
    return v
N = None
want = {
    # K1 on W6's first day, K2 the day before (out), K4 after I (out);
    # K3 on I: gender from CIN, ethnicity from SSDA903 (CIN has none)
    "List 1": [
        ["A1", "b) Female", "a) WBRI", "2015-06-15", 10, "2025-09-30", "q) 6: Police"],
        ["A2", "a) Male", "k) APKN", "2010-03-31", 16, "2026-03-31", "e) 2A: Schools"]],
    # E5 started in W6 (completed after I: blank), person from its contact
    # K4 (after I, but it names the child); E6 ended 2024; A1 open at I
    "List 2": [
        ["E5", "a) Male", "j) AIND", "2020-02-29", 6, "2025-11-01", N, "School"],
        ["A1", "b) Female", "a) WBRI", "2015-06-15", 10, "2025-01-01", "2025-02-01", "Family Hub"]],
    # A1/2: A1/1 (10/01/2025) is in [01/10/2024, 01/10/2025); A1/3 the same
    # day but later in the file: 1. A1/3: A1/1 and A1/2 (same day, earlier): 2.
    # A2/1 on 29/09/2025 is before W6.
    "List 3": [
        ["A1", "b) Female", "a) WBRI", "2015-06-15", 10, "2025-10-01", "q) 6: Police", "b) No", 1, N, N],
        ["A1", "b) Female", "a) WBRI", "2015-06-15", 10, "2025-10-01", "e) 2A: Schools", "a) Yes", 2, N, N]],
    # A1/1 authorised before W6: out. A1/2 factor 21: No. A1/3 closed RC7:
    # Yes. A2/1 not authorised: support blank.
    "List 4": [
        ["A1", "b) Female", "a) WBRI", "2015-06-15", 10, "b) No", "2025-10-02", N, "2025-10-15", "b) No", N, N],
        ["A1", "b) Female", "a) WBRI", "2015-06-15", 10, "b) No", "2025-10-02", N, "2025-12-01", "a) Yes", N, N],
        ["A2", "a) Male", "k) APKN", "2010-03-31", 16, "a) Yes", "2025-10-01", N, N, N, N, N]],
    # A1/1/1: before W6 and its ICPC too: out. A1/2/1 in W6: no plan on its
    # ICPC day; one S47 (20/01/2025) and one ICPC date (05/02/2025, in the
    # S47 and the CINdetails) in [03/10/2024, 03/10/2025). A2: its CP plan
    # starts on the ICPC day. A3: before W6, no ICPC, required, episode open
    # at I - 6 months: listed, ICPC columns blank.
    "List 5": [
        ["A1", "b) Female", "a) WBRI", "2015-06-15", 10, "b) No", "2025-10-03", "b) No", "2025-10-20", "b) No", 1, 1, N, N],
        ["A2", "a) Male", "k) APKN", "2010-03-31", 16, "a) Yes", "2026-03-01", "b) No", "2026-03-31", "a) Yes", 0, 0, N, N],
        ["A3", "a) Male", "o) BAFR", "2012-01-01", 14, "b) No", "2025-08-01", N, N, N, 0, 0, N, N]],
    # A1: /1 closed before W6, /3 NFA, so /2 with its open CIN plan.
    # A2: closed after I (blank closure), looked after at I (C2 from 01/01/2026).
    # A3: CP plan open; its V3 episode is a short break, not care.
    "List 6": [
        ["A1", "b) Female", "a) WBRI", "2015-06-15", 10, "b) No", "2025-10-01", "N5 - Family dysfunction", N, N, N, "c) Child in need plan", N, N],
        ["A2", "a) Male", "k) APKN", "2010-03-31", 16, "a) Yes", "2025-09-29", "N2 - Child's disability", N, N, N, "a) Looked after child", N, N],
        ["A3", "a) Male", "o) BAFR", "2012-01-01", 14, "b) No", "2024-05-05", "N0 - Not stated", N, N, N, "b) Child Protection plan", N, N]],
    # A2: plan starts on I, NumberOfPreviousCPP 3, L2 episode ended on W6's
    # first day. A3: plan 1 ended before W6; plan 2's reviews: the latest
    # by I is 01/02/2026; previous plans counted: 1; no L1/L2 episode.
    "List 7": [
        ["A2", "a) Male", "k) APKN", "2010-03-31", 16, "a) Yes", "2026-03-31", "d) Emotional abuse", "d) Emotional abuse", N, N, N, N, "a) Yes", 3, N, N],
        ["A3", "a) Male", "o) BAFR", "2012-01-01", 14, "b) No", "2025-02-01", "b) Physical abuse", "e) Multiple/not recommended", N, N, "2026-02-01", N, "b) No", 1, N, N]],
    # A2: the L2 period ended 30/09/2025 (in W6 and W12: second period);
    # the C2 period open at I is Q. UASC DUC 01/04/2025 >= I - 12 months.
    # Reviews: 01/12/2025 is before Q, 02/04/2026 after I. Placements: the
    # L2 one (last day 29/09/2025) and the open one. Missing on 30/03/2025
    # is before W12; the absence on I counts. SW1 closed, SW2 open at I.
    # H9 (SSDA903 only, no CIN: Dis blank): adopted 01/12/2025, in W6.
    # A3's only episode is a short break: not listed.
    "List 8": [
        ["A2", "a) Male", "k) APKN", "2010-03-31", 16, "a) Yes", "a) Yes", "2026-01-01", "N1 - Abuse or neglect", "a) Yes",
         "2026-01-01", "C2: FCO", "2026-02-15", N, N, N, N, N, 2, N, N, "2026-01-01",
         "f) U6: Foster placement - not FFA", "b) PR1: Own provision", "AB1 2CD", "SC123456", N, N, 1, 1, N, N, N, "SW2"],
        ["H9", "b) Female", "a) WBRI", "2019-05-05", 6, "b) No", N, "2024-02-01", "N1 - Abuse or neglect", "b) No",
         "2024-02-01", "E1: Placement order", N, N, N, N, N, N, 1, "2025-12-01", "a) E11: Adopted - application unopposed", "2024-02-01",
         "h) A4: Placed for adoption - consent - not foster", "b) PR1: Own provision", N, N, N, N, 0, 0, N, N, N, N]],
    # A2 (16 on I, born 31/03/2010; 14 on 31/03/2024): looked after
    # 01/09-29/09/2025 (29 days; DEC not a day of care) and since
    # 01/01/2026 (90 days to I): 119 >= 91, looked after at I: eligible.
    # Any UASC row: Yes. L1 (19, in OC3): former relevant; its latest OC3
    # row (the 2025 file) gives the last three columns, Z1 = Z + suitable.
    # L2: OC3 DIED, left out. H9 is 6. A1, A3 are not in SSDA903 care.
    "List 9": [
        ["A2", "a) Male", "k) APKN", "2010-03-31", 16, "a) Yes", "a) Yes", N, N, N, "d) Eligible child", N, N, N, N, N, N],
        ["L1", "b) Female", "a) WBRI", "2006-05-05", 19, "b) No", N, N, N, N, "b) Former relevant child", N,
         "a) Yes", N, "Z: With former foster carers", "a) Suitable", "F2: Full time in education other than higher"]],
    # A2: decision 01/02/2025 reversed 01/05/2025 (in W12 from 31/03/2025);
    # no period holds the decision, so the latest (from 01/01/2026); no
    # E1/D1, A3-A6, U2/U5 in it. H9: the decision is in two years' files
    # (one row); before its period, so the latest (the only) period: E1 and
    # A4 from 01/02/2024, adopted 01/12/2025 (E11, in W12), matched 20/01/2024.
    "List 10": [
        ["A2", N, "a) Male", "k) APKN", "2010-03-31", 16, "a) Yes", "2026-01-01", "2025-02-01", N, N, N, N,
         "2025-05-01", "RD3 - Prospective adopters could not be found", N],
        ["H9", N, "b) Female", "a) WBRI", "2019-05-05", 6, N, "2024-02-01", "2024-01-15", "2024-02-01", "2024-01-20",
         "2024-02-01", "2025-12-01", N, N, N]],
}
bad = 0
for sheet, rows in want.items():
    ws = wb[sheet]
    width = ws.max_column
    got = [[cell(v) for v in r] + [None] * (width - len(r)) for r in ws.iter_rows(min_row=2, values_only=True)]
    rows = [r + [None] * (width - len(r)) for r in rows]
    if got == rows:
        print("ok - %s: %d rows as worked by hand" % (sheet, len(rows)))
    else:
        bad += 1
        print("not ok - %s rows" % sheet)
        for g, w in zip(got + [[]] * 9, rows + [[]] * 9):
            if g != w:
                print("#   got  %s\n#   want %s" % (g, w))
ok = wb["List 11"].max_row == 1
print(("ok" if ok else "not ok") + " - List 11: headers only (no input holds it)")
bad += not ok
notes = [r for r in wb["Notes"].iter_rows(values_only=True)]
ok = ("List 6", "Date Child Was Last Seen") in [(r[0], r[1]) for r in notes] and \
    any(r[0] == "List 11" and r[1] is None and "No input holds this list" in (r[2] or "") for r in notes) and \
    not any(r[0] == "List 11" and r[1] is not None for r in notes) and \
    ("List 9", "Allocated Personal Advisor") in [(r[0], r[1]) for r in notes] and \
    not any(r[0] == "List 8" and r[1] is None for r in notes)
print(("ok" if ok else "not ok") + " - Notes: n/i columns, and List 11 held by no input")
sys.exit(1 if bad or not ok else 0)
PY
check_eq "rows as worked by hand (above)" 0 $?
# The cover as printed: its dates beside their labels (right-aligned, the
# inspection date sat at the far side of its column), List 11's Built
# short enough to stay on the page, every text of the cover, notes and
# checks clear of the next cell and of the page's right edge (print_check.py
# fit).
cat >"$T/cover.py" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Cover"]
rows = {r[0].value: r for r in ws.iter_rows() if r[0].value}
for k in ("Inspection date",):
    c = rows[k][1]
    print(k, c.value.strftime("%Y-%m-%d"), c.number_format, c.alignment.horizontal)
print("Data runs to", rows["Data runs to"][1].value)
l11 = rows["List 11"]
print("List 11", l11[2].value.strftime("%Y-%m-%d"), l11[2].number_format, l11[5].value, l11[6].value)
PY
check_eq "cover: dates as dates, shown beside their labels; List 11 headers only" \
"Inspection date 2026-03-31 d mmmm yyyy left
Data runs to unknown (no coverage in the staging)
List 11 2025-03-31 d mmmm yyyy None headers only" "$("$PY" "$T/cover.py" "$T/out/annex-a/annex-a-2026-03-31.xlsx" 2>&1)"
"$PY" "$ROOT/tests/e2e/print_check.py" fit "$T/out/annex-a/annex-a-2026-03-31.xlsx" Cover Notes Checks || true
# staging faults stop the run (exit 3) and leave no workbook: an ID too
# long to key (never cut, so two IDs cannot become one), a malformed date
long=$(printf 'X%.0s' $(seq 600))
cp -r "$T/out" "$T/out.good"
echo "$long,1,2025-10-01,6,N1,,,,0,99" >>"$S/cin_episodes.csv"
exit_says "an ID too long" 3 "too long for an ID" \
	sh -c "cd '$T' && '$BIN/csc-annexa' --conf pipeline.conf --date 2026-03-30"
rm -rf "$T/out" && cp -r "$T/out.good" "$T/out"
sed -i 's/^K3,A2,,,,,2026-03-31/K3,A2,,,,,31\/03\/2026/' "$S/contacts.csv"
exit_says "a malformed staging date" 3 "contact_date" \
	sh -c "cd '$T' && '$BIN/csc-annexa' --conf pipeline.conf --date 2026-03-30"
check "no workbook after a failed run" test ! -e "$T/out/annex-a/annex-a-2026-03-30.xlsx"
check "no temporary after a failed run" test -z "$(ls -A "$T/out/annex-a" | grep -v -e '^annex-a-2026-03-31.xlsx$' -e '^annex-a-2026-03-31-checks.csv$')"
finish
