#!/usr/bin/env bash
# csc-returns end to end: the CIN XML against the DfE schemas, the output
# folder (default place, replaced as a whole, no temporaries left), exit
# codes and byte-identical reruns. Fixture: tests/data/returns (README.md).
source "$(dirname "$0")/lib.sh"
unset CSC_OUTPUT_DIR
T=$(tmpdir)
cp -r "$ROOT/tests/data/returns" "$T/la"
# the fixture stands for a run's output folder (output_dir = .): marked as
# csc-run marks its own, since csc-returns writes only into one (README,
# "The output folder")
touch "$T/la/.cscpipe"
CONF="$T/la/pipeline.conf"
R="$BIN/csc-returns"

check "--help is man-style" bash -c "'$R' --help | grep -q '^EXIT STATUS'"
check_exit "no arguments" 4 "$R"
check_exit "malformed year" 4 "$R" --conf "$CONF" --year 25
check_exit "bad serial" 4 "$R" --conf "$CONF" --year 2025 --serial 1
# The dumps run from 2020-03-01 (C09's referral) to 2025-04-02 (L05's DEC).
check_exit "year before the dumps" 4 "$R" --conf "$CONF" --year 2019
check_exit "year after the dumps" 4 "$R" --conf "$CONF" --year 2027
msg=$("$R" --conf "$CONF" --year 2019 2>&1)
check "out-of-range year names the data span" grep -q "outside the staged data, which runs from 2020-03-01 to 2025-04-02" <<<"$msg"
check_exit "earliest covered year" 0 "$R" --conf "$CONF" --year 2020 -o "$T/y2020" --quiet

check_exit "2025 written" 0 "$R" --conf "$CONF" --year 2025 --quiet
OUT="$T/la/returns/2025"
check "default folder <output_dir>/returns/2025" test -f "$OUT/cin-2025.xml"
check "ssda903 folder beside it" test -d "$OUT/ssda903-2025"
check_eq "quiet prints nothing" "" "$("$R" --conf "$CONF" --year 2025 --quiet 2>&1)"

# Schema: 2025 uses Sex and is valid except the documented NumberOfPreviousCPP
# conflict (C06's first plan, 0 previous plans); 2024 uses GenderCurrent.
errs=$(xmllint --noout --schema "$ROOT/ref/CIN_schema_2025.xsd" "$OUT/cin-2025.xml" 2>&1 | grep 'validity error')
check_eq "2025 schema errors: only NumberOfPreviousCPP 0" 1 "$(grep -c . <<<"$errs")"
check "the one error is the positiveInteger conflict" grep -q "NumberOfPreviousCPP': '0' is not a valid value of the atomic type 'xs:positiveInteger'" <<<"$errs"
sed 's|<NumberOfPreviousCPP>0</NumberOfPreviousCPP>|<NumberOfPreviousCPP>1</NumberOfPreviousCPP>|' "$OUT/cin-2025.xml" >"$T/fixed.xml"
check "2025 otherwise valid against CIN_schema_2025.xsd" xmllint --noout --schema "$ROOT/ref/CIN_schema_2025.xsd" --quiet "$T/fixed.xml"
check_exit "2024 written" 0 "$R" --conf "$CONF" --year 2024 --quiet
check "2024 valid against CIN_schema_2024.xsd" xmllint --noout --quiet --schema "$ROOT/ref/CIN_schema_2024.xsd" "$T/la/returns/2024/cin-2024.xml"
check_eq "2024 uses GenderCurrent" 4 "$(grep -c '<GenderCurrent>' "$T/la/returns/2024/cin-2024.xml")"
check_eq "2025 children" "C02 C03 C05 C06 C07 C08 C09" \
	"$(xmllint --xpath '//LAchildID/text()' "$OUT/cin-2025.xml" | tr '\n' ' ' | sed 's/ $//')"
check_eq "header DateTime from the reference date" "2025-03-31T00:00:00" \
	"$(xmllint --xpath '//DateTime/text()' "$OUT/cin-2025.xml")"
check_eq "serial from --serial" "042" \
	"$("$R" --conf "$CONF" --year 2025 -o "$T/s" --serial 042 --quiet && xmllint --xpath '//SerialNo/text()' "$T/s/cin-2025.xml")"

# Determinism: two runs give the same bytes in every file.
"$R" --conf "$CONF" --year 2025 -o "$T/again" --quiet
check "two runs byte-identical" diff -r "$OUT" "$T/again"

# The folder is replaced as a whole: a stray file from before disappears,
# no temporary folder or file is left beside it.
touch "$OUT/stale.txt"
"$R" --conf "$CONF" --year 2025 --quiet
check "previous folder replaced" test ! -e "$OUT/stale.txt"
check_eq "no temporaries left" "" "$(ls -A "$T/la/returns" | grep -v '^202[45]$')"

# A failed run leaves the previous returns untouched.
cp "$OUT/cin-2025.xml" "$T/before.xml"
printf 'child,episode\nC06,1\n' >"$T/la/staging/cin_plans.csv"
check_exit "bad staging fails" 3 "$R" --conf "$CONF" --year 2025 --quiet
check "previous return untouched" cmp -s "$OUT/cin-2025.xml" "$T/before.xml"
check_eq "no temporaries after failure" "" "$(ls -A "$T/la/returns" | grep -v '^202[45]$')"
cp "$ROOT/tests/data/returns/staging/cin_plans.csv" "$T/la/staging/"
# Rows out of cin_children order are an error, not silently dropped.
sed -i '2{h;d};3G' "$T/la/staging/cin_episodes.csv"
msg=$("$R" --conf "$CONF" --year 2025 --quiet 2>&1); rc=$?
check_eq "staging out of order (exit 3)" 3 "$rc"
check "names the file and line" grep -q "cin_episodes.csv:.*not in cin_children.csv order" <<<"$msg"
# Hostile staging never crashes the writer: random bytes, a NUL, an
# unterminated quote and an over-long field each give exit 3.
cp "$ROOT/tests/data/returns/staging/cin_episodes.csv" "$T/la/staging/"
save="$T/children.csv"; cp "$T/la/staging/cin_children.csv" "$save"
head -c 4096 /dev/urandom >"$T/la/staging/cin_children.csv"
check_exit "random bytes" 3 "$BIN/csc-returns" --conf "$CONF" --year 2025 --quiet
{ head -1 "$save"; printf 'C01,\0,,UN1\n'; } >"$T/la/staging/cin_children.csv"
check_exit "NUL byte" 3 "$BIN/csc-returns" --conf "$CONF" --year 2025 --quiet
{ head -1 "$save"; printf 'C01,"unterminated\n'; } >"$T/la/staging/cin_children.csv"
check_exit "unterminated quote" 3 "$BIN/csc-returns" --conf "$CONF" --year 2025 --quiet
{ head -1 "$save"; printf 'C01,'; head -c 70000 /dev/zero | tr '\0' x; printf '\n'; } >"$T/la/staging/cin_children.csv"
check_exit "over-long field" 3 "$BIN/csc-returns" --conf "$CONF" --year 2025 --quiet
{ head -1 "$save"; printf 'C06,,,,2013-02-30,,F,,WBRI,,1\n'; } >"$T/la/staging/cin_children.csv"
check_exit "impossible date" 3 "$BIN/csc-returns" --conf "$CONF" --year 2025 --quiet
cp "$save" "$T/la/staging/cin_children.csv"
check "previous return still untouched" cmp -s "$OUT/cin-2025.xml" "$T/before.xml"
rm -rf "$T/la/staging"
check_exit "no staging at all" 3 "$R" --conf "$CONF" --year 2025
finish
