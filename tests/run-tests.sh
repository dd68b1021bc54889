#!/usr/bin/env bash
# Run cmocka suites (arguments before --) and end-to-end scripts (after --),
# then print one closing line "N passed, M failed".
#
# End-to-end scripts report one line per check: "ok - what" or
# "not ok - what" (tests/e2e/lib.sh provides the helpers), and exit non-zero
# when any check failed.
set -u
passed=0
failed=0
failures=()
log=$(mktemp)
trap 'rm -f "$log"' EXIT

units=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do units+=("$1"); shift; done
[ $# -gt 0 ] && shift
scripts=("$@")

for t in "${units[@]}"; do
	"$t" >"$log" 2>&1
	rc=$?
	cat "$log"
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
	passed=$((passed + p))
	failed=$((failed + f))
	if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then
		failed=$((failed + 1)); failures+=("$t (exit $rc)")
	elif [ "$f" -ne 0 ]; then
		failures+=("$t")
	fi
done

for s in "${scripts[@]}"; do
	echo "== $s"
	bash "$s" >"$log" 2>&1
	rc=$?
	cat "$log"
	p=$(grep -c '^ok - ' "$log")
	f=$(grep -c '^not ok - ' "$log")
	passed=$((passed + p))
	failed=$((failed + f))
	if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then
		failed=$((failed + 1)); failures+=("$s (exit $rc)")
	elif [ "$f" -ne 0 ]; then
		failures+=("$s")
	fi
done

if [ ${#failures[@]} -gt 0 ]; then
	echo "FAILED:"
	printf '  %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
