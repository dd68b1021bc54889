#!/usr/bin/env bash
# csc-gen-sample: usage, determinism, schema validity, exact headers, the
# realism rates (recomputed independently by gen_check.py) and the dirty
# manifest.
. "$(dirname "$0")/lib.sh"
GEN="$BIN/csc-gen-sample"
REF="$ROOT/ref"
T=$(tmpdir)

check "help is man-style" bash -c "'$GEN' --help | grep -q '^NAME' && '$GEN' --help | grep -q '^SYNOPSIS' &&
	'$GEN' --help | grep -q '^DESCRIPTION' && '$GEN' --help | grep -q '^OPTIONS' && '$GEN' --help | grep -q '^EXIT STATUS'"
check_exit "no --out" 4 "$GEN"
check_exit "bad --children" 4 "$GEN" --out "$T/x" --children abc
check_exit "bad --end" 4 "$GEN" --out "$T/x" --end 2023-02-31
check_exit "bad --dirty" 4 "$GEN" --out "$T/x" --dirty 80
check_exit "missing bank holidays" 3 "$GEN" --out "$T/x" --ref "$T/nowhere"

# determinism: same options, byte-identical files; another seed differs
"$GEN" --quiet --out "$T/a" --children 3000 --seed 7 --dirty 2
"$GEN" --quiet --out "$T/b" --children 3000 --seed 7 --dirty 2
"$GEN" --quiet --out "$T/c" --children 3000 --seed 8 --dirty 2
check "same seed gives byte-identical files" diff -r "$T/a" "$T/b"
check "another seed gives other files" bash -c "! cmp -s '$T/a/contacts.csv' '$T/c/contacts.csv'"
check "no temporary files left" bash -c "! ls -R '$T/a' | grep -q '\.tmp\.'"
check_eq "the eleven SSDA903 tables and DoLo" 12 "$(ls "$T/a/ssda903" | wc -l)"

# the XML against the XSD. The XSD types NumberOfPreviousCPP as
# positiveInteger, but a first plan has 0 previous plans (the extractor
# accepts >= 0), so the check uses a copy with nonNegativeInteger there.
sed 's/xs:positiveInteger/xs:nonNegativeInteger/' "$REF/CIN_schema_2024.xsd" >"$T/cin2024.xsd"
sed 's/xs:positiveInteger/xs:nonNegativeInteger/' "$REF/CIN_schema_2025.xsd" >"$T/cin2025.xsd"
# No published XSD has 2026-27's PreProceedingsandFGDM block (the sample
# writes some for CP plans from April 2026: tests/e2e/cin_preproc.sh checks
# them), so the blocks are taken out of a copy before the schema check.
"$GEN" --quiet --out "$T/s" --children 3000 --seed 11
"$GEN" --quiet --out "$T/x" --children 3000 --seed 11 --sex-element
check "the sample has PreProceedingsandFGDM blocks" grep -q '<PreProceedingsandFGDM>' "$T/s/cin_census.xml"
for d in s x; do
	perl -0pe 's/\n *<PreProceedingsandFGDM>.*?<\/PreProceedingsandFGDM>//gs' "$T/$d/cin_census.xml" >"$T/$d/cin_xsd.xml"
done
check "only the blocks taken out" bash -c "! grep -q PreProceedings '$T/s/cin_xsd.xml' && [ \$(grep -c . '$T/s/cin_census.xml') -gt \$(grep -c . '$T/s/cin_xsd.xml') ]"
check "CIN XML valid against the 2024 XSD (GenderCurrent)" xmllint --noout --schema "$T/cin2024.xsd" "$T/s/cin_xsd.xml"
check "CIN XML valid against the 2025 XSD with --sex-element" xmllint --noout --schema "$T/cin2025.xsd" "$T/x/cin_xsd.xml"
check "only NumberOfPreviousCPP differs from the XSD as given" bash -c \
	"xmllint --noout --schema '$REF/CIN_schema_2024.xsd' '$T/s/cin_xsd.xml' 2>&1 | grep 'validity error' | grep -v NumberOfPreviousCPP | { ! grep -q .; }"
check "903 SEX is M/F with --sex-element" bash -c "cut -d, -f2 '$T/x/ssda903/header.csv' | sort -u | tr '\n' ' ' | grep -qx 'F M SEX '"
check "903 SEX is 1/2 by default" bash -c "cut -d, -f2 '$T/s/ssda903/header.csv' | sort -u | tr '\n' ' ' | grep -qx '1 2 SEX '"

# exact header rows
hdr() { check_eq "header of $1" "$2" "$(head -1 "$T/s/$1")"; }
hdr ssda903/header.csv "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"
hdr ssda903/episodes.csv "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"
hdr ssda903/reviews.csv "CHILD,DOB,REVIEW,REVIEW_CODE"
hdr ssda903/uasc.csv "CHILD,SEX,DOB,DUC"
hdr ssda903/oc2.csv "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED"
hdr ssda903/oc3.csv "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM"
hdr ssda903/ad1.csv "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR"
hdr ssda903/placed_adoption.csv "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED"
hdr ssda903/prev_perm.csv "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM"
hdr ssda903/missing.csv "CHILD,DOB,MISSING,MIS_START,MIS_END"
hdr ssda903/social_worker.csv "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON"
hdr contacts.csv "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of Contact,Contact Source,Contact ID,Contact Outcome,Date Contact Completed"
hdr early_help.csv "Child Unique ID,Episode ID,Assessment start date,Assessment completion date,Organisation completing assessment,Tier,Episode end date,Closure reason"
hdr dirty-manifest.csv "file,line,field,value,kind"
check "903 dates are DD/MM/YYYY" bash -c "cut -d, -f2 '$T/s/ssda903/episodes.csv' | tail -n +2 | grep -vqE '^[0-3][0-9]/[01][0-9]/20[0-9]{2}$' && exit 1 || exit 0"

# pipeline.conf: every contract key, relative paths, a population per year
conf="$T/s/pipeline.conf"
for k in la_name la_number period_end months_shown cin_census ssda903_dir contacts early_help output_dir; do
	check "pipeline.conf has $k" grep -q "^$k = " "$conf"
done
check_eq "populations 2020-2026" "2020 2021 2022 2023 2024 2025 2026" \
	"$(sed -n 's/^population_\([0-9]*\) = [0-9]*$/\1/p' "$conf" | tr '\n' ' ' | sed 's/ $//')"
check_eq "months_shown" "months_shown = 6" "$(grep '^months_shown' "$conf")"
# the dump is made on the extraction date (--end, default 31 October 2026)
check_eq "data_extracted" "data_extracted = 2026-10-31" "$(grep '^data_extracted' "$conf")"

# realism over the 12 months ending at the extraction date, recomputed
# from the files by an independent reader
"$GEN" --quiet --out "$T/r" --children 50000
"$PY" "$ROOT/tests/e2e/gen_check.py" "$T/r" 2026-10-31 "$REF/bank-holidays-england-wales.csv" >"$T/rates" 2>&1
check "every SSDA903 table has rows" bash -c "for f in '$T/r'/ssda903/*.csv; do [ \$(wc -l <\"\$f\") -gt 1 ] || exit 1; done"
# regression: labels were cut at 47 bytes; every label must be a whole XSD label
check "Contact Source labels are written whole" grep -q "youth offending (excluding housing))" "$T/r/contacts.csv"
check "generated data is internally consistent" bash -c "! grep -q '^FAIL' '$T/rates'"
grep '^FAIL' "$T/rates" | head -5
band() {
	local v; v=$(awk -v k="$1" '$1 == k {print $2}' "$T/rates")
	check "$1 = $v in [$2, $3]" awk -v v="$v" -v lo="$2" -v hi="$3" 'BEGIN { exit !(v != "" && v >= lo && v <= hi) }'
}
band contacts_referred_pct 17 23
band rereferral_pct 17 23
band assess45_pct 76 84
band cp_per_10k 43 57
band cla_per_10k 60 80
band eet_pct 55 65
# children in care in England's shape (issue 17; sources in sample_care.sh):
# long-term stability and reviews on time at the extraction date, and the
# special guardianship share of every exit in the dump's six years (a
# year's 100 exits at this size is too few for the range)
band lt_stability_pct 65 75
band reviews_on_time_pct 85 95
band sgo_ceased_history_pct 10 15
# flows: started and ceased over the whole financial years of the dump's
# last five, each against the children looked after on each 31 March
# (England 40 % each in 2023-24), and second or subsequent protection plans
# among the plans starting in the 12 months (England about 23 %)
band fy_years 4 4
band fy_started_per_la01_pct 33 45
band fy_ceased_per_la01_pct 33 45
band cp_second_pct 18 28

# dirty: each file's faults are its share of records (within one), and
# every manifest row points at a line holding that value
"$GEN" --quiet --out "$T/d" --children 5000 --dirty 5
"$PY" - "$T/d" 5 >"$T/dirty" <<'EOF'
import collections, csv, os, sys
out, pct = sys.argv[1], float(sys.argv[2]) / 100
man = list(csv.DictReader(open(os.path.join(out, "dirty-manifest.csv"), encoding="utf-8")))
per = collections.Counter(r["file"] for r in man)
dups = collections.Counter(r["file"] for r in man if r["kind"] == "duplicate")
bad = 0
files = ["cin_census.xml", "contacts.csv", "early_help.csv"] + ["ssda903/" + f for f in sorted(os.listdir(os.path.join(out, "ssda903")))]
for f in files:
    lines = open(os.path.join(out, f), encoding="utf-8").read().split("\n")[:-1]
    if f.endswith(".xml"):
        records = sum(1 for l in lines if l.strip() == "<CINdetails>")
    else:
        records = len(lines) - 1 - dups[f]
    if abs(per[f] - records * pct) > 1:
        bad += 1
        print("FAIL %s: %d faults for %d records" % (f, per[f], records))
for r in man:
    line = open(os.path.join(out, r["file"]), encoding="utf-8").read().split("\n")[int(r["line"]) - 1]
    if r["kind"] == "missing":
        ok = ("<%s></%s>" % (r["field"], r["field"])) in line or ",," in line or line.startswith(",") or line.endswith(",")
    else:
        ok = r["value"] in line
    if r["kind"] == "bad_date":
        ok = ok and ("/02/" in r["value"] or "-02-" in r["value"]) and r["value"][:2] in ("30", "31") or r["value"][-2:] in ("30", "31")
    if not ok:
        bad += 1
        print("FAIL manifest row does not match its line: %s" % r)
print("faults %d kinds %s" % (len(man), ",".join(sorted(set(r["kind"] for r in man)))))
sys.exit(1 if bad else 0)
EOF
check "dirty manifest matches the requested share and the files" test $? -eq 0
cat "$T/dirty" | head -5
check "every kind of fault is injected" grep -q "kinds bad_code,bad_date,duplicate,missing" "$T/dirty"
check "dirty faults in every format" bash -c "for f in cin_census.xml contacts.csv early_help.csv ssda903/episodes.csv ssda903/header.csv; do grep -q \"^\$f,\" '$T/d/dirty-manifest.csv' || exit 1; done"
check_eq "clean run has an empty manifest" 1 "$(wc -l <"$T/s/dirty-manifest.csv")"

finish
