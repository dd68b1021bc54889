#!/usr/bin/env bash
# Issue 8: the nightly run. Determinism, locking, atomic publication under
# SIGKILL, incremental re-runs, manifest and verify, exit codes, quiet mode.
. "$(dirname "$0")/lib.sh"
T=$(tmpdir)

# --- a tiny authority: fast checks ----------------------------------------
mk_tiny() { mkdir -p "$1"; cp "$ROOT"/tests/data/tiny/{cin.xml,contacts.csv,pipeline.conf} "$1"/; }
mk_tiny "$T/a"; mk_tiny "$T/b"

out=$("$BIN/csc-run" --conf "$T/a/pipeline.conf" --quiet 2>&1); rc=$?
check_eq "quiet run succeeds" 0 $rc
check_eq "quiet run prints nothing" "" "$out"
out=$("$BIN/csc-run" --conf "$T/a/pipeline.conf" 2>/dev/null)
check "normal run prints a one-line summary" test "$(echo "$out" | wc -l)" -eq 1
check "summary names the authority and period" grep -q "Tinyborough 2024-02" <<<"$out"

# Determinism: rebuild everything from nothing in the same place and compare
# every published file (the manifest included) byte for byte.
cp -rL "$T/a/out/2024-02" "$T/first"
rm -rf "$T/a/out"
"$BIN/csc-run" --conf "$T/a/pipeline.conf" --quiet
check "two runs give byte-identical outputs (all files)" diff -r "$T/first" "$T/a/out/2024-02/"
"$BIN/csc-run" --conf "$T/b/pipeline.conf" --quiet
check "published folder is a link to a complete set" test -L "$T/a/out/2024-02"
check "manifest lists the inputs" grep -q '^input,contacts,' "$T/a/out/2024-02/manifest.csv"
check "manifest lists the outputs" grep -q '^output,measures.csv,' "$T/a/out/2024-02/manifest.csv"
check "manifest lists the drill-down workbook" grep -q '^output,drilldown-2024-02.xlsx,' "$T/a/out/2024-02/manifest.csv"
check "manifest has the version" grep -q '^program,version,' "$T/a/out/2024-02/manifest.csv"
check "log has timestamps and stage ends" grep -qE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T.*transform: end, exit 0' "$T/a/out/logs/run-2024-02.log"

check_exit "verify passes on untouched inputs" 0 "$BIN/csc-run" --verify --conf "$T/a/pipeline.conf"
printf 'C99,F,WBRI,01/01/2015,9,10/02/2024,6,K99,IA,10/02/2024,\n' >>"$T/b/contacts.csv"
check_exit "verify fails when an input changed" 2 "$BIN/csc-run" --verify --conf "$T/b/pipeline.conf"

# Periods are named, so one never overwrites another.
"$BIN/csc-run" --conf "$T/a/pipeline.conf" --period 2024-01 --quiet
check "2024-01 published beside 2024-02" test -f "$T/a/out/2024-01/measures.csv" -a -f "$T/a/out/2024-02/measures.csv"
"$BIN/csc-run" --conf "$T/a/pipeline.conf" --period 2023-Q3 --quiet
check "a financial quarter is published as 2023-Q3" test -f "$T/a/out/2023-Q3/measures.csv"

# Incremental: a change to the contacts list's content (a blank line, which
# holds no record) re-runs only what depends on it. (Touching it changes
# nothing: tests/e2e/run_change.sh.)
log="$T/a/out/logs/run-2024-02.log"
"$BIN/csc-run" --conf "$T/a/pipeline.conf" --quiet
n0=$(wc -l <"$log")
printf '\n' >>"$T/a/contacts.csv"
"$BIN/csc-run" --conf "$T/a/pipeline.conf" --quiet
new=$(tail -n +$((n0 + 1)) "$log")
check "contacts extract re-ran" grep -q 'extract-contacts: start' <<<"$new"
check "CIN extract did not re-run" bash -c "! grep -q 'extract-cin: start' <<<\"\$0\"" "$new"
check "transform re-ran" grep -q 'transform: start' <<<"$new"
n0=$(wc -l <"$log")
"$BIN/csc-run" --conf "$T/a/pipeline.conf" --quiet
new=$(tail -n +$((n0 + 1)) "$log")
check "nothing changed: no stage re-ran" bash -c "! grep -q ': start' <<<\"\$0\"" "$new"
n0=$(wc -l <"$log")
echo "rereferral_basis = closure" >>"$T/a/pipeline.conf"
"$BIN/csc-run" --conf "$T/a/pipeline.conf" --quiet
new=$(tail -n +$((n0 + 1)) "$log")
check "a transform setting re-runs transform" grep -q 'transform: start' <<<"$new"
check "... but no extract" bash -c "! grep -q 'extract-.*: start' <<<\"\$0\"" "$new"
# drilldown_periods is a transform setting: the published drill-down changes.
# (drilldown.csv expanded to a row per record and period: drill_expand.py)
check "published drill-down expands" "$PY" "$ROOT/tests/e2e/drill_expand.py" "$T/a/out/2024-02" "$T/rows1"
check_eq "published drill-down: no rolling 12 months by default" 0 \
	"$(grep -c ',2023-03-01,2024-02-29,' "$T/rows1")"
n0=$(wc -l <"$log")
echo "drilldown_periods = all" >>"$T/a/pipeline.conf"
"$BIN/csc-run" --conf "$T/a/pipeline.conf" --quiet
new=$(tail -n +$((n0 + 1)) "$log")
check "drilldown_periods re-runs transform" grep -q 'transform: start' <<<"$new"
check "drilldown_periods = all: published drill-down expands" \
	"$PY" "$ROOT/tests/e2e/drill_expand.py" "$T/a/out/2024-02" "$T/rows2"
check "drilldown_periods = all publishes the rolling 12 months' drill-down" \
	grep -q ',2023-03-01,2024-02-29,' "$T/rows2"
check "drilldown_periods.csv published with it" grep -q '^2023-03-01,2024-02-29,' \
	"$T/a/out/2024-02/drilldown_periods.csv"

# Locking: a held lock refuses a second run at once with exit 5; a lock file
# left by a dead run does not block.
# flock -o: the flock process alone holds the lock (its sleep does not), so
# killing it releases the lock; killing a setsid'd process group missed
# when setsid had forked, and the sleep kept the lock (a flaky exit 5 below)
flock -o "$T/a/out/.lock" sleep 30 </dev/null >/dev/null 2>&1 &
holder=$!
# wait until the holder has the lock (a fixed sleep lost the race when the
# suites run in parallel on a busy machine); at most 10 s
for _ in $(seq 1 500); do flock -n "$T/a/out/.lock" true || break; sleep 0.02; done
msg=$("$BIN/csc-run" --conf "$T/a/pipeline.conf" 2>&1); rc=$?
check_eq "overlapping run refused with exit 5" 5 $rc
check "refusal says why" grep -q "another run" <<<"$msg"
pkill -P $holder sleep 2>/dev/null; kill $holder 2>/dev/null; wait $holder 2>/dev/null
check_exit "lock file left behind does not block" 0 "$BIN/csc-run" --conf "$T/a/pipeline.conf" --quiet

# Exit codes.
printf 'la_name = X\n' >"$T/bad.conf"
check_exit "bad configuration" 4 "$BIN/csc-run" --conf "$T/bad.conf"
mk_tiny "$T/c"; rm "$T/c/contacts.csv"
msg=$("$BIN/csc-run" --conf "$T/c/pipeline.conf" --quiet 2>&1); rc=$?
check_eq "missing input (exit 3)" 3 $rc
check "missing input is named" grep -q "contacts.csv" <<<"$msg"
check "no outputs published after a failure" test ! -e "$T/c/out/2024-02"
check_exit "bad period" 4 "$BIN/csc-run" --conf "$T/a/pipeline.conf" --period 2024-13

# --- SIGKILL at several points, on a larger generated authority ------------
G="$T/g"
"$BIN/csc-gen-sample" --out "$G" --children 20000 --seed 7 --quiet
"$BIN/csc-run" --conf "$G/pipeline.conf" --quiet
P=$(sed -n 's/^period_end = //p' "$G/pipeline.conf")
GO="$G/$(sed -n 's/^output_dir = //p' "$G/pipeline.conf")"
pub="$GO/$P"
check "generated authority published" test -f "$pub/manifest.csv"
# every output in the published folder matches its manifest
intact() {
	local d=$1 bad=0
	while IFS=, read -r kind name value; do
		[ "$kind" = output ] || continue
		[ "$(sha256sum "$d/$name" | cut -d' ' -f1)" = "$value" ] || bad=1
	done <"$d/manifest.csv"
	[ $bad -eq 0 ] && ! ls "$d" | grep -q '\.tmp\.'
}
for stage in extract-cin extract-903 transform load; do
	before=$(sha256sum "$pub/manifest.csv")
	# change every input's content (a blank line holds no record) so that a
	# completed run would publish something new: a new manifest
	for f in "$G/$(sed -n 's/^cin_census = //p' "$G/pipeline.conf")" "$G"/ssda903/*.csv "$G/contacts.csv"; do
		printf '\n' >>"$f"
	done
	log="$GO/logs/run-$P.log"
	n0=$(wc -l <"$log")
	setsid "$BIN/csc-run" --conf "$G/pipeline.conf" --quiet &
	runner=$!
	for _ in $(seq 1 400); do
		tail -n +$((n0 + 1)) "$log" | grep -q "$stage: start" && break
		sleep 0.02
	done
	sleep 0.05
	kill -KILL -- -"$runner" 2>/dev/null; wait "$runner" 2>/dev/null
	check "killed during $stage: published set intact" intact "$pub"
	check "killed during $stage: previous manifest still published" test "$before" = "$(sha256sum "$pub/manifest.csv")"
	check_exit "run after the kill during $stage succeeds" 0 "$BIN/csc-run" --conf "$G/pipeline.conf" --quiet
	check "after the re-run the set is complete" intact "$pub"
done
finish
