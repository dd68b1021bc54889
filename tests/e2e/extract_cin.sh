#!/usr/bin/env bash
# csc-extract-cin on good input: every element of INPUTS.md section 1 lands
# in the staging column the FORMATS.md contract gives it (expected tables
# written by hand in tests/data/cin/all_elements/), both command forms,
# an input that is not configured, and the options.
. "$(dirname "$0")/lib.sh"
X="$BIN/csc-extract-cin"
DATA=$ROOT/tests/data/cin
T=$(tmpdir)

# 1. Standalone: every staging table, rejects and recon byte-identical to the
#    hand-written expectation.
(cd "$DATA" && "$X" -q -o "$T/s1" --ref "$ROOT/ref" all_elements.xml) >"$T/out1" 2>&1
check_eq "standalone run exits 0" 0 $?
for f in "$DATA"/all_elements/*.csv; do
	check "$(basename "$f") as worked out by hand" cmp -s "$f" "$T/s1/$(basename "$f")"
done
check "--quiet prints nothing" test ! -s "$T/out1"

# 2. Same input twice: byte-identical outputs (determinism).
(cd "$DATA" && "$X" -q -o "$T/s2" --ref "$ROOT/ref" all_elements.xml)
check "second run byte-identical" diff -r "$T/s1" "$T/s2"

# 3. The summary: read = staged + rejected per table, and the header.
(cd "$DATA" && "$X" -o "$T/s3" --ref "$ROOT/ref" all_elements.xml) 2>"$T/err3"
check "summary names the header" grep -qx "csc-extract-cin: cin: all_elements.xml: header: Collection CIN, Year 2024, ReferenceDate 2024-03-31, LEA 999" "$T/err3"
check "summary counts CP plan reviews" grep -qx "csc-extract-cin: cin: all_elements.xml CPPreviewDate: read 2 = staged 2 + rejected 0" "$T/err3"
check_eq "summary has one line per table" 8 "$(grep -c ': read ' "$T/err3")"

# 4. --conf: cin_census, output_dir and reference_dir from pipeline.conf
#    (paths relative to the conf); the file is named as configured.
mkdir -p "$T/conf"
cp "$DATA/all_elements.xml" "$T/conf/census.xml"
cat >"$T/conf/pipeline.conf" <<CONF
la_name = Test
la_number = 999
cin_census = census.xml
output_dir = out
reference_dir = $ROOT/ref
CONF
"$X" --conf "$T/conf/pipeline.conf" --quiet
check_eq "--conf run exits 0" 0 $?
check "--conf stages into <output_dir>/staging" cmp -s "$DATA/all_elements/cin_cpp.csv" "$T/conf/out/staging/cin_cpp.csv"
check_eq "--conf recon names the configured file" "7" \
	"$(csvget "$T/conf/out/staging/recon_cin.csv" read file="$T/conf/census.xml" table=Child)"

# 5. A structural error leaves the previous staging as it was.
before=$(cd "$T/conf/out/staging" && sha256sum ./* | sort)
printf '<Message><Children><Child>' >"$T/conf/census.xml"
check_exit "truncated census stops the run" 3 "$X" --conf "$T/conf/pipeline.conf"
after=$(cd "$T/conf/out/staging" && sha256sum ./* | sort)
check_eq "earlier staging untouched after exit 3" "$before" "$after"
check "no temporary files after exit 3" test -z "$(find "$T/conf/out/staging" -name '*.tmp.*')"
rm "$T/conf/census.xml"
check_exit "missing census file" 3 "$X" --conf "$T/conf/pipeline.conf"
"$X" --conf "$T/conf/pipeline.conf" 2>"$T/err5"
check "missing file diagnostic names it" grep -q "^csc-extract-cin: $T/conf/census.xml: cannot open" "$T/err5"

# 6. max_reject_percent: mixed_good_and_bad reads 5 children, 7 episodes,
#    1 assessment, 1 CP plan and 2 reviews (16 records) and rejects 2 children
#    and 3 episodes (5 records = 31.25%): a 20% limit fails with exit 2 after
#    staging, a 40% limit passes.
cp "$ROOT/tests/data/bad/cin/mixed_good_and_bad.xml" "$T/conf/census.xml"
echo "max_reject_percent = 20" >>"$T/conf/pipeline.conf"
"$X" --conf "$T/conf/pipeline.conf" -q 2>"$T/err6"
check_eq "rejects above max_reject_percent exit 2" 2 $?
check "exit 2 explains the share" grep -q "5 of 16 records rejected (31.2%), more than max_reject_percent 20" "$T/err6"
check_eq "staging is still written for the data officer" "3" \
	"$(csvget "$T/conf/out/staging/recon_cin.csv" staged table=Child)"
sed -i 's/^max_reject_percent = 20$/max_reject_percent = 40/' "$T/conf/pipeline.conf"
check_exit "rejects under max_reject_percent exit 0" 0 "$X" --conf "$T/conf/pipeline.conf" -q

# 7. Not configured: stale CIN tables removed, header-only recon and rejects.
sed -i '/^cin_census/d' "$T/conf/pipeline.conf"
touch "$T/conf/out/staging/ssda903_header.csv"
check_exit "not configured exits 0" 0 "$X" --conf "$T/conf/pipeline.conf" -q
check "stale cin_children.csv removed" test ! -e "$T/conf/out/staging/cin_children.csv"
check "stale cin_cpp_reviews.csv removed" test ! -e "$T/conf/out/staging/cin_cpp_reviews.csv"
check_eq "recon_cin.csv holds only the header" "file,table,read,staged,rejected" "$(cat "$T/conf/out/staging/recon_cin.csv")"
check "other inputs' staging left alone" test -e "$T/conf/out/staging/ssda903_header.csv"

# 8. Options.
"$X" --help >"$T/help"
check_eq "--help exits 0" 0 $?
for s in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS"; do
	check "--help has $s" grep -qx "$s" "$T/help"
done
check_exit "no file is a usage error" 4 "$X"
check_exit "two files is a usage error" 4 "$X" a.xml b.xml
check_exit "unknown option is a usage error" 4 "$X" --frobnicate x.xml
check_exit "--conf with a file is a usage error" 4 "$X" --conf "$T/conf/pipeline.conf" x.xml
check_exit "missing XSD is a configuration error" 4 "$X" -o "$T/s8" --ref "$T/noref" "$DATA/all_elements.xml"
check "missing XSD leaves no staging" test ! -e "$T/s8/recon_cin.csv"

# 9. Line numbers past 65535 (libxml2 keeps 16-bit lines on elements):
#    70,000 blank lines after line 3, so <Child> opens on line 70,004 and
#    its PersonBirthDate (30 February) is on line 70,007.
{
	printf '<?xml version="1.0"?>\n<Message>\n<Children>\n'
	head -c 70000 /dev/zero | tr '\0' '\n'
	printf '<Child>\n<ChildIdentifiers>\n<LAchildID>L1</LAchildID>\n<PersonBirthDate>2015-02-30</PersonBirthDate>\n'
	printf '<GenderCurrent>1</GenderCurrent>\n</ChildIdentifiers>\n<ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>\n'
	printf '<CINdetails>\n<CINreferralDate>2023-01-01</CINreferralDate>\n<ReferralSource>1A</ReferralSource>\n<ReferralNFA>0</ReferralNFA>\n</CINdetails>\n</Child>\n'
	printf '<Child>\n<ChildIdentifiers>\n<LAchildID>L2</LAchildID>\n<GenderCurrent>1</GenderCurrent>\n</ChildIdentifiers>\n<ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>\n'
	printf '<CINdetails>\n<CINreferralDate>2023-01-01</CINreferralDate>\n<ReferralSource>1A</ReferralSource>\n<ReferralNFA>0</ReferralNFA>\n</CINdetails>\n</Child>\n'
	printf '</Children>\n</Message>\n'
} >"$T/big.xml"
"$X" -q -o "$T/s9" --ref "$ROOT/ref" "$T/big.xml"
check_eq "bad date past line 65535 named on its line" "70007" \
	"$(csvget "$T/s9/rejects_cin.csv" line field=PersonBirthDate)"
check_eq "child past line 65535 staged with its line" "70017" \
	"$(csvget "$T/s9/cin_children.csv" src_line child=L2)"
check_eq "episode past line 65535 staged with its line" "70023" \
	"$(csvget "$T/s9/cin_episodes.csv" src_line child=L2)"

# 10. Against the sample generator's own fault list: every CIN fault it
#     injected (dirty-manifest.csv: bad codes, impossible dates, missing
#     mandatory values) is a direct reject on the same line and field, and
#     nothing else is rejected directly.
if [ -x "$BIN/csc-gen-sample" ]; then
	"$BIN/csc-gen-sample" --out "$T/gen" --children 3000 --dirty 5 --quiet --ref "$ROOT/ref"
	"$X" -q -o "$T/gen/stg" --ref "$ROOT/ref" "$T/gen/cin_census.xml"
	check_eq "generated dirty sample extracts (exit 0)" 0 $?
	"$PY" - "$T/gen/dirty-manifest.csv" "$T/gen/stg/rejects_cin.csv" >"$T/gen/cmp" <<'PYEOF'
import csv, sys
m = {(r["line"], r["field"]) for r in csv.DictReader(open(sys.argv[1])) if r["file"].endswith(".xml")}
d = {(r["line"], r["field"]) for r in csv.DictReader(open(sys.argv[2])) if r["field"] != "-"}
print(len(m), len(m - d), len(d - m))
PYEOF
	read -r nman missed extra <"$T/gen/cmp"
	check "generator injected CIN faults ($nman)" test "$nman" -gt 0
	check_eq "every injected fault rejected on its line and field" 0 "$missed"
	check_eq "no direct reject the generator did not inject" 0 "$extra"
fi
finish
