#!/bin/bash
# csc-share on a generated sample authority (README "Sharing records"):
# no identifier, UPN or full date of birth of the staging reaches the
# extract; pseudonyms are the keyed HMAC row for row (share_check.py, an
# independent reader); the manifest matches the files; the same key gives a
# byte-identical extract and another key no pseudonym in common; a refused
# key or a value that does not transform leaves no file.
source "$(dirname "$0")/lib.sh"
[ -x "$BIN/csc-share" ] || { echo "ok - # SKIP csc-share not built"; finish; }
CHK() { "$PY" "$ROOT/tests/e2e/share_check.py" "$@"; }
T=$(tmpdir)
A=$T/la
"$BIN/csc-gen-sample" --out "$A" --children 1500 --years 2 --seed 19 --quiet
check_eq "sample generated" 0 $?
# a fixed key, so the test is repeatable; 40 bytes
printf 'share-key-for-tests-0123456789abcdefghij' >"$A/key"
chmod 600 "$A/key"
echo "share_key_file = key" >>"$A/pipeline.conf"
(cd "$A" && PATH="$BIN:$PATH" "$BIN/csc-run" --conf pipeline.conf --target staging --quiet)
check_eq "staging built" 0 $?

X=$A/output/share/regional-2026-10
"$BIN/csc-share" --conf "$A/pipeline.conf" --profile regional --quiet
check_eq "csc-share exits 0" 0 $?
check_eq "the profile's files and the manifest" \
	"cin_assessments.csv cin_children.csv cin_cpp.csv cin_cpp_reviews.csv cin_episodes.csv cin_plans.csv cin_s47.csv contacts.csv early_help.csv manifest.csv ssda903_episodes.csv ssda903_header.csv ssda903_missing.csv ssda903_oc3.csv ssda903_uasc.csv" \
	"$(ls "$X" | tr '\n' ' ' | sed 's/ $//')"
check_eq "nothing else under share/" "regional-2026-10" "$(ls -A "$A/output/share")"
check_eq "columns of the 903 header" "CHILD,SEX,DOB,ETHNIC,MC_DOB" "$(head -1 "$X/ssda903_header.csv")"
check_eq "columns of the CIN children" "child,upn_unknown,dob,expected_dob,sex,death_date,ethnicity,disabilities" \
	"$(head -1 "$X/cin_children.csv")"
# every child of the generated 903 Header (a clean sample: one row each; 50
# children with seed 19, the number moving with the generator's model)
n=$(($(wc -l <"$A/ssda903/header.csv") - 1))
check "the sample has 903 Header children ($n)" test "$n" -ge 40
check_eq "every staged row is shared (header $n children)" "$n" $(($(wc -l <"$X/ssda903_header.csv") - 1))
check_eq "no identifier, UPN or full date of birth; pseudonyms keyed row for row" "" \
	"$(CHK leaks "$A/output/staging" "$X" "$A/key" | head -20)"
check_eq "manifest rows and SHA-256 match the files" "" "$(CHK manifest "$X")"
check_eq "manifest head" "kind,name,value
profile,name,regional
version,csc-share,$(cat "$ROOT/VERSION")
period,label,2026-10
pseudonym,hmac-sha256-hex-digits,20" "$(head -5 "$X/manifest.csv")"
check "the key is in no file" bash -c "! grep -rqF share-key-for-tests '$X'"
check_eq "the staged worker IDs exist (and are checked above)" 1 \
	"$(grep -c '^C[0-9]*,[0-9-]*,SW[0-9]*,' "$A/output/staging/ssda903_socialworker.csv" | awk '{print ($1 > 100)}')"

# The checker itself finds a leak: a child's raw ID and full date of birth
# put back into a copy of the extract.
cp -r "$X" "$T/bad"
child=$(sed -n 2p "$A/output/staging/cin_children.csv" | cut -d, -f1)
dob=$(sed -n 2p "$A/output/staging/cin_children.csv" | cut -d, -f5)
sed -i "2s/,[0-9-]*-01,/,$dob,/" "$T/bad/cin_children.csv"
sed -i "3s/^[0-9a-f]*,/$child,/" "$T/bad/cin_episodes.csv"
out=$(CHK leaks "$A/output/staging" "$T/bad" "$A/key")
check "checker: reports a raw child ID" grep -q "identifier $child in cin_episodes.csv" <<<"$out"
check "checker: reports a full date of birth" grep -q "cin_children.csv:2: the child's full date $dob" <<<"$out"

# Same key: byte-identical. Another key: no pseudonym in common.
cp -r "$X" "$T/first"
"$BIN/csc-share" --conf "$A/pipeline.conf" --profile regional --quiet
check "same key: byte-identical extract" diff -r "$T/first" "$X"
printf 'another-key-for-tests-0123456789abcdefgh' >"$A/key2"
chmod 600 "$A/key2"
sed 's/^share_key_file = key$/share_key_file = key2/' "$A/pipeline.conf" >"$A/other.conf"
"$BIN/csc-share" --conf "$A/other.conf" --profile regional --quiet
check_eq "another key: exit 0" 0 $?
CHK pseudonyms "$T/first" >"$T/p1"
CHK pseudonyms "$X" >"$T/p2"
check_eq "pseudonyms with the first key" 1 "$(awk 'END {print (NR > 2000)}' "$T/p1")"
check_eq "another key: no pseudonym in common" 0 "$(comm -12 "$T/p1" "$T/p2" | wc -l)"
check_eq "another key: no identifier either" "" "$(CHK leaks "$A/output/staging" "$X" "$A/key2" | head -20)"

# Refusals in a fresh output folder (a copy of the staging): exit status,
# message, and no file at all.
B=$T/fresh
mkdir -p "$B/output"
cp -r "$A/output/staging" "$B/output/"
cp "$A/key" "$B/key"
sed 's/^output_dir = .*/output_dir = output/' "$A/pipeline.conf" >"$B/pipeline.conf"
refused() { # NAME EXIT MESSAGE
	"$BIN/csc-share" --conf "$B/pipeline.conf" --profile regional >/dev/null 2>"$T/err"
	check_eq "$1: exit $2" "$2" $?
	check "$1: says why" grep -qF "$3" "$T/err"
	check_eq "$1: no file" "" "$(ls -A "$B/output/share" 2>/dev/null)"
	check "$1: no share folder" test ! -e "$B/output/share"
}
refused "an output folder csc-run has not marked" 4 "no .cscpipe marker"
cp "$A/output/.cscpipe" "$B/output/"
chmod 640 "$B/key"; refused "key readable by group" 4 "readable, writable or executable by group or others"
chmod 604 "$B/key"; refused "key readable by others" 4 "by group or others"
chmod 620 "$B/key"; refused "key writable by group" 4 "by group or others"
: >"$B/key2"; chmod 600 "$B/key2"; sed -i 's/^share_key_file = .*/share_key_file = key2/' "$B/pipeline.conf"
refused "empty key" 4 "key2: share key file refused: empty"
printf '0123456789012345678901234567890' >"$B/key2"; refused "31-byte key" 4 "shorter than 32 bytes"
rm "$B/key2"; refused "missing key" 4 "key2: cannot open the share key file"
chmod 600 "$B/key"; ln -s key "$B/key2"; refused "key as a link" 4 "symbolic link"
sed -i '/^share_key_file/d' "$B/pipeline.conf"; refused "no share_key_file" 4 "no share_key_file"
echo "share_key_file = key" >>"$B/pipeline.conf"
# a date that does not transform, in the 13th of 14 files (the earlier ones
# were already written in the temporary folder)
sed -i '3s/,[0-9]\{4\}-[0-9][0-9]-[0-9][0-9],\([0-9]*\),/,2012-02-30,\1,/' "$B/output/staging/contacts.csv"
refused "a date of birth that is not a date" 3 "staging/contacts.csv:3: dob: not a YYYY-MM-DD date"
check "the bad value is not echoed" bash -c "! grep -q 2012-02-30 '$T/err'"
# a column the profile does not list
cp "$A/output/staging/contacts.csv" "$B/output/staging/contacts.csv"
sed -i '1s/$/,notes/; 2,$s/$/,free text/' "$B/output/staging/ssda903_uasc.csv"
refused "a staging column nobody reviewed" 3 "staging/ssda903_uasc.csv:1: header is not the staging format"
cp "$A/output/staging/ssda903_uasc.csv" "$B/output/staging/"
"$BIN/csc-share" --conf "$B/pipeline.conf" --profile regional --period 2026-Q2 --quiet
check_eq "fixed: exit 0" 0 $?
check "fixed: same files as the sample's extract" diff -r "$T/first" "$B/output/share/regional-2026-Q2" \
	-x manifest.csv

# A failing value with an earlier extract in place: it stays as it was.
cp -r "$B/output/share/regional-2026-Q2" "$T/q2"
sed -i '2s/,\([0-9]\{4\}\)-[0-9][0-9]-[0-9][0-9],,[MFU],/,\1-13-40,,M,/' "$B/output/staging/cin_children.csv"
"$BIN/csc-share" --conf "$B/pipeline.conf" --profile regional --period 2026-Q2 >/dev/null 2>&1
check_eq "bad value over an earlier extract: exit 3" 3 $?
check "the earlier extract is untouched" diff -r "$T/q2" "$B/output/share/regional-2026-Q2"
check_eq "no temporary folder left" "regional-2026-Q2" "$(ls -A "$B/output/share")"
cp "$A/output/staging/cin_children.csv" "$B/output/staging/"

# No link in the output folder is followed (README "The output folder"):
# exit 6 naming it, and what it points to is neither read nor touched.
mkdir -p "$T/elsewhere"; echo keep >"$T/elsewhere/f"
mv "$B/output/share" "$T/share.saved"
ln -s "$T/elsewhere" "$B/output/share"
refused_link() { # NAME
	"$BIN/csc-share" --conf "$B/pipeline.conf" --profile regional --period 2026-Q2 >/dev/null 2>"$T/err"
	check_eq "$1: exit 6" 6 $?
	check "$1: named" grep -q "is a symbolic link" "$T/err"
	check_eq "$1: what it points to untouched" "f" "$(ls "$T/elsewhere")"
}
refused_link "share/ a link"
rm "$B/output/share"; mv "$T/share.saved" "$B/output/share"
rm -r "$B/output/share/regional-2026-Q2"; ln -s "$T/elsewhere" "$B/output/share/regional-2026-Q2"
refused_link "the extract folder a link"
rm "$B/output/share/regional-2026-Q2"
mv "$B/output/staging/cin_plans.csv" "$T/plans.csv"; ln -s "$T/plans.csv" "$B/output/staging/cin_plans.csv"
refused_link "a staging table a link"
check_eq "a staging table a link: no extract" "" "$(ls -A "$B/output/share" 2>/dev/null)"
rm "$B/output/staging/cin_plans.csv"; mv "$T/plans.csv" "$B/output/staging/cin_plans.csv"

# Usage and the lock.
check_exit "no --profile" 4 "$BIN/csc-share" --conf "$B/pipeline.conf"
check_exit "unknown profile" 4 "$BIN/csc-share" --conf "$B/pipeline.conf" --profile national
check_exit "bad period" 4 "$BIN/csc-share" --conf "$B/pipeline.conf" --profile regional --period 2026-13
if command -v flock >/dev/null; then
	check_exit "a run holds the output folder" 5 flock "$B/output/.lock" \
		"$BIN/csc-share" --conf "$B/pipeline.conf" --profile regional
fi
check "--help is man-style" bash -c "'$BIN/csc-share' --help | grep -q '^EXIT STATUS'"
finish
