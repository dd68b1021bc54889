#!/usr/bin/env bash
# Issue 16, "loud on bad data, by default": every contact rejected stops the
# run (max_reject_percent defaults to 5) and says so under --quiet; an input
# whose records read fall by more than max_drop_percent (default 50) since
# the last publication stops it with exit 2 until --accept-drop; --quiet
# prints one line per input with rejects.
. "$(dirname "$0")/lib.sh"
T=$(tmpdir)
mk_tiny() { mkdir -p "$1"; cp "$ROOT"/tests/data/tiny/{cin.xml,contacts.csv,pipeline.conf} "$1"/; }
FEB="period_start=2024-02-01 period_end=2024-02-29"
fd01() { csvget "$1/measures.csv" value measure=FD01 breakdown= $FEB; }
sha() { sha256sum "$1" | cut -d' ' -f1; }
# last N: the tiny contacts list's header and its last N contacts (the
# latest, so the data still runs into February 2024: Coverage)
last() { head -1 "$ROOT/tests/data/tiny/contacts.csv"; [ "$1" -gt 0 ] && tail -n "$1" "$ROOT/tests/data/tiny/contacts.csv"; }
# run DIR ARGS...: csc-run --quiet, stdout to $T/out, stderr to $T/err, exit in $rc
run() { local d=$1; shift; "$BIN/csc-run" --conf "$d/pipeline.conf" --quiet "$@" >"$T/out" 2>"$T/err"; rc=$?; }

# --- 1. the case system changed its date format: every contact rejected ----
A="$T/a"; mk_tiny "$A"
run "$A"
check_eq "tiny authority published" "0 10" "$rc $(fd01 "$A/out/2024-02")"
pub=$(sha "$A/out/2024-02/manifest.csv")
# 14/03/2015 -> 14.03.2015 in every date of every row: 14 of 14 rejected
sed -i '2,$ s#\([0-9][0-9]\)/\([0-9][0-9]\)/\([0-9]\{4\}\)#\1.\2.\3#g' "$A/contacts.csv"
for n in 1 2; do
	run "$A"
	check_eq "all contacts rejected, run $n: exit 2" 2 $rc
	check "all contacts rejected, run $n: --quiet still says why" \
		grep -q "contacts: 14 of 14 records rejected (100.0%), more than max_reject_percent = 5" "$T/err"
	check_eq "all contacts rejected, run $n: nothing on stdout" "" "$(cat "$T/out")"
	check_eq "all contacts rejected, run $n: the previous pack stays published" "$pub" \
		"$(sha "$A/out/2024-02/manifest.csv")"
done
check "the rejects are kept for the data officer" \
	grep -q ',Date of Birth,14.03.2015,' "$A/out/staging/rejects_contacts.csv"
# never published before: nothing is published at all
B="$T/b"; mk_tiny "$B"; cp "$A/contacts.csv" "$B/contacts.csv"
run "$B"
check_eq "all contacts rejected on a first run: exit 2" 2 $rc
check "all contacts rejected on a first run: nothing published" test ! -e "$B/out/2024-02"

# --- 2. records read fall by 60 %: 10 contacts, then 4 ----------------------
C="$T/c"; mk_tiny "$C"
last 10 >"$C/contacts.csv"
run "$C"
check_eq "10 contacts published" "0 10" "$rc $(csvget "$C/out/2024-02/recon_contacts.csv" read table=Contacts)"
pub=$(sha "$C/out/2024-02/manifest.csv")
last 4 >"$C/contacts.csv"
for n in 1 2; do
	run "$C"
	check_eq "60% drop, run $n: exit 2" 2 $rc
	check "60% drop, run $n: names the input, both counts and the override" grep -q \
		"contacts: records read fell by 60.0%, from 10 at the last publication (2024-02) to 4, more than max_drop_percent = 50; nothing published. If the export is right, run again with --accept-drop" \
		"$T/err"
	check_eq "60% drop, run $n: the 10-contact pack stays published" "$pub" "$(sha "$C/out/2024-02/manifest.csv")"
done
check "60% drop: CIN (unchanged) is not blamed" bash -c '! grep -q "cin: records read" "$0"' "$T/err"
run "$C" --accept-drop
check_eq "--accept-drop publishes" 0 $rc
check_eq "--accept-drop: the 4-contact pack is published" 4 \
	"$(csvget "$C/out/2024-02/recon_contacts.csv" read table=Contacts)"
run "$C"
check_eq "after --accept-drop the 4 contacts are the baseline" 0 $rc
# exactly half (4 -> 2) is not more than 50 %: published
last 2 >"$C/contacts.csv"
run "$C"
check_eq "a fall of exactly 50% (4 -> 2) is published" "0 2" \
	"$rc $(csvget "$C/out/2024-02/recon_contacts.csv" read table=Contacts)"
# 2 -> 0 records: a fall of 100 %
last 0 >"$C/contacts.csv"
run "$C"
check_eq "an empty list after 2 contacts: exit 2" 2 $rc
check "... from 2 to 0" grep -q "contacts: records read fell by 100.0%, from 2 at the last publication (2024-02) to 0" "$T/err"

# the share is a setting: max_drop_percent = 70 lets a 60 % fall through
D="$T/d"; mk_tiny "$D"
last 10 >"$D/contacts.csv"
echo "max_drop_percent = 70" >>"$D/pipeline.conf"
run "$D"
last 4 >"$D/contacts.csv"
run "$D"
check_eq "max_drop_percent = 70: a 60% fall is published" "0 4" \
	"$rc $(csvget "$D/out/2024-02/recon_contacts.csv" read table=Contacts)"

# the last publication's counts are read without following a link
E="$T/e"; mk_tiny "$E"
run "$E"
echo 'input,read,staged,rejected,period' >"$T/elsewhere.csv"
echo 'contacts,1000,1000,0,2024-02' >>"$T/elsewhere.csv"
rm "$E/out/.pub/counts.csv"; ln -s "$T/elsewhere.csv" "$E/out/.pub/counts.csv"
run "$E"
check_eq "a link at .pub/counts.csv: exit 6" 6 $rc
check "... named, and not followed" grep -q "counts.csv: cannot read: .*(a link; not followed)" "$T/err"
check_eq "... its target untouched" "contacts,1000,1000,0,2024-02" "$(tail -1 "$T/elsewhere.csv")"

# the period kept with the counts is the one published, also when the data
# chose it (no period_end: the last complete month the data covers, 2024-02)
P="$T/p"; mk_tiny "$P"; sed -i '/^period_end/d' "$P/pipeline.conf"
run "$P"
check_eq "default period: counts.csv names the period published" \
	"input,read,staged,rejected,period
cin,21,21,0,2024-02
contacts,14,14,0,2024-02" "$(cat "$P/out/.pub/counts.csv")"

# --- 3. --quiet with some rejects: one line per input, exit 0 ---------------
# CIN: C02's first referral source 1A -> ZZ rejects that one CINdetails of
# 21 records (9 Child + 12 CINdetails): 4.8 %, under the default 5.
# Contacts: K13's date of birth 14.03.2015 rejects 1 of 14: 7.1 %, so this
# authority sets max_reject_percent = 10.
Q="$T/q"; mk_tiny "$Q"
sed -i '0,/<ReferralSource>1A<\/ReferralSource>/s//<ReferralSource>ZZ<\/ReferralSource>/' "$Q/cin.xml"
sed -i 's#^C12,F,WBRI,14/03/2015,#C12,F,WBRI,14.03.2015,#' "$Q/contacts.csv"
echo "max_reject_percent = 10" >>"$Q/pipeline.conf"
for n in 1 2; do
	run "$Q"
	check_eq "some rejects, run $n: exit 0" 0 $rc
	check_eq "some rejects, run $n: nothing on stdout" "" "$(cat "$T/out")"
	check_eq "some rejects, run $n: one line per input with rejects on stderr" \
		"csc-run: cin: 1 of 21 records rejected (4.8%); see $Q/out/2024-02/rejects_cin.csv
csc-run: contacts: 1 of 14 records rejected (7.1%); see $Q/out/2024-02/rejects_contacts.csv" \
		"$(cat "$T/err")"
done
# and a clean run stays silent
mk_tiny "$T/clean"; run "$T/clean"
check_eq "no rejects: --quiet prints nothing" "0:" "$rc:$(cat "$T/out" "$T/err")"
finish
