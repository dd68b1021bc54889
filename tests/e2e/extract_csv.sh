#!/usr/bin/env bash
# Good inputs of the CSV extractors: every SSDA903 table and column, the
# contacts and early-help lists, conf mode, inputs not configured,
# duplicate 903 files, max_reject_percent, usage.
. "$(dirname "$0")/lib.sh"
D=$ROOT/tests/data
T=$(tmpdir)

# --- SSDA903: every table and column, against hand-written expected files
"$BIN/csc-extract-903" -o "$T/s" --ref "$ROOT/ref" --quiet "$D/ssda903/good"
check_eq "903 good: exit" 0 $?
for f in "$D"/ssda903/good.expected/*.csv; do
	b=$(basename "$f")
	check "903 good: $b as expected" diff <(sed "s|@DIR@|$D/ssda903/good|" "$f") "$T/s/$b"
done
check_eq "903 good: no rejects" "file,line,field,value,reason" "$(cat "$T/s/rejects_ssda903.csv")"
check_eq "903 good: recon rows" 12 "$(wc -l <"$T/s/recon_ssda903.csv")"
check_eq "903 good: recon Header" 4,4,0 "$(grep header_2024.csv "$T/s/recon_ssda903.csv" | cut -d, -f3-)"
check_eq "903 quiet prints nothing" "" "$("$BIN/csc-extract-903" -o "$T/s" --ref "$ROOT/ref" --quiet "$D/ssda903/good" 2>&1)"
check "903 summary line" bash -c "'$BIN/csc-extract-903' -o '$T/s' --ref '$ROOT/ref' '$D/ssda903/good' 2>&1 | grep -q 'Episodes: read 3 = staged 3 + rejected 0'"

# --- two files of one table: both read, one recon row each, staged in name order
mkdir -p "$T/dup"
printf 'CHILD,DOB,MISSING,MIS_START,MIS_END\n1001,01/02/2010,M,03/05/2023,04/05/2023\n' >"$T/dup/a.csv"
printf 'CHILD,DOB,MISSING,MIS_START,MIS_END\n1002,01/02/2011,A,03/06/2023,\n1003,01/02/2011,Q,03/06/2023,\n' >"$T/dup/b.csv"
"$BIN/csc-extract-903" -o "$T/d" --ref "$ROOT/ref" --quiet "$T/dup"
check_eq "903 dup: exit" 0 $?
check_eq "903 dup: recon a" "$T/dup/a.csv,Missing,1,1,0" "$(grep a.csv "$T/d/recon_ssda903.csv")"
check_eq "903 dup: recon b" "$T/dup/b.csv,Missing,2,1,1" "$(grep b.csv "$T/d/recon_ssda903.csv")"
check_eq "903 dup: both staged in order" "1001 1002" "$(tail -n +2 "$T/d/ssda903_missing.csv" | cut -d, -f1 | tr '\n' ' ' | sed 's/ $//')"
check_eq "903 dup: absent table staged with header only" 1 "$(wc -l <"$T/d/ssda903_episodes.csv")"

# --- contacts and early help
"$BIN/csc-extract-contacts" -o "$T/c" --ref "$ROOT/ref" --quiet "$D/contacts/good.csv"
check_eq "contacts good: exit" 0 $?
check "contacts good: staged as expected" diff "$D/contacts/good.expected.csv" "$T/c/contacts.csv"
check_eq "contacts good: recon" "$D/contacts/good.csv,Contacts,5,5,0" "$(tail -1 "$T/c/recon_contacts.csv")"
"$BIN/csc-extract-earlyhelp" -o "$T/e" --quiet "$D/early_help/good.csv"
check_eq "early help good: exit" 0 $?
check "early help good: staged as expected" diff "$D/early_help/good.expected.csv" "$T/e/early_help.csv"
check_eq "early help good: recon" "$D/early_help/good.csv,EarlyHelp,4,4,0" "$(tail -1 "$T/e/recon_early_help.csv")"

# --- conf mode: all three inputs, then none configured (stale staging removed)
mkdir -p "$T/run"
cat >"$T/run/pipeline.conf" <<CONF
la_name = Test
la_number = 999
output_dir = out
reference_dir = $ROOT/ref
ssda903_dir = $D/ssda903/good
contacts = $D/contacts/good.csv
early_help = $D/early_help/good.csv
CONF
for p in 903 contacts earlyhelp; do
	"$BIN/csc-extract-$p" --conf "$T/run/pipeline.conf" --quiet
	check_eq "conf: csc-extract-$p exit" 0 $?
done
check "conf: staging under output_dir" test -s "$T/run/out/staging/ssda903_header.csv" -a -s "$T/run/out/staging/contacts.csv" -a -s "$T/run/out/staging/early_help.csv"
check "conf: contacts as expected" diff "$D/contacts/good.expected.csv" "$T/run/out/staging/contacts.csv"
printf 'la_name = Test\nla_number = 999\noutput_dir = out\n' >"$T/run/none.conf"
for p in 903 contacts earlyhelp; do
	"$BIN/csc-extract-$p" --conf "$T/run/none.conf" --quiet
	check_eq "not configured: csc-extract-$p exit" 0 $?
done
check_eq "not configured: stale tables removed" "" "$(cd "$T/run/out/staging" && ls ssda903_*.csv contacts.csv early_help.csv 2>/dev/null)"
for i in ssda903 contacts early_help; do
	check_eq "not configured: recon_$i header only" "file,table,read,staged,rejected" "$(cat "$T/run/out/staging/recon_$i.csv")"
done

# --- a fatal error in conf mode leaves the previous staging untouched
"$BIN/csc-extract-contacts" --conf "$T/run/pipeline.conf" --quiet
before=$(md5sum "$T/run/out/staging/contacts.csv" "$T/run/out/staging/recon_contacts.csv")
printf 'Child Unique ID\nC1\n' >"$T/run/bad.csv"
sed "s|^contacts = .*|contacts = $T/run/bad.csv|" "$T/run/pipeline.conf" >"$T/run/bad.conf"
"$BIN/csc-extract-contacts" --conf "$T/run/bad.conf" --quiet 2>"$T/err"
check_eq "fatal: exit" 3 $?
check "fatal: names the missing columns" grep -q "bad.csv:1: missing required columns: \"Date of Contact\"" "$T/err"
check_eq "fatal: staging untouched" "$before" "$(md5sum "$T/run/out/staging/contacts.csv" "$T/run/out/staging/recon_contacts.csv")"
"$BIN/csc-extract-903" --conf "$T/run/bad.conf" --quiet
before=$(md5sum "$T/run/out/staging/ssda903_header.csv")
mkdir -p "$T/run/bad903" && cp "$D"/ssda903/good/*.csv "$T/run/bad903/" && printf 'CHILD,WHAT\n' >"$T/run/bad903/zz.csv"
sed "s|^ssda903_dir = .*|ssda903_dir = $T/run/bad903|" "$T/run/pipeline.conf" >"$T/run/bad903.conf"
check_exit "fatal 903: one unknown file stops the run" 3 "$BIN/csc-extract-903" --conf "$T/run/bad903.conf" --quiet
check_eq "fatal 903: staging untouched" "$before" "$(md5sum "$T/run/out/staging/ssda903_header.csv")"
check_exit "903: missing folder" 3 "$BIN/csc-extract-903" -o "$T/x" --ref "$ROOT/ref" "$T/nonexistent"
mkdir -p "$T/emptydir"
check_exit "903: folder without CSV files" 3 "$BIN/csc-extract-903" -o "$T/x" --ref "$ROOT/ref" "$T/emptydir"
check_exit "903: reference YAML missing" 4 "$BIN/csc-extract-903" -o "$T/x" --ref "$T/emptydir" "$D/ssda903/good"

# --- max_reject_percent: rejects are written, the run fails with exit 2
printf 'Contact ID,Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of Contact,Contact Source,Contact Outcome,Date Contact Completed\nK1,C1,M,WBRI,,,01/04/2023,6,REF,\nK2,C1,M,WBRI,,,01/04/2023,Mars,REF,\n' >"$T/run/half.csv"
sed "s|^contacts = .*|contacts = $T/run/half.csv|" "$T/run/pipeline.conf" >"$T/run/half.conf"
echo "max_reject_percent = 40" >>"$T/run/half.conf"
check_exit "max_reject_percent exceeded" 2 "$BIN/csc-extract-contacts" --conf "$T/run/half.conf" --quiet
check_eq "max_reject_percent: rejects kept" 2 "$(wc -l <"$T/run/out/staging/rejects_contacts.csv")"

# --- usage
for p in 903 contacts earlyhelp; do
	check_exit "csc-extract-$p --help" 0 "$BIN/csc-extract-$p" --help
	check "csc-extract-$p --help is man-style" bash -c "'$BIN/csc-extract-$p' --help | grep -q '^EXIT STATUS'"
	check_exit "csc-extract-$p without arguments" 4 "$BIN/csc-extract-$p"
	check_exit "csc-extract-$p bad option" 4 "$BIN/csc-extract-$p" --bogus x
done
finish
