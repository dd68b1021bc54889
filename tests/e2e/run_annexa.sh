#!/usr/bin/env bash
# Issue 18: Annex A in the published set. With `annexa = yes` csc-run builds
# annex-a-<date>.xlsx and its checks CSV for the day after the data's end
# into the period's folder, published all-or-nothing with the rest and
# listed in manifest.csv; a failing Annex A stage fails the run and leaves
# the published period as it was; switched off, they go. `make annexa` for
# another date still writes into <output_dir>/annex-a/, the checks CSV
# before the workbook.
. "$(dirname "$0")/lib.sh"
T=$(tmpdir)

mk_tiny() { mkdir -p "$1"; cp "$ROOT"/tests/data/tiny/{cin.xml,contacts.csv,pipeline.conf} "$1"/; }
# hash of a file as the manifest writes it
sha() { sha256sum "$1" | cut -d' ' -f1; }
# the manifest's value for kind,name (empty when there is no such row)
mrow() { awk -F, -v k="$2" -v n="$3" '$1 == k && $2 == n { print $3 }' "$1"; }

# --- annexa = yes: the workbook and its checks in the period's set -------
# The data are said to run to 29/02/2024 (a leap day), so the default
# inspection date is the day after: 01/03/2024.
mk_tiny "$T/a"
printf 'data_extracted = 2024-02-29\nannexa = yes\n' >>"$T/a/pipeline.conf"
out=$("$BIN/csc-run" --conf "$T/a/pipeline.conf" --quiet 2>&1); rc=$?
check_eq "a run with annexa = yes succeeds" 0 $rc
check_eq "and, quiet, prints nothing" "" "$out"
P=$T/a/out/2024-02
wb=annex-a-2024-03-01.xlsx ck=annex-a-2024-03-01-checks.csv
check "the published period holds the workbook for the day after the data's end" test -f "$P/$wb"
check "and its checks CSV" test -f "$P/$ck"
check "exactly those two Annex A files" test "$(ls "$P" | grep -c '^annex-a-')" -eq 2
check "nothing written into <output_dir>/annex-a" test ! -e "$T/a/out/annex-a"
check_eq "manifest row of the workbook: its SHA-256" "$(sha "$P/$wb")" "$(mrow "$P/manifest.csv" output "$wb")"
check_eq "manifest row of the checks CSV: its SHA-256" "$(sha "$P/$ck")" "$(mrow "$P/manifest.csv" output "$ck")"
check_eq "one manifest row each" 2 "$(grep -c '^output,annex-a-' "$P/manifest.csv")"
check_eq "the setting is in the manifest" yes "$(mrow "$P/manifest.csv" setting annexa.annexa)"
check "published hard-linked from the work folder, like the other outputs" \
	test "$(stat -c %i "$P/$wb")" = "$(stat -c %i "$T/a/out/.work/2024-02/$wb")"
check "the stage is logged with its exit status" grep -q 'csc-stage: annexa: end, exit 0' "$T/a/out/logs/run-2024-02.log"
check "after the load" bash -c "grep -n 'annexa: start\|load: end' '$T/a/out/logs/run-2024-02.log' | tail -2 | head -1 | grep -q 'load: end'"
check "the tiny clean data have no findings: header only" test "$(wc -l <"$P/$ck")" -eq 1
# the cover's two dates are date cells shown beside their labels
check_eq "cover: inspection date and data end, dates beside their labels" \
"Inspection date 2024-03-01 d mmmm yyyy left
Data runs to 2024-02-29 d mmmm yyyy left" "$("$PY" - "$P/$wb" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Cover"]
for r in ws.iter_rows(max_col=2):
    if r[0].value in ("Inspection date", "Data runs to"):
        c = r[1]
        print(r[0].value, c.value.strftime("%Y-%m-%d"), c.number_format, c.alignment.horizontal)
PY
)"

# The same bytes as csc-annexa run by hand on that staging for that date:
# the stage is csc-annexa, nothing more. With -o it takes no lock, which
# the stage needed (csc-run holds it); by hand, the lock held elsewhere
# does not stop it either, while the default folder waits for the lock.
( flock 9; "$BIN/csc-annexa" --conf "$T/a/pipeline.conf" --date 2024-03-01 -o "$T/hand" --quiet; echo $? >"$T/hand.rc" ) 9>>"$T/a/out/.lock"
check_eq "csc-annexa -o runs while the run lock is held" 0 "$(cat "$T/hand.rc")"
check "the published workbook is what csc-annexa writes for 01/03/2024" cmp "$P/$wb" "$T/hand/$wb"
check "and the checks CSV" cmp "$P/$ck" "$T/hand/$ck"
( flock 9; "$BIN/csc-annexa" --conf "$T/a/pipeline.conf" --date 2024-03-01 --quiet 2>/dev/null; echo $? >"$T/dflt.rc" ) 9>>"$T/a/out/.lock"
check_eq "the default folder needs the lock (control)" 5 "$(cat "$T/dflt.rc")"

# Byte-identical: a rerun from nothing gives the same set, manifest too.
cp -rL "$P" "$T/first"
rm -rf "$T/a/out"
"$BIN/csc-run" --conf "$T/a/pipeline.conf" --quiet
check "a rerun from nothing is byte-identical (every file)" diff -r "$T/first" "$P/"
check_exit "verify rebuilds Annex A and matches" 0 "$BIN/csc-run" --verify --conf "$T/a/pipeline.conf"

# Incremental: nothing changed, nothing re-runs; a new commentary re-runs
# the load, not Annex A; the data's end moving re-runs it and the
# workbook of the old date goes.
log=$T/a/out/logs/run-2024-02.log
n0=$(wc -l <"$log")
"$BIN/csc-run" --conf "$T/a/pipeline.conf" --quiet
check "nothing changed: Annex A not rebuilt" bash -c "! tail -n +$((n0 + 1)) '$log' | grep -q 'annexa: start'"
sed -i 's/^data_extracted = .*/data_extracted = 2024-02-28/' "$T/a/pipeline.conf"
n0=$(wc -l <"$log")
"$BIN/csc-run" --conf "$T/a/pipeline.conf" --quiet
check "data_extracted moved: Annex A rebuilt" bash -c "tail -n +$((n0 + 1)) '$log' | grep -q 'annexa: start'"
check "for the new day after the data's end, 29/02/2024" test -f "$P/annex-a-2024-02-29.xlsx" -a -f "$P/annex-a-2024-02-29-checks.csv"
check "the old date's workbook is no longer published" test ! -e "$P/$wb" -a ! -e "$P/$ck"
check_eq "nor in the manifest" 0 "$(grep -c "annex-a-2024-03-01" "$P/manifest.csv")"

# --- a failing Annex A stage fails the run; the published set stays -----
cp -rL "$P" "$T/before"
link=$(readlink "$P")
printf 'Child Unique ID,Alocated Team\nA1,Team North\n' >"$T/a/supp.csv"
echo "annexa_supplementary = supp.csv" >>"$T/a/pipeline.conf"
add_contact "$T/a" # the load has something new too: it must not be published
exit_says "a supplementary list with an unknown column" 3 "unknown column 'Alocated Team'" \
	"$BIN/csc-run" --conf "$T/a/pipeline.conf" --quiet
check "the run says nothing was published" grep -q 'published outputs are unchanged' "$E2E_STDERR"
check "the stage's exit status is logged" grep -q 'csc-stage: annexa: end, exit 3' "$log"
check_eq "the period link is unchanged" "$link" "$(readlink "$P")"
check "the published set is byte for byte the previous one" diff -r "$T/before" "$P/"
printf 'Child Unique ID,Allocated Team\nA1,Team North\n' >"$T/a/supp.csv"
"$BIN/csc-run" --conf "$T/a/pipeline.conf" --quiet
check_eq "mended, the run publishes (the supplementary list hashed in the manifest)" \
	"$(sha "$T/a/supp.csv")" "$(mrow "$P/manifest.csv" input annexa_supplementary)"

rm "$T/a/supp.csv"
exit_says "a supplementary list that is not there" 3 "$T/a/supp.csv: cannot read" \
	"$BIN/csc-run" --conf "$T/a/pipeline.conf" --quiet
check "still the last publication" test -f "$P/annex-a-2024-02-29.xlsx"
printf 'Child Unique ID,Allocated Team\nA1,Team North\n' >"$T/a/supp.csv"

# --- switched off: Annex A leaves the set, and the settings the manifest --
sed -i 's/^annexa = yes/annexa = no/' "$T/a/pipeline.conf"
"$BIN/csc-run" --conf "$T/a/pipeline.conf" --quiet
check "annexa = no: no Annex A file published" bash -c "! ls '$P' | grep -q '^annex-a-'"
check "nor left in the work folder" bash -c "! ls '$T/a/out/.work/2024-02' | grep -q '^annex-a-'"
check_eq "no annexa row in the manifest" 0 "$(grep -c '^setting,annexa\.\|annexa_supplementary\|annex-a-' "$P/manifest.csv")"
sed -i 's/^annexa = no/annexa = yes/' "$T/a/pipeline.conf"
"$BIN/csc-run" --conf "$T/a/pipeline.conf" --quiet
check "switched on again: rebuilt and published" test -f "$P/annex-a-2024-02-29.xlsx"

# --- without the key: as before --------------------------------------------
mk_tiny "$T/b"
"$BIN/csc-run" --conf "$T/b/pipeline.conf" --quiet
check "no annexa key: no Annex A in the set" bash -c "! ls '$T/b/out/2024-02' | grep -q '^annex-a-'"
check_eq "and no annexa row in the manifest" 0 "$(grep -c '^setting,annexa\.\|annexa_supplementary\|annex-a-' "$T/b/out/2024-02/manifest.csv")"
check "no stage logged" bash -c "! grep -q 'annexa: \|csc-annexa' '$T/b/out/logs/run-2024-02.log'"

# --- make annexa's folder: never a workbook without its checks -----------
# The checks CSV is renamed into place first, the workbook last: when the
# CSV cannot be (a folder in its way), there is no workbook either.
mkdir -p "$T/b/out/annex-a/annex-a-2024-01-15-checks.csv"
check_exit "the checks CSV cannot be renamed into place" 6 \
	"$BIN/csc-annexa" --conf "$T/b/pipeline.conf" --date 2024-01-15 --quiet
check "so no workbook appears" test ! -e "$T/b/out/annex-a/annex-a-2024-01-15.xlsx"
check "and no temporary is left" bash -c "! ls '$T/b/out/annex-a' | grep -q tmp"
rmdir "$T/b/out/annex-a/annex-a-2024-01-15-checks.csv"
check_exit "once it can, both are written" 0 \
	"$BIN/csc-annexa" --conf "$T/b/pipeline.conf" --date 2024-01-15 --quiet
check "both there" test -f "$T/b/out/annex-a/annex-a-2024-01-15.xlsx" -a -f "$T/b/out/annex-a/annex-a-2024-01-15-checks.csv"
check "and not in the published set" bash -c "! ls '$T/b/out/2024-02' | grep -q '^annex-a-'"

finish
