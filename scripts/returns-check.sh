#!/usr/bin/env bash
# make returns, last step: validate the returns csc-returns has just written
# for YEAR with csc-validate (the year's rule sets; last year's SSDA903
# return as --903-previous when it is there), print its counts per
# severity, and exit 2 when it found an error (queries alone exit 0).
# When the staged data end before 31 March YEAR the year is not over: the
# returns are in-year drafts, and the last line says so, since rules judged
# on 31 March then report what the data cannot show yet.
# Usage: scripts/returns-check.sh BIN CONF YEAR
set -u
BIN=$1 CONF=$2 YEAR=$3
dir=$("$BIN/csc-returns" --conf "$CONF" --year "$YEAR" --print-dir) || exit
prev=$("$BIN/csc-returns" --conf "$CONF" --year "$((YEAR - 1))" --print-dir) || exit
args=()
[ -f "$dir/cin-$YEAR.xml" ] && args+=(--cin "$dir/cin-$YEAR.xml")
if [ -d "$dir/ssda903-$YEAR" ]; then
	args+=(--903 "$dir/ssda903-$YEAR")
	[ -d "$prev/ssda903-$((YEAR - 1))" ] && args+=(--903-previous "$prev/ssda903-$((YEAR - 1))")
fi
if [ ${#args[@]} -eq 0 ]; then
	echo "returns-check: nothing to validate in $dir" >&2
	exit 3
fi
end=$("$BIN/csc-returns" --conf "$CONF" --year "$YEAR" --print-data-end) || exit
# the summary line csc-validate prints is the counts per severity
"$BIN/csc-validate" "${args[@]}" --year "$YEAR" -o "$dir-validation"
rc=$?
if [[ $end < "$YEAR-03-31" ]]; then
	echo "returns-check: $((YEAR - 1))-${YEAR:2:2} is not complete: the staged data end on $end," \
		"before 31 March $YEAR, so these are in-year returns. Rules judged on 31 March" \
		"(ages at the year's end, the 12-month OC2 cohort, how long a placement or" \
		"legal status has lasted) take the year as ended on that date, so some errors" \
		"may only mean that the year is not over. Validate again once the data run" \
		"past 31 March $YEAR." >&2
fi
case $rc in
0 | 1) exit 0 ;;
*) exit "$rc" ;;
esac
