#!/usr/bin/env bash
# Run cmocka suites (arguments before --) and end-to-end scripts (after --)
# under `prove` (TAP), TEST_JOBS (default 2) at a time, with each suite's
# time; then print one closing line "N passed, M failed" and exit non-zero
# if anything failed.
#
# cmocka writes TAP itself (CMOCKA_MESSAGE_OUTPUT=TAP). End-to-end scripts
# print "ok - what" / "not ok - what" lines (tests/e2e/lib.sh); run through
# this script's --one mode they get a closing plan line "1..N", so prove
# also catches a script that stops half-way (no plan, or exit status).
#
# Each suite's whole output (stdout and stderr merged, as TAP allows) is
# kept in $BUILD/test-logs/<suite>.tap with its exit status in <suite>.rc;
# the output of every failing suite is printed after prove's report.
# N and M are counted from those logs: every "ok" line passes, every
# "not ok" line fails, and a suite that exits non-zero (or that prove
# rejects, e.g. for a wrong plan) without a "not ok" line is one failure.
set -u
# The outputs' dates follow SOURCE_DATE_EPOCH when it is set: the suites
# that want it set it themselves, and one left in the caller's environment
# must not change what the others expect (the covers' Produced date).
unset SOURCE_DATE_EPOCH

logs=${TEST_LOGS:-${BUILD:-build}/test-logs}

# The file name for a suite's log: its path with / replaced.
logname() { local s=${1#./}; echo "$logs/${s//\//_}"; }

# --one SUITE: run one suite as a TAP producer for prove (prove --exec).
if [ "${1:-}" = "--one" ]; then
	suite=$2
	log=$(logname "$suite")
	case $suite in
	*.sh)
		# the checks' own lines, then the plan (TAP allows it last)
		bash "$suite" 2>&1 | tee "$log.tap" |
			awk '{ print; fflush() } /^(not )?ok( |$)/ { n++ } END { print "1.." n + 0 }'
		rc=${PIPESTATUS[0]} ;;
	*)
		CMOCKA_MESSAGE_OUTPUT=TAP "$suite" 2>&1 | tee "$log.tap"
		rc=${PIPESTATUS[0]} ;;
	esac
	echo "$rc" >"$log.rc"
	exit "$rc"
fi

units=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do units+=("$1"); shift; done
[ $# -gt 0 ] && shift
suites=("$@" "${units[@]}") # without timings: the scripts, longer, first
[ ${#suites[@]} -gt 0 ] || { echo "0 passed, 0 failed"; exit 0; }

rm -rf "$logs"
mkdir -p "$logs"
report=$logs/prove.out

# The slowest suites of the last run first (unknown ones count as slow),
# so a long end-to-end script does not start last and run alone; the
# times ($logs.times, "ms suite" lines from prove's --timer) outlive the logs.
times=$logs.times
if [ -s "$times" ]; then
	mapfile -t suites < <(for s in "${suites[@]}"; do
		t=$(awk -v s="$s" '$2 == s { print $1; exit }' "$times")
		echo "${t:-999999999} $s"
	done | sort -s -k1,1nr | cut -d' ' -f2-)
fi

# -j: suites in parallel; --timer: each suite's time; --merge: stderr
# into the TAP stream (so checks that print diagnostics stay in order).
prove -j "${TEST_JOBS:-2}" --timer --merge --exec "bash $0 --one" "${suites[@]}" | tee "$report"
prove_rc=${PIPESTATUS[0]}
# this run's times, then the last run's for suites not run this time
{ awk '/^\[[0-9:]+\] [^ ]+ \.+ ok +[0-9]+ ms/ {
	for (i = 3; i <= NF; i++) if ($i == "ms") { print $(i - 1), $2; break } }' "$report"
  cat "$times" 2>/dev/null; } | awk '!seen[$2]++' >"$times.new" && mv "$times.new" "$times"

# Suites prove failed ("name (Wstat: ...)" in its summary report).
rejected=$(sed -n 's/^\([^ ]*\) *(Wstat: .*/\1/p' "$report")

passed=0
failed=0
failures=()
for s in "${suites[@]}"; do
	log=$(logname "$s")
	p=$(grep -cE '^ok( |$)' "$log.tap" 2>/dev/null)
	f=$(grep -cE '^not ok( |$)' "$log.tap" 2>/dev/null)
	rc=$(cat "$log.rc" 2>/dev/null || echo "not run")
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	why=
	if [ "${f:-0}" -ne 0 ]; then
		why="$s"
	elif [ "$rc" != 0 ]; then
		failed=$((failed + 1)); why="$s (exit $rc)"
	elif grep -qxF -- "$s" <<<"$rejected"; then
		failed=$((failed + 1)); why="$s (TAP rejected by prove: see its report above)"
	fi
	if [ -n "$why" ]; then
		failures+=("$why")
		echo "== $s"
		cat "$log.tap" 2>/dev/null
	fi
done

if [ "$prove_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
	failed=1; failures+=("prove exited $prove_rc (see its report above)")
fi
if [ ${#failures[@]} -gt 0 ]; then
	echo "FAILED (logs in $logs):"
	printf '  %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$prove_rc" -eq 0 ]
