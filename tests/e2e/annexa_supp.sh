#!/usr/bin/env bash
# Issue 18: the supplementary list per case (annexa_supplementary in
# pipeline.conf; docs/FORMATS.md). Its values fill the columns no input
# holds, in every list that has the column, for the child's rows; columns
# are matched by name in any order and case; a row that does not read is
# a rejected_record of the checks (file, line, field, value, reason) and
# the rest are used; an unknown column stops the run (exit 3). Without the
# file, and for a column it lacks, the Notes sheet says why the column is
# blank. Inspection date 31/03/2026; every expected cell worked by hand.
. "$(dirname "$0")/lib.sh"
T=$(tmpdir)
S="$T/out/staging"
mkdir -p "$S"
# hand-made staging in a folder marked as csc-run marks its own (csc-annexa
# writes only into a cscpipe output folder: README, "The output folder")
touch "$T/out/.cscpipe"
printf 'la_name = Handshire\nla_number = 999\noutput_dir = out\n' >"$T/plain.conf"
cp "$T/plain.conf" "$T/pipeline.conf"
echo "annexa_supplementary = supp.csv" >>"$T/pipeline.conf"
cat >"$S/cin_children.csv" <<'CSV'
child,upn,former_upn,upn_unknown,dob,expected_dob,sex,death_date,ethnicity,disabilities,src_line
A1,,,,2015-06-15,,F,,WBRI,NONE,2
CSV
cat >"$S/cin_episodes.csv" <<'CSV'
child,episode,referral_date,referral_source,primary_need,closure_date,closure_reason,icpc_date,referral_nfa,src_line
A1,1,2025-10-01,6,N5,,,,0,3
CSV
cat >"$S/cin_assessments.csv" <<'CSV'
child,episode,assessment,start_date,review_date,authorisation_date,factors,src_line
A1,1,1,2025-10-02,,2025-10-15,3A,4
CSV
printf 'child,episode,plan,start_date,end_date,src_line\n' >"$S/cin_plans.csv"
printf 'child,episode,s47,start_date,icpc_target,icpc_date,icpc_not_required,src_line\n' >"$S/cin_s47.csv"
printf 'child,episode,cpp,start_date,end_date,initial_category,latest_category,previous_cpp,src_line\n' >"$S/cin_cpp.csv"
printf 'child,episode,cpp,review_date,src_line\n' >"$S/cin_cpp_reviews.csv"
cat >"$S/ssda903_header.csv" <<'CSV'
CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,src_file,src_line
H9,F,2019-05-05,WBRI,,,,header.csv,2
CSV
cat >"$S/ssda903_episodes.csv" <<'CSV'
CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,src_file,src_line
H9,2025-01-01,S,C2,N1,U6,PR1,,,,,,,episodes.csv,2
CSV
# CRLF and a byte-order mark, as Excel saves; columns in another order and
# spelling; line 4 repeats A1, line 5 has no real day, line 6 a yes/no that
# is none, line 7 no ID; X9 is in no list
printf '\xEF\xBB\xBFchild unique id,ALLOCATED_TEAM,allocated worker,Child Seen During Continuous Assessment,Date Child Was Last Seen,What is the permanence plan for this child?,Date of Last Health Assessment,Placement Location,LA of Placement\r
A1,Team North,Jo Bloggs,Y,05/03/2026,,,,\r
H9,Team South,,,,long-term fostering,45966,In,Kent\r
A1,Team East,,,,,,,\r
Z1,,,,31/02/2026,,,,\r
Z2,,,maybe,,,,,\r
,Team West,,,,,,,\r
X9,Team X,,,,,,,\r
' >"$T/supp.csv"
(cd "$T" && "$BIN/csc-annexa" --conf pipeline.conf --date 2026-03-31 --quiet) 2>"$T/err"
check_eq "csc-annexa with a supplementary list" 0 $?
check "one line for its rejects, quiet or not" grep -q "supp.csv: 4 of 7 records rejected" "$T/err"
"$PY" - "$T/out/annex-a/annex-a-2026-03-31.xlsx" "$T/out/annex-a/annex-a-2026-03-31-checks.csv" "$T/supp.csv" <<'PY'
import csv, datetime, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
bad = 0
def say(ok, name, detail=""):
    global bad
    print(("ok - " if ok else "not ok - ") + name)
    if not ok:
        bad = 1
        print("#   %s" % (detail,))
def row(sheet, child):
    ws = wb[sheet]
    heads = [c.value for c in ws[1]]
    for r in ws.iter_rows(min_row=2, values_only=True):
        if r[0] == child:
            return {h: (v.date().isoformat() if isinstance(v, datetime.datetime) else v)
                    for h, v in zip(heads, r)}
    return None
want = {
    ("List 3", "A1"): {"Allocated Team": "Team North", "Allocated Worker": "Jo Bloggs"},
    ("List 4", "A1"): {"Child Seen During Continuous Assessment": "a) Yes",
                       "Allocated Team": "Team North", "Allocated Worker": "Jo Bloggs"},
    ("List 6", "A1"): {"Date Child Was Last Seen": "2026-03-05", "Allocated Team": "Team North",
                       "Allocated Worker": "Jo Bloggs"},
    # 45966 is the Excel serial of 05/11/2025; H9's worker is empty in the
    # list and the SSDA903 has no SocialWorker row: blank
    ("List 8", "H9"): {"What is the permanence plan for this child?": "f) Long-term fostering",
                       "Date of Last Health Assessment": "2025-11-05", "Placement Location": "a) In",
                       "LA of Placement": "Kent", "Allocated Team": "Team South",
                       "Allocated Worker": None, "Date of Last Dental Check": None},
}
for (sheet, child), cells in want.items():
    r = row(sheet, child)
    got = {h: r.get(h) for h in cells} if r else None
    say(got == cells, "%s %s: the supplementary values" % (sheet, child), got)
c = wb["List 6"]["I2"]
say(c.number_format == "dd/mm/yyyy", "a supplementary date is an Excel date dd/mm/yyyy", c.number_format)
notes = {(r[0], r[1]): r[2] for r in wb["Notes"].iter_rows(values_only=True)}
say((notes.get(("List 3", "Allocated Team")) or "").startswith("From the supplementary list"),
    "Notes: a column the list has", notes.get(("List 3", "Allocated Team")))
say("has no such column" in (notes.get(("List 7", "Was the Child Seen Alone?")) or ""),
    "Notes: a column the list lacks", notes.get(("List 7", "Was the Child Seen Alone?")))
rej = [(r["column"], r["value"], r["line"], r["detail"]) for r in
       csv.DictReader(open(sys.argv[2], encoding="utf-8")) if r["check"] == "rejected_record"]
want_rej = [
    ("Child Unique ID", "A1", "4", "a second row for this child (the first is line 2)"),
    ("Date Child Was Last Seen", "31/02/2026", "5",
     "Date Child Was Last Seen is not a date (DD/MM/YYYY, YYYY-MM-DD or an Excel date)"),
    ("Child Seen During Continuous Assessment", "maybe", "6",
     "Child Seen During Continuous Assessment is not one of the column's Annex A values"),
    ("Child Unique ID", "", "7", "Child Unique ID is blank")]
say(rej == want_rej, "the rejected rows, with field, value, line and reason", rej)
files = {r["file"] for r in csv.DictReader(open(sys.argv[2], encoding="utf-8")) if r["check"] == "rejected_record"}
say(all(f.endswith("/supp.csv") for f in files) and files, "each names the file", files)
sys.exit(bad)
PY
check_eq "supplementary cells, notes and rejects (above)" 0 $?

# not configured: the columns are blank and the Notes sheet says why
(cd "$T" && "$BIN/csc-annexa" --conf plain.conf --date 2026-03-31 -o plain --quiet)
check_eq "csc-annexa without a supplementary list" 0 $?
"$PY" - "$T/plain/annex-a-2026-03-31.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
notes = {(r[0], r[1]): r[2] for r in wb["Notes"].iter_rows(values_only=True)}
n = notes.get(("List 8", "Date of Last Dental Check")) or ""
ok = "no supplementary list is configured" in n and wb["List 6"]["I2"].value is None
print(("ok" if ok else "not ok") + " - without it: blank, and the Notes sheet names the column")
sys.exit(0 if ok else 1)
PY
check_eq "notes without the supplementary list (above)" 0 $?

# an unknown column stops the run: a misspelt column is never ignored
printf 'Child Unique ID,Alocated Team\nA1,Team North\n' >"$T/supp.csv"
exit_says "an unknown column" 3 "unknown column 'Alocated Team'" \
	sh -c "cd '$T' && '$BIN/csc-annexa' --conf pipeline.conf --date 2026-03-31 -o bad"
check "no workbook after it" test ! -e "$T/bad/annex-a-2026-03-31.xlsx"
printf 'Allocated Team\nTeam North\n' >"$T/supp.csv"
exit_says "no ID column" 3 "no column 'Child Unique ID'" \
	sh -c "cd '$T' && '$BIN/csc-annexa' --conf pipeline.conf --date 2026-03-31 -o bad"
rm "$T/supp.csv"
exit_says "a supplementary list that is not there" 3 "supp.csv" \
	sh -c "cd '$T' && '$BIN/csc-annexa' --conf pipeline.conf --date 2026-03-31 -o bad"
check "no temporary left" test -z "$(ls -A "$T/bad" 2>/dev/null)"
finish
