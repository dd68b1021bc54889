#!/usr/bin/env bash
# Issue 16, "change is content, not time": csc-run decides what to rebuild
# from the inputs' content, so a file replaced by one with an older (or the
# same) mtime is read again and the manifest names the bytes the figures came
# from; touching a file rebuilds nothing; a pipe is read once, never opened
# again to hash it (it hung csc-run, holding the lock).
. "$(dirname "$0")/lib.sh"
T=$(tmpdir)
mk_tiny() { mkdir -p "$1"; cp "$ROOT"/tests/data/tiny/{cin.xml,contacts.csv,pipeline.conf} "$1"/; }
FEB="period_start=2024-02-01 period_end=2024-02-29"
fig() { csvget "$1/measures.csv" "$3" measure="$2" breakdown= $FEB; }
manifest() { csvget "$1/manifest.csv" value kind=input name="$2"; }
sha() { sha256sum "$1" | cut -d' ' -f1; }
started() { tail -n +$(($1 + 1)) "$A/out/logs/run-2024-02.log" | grep -c ": start$"; }

A="$T/a"; mk_tiny "$A"; P="$A/out/2024-02"
check "first run" "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
check_eq "FD01 February: 10 contacts (EXPECTED.md)" 10 "$(fig "$P" FD01 value)"

# 1. cp -p of a file whose mtime is years older than the last run, over the
# same inode: K07 (Thu 29 Feb) removed, so February has 9 contacts.
grep -v ',K07,' "$A/contacts.csv" >"$T/older.csv"
touch -d 2001-01-01 "$T/older.csv"
n0=$(wc -l <"$A/out/logs/run-2024-02.log")
cp -p "$T/older.csv" "$A/contacts.csv"
check "cp -p kept the old mtime" test "$(stat -c %Y "$A/contacts.csv")" = "$(stat -c %Y "$T/older.csv")"
check "run after cp -p of an older file" "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
log=$(tail -n +$((n0 + 1)) "$A/out/logs/run-2024-02.log")
check "older file: contacts extract re-ran" grep -q 'extract-contacts: start' <<<"$log"
check "older file: CIN extract did not" bash -c '! grep -q "extract-cin: start" <<<"$0"' "$log"
check_eq "older file: FD01 February now 9" 9 "$(fig "$P" FD01 value)"
check_eq "older file: FD02 February 3 referrals (K07 gone)" 3 "$(fig "$P" FD02 numerator)"
check_eq "older file: published recon reads 13 contacts" 13 \
	"$(csvget "$P/recon_contacts.csv" read table=Contacts)"
check_eq "older file: manifest names the new bytes" "$(sha "$A/contacts.csv")" "$(manifest "$P" contacts)"

# 2. rsync -t style: a new file of the same size and the same mtime renamed
# over it (a new inode). K08's outcome OTH becomes REF: February referrals
# were K02, K03, K12, K07 of 10 (EXPECTED.md), 3 of 9 without K07, and are
# 4 of 9 with K08: FD02 = 4/9 (3/9 if the file were not read again).
sed 's/,K08,OTH,/,K08,REF,/' "$A/contacts.csv" >"$T/same.csv"
check "same size" test "$(stat -c %s "$T/same.csv")" = "$(stat -c %s "$A/contacts.csv")"
check "content differs" bash -c '! cmp -s "$0" "$1"' "$T/same.csv" "$A/contacts.csv"
touch -r "$A/contacts.csv" "$T/same.csv"
mv "$T/same.csv" "$A/contacts.csv"
check "run after a same-size same-mtime replacement" "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
check_eq "same size and mtime: FD02 February numerator 4" 4 "$(fig "$P" FD02 numerator)"
check_eq "same size and mtime: FD02 February denominator 9" 9 "$(fig "$P" FD02 denominator)"
check_eq "same size and mtime: manifest names the new bytes" "$(sha "$A/contacts.csv")" "$(manifest "$P" contacts)"
check_eq "CIN's manifest row is its file's hash" "$(sha "$A/cin.xml")" "$(manifest "$P" cin_census)"

# 3. touched, not changed: nothing re-runs, nothing changes.
before=$(sha "$P/manifest.csv")
n0=$(wc -l <"$A/out/logs/run-2024-02.log")
touch "$A/contacts.csv" "$A/cin.xml"
check "run after touch" "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
check_eq "touch alone: no stage started" 0 "$(started "$n0")"
check_eq "touch alone: the same manifest" "$before" "$(sha "$P/manifest.csv")"

# 4. a template replaced by an older copy of different content is re-read too
cp -r "$ROOT/templates" "$T/tpl"
printf '# a local copy\n' >>"$T/tpl/highlight.tpl"
echo "templates_dir = $T/tpl" >>"$A/pipeline.conf"
"$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
n0=$(wc -l <"$A/out/logs/run-2024-02.log")
cp -p "$ROOT/templates/highlight.tpl" "$T/tpl/highlight.tpl"
touch -d 2001-01-01 "$T/tpl/highlight.tpl"
check "run after an older template" "$BIN/csc-run" --conf "$A/pipeline.conf" --quiet
check "older template: load re-ran" grep -q 'load: start' <(tail -n +$((n0 + 1)) "$A/out/logs/run-2024-02.log")
check_eq "older template: manifest names it" "$(sha "$T/tpl/highlight.tpl")" \
	"$(manifest "$P" templates_dir/highlight.tpl)"

# 4b. the stamps are cscpipe's state: a link planted at .work/inputs or at a
# stamp is refused (exit 6) and never written through
L="$T/l"; mk_tiny "$L"
"$BIN/csc-run" --conf "$L/pipeline.conf" --quiet
mkdir "$T/elsewhere"; echo keep >"$T/elsewhere/contacts.txt"; cp "$T/elsewhere/contacts.txt" "$T/target.txt"
mv "$L/out/.work/inputs/contacts.txt" "$T/stamp.txt"
ln -s "$T/target.txt" "$L/out/.work/inputs/contacts.txt"
check_exit "a link at a stamp: exit 6" 6 "$BIN/csc-run" --conf "$L/pipeline.conf" --quiet
check_eq "... its target untouched" keep "$(cat "$T/target.txt")"
rm "$L/out/.work/inputs/contacts.txt"; mv "$T/stamp.txt" "$L/out/.work/inputs/contacts.txt"
mv "$L/out/.work/inputs" "$T/inputs.real"; ln -s "$T/elsewhere" "$L/out/.work/inputs"
check_exit "a link at .work/inputs: exit 6" 6 "$BIN/csc-run" --conf "$L/pipeline.conf" --quiet
check_eq "... nothing written where it points" "contacts.txt" "$(ls "$T/elsewhere")"
check_eq "... and that file untouched" keep "$(cat "$T/elsewhere/contacts.txt")"

# 5. pipes: the contacts list and the CIN file as FIFOs, each written once by
# a writer that gives up after 30 s. csc-run must finish (not 124), read
# each once, and record what it read.
F="$T/f"; mk_tiny "$F"
mv "$F/contacts.csv" "$F/contacts.data"; mv "$F/cin.xml" "$F/cin.data"
mkfifo "$F/contacts.csv" "$F/cin.xml"
writers() {
	timeout 30 sh -c 'cat "$0" >"$1"' "$F/contacts.data" "$F/contacts.csv" & w1=$!
	timeout 30 sh -c 'cat "$0" >"$1"' "$F/cin.data" "$F/cin.xml" & w2=$!
}
for n in 1 2; do
	writers
	timeout 30 "$BIN/csc-run" --conf "$F/pipeline.conf" --quiet 2>"$T/fifo.err"; rc=$?
	check_eq "pipes, run $n: finishes with exit 0 (124 = hung)" 0 $rc
	wait $w1; r1=$?; wait $w2; r2=$?
	check_eq "pipes, run $n: both writers delivered everything" "0 0" "$r1 $r2"
	check_eq "pipes, run $n: FD01 February from the pipe" 10 "$(fig "$F/out/2024-02" FD01 value)"
	check_eq "pipes, run $n: manifest hash of the bytes written to the contacts pipe" \
		"$(sha "$F/contacts.data")" "$(manifest "$F/out/2024-02" contacts)"
	check_eq "pipes, run $n: manifest hash of the bytes written to the CIN pipe" \
		"$(sha "$F/cin.data")" "$(manifest "$F/out/2024-02" cin_census)"
done
check_eq "pipes: the extracts ran on both runs (a pipe cannot be hashed ahead)" 2 \
	"$(grep -c 'extract-contacts: start' "$F/out/logs/run-2024-02.log")"
# a CIN pipe with a DOCTYPE: refused (exit 3) without opening the pipe again
# to find the DOCTYPE's line, which would wait for a second writer forever
mkfifo "$T/doctype.xml"
timeout 30 sh -c 'printf "<?xml version=\"1.0\"?>\n<!DOCTYPE Message>\n<Message/>\n" >"$0"' "$T/doctype.xml" &
w=$!
timeout 30 "$BIN/csc-extract-cin" -o "$T/dt" "$T/doctype.xml" 2>"$T/dt.err"; rc=$?
wait $w
check_eq "a CIN pipe with a DOCTYPE: exit 3, not hung (124)" 3 $rc
check "... and says why" grep -q "a DOCTYPE is not allowed" "$T/dt.err"
finish
