#!/usr/bin/env bash
# Issue 18: the checks a data officer runs on Annex A before sending it
# (annexa/aa_checks.h), as the Checks sheet and annex-a-DATE-checks.csv.
# 1. Hand-made staging with one fault of each kind, inspection date
#    31/03/2026 (W6 from 30/09/2025): every finding worked out by hand
#    below, in the order they are written (list by list, row by row; the
#    cross-list checks; the extracts' rejects); the workbook is written all
#    the same (exit 0).
# 2. A clean generated authority: no findings at three inspection dates.
# 3. A dirty one (csc-gen-sample --dirty): every fault of dirty-manifest.csv
#    is named (each is rejected by its extract, so it is a rejected_record
#    with its file, line and field).
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
B1,,,,2015-01-01,,F,,WBRI,NONE,2
B2,,,,2012-01-01,,M,,WBRI,NONE,3
B3,,,,2011-01-01,,M,,ZZZZ,NONE,4
CSV
cat >"$S/cin_episodes.csv" <<'CSV'
child,episode,referral_date,referral_source,primary_need,closure_date,closure_reason,icpc_date,referral_nfa,src_line
B1,1,2025-11-01,ZZ,N1,,,,0,5
B2,1,2026-01-10,6,,2025-12-01,RC7,,0,6
B3,1,2025-10-05,6,N2,,,,1,7
CSV
cat >"$S/cin_assessments.csv" <<'CSV'
child,episode,assessment,start_date,review_date,authorisation_date,factors,src_line
B1,1,1,2025-11-02,,2025-11-01,3A,8
B2,1,1,2026-01-11,,,,9
CSV
printf 'child,episode,plan,start_date,end_date,src_line\n' >"$S/cin_plans.csv"
printf 'child,episode,s47,start_date,icpc_target,icpc_date,icpc_not_required,src_line\n' >"$S/cin_s47.csv"
cat >"$S/cin_cpp.csv" <<'CSV'
child,episode,cpp,start_date,end_date,initial_category,latest_category,previous_cpp,src_line
B3,1,1,2025-10-20,,NEG,XYZ,,10
CSV
printf 'child,episode,cpp,review_date,src_line\n' >"$S/cin_cpp_reviews.csv"
cat >"$S/ssda903_header.csv" <<'CSV'
CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,src_file,src_line
C8,F,2016-01-01,WBRI,,,,header.csv,2
C9,M,2016-02-02,WBRI,,,,header.csv,3
CSV
cat >"$S/ssda903_episodes.csv" <<'CSV'
CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,src_file,src_line
C8,2025-06-01,S,C2,N1,U6,PR1,2025-12-01,,,,,,episodes.csv,2
C9,2025-12-01,S,Q9,N1,U6,PR1,,,,,,,episodes.csv,3
CSV
cat >"$S/contacts.csv" <<'CSV'
contact_id,child,gender,ethnicity,dob,age,contact_date,source,outcome,completed_date,src_line
K1,B1,F,WBRI,2015-01-01,10,2025-10-01,,REF,,2
K2,,,,,,2025-10-02,6,NFA,,3
CSV
cat >"$S/rejects_cin.csv" <<'CSV'
file,line,field,value,reason
/data/cin.xml,430,CINreferralDate,,CINreferralDate is empty
CSV
(cd "$T" && "$BIN/csc-annexa" --conf pipeline.conf --date 2026-03-31 --quiet)
check_eq "csc-annexa writes the workbook whatever the checks find" 0 $?
check "the workbook is there" test -s "$T/out/annex-a/annex-a-2026-03-31.xlsx"
"$PY" - "$T/out/annex-a/annex-a-2026-03-31-checks.csv" "$T/out/annex-a/annex-a-2026-03-31.xlsx" <<'PY'
import csv, sys
import openpyxl
got = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
E = ""
want = [["check", "list", "row", "child", "column", "value", "file", "line", "detail"],
    # List 1: K1 has no source; K2 no child
    ["mandatory_blank", "List 1", "2", "B1", "Contact Source", E, E, E, "a value is needed in every row"],
    ["mandatory_blank", "List 1", "3", E, "Child Unique ID", E, E, E, "every row needs the child's ID"],
    # List 3: B1's source ZZ; B3's ethnicity ZZZZ (CIN), written plain
    ["code_not_in_list", "List 3", "2", "B1", "Referral Source", "ZZ", E, E,
     "not one of the column's Annex A codes: written as it is"],
    ["code_not_in_list", "List 3", "4", "B3", "Ethnicity", "ZZZZ", E, E,
     "not one of the column's Annex A codes: written as it is"],
    # List 4: B1 authorised the day before it started
    ["date_order", "List 4", "2", "B1", "Continuous Assessment Start Date", "02/11/2025", E, E,
     "after Continuous Assessment Date of Authorisation"],
    # List 6: B2 (row 3) has no primary need and closed before its referral;
    # B3 is NFA, not listed
    ["mandatory_blank", "List 6", "3", "B2", "Primary Need Code", E, E, E, "a value is needed in every row"],
    ["date_order", "List 6", "3", "B2", "CIN Start Date", "10/01/2026", E, E, "after CIN Closure Date"],
    # List 7: B3's plan: ethnicity, then its latest category XYZ
    ["code_not_in_list", "List 7", "2", "B3", "Ethnicity", "ZZZZ", E, E,
     "not one of the column's Annex A codes: written as it is"],
    ["code_not_in_list", "List 7", "2", "B3", "Latest Category of Abuse", "XYZ", E, E,
     "not one of the column's Annex A codes: written as it is"],
    # List 8: C8 ceased 01/12/2025 with no REC; C9's legal status Q9
    ["mandatory_blank", "List 8", "2", "C8", "Reason Ceased to be Looked After", E, E, E,
     "needed when Date Ceased to be Looked After is filled"],
    ["code_not_in_list", "List 8", "3", "C9", "Child's Legal Status", "Q9", E, E,
     "not one of the column's Annex A codes: written as it is"],
    # B3's plan is open at I but its referral (NFA) puts it in no List 6 row
    ["missing_record", "List 7", "2", "B3", E, E, E, E,
     "a child protection plan open at the inspection date, but the child has no row in List 6"],
    ["rejected_record", "CIN census (Lists 3-7)", E, E, "CINreferralDate", E, "/data/cin.xml", "430",
     "CINreferralDate is empty"]]
bad = 0
if got == want:
    print("ok - the findings worked by hand, in order (%d)" % (len(want) - 1))
else:
    bad = 1
    print("not ok - the findings worked by hand")
    for g, w in zip(got + [[]] * 20, want + [[]] * 20):
        if g != w:
            print("#   got  %s\n#   want %s" % (g, w))
wb = openpyxl.load_workbook(sys.argv[2])
sheet = [["" if v is None else str(v) for v in r] for r in wb["Checks"].iter_rows(values_only=True)]
ok = sheet == want
print(("ok" if ok else "not ok") + " - the Checks sheet holds the same rows")
if not ok:
    bad = 1
    print("#   %s" % sheet[:3])
cover = [c for r in wb["Cover"].iter_rows(values_only=True) for c in r if c]
ok = any(str(c).startswith("13 findings") for c in cover)
print(("ok" if ok else "not ok") + " - the cover counts the findings")
sys.exit(bad or not ok)
PY
check_eq "hand-worked findings (above)" 0 $?

[ -x "$BIN/csc-gen-sample" ] || { echo "ok - # SKIP csc-gen-sample not built"; finish; }
"$BIN/csc-gen-sample" --out "$T/clean" --children 2000 --years 3 --seed 181 --quiet
(cd "$T/clean" && "$BIN/csc-run" --conf pipeline.conf --quiet) >"$T/clean.log" 2>&1
check_eq "csc-run on the clean sample" 0 $?
for I in 2026-11-01 2026-04-30 2025-12-31; do
	(cd "$T/clean" && "$BIN/csc-annexa" --conf pipeline.conf --date $I --quiet)
	check_eq "clean sample, inspection $I: csc-annexa" 0 $?
	check_eq "clean sample, inspection $I: no findings" "check,list,row,child,column,value,file,line,detail" \
		"$(cat "$T/clean/output/annex-a/annex-a-$I-checks.csv")"
done
# no findings: the sheet says so in a row of its own (headers alone printed
# as a sheet not filled in); the cover says none
check_eq "clean sample: the Checks sheet says none, the cover too" \
"('none', None, None, None, None, None, None, None, '0 findings: every list passed the pre-send checks')
none: 0 findings (the Checks sheet says so)" "$("$PY" -c '
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rows = list(wb["Checks"].iter_rows(min_row=2, values_only=True))
print("\n".join(str(r) for r in rows))
print([r[1] for r in wb["Cover"].iter_rows(values_only=True) if r[0] == "Checks"][0])' \
	"$T/clean/output/annex-a/annex-a-2026-11-01.xlsx" 2>&1)"

"$BIN/csc-gen-sample" --out "$T/dirty" --children 2000 --years 3 --seed 181 --dirty 3 --quiet
# the dirty sample rejects more than the default 5% of some inputs
echo "max_reject_percent = 50" >>"$T/dirty/pipeline.conf"
(cd "$T/dirty" && "$BIN/csc-run" --conf pipeline.conf --target staging --quiet) >"$T/dirty.log" 2>&1
check_eq "csc-run --target staging on the dirty sample" 0 $?
(cd "$T/dirty" && "$BIN/csc-annexa" --conf pipeline.conf --date 2026-11-01 --quiet)
check_eq "dirty sample: csc-annexa writes the workbook" 0 $?
"$PY" - "$T/dirty/dirty-manifest.csv" "$T/dirty/output/annex-a/annex-a-2026-11-01-checks.csv" <<'PY'
import csv, os, sys
faults = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
named = {(os.path.basename(r["file"]), r["line"], r["column"])
         for r in csv.DictReader(open(sys.argv[2], encoding="utf-8")) if r["check"] == "rejected_record"}
missing = [f for f in faults if (os.path.basename(f["file"]), f["line"], f["field"]) not in named]
ok = len(faults) >= 20 and not missing
print(("ok" if ok else "not ok") + " - every one of the %d faults of dirty-manifest.csv is named" % len(faults))
for f in missing[:5]:
    print("#   not named: %s" % f)
sys.exit(0 if ok else 1)
PY
check_eq "dirty faults named (above)" 0 $?
finish
