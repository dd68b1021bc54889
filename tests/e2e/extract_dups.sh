#!/usr/bin/env bash
# Duplicate rows within and across the files of one table (issue 16,
# INPUTS.md "Bad input", docs/FORMATS.md "Duplicates"): every expected
# staging, rejects, recon and findings file below is worked out by hand.
#   1. a second copy of the Episodes file left in the folder: its rows are
#      duplicates, the episodes are not doubled;
#   2. Header split over two files: a row repeated across them is a
#      duplicate; two rows for one CHILD with different dates of birth are
#      both rejected (the first taken out of staging although it came from
#      the other file) with one finding;
#   3. OC2 (no key: a row per year, and rows carry no year): equal rows in
#      one file are kept, a copied file is not;
#   4. the same inputs give the same bytes; read = staged + rejected;
#   5. the transform copies the findings into dq.csv.
. "$(dirname "$0")/lib.sh"
X="$BIN/csc-extract-903"
T=$(tmpdir)
mkdir -p "$T/in"
cd "$T" || exit 1

EP_HDR=CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
cat >in/Episodes.csv <<EOF
$EP_HDR
1001,01/04/2023,S,C2,N1,U1,PR1,10/05/2023,X1,,AB1 2CD,EF3 4GH,SC123456
1001,10/05/2023,P,C2,N1,K2,PR2,,,CARPL,AB1 2CD,IJ5 6KL,
1002,01/06/2023,S,C2,N1,U1,PR1,,,,AB1 2CD,EF3 4GH,SC123456
EOF
cp in/Episodes.csv in/Episodes_copy.csv
cat >in/header_a.csv <<'EOF'
CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
1001,1,01/02/2010,WBRI,A123456789012,,
1002,F,29/02/2012,WBRI,B123456789012,,
1003,M,31/12/2015,WBRI,C123456789012,,
EOF
cat >in/header_b.csv <<'EOF'
CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
1002,2,29/02/2012,WBRI,B123456789012,,
1001,M,02/01/2010,WBRI,A123456789012,,
1004,M,01/01/2008,WBRI,D123456789012,,
EOF
OC2_HDR=CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED
cat >in/oc2.csv <<EOF
$OC2_HDR
1001,01/02/2010,14,,0,1,1,1,1,0,,
1001,01/02/2010,14,,0,1,1,1,1,0,,
EOF
cp in/oc2.csv in/oc2_copy.csv

"$X" -o stg --ref "$ROOT/ref" in >out 2>err
check_eq "runs (exit 0)" 0 "$?"

check_eq "episodes: the copy's rows are not staged" "$(cat <<'EOF'
CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,src_file,src_line
1001,2023-04-01,S,C2,N1,U1,PR1,2023-05-10,X1,,AB1 2CD,EF3 4GH,SC123456,in/Episodes.csv,2
1001,2023-05-10,P,C2,N1,K2,PR2,,,CARPL,AB1 2CD,IJ5 6KL,,in/Episodes.csv,3
1002,2023-06-01,S,C2,N1,U1,PR1,,,,AB1 2CD,EF3 4GH,SC123456,in/Episodes.csv,4
EOF
)" "$(cat stg/ssda903_episodes.csv)"

check_eq "header: 1001 (conflict) taken out, 1002 once, 1003 and 1004 kept" "$(cat <<'EOF'
CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,src_file,src_line
1002,F,2012-02-29,WBRI,B123456789012,,,in/header_a.csv,3
1003,M,2015-12-31,WBRI,C123456789012,,,in/header_a.csv,4
1004,M,2008-01-01,WBRI,D123456789012,,,in/header_b.csv,4
EOF
)" "$(cat stg/ssda903_header.csv)"

check_eq "oc2: equal rows of one file kept, the copied file's rows not" "$(cat <<'EOF'
CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED,src_file,src_line
1001,2010-02-01,14,,0,1,1,1,1,0,,,in/oc2.csv,2
1001,2010-02-01,14,,0,1,1,1,1,0,,,in/oc2.csv,3
EOF
)" "$(cat stg/ssda903_oc2.csv)"

# Files are read in byte order of name (Episodes.csv, Episodes_copy.csv,
# header_a.csv, ...): the file read second is the copy. header_a's 1001 row
# is rejected when header_b's line 3 contradicts it, so its reject comes
# after header_b's line 2.
check_eq "rejects: file, line, field, value and the line repeated" "$(cat <<'EOF'
file,line,field,value,reason
in/Episodes_copy.csv,2,(all columns),,exact duplicate of in/Episodes.csv:2 (this file is a copy of that one)
in/Episodes_copy.csv,3,(all columns),,exact duplicate of in/Episodes.csv:3 (this file is a copy of that one)
in/Episodes_copy.csv,4,(all columns),,exact duplicate of in/Episodes.csv:4 (this file is a copy of that one)
in/header_b.csv,2,CHILD,1002,exact duplicate of in/header_a.csv:3 (the same values in every column)
in/header_a.csv,2,CHILD,1001,"rows with CHILD 1001 differ (this one and in/header_b.csv:3): every row with this key is rejected, as none can be trusted"
in/header_b.csv,3,CHILD,1001,"rows with CHILD 1001 differ (the first at in/header_a.csv:2): every row with this key is rejected, as none can be trusted"
in/oc2_copy.csv,2,(all columns),,exact duplicate of in/oc2.csv:2 (this file is a copy of that one)
in/oc2_copy.csv,3,(all columns),,exact duplicate of in/oc2.csv:3 (this file is a copy of that one)
EOF
)" "$(cat stg/rejects_ssda903.csv)"

check_eq "recon: read = staged + rejected per file, the taken-back row on its own file" "$(cat <<'EOF'
file,table,read,staged,rejected
in/Episodes.csv,Episodes,3,3,0
in/Episodes_copy.csv,Episodes,3,0,3
in/header_a.csv,Header,3,2,1
in/header_b.csv,Header,3,1,2
in/oc2.csv,OC2,2,2,0
in/oc2_copy.csv,OC2,2,0,2
EOF
)" "$(cat stg/recon_ssda903.csv)"

check_eq "findings: one for the conflicting key, in dq.csv's columns" "$(cat <<'EOF'
check,measure,child,record,date,detail
conflicting_rows,,1001,header_a.csv:2,,Header: rows in/header_a.csv:2 and in/header_b.csv:3 have the same CHILD 1001 but different values; no row with this key is staged (correct the source)
EOF
)" "$(cat stg/findings_ssda903.csv)"

check "summary line per file" grep -q "ssda903: in/header_a.csv Header: read 3 = staged 2 + rejected 1" err
check "no temporary file left" test -z "$(find stg -name '*.tmp.*')"
for f in cin contacts early_help; do
	check_eq "findings_$f.csv: header only when not configured" "" "$(tail -n +2 stg/findings_$f.csv 2>/dev/null)"
done

# 4. determinism: the same inputs, the same bytes
"$X" -o stg2 --ref "$ROOT/ref" in >/dev/null 2>&1
check "the same inputs give byte-identical staging" diff -r stg stg2

# the Header files the other way round: the same rows staged
mkdir -p in2 && cp in/header_b.csv in2/a.csv && cp in/header_a.csv in2/b.csv
"$X" -o stg3 --ref "$ROOT/ref" in2 >/dev/null 2>&1
check_eq "files the other way round: 1001 still rejected on both" \
	"1002 1003 1004" "$(tail -n +2 stg3/ssda903_header.csv | cut -d, -f1 | sort | xargs)"

# two exact repeats of a row, then a row contradicting it: every row of the
# key is rejected, the repeats as duplicates (they are), the rest as
# conflicting
mkdir -p in3
cat >in3/h.csv <<'EOF'
CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
1001,1,01/02/2010,WBRI,A123456789012,,
1001,1,01/02/2010,WBRI,A123456789012,,
1001,1,01/02/2010,WBRI,A123456789012,,
1002,F,29/02/2012,WBRI,B123456789012,,
1001,1,01/02/2010,WBRI,A1234567890XX,,
EOF
"$X" -o stg4 --ref "$ROOT/ref" in3 >/dev/null 2>&1
check_eq "repeats, then a contradiction: every 1001 row rejected" "$(cat <<'EOF'
file,line,field,value,reason
in3/h.csv,3,CHILD,1001,exact duplicate of in3/h.csv:2 (the same values in every column)
in3/h.csv,4,CHILD,1001,exact duplicate of in3/h.csv:2 (the same values in every column)
in3/h.csv,2,CHILD,1001,"rows with CHILD 1001 differ (this one and in3/h.csv:6): every row with this key is rejected, as none can be trusted"
in3/h.csv,6,CHILD,1001,"rows with CHILD 1001 differ (the first at in3/h.csv:2): every row with this key is rejected, as none can be trusted"
EOF
)" "$(cat stg4/rejects_ssda903.csv)"
check_eq "... only 1002 staged" "1002" "$(tail -n +2 stg4/ssda903_header.csv | cut -d, -f1 | xargs)"
check_eq "... recon" "in3/h.csv,Header,5,1,4" "$(tail -n +2 stg4/recon_ssda903.csv | grep Header)"

# coverage counts staged rows only: an episode taken back out of staging
# (two rows for 1002 starting 01/09/2023) does not move the data's end
mkdir -p in4
cat >in4/e.csv <<EOF
$EP_HDR
1001,01/04/2023,S,C2,N1,U1,PR1,10/05/2023,X1,,AB1 2CD,EF3 4GH,SC123456
1002,01/09/2023,S,C2,N1,U1,PR1,,,,AB1 2CD,EF3 4GH,SC123456
1002,01/09/2023,S,C2,N1,K2,PR2,,,,AB1 2CD,EF3 4GH,
EOF
"$X" -o stg5 --ref "$ROOT/ref" in4 >/dev/null 2>&1
check_eq "coverage: the latest event of the rows kept (DEC 10/05/2023), not the taken-back 01/09/2023" \
	"ssda903_episodes.csv,DEC,2023-05-10" "$(grep '^ssda903_episodes.csv,' stg5/coverage_ssda903.csv)"
check_eq "... episodes staged" "1001" "$(tail -n +2 stg5/ssda903_episodes.csv | cut -d, -f1 | xargs)"

# 5. the transform puts the extract's findings first in dq.csv
cat >pipeline.conf <<'EOF'
la_name = Dupton
la_number = 999
period_end = 2024-02
months_shown = 3
population_2022 = 18000
population_2023 = 19000
population_2024 = 20000
ssda903_dir = in
output_dir = run/out
EOF
"$X" --conf pipeline.conf --quiet 2>/dev/null
check_eq "conf run: the finding is staged" 2 "$(wc -l <run/out/staging/findings_ssda903.csv)"
"$BIN/csc-transform" --conf pipeline.conf --quiet >/dev/null 2>terr
check_eq "transform runs (exit 0)" 0 "$?"
check_eq "dq.csv holds the extract's finding, first" \
	"conflicting_rows,,1001,header_a.csv:2,,Header: rows ./in/header_a.csv:2 and ./in/header_b.csv:3 have the same CHILD 1001 but different values; no row with this key is staged (correct the source)" \
	"$(sed -n 2p run/out/dq.csv)"
finish
