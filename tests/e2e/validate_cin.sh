#!/usr/bin/env bash
# csc-validate on small CIN returns (tests/data/validate/cin): exit status
# for clean / queries / errors / unreadable / usage, the exact issues.csv of
# a return whose errors were worked out by hand, rules not run without a
# reference date, atomic outputs, determinism, and the workbook read back
# with openpyxl (a formula typed as an ID stays text).
. "$(dirname "$0")/lib.sh"
V="$BIN/csc-validate"
D="$ROOT/tests/data/validate/cin"
T=$(tmpdir)

check_exit "clean return" 0 "$V" --cin "$D/clean.xml" -o "$T/clean" -q
check_exit "queries only (8945Q)" 1 "$V" --cin "$D/queries.xml" -o "$T/q" -q
check_exit "errors" 2 "$V" --cin "$D/errors.xml" -o "$T/e" -q
check_exit "wrong root" 3 "$V" --cin "$D/wrong_root.xml" -o "$T/w" -q
check_exit "truncated XML" 3 "$V" --cin "$D/truncated.xml" -o "$T/t" -q
check "truncated XML: said so, naming the last line and the root left open" \
	grep -qxF "csc-validate: $D/truncated.xml:15: the document ends at line 15 before </Message>: the file is incomplete (cut short while being written or copied?)" \
	<("$V" --cin "$D/truncated.xml" -o "$T/t" -q 2>&1)
check_exit "DOCTYPE/entity refused" 3 "$V" --cin "$D/entity.xml" -o "$T/x" -q
check_exit "missing file" 3 "$V" --cin "$D/nope.xml" -o "$T/n" -q
check_exit "no input" 4 "$V" -o "$T/u"
check_exit "bad date option" 4 "$V" --cin "$D/clean.xml" --reference-date 2026-02-30
check_exit "both date options" 4 "$V" --cin "$D/clean.xml" --reference-date 2026-03-31 --year 2026
check_exit "bad --la" 4 "$V" --cin "$D/clean.xml" --la 12
check_exit "--help" 0 "$V" --help
check "help is man-style" bash -c "'$V' --help | grep -q '^EXIT STATUS' && '$V' --help | grep -q '^SYNOPSIS'"

# Diagnostics name file and line.
msg=$("$V" --cin "$D/wrong_root.xml" -o "$T/w" 2>&1)
check_eq "wrong-root diagnostic" "csc-validate: $D/wrong_root.xml:2: wrong root element <Children>: a CIN census return starts with <Message>" "$msg"
check "nothing written for unreadable input" test ! -e "$T/w/issues.csv"

# <Children> holding <child> (lower case) but no <Child>: fatal, as in the
# extractor (one shared check, lib/csc_cin_children.h), not a clean return
# or a query per element (issue 16).
check_exit "Children without a Child" 3 "$V" --cin "$D/lowercase_child.xml" -o "$T/lc" -q
msg=$("$V" --cin "$D/lowercase_child.xml" -o "$T/lc" -q 2>&1)
check_eq "Children without a Child: the extractor's message" "csc-validate: $D/lowercase_child.xml:8: <Children> holds 2 <child> elements and no <Child>: element names are case-sensitive and a CIN census file has <Child>" "$msg"
check "Children without a Child: nothing written" test ! -e "$T/lc/issues.csv"
# An unknown element before the first Child is not that: clean.xml with one
# is still clean.
sed 's#<Children>#<Children><ChildCount>2</ChildCount>#' "$D/clean.xml" >"$T/ext.xml"
check_exit "an extension element before the first Child" 0 "$V" --cin "$T/ext.xml" -o "$T/ext" -q

# A failing run leaves the previous outputs untouched.
cp -r "$T/e" "$T/keep"
"$V" --cin "$D/truncated.xml" -o "$T/keep" -q 2>/dev/null
check "earlier outputs untouched" cmp -s "$T/e/issues.csv" "$T/keep/issues.csv"

# clean: header only
check_eq "clean issues.csv is the header" "rule,severity,child,table,field,value,line,message" "$(cat "$T/clean/issues.csv")"
check_eq "clean rules_not_run.csv is the header" "rule,reason,rule_set" "$(cat "$T/clean/rules_not_run.csv")"

# errors.xml by hand: child 1's LAchildID is a formula (line 9: 1570, 1580),
# its closure reason RC0 (line 16: 8640); child C2's ethnicity XXXX (line 21: 4220).
expect='rule,severity,child,table,field,value,line,message
1570,error,"'"'"'=HYPERLINK(""http://x"",""y"")",ChildIdentifiers,LAchildID,"'"'"'=HYPERLINK(""http://x"",""y"")",9,LA Child ID must not be longer than 20 characters
1580,error,"'"'"'=HYPERLINK(""http://x"",""y"")",ChildIdentifiers,LAchildID,"'"'"'=HYPERLINK(""http://x"",""y"")",9,LA Child ID must not contain any non-alphanumeric characters
8640,error,"'"'"'=HYPERLINK(""http://x"",""y"")",CINdetails,ReasonForClosure,RC0,16,CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)
4220,error,C2,ChildCharacteristics,Ethnicity,XXXX,21,Ethnicity is missing or invalid (see Ethnicity table)'
check_eq "errors.xml issues.csv" "$expect" "$(cat "$T/e/issues.csv")"

# No reference date anywhere: census-year rules are listed, never passed.
check_exit "no reference date (100 fails)" 2 "$V" --cin "$D/no_refdate.xml" -o "$T/nr" -q
check_eq "8600 not run" "needs a reference date (none in the file header; give --reference-date or --year)" \
	"$(csvget "$T/nr/rules_not_run.csv" reason rule=8600)"
check "8569Q not run" grep -q '^8569Q,' "$T/nr/rules_not_run.csv"
check_exit "--year supplies it" 2 "$V" --cin "$D/no_refdate.xml" --year 2026 -o "$T/ny" -q
check_eq "--year: every rule ran" "rule,reason,rule_set" "$(cat "$T/ny/rules_not_run.csv")"
check_eq "--year: only rule 100 (no header date)" "100" "$(tail -n +2 "$T/ny/issues.csv" | cut -d, -f1 | sort -u)"
# --reference-date overrides the header: 100 then fails on clean.xml
check_exit "--reference-date differs from header" 2 "$V" --cin "$D/clean.xml" --reference-date 2026-03-30 -o "$T/rd" -q
check_eq "rule 100 value" "2026-03-31" "$(csvget "$T/rd/issues.csv" value rule=100)"
check_exit "--cin-previous accepted" 0 "$V" --cin "$D/clean.xml" --cin-previous "$D/clean.xml" -o "$T/p" -q
check_exit "--cin-previous unreadable" 3 "$V" --cin "$D/clean.xml" --cin-previous "$D/truncated.xml" -o "$T/p2" -q

# Deterministic bytes, no temporary files left behind. The workbook's cover
# shows the run time: SOURCE_DATE_EPOCH fixes it (reproducible builds).
SOURCE_DATE_EPOCH=1764547200 "$V" --cin "$D/errors.xml" -o "$T/e" -q
SOURCE_DATE_EPOCH=1764547200 "$V" --cin "$D/errors.xml" -o "$T/e2" -q
check "issues.csv deterministic" cmp -s "$T/e/issues.csv" "$T/e2/issues.csv"
check "validation.xlsx deterministic (SOURCE_DATE_EPOCH)" cmp -s "$T/e/validation.xlsx" "$T/e2/validation.xlsx"
SOURCE_DATE_EPOCH=1764550800 "$V" --cin "$D/errors.xml" -o "$T/e3" -q
check "another run time, another cover" bash -c "! cmp -s '$T/e/validation.xlsx' '$T/e3/validation.xlsx'"
check "issues.csv does not carry the run time" cmp -s "$T/e/issues.csv" "$T/e3/issues.csv"
check_exit "SOURCE_DATE_EPOCH not a number" 4 env SOURCE_DATE_EPOCH=yesterday "$V" --cin "$D/errors.xml" -o "$T/e4" -q
check_eq "no temporary files" "" "$(ls "$T/e" | grep tmp)"

# The workbook, read by an independent reader.
cat >"$T/read.py" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(",".join(wb.sheetnames))
ws = wb["Issues"]
print(",".join(ws.tables.keys()), ws.tables["Issues"].ref)
for row in ws.iter_rows(min_row=2, values_only=True):
    print("|".join("" if v is None else str(v) for v in row))
c = ws["C2"]
print("C2", c.data_type, repr(c.value))
s = wb["Summary"]
for row in s.iter_rows(min_row=8, values_only=True):
    if row[0]:
        print("S|" + "|".join(str(v) for v in row[:4]))
b = wb["By child"]
for row in b.iter_rows(min_row=2, values_only=True):
    print("B|" + "|".join(str(v) for v in row[:4]))
print("title", wb.properties.title, wb.properties.created)
print("H|" + "|".join(str(ws.cell(1, c).value) for c in range(1, 10)))
for name in wb.sheetnames:
    w = wb[name]
    ps = w.page_setup
    # fitToWidth and fitToHeight default to 1 when absent
    fit = w.sheet_properties.pageSetUpPr.fitToPage
    print("P|%s|%s|%s|fit %s|%s|%s|%s|%s" % (name, ps.orientation, ps.paperSize, fit,
          1 if ps.fitToWidth is None else ps.fitToWidth, 1 if ps.fitToHeight is None else ps.fitToHeight,
          w.print_title_rows, w.oddHeader.center.text))
cv = wb["Cover"]
for row in cv.iter_rows(values_only=True):
    if row[0] and row[0] not in ("How to use this workbook",):
        print("C|%s|%s" % (row[0], "" if row[1] is None else row[1]))
PY
out=$("$PY" "$T/read.py" "$T/e/validation.xlsx" 2>&1)
check_eq "workbook sheets" "Cover,Summary,Issues,By child,Not run" "$(sed -n 1p <<<"$out")"
check_eq "issues table covers the list" "Issues A1:I5" "$(sed -n 2p <<<"$out")"
check_eq "first issue row, reason column empty" '1570|error|=HYPERLINK("http://x","y")|ChildIdentifiers|LAchildID|=HYPERLINK("http://x","y")|9|LA Child ID must not be longer than 20 characters|' "$(sed -n 3p <<<"$out")"
check_eq "formula stays a string cell" "C2 s '=HYPERLINK(\"http://x\",\"y\")'" "$(grep '^C2 ' <<<"$out")"
check_eq "summary by rule" "S|1570|error|LA Child ID must not be longer than 20 characters|1
S|1580|error|LA Child ID must not contain any non-alphanumeric characters|1
S|4220|error|Ethnicity is missing or invalid (see Ethnicity table)|1
S|8640|error|CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)|1" "$(grep '^S|' <<<"$out")"
check_eq "per-child view" 'B|=HYPERLINK("http://x","y")|3|0|1570 1580 8640
B|C2|1|0|4220' "$(grep '^B|' <<<"$out")"
check_eq "fixed document properties" "title Validation report 2000-01-01 00:00:00" "$(grep '^title' <<<"$out")"
check_eq "issues header: the officer's column last" "H|rule|severity|child|table|field|value|line|message|reason or action (data officer)" "$(grep '^H|' <<<"$out")"
# printable: landscape A4, one page wide, header row on every page, marking
check_eq "print set-up" "P|Cover|landscape|9|fit True|1|1|None|OFFICIAL-SENSITIVE
P|Summary|landscape|9|fit True|1|0|\$7:\$7|OFFICIAL-SENSITIVE
P|Issues|landscape|9|fit True|1|0|\$1:\$1|OFFICIAL-SENSITIVE
P|By child|landscape|9|fit True|1|0|\$1:\$1|OFFICIAL-SENSITIVE
P|Not run|landscape|9|fit True|1|0|\$1:\$1|OFFICIAL-SENSITIVE" "$(grep '^P|' <<<"$out")"
# the cover: what was checked, against which rules, when, by what
sha=$(sha256sum "$D/errors.xml" | cut -d' ' -f1)
check_eq "cover" "C|OFFICIAL-SENSITIVE|
C|Validation of a statutory return against the DfE rules|
C|Return|$D/errors.xml
C|Protective marking|OFFICIAL-SENSITIVE
C|Collection year and rule set|CIN 2025-26
C|Authority|LA 201 (the CIN return's header)
C|Reference date (CIN)|31/03/2026
C|Input file|$D/errors.xml
C|SHA-256|$sha
C|Run time|2025-12-01 00:00:00 UTC
C|Program|csc-validate $(cat "$ROOT/VERSION" 2>/dev/null || echo 0.0.0)
C|Errors|4
C|Queries|0
C|Rules not run|0" "$(grep '^C|' <<<"$out")"
check "no formula anywhere in the workbook" bash -c "cd '$T' && rm -rf x && mkdir x && cd x && unzip -q ../e/validation.xlsx && ! grep -l '<f>' xl/worksheets/*.xml"

# Errors before queries in the Issues sheet (issues.csv keeps child order):
# queries.xml's query, then errors.xml's errors, in one return.
cat >"$T/mixed.py" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Issues"]
print(" ".join(str(r[1]) for r in ws.iter_rows(min_row=2, values_only=True)))
# rows are as tall as their wrapped message (nothing overlaps in print)
for r in range(2, ws.max_row + 1):
    if len(ws.cell(r, 8).value) > 120 and not (ws.row_dimensions[r].height or 0) >= 45:
        print("short row", r)
    if len(ws.cell(r, 8).value) < 55 and ws.row_dimensions[r].height:
        print("tall row", r)
PY
sed 's|<AssessmentFactors>[^<]*</AssessmentFactors>|<AssessmentFactors>18A</AssessmentFactors>|' "$D/errors.xml" >"$T/mixed.xml"
"$V" --cin "$T/mixed.xml" -o "$T/mx" -q
check "mixed return has a query before an error in issues.csv" bash -c "tail -n +2 '$T/mx/issues.csv' | cut -d, -f2 | tr '\n' ' ' | grep -q 'query error'"
check_eq "workbook: errors, then queries" "error error error error query query" "$("$PY" "$T/mixed.py" "$T/mx/validation.xlsx")"

# A return with no findings: the Summary table holds a row that says so
# ([z] where nothing applies, a count of 0), not an empty table that reads
# as unfinished; still one valid Excel Table over it. So do Issues, By
# child and Not run (every rule ran). summary.csv already
# has a row per rule set with its 0 errors and 0 queries.
cat >"$T/none.py" <<'PY'
import sys, openpyxl
s = openpyxl.load_workbook(sys.argv[1])["Summary"]
print(",".join("%s %s" % (k, ref) for k, ref in s.tables.items()))
for row in s.iter_rows(min_row=8, values_only=True):
    print("|".join("" if v is None else repr(v) for v in row[:5]))
print("counts", s["B2"].value, s["B2"].alignment.horizontal)
wb = openpyxl.load_workbook(sys.argv[1])
for name in ("Issues", "By child", "Not run"):
    w = wb[name]
    print(name, ",".join(ref for _, ref in w.tables.items()),
          "|".join(str(v) for v in next(w.iter_rows(min_row=2, values_only=True)) if v is not None))
PY
check_eq "clean: Summary says none, as a table row" "RuleSummary_1 A7:E8
'none'|'[z]'|'none: 0 errors, 0 queries for CIN 2025-26'|0|'[z]'
counts 0 left
Issues A1:I2 none|no issue: 0 errors, 0 queries
By child A1:E2 none|no child has an issue
Not run A1:D2 none|every rule of the rule set ran" "$("$PY" "$T/none.py" "$T/clean/validation.xlsx" 2>&1 | sed 's/^RuleSummary[^ ]* /RuleSummary_1 /')"
check_eq "clean: summary.csv says 0 and 0 for the rule set" "rule_set,errors,queries,rules_not_run
CIN 2025-26,0,0,0" "$(cat "$T/clean/summary.csv")"
check_eq "errors: no none row beside the findings (every rule ran: Not run says none)" \
	"Not run A1:D2 none|every rule of the rule set ran" "$("$PY" "$T/none.py" "$T/e/validation.xlsx" | grep "none")"

# Collection years: the header's ReferenceDate (2026-03-31) picks 2025-26;
# --year picks another; a year with no rule set is refused, nothing written.
check_eq "rule set from the header" "CIN 2025-26" "$(csvget "$T/clean/summary.csv" rule_set)"
check_exit "--year 2025: 2024-25 rules (100 fails on the header date)" 2 "$V" --cin "$D/clean.xml" --year 2025 -o "$T/y25" -q
check_eq "--year 2025 rule set" "CIN 2024-25" "$(csvget "$T/y25/summary.csv" rule_set)"
msg=$("$V" --cin "$D/clean.xml" --year 2023 -o "$T/y23" 2>&1)
check_eq "2022-23 refused (exit 4)" 4 "$?"
check_eq "2022-23 refusal names the years known" "csc-validate: $D/clean.xml: collection year 2022-23 has no CIN rule set here: this csc-validate knows 2023-24 to 2026-27 (give --year YYYY, the year ending 31 March YYYY)" "$msg"
check "2022-23: nothing written" test ! -e "$T/y23"
check_exit "2027-28 refused" 4 "$V" --cin "$D/clean.xml" --reference-date 2027-06-30 -o "$T/y28" -q
# 2026-27: the 2025-26 rules run, PreProceedingsandFGDM listed as not run
"$V" --cin "$D/clean.xml" --year 2027 -o "$T/y27" -q
check_eq "2026-27 rule set" "CIN 2026-27" "$(csvget "$T/y27/summary.csv" rule_set)"
check_eq "2026-27: the block is listed, not passed" "no DfE validation rules are published for the 2026-27 PreProceedingsandFGDM block: 0 CINdetails hold one, not checked; the rest of the return ran the 2025-26 rules" "$(csvget "$T/y27/rules_not_run.csv" reason rule=PreProceedingsandFGDM)"

# Without -o: a folder named after the return and its year, nothing loose.
mkdir "$T/cwd"
(cd "$T/cwd" && "$V" --cin "$D/clean.xml" -q)
check_eq "default output folder" "clean-checks-2025-26" "$(ls "$T/cwd")"
check "its outputs" test -s "$T/cwd/clean-checks-2025-26/validation.xlsx"
(cd "$T/cwd" && "$V" --cin "$D/clean.xml" --year 2025 -q)
check "another year, another folder" test -s "$T/cwd/clean-checks-2024-25/issues.csv"

finish
