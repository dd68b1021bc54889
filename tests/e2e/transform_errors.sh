#!/usr/bin/env bash
# csc-transform's input errors are reported by the code that finds them and
# returned up to main (one error policy: no exit() below main, no atexit
# list of open outputs): a bad staging value, a missing staging column and
# a bad comparators row each exit 3 with "file:line: message", leave no
# temporary file, and leave the previous run's outputs as they were.
. "$(dirname "$0")/lib.sh"
TX="$BIN/csc-transform"
T=$(tmpdir)
stage_tiny "$T" || { not_ok "staging from the tiny authority"; finish; }
S=$T/out/staging
cp "$S/contacts.csv" "$T/contacts.good"
check "a good run first" "$TX" --conf "$T/pipeline.conf" --quiet
OUTS="measures.csv dq.csv drilldown.csv rag.csv definitions.csv coverage.csv"
for f in $OUTS; do cp "$T/out/$f" "$T/$f.good"; done

# after NAME: exit 3 seen, no temporary file, the good outputs untouched
after() {
	check "$1: no temporary file left" test -z "$(find "$T/out" -name '*.tmp.*')"
	for f in $OUTS; do
		check "$1: $f of the previous run untouched" cmp -s "$T/$f.good" "$T/out/$f"
	done
}

# A date that is not one, on the third staged contact (file line 4).
awk -F, -v OFS=, 'NR == 4 { $7 = "2024-02-30" } { print }' "$T/contacts.good" >"$S/contacts.csv"
err=$("$TX" --conf "$T/pipeline.conf" --quiet 2>&1); rc=$?
check_eq "bad staging date: exit 3" 3 "$rc"
check_eq "bad staging date: file, line, column and value" \
	"csc-transform: $S/contacts.csv:4: contact_date: '2024-02-30' is not a date YYYY-MM-DD" "$err"
after "bad staging date"
# for another period, whose coverage.csv would differ (its period_end):
# coverage.csv too is committed only when the whole run succeeds
check_exit "bad staging date, period 2024-01: exit 3" 3 "$TX" --conf "$T/pipeline.conf" --period 2024-01 --quiet
after "bad staging date, period 2024-01"

# A code longer than its field (outcome holds at most a few characters).
awk -F, -v OFS=, 'NR == 2 { $9 = "REFERRED-TO-SOMEONE-ELSE-ENTIRELY" } { print }' "$T/contacts.good" >"$S/contacts.csv"
err=$("$TX" --conf "$T/pipeline.conf" --quiet 2>&1); rc=$?
check_eq "over-long staging code: exit 3" 3 "$rc"
check "over-long staging code: named" grep -qF "contacts.csv:2: outcome: 'REFERRED-TO-SOMEONE-ELSE-ENTIRELY' is not a code" <<<"$err"
after "over-long staging code"

# A staging header without a column the transform reads.
sed '1s/contact_date/date_of_contact/' "$T/contacts.good" >"$S/contacts.csv"
err=$("$TX" --conf "$T/pipeline.conf" --quiet 2>&1); rc=$?
check_eq "missing staging column: exit 3" 3 "$rc"
check_eq "missing staging column: named" \
	"csc-transform: $S/contacts.csv:1: staging header has no column 'contact_date'" "$err"
after "missing staging column"
cp "$T/contacts.good" "$S/contacts.csv"

# A comparators row whose target is not a number.
cp -r "$ROOT/templates" "$T/tpl"
echo "FD01,,2023-24,,,,lots," >>"$T/tpl/comparators.csv"
n=$(wc -l <"$T/tpl/comparators.csv")
echo "templates_dir = tpl" >>"$T/pipeline.conf"
err=$("$TX" --conf "$T/pipeline.conf" --quiet 2>&1); rc=$?
check_eq "bad comparators target: exit 3" 3 "$rc"
check_eq "bad comparators target: file, line, column and value" \
	"csc-transform: $T/tpl/comparators.csv:$n: target: 'lots' is not a number" "$err"
after "bad comparators target"
# and a missing comparators file
rm "$T/tpl/comparators.csv"
check_exit "missing comparators: exit 3" 3 "$TX" --conf "$T/pipeline.conf" --quiet
after "missing comparators"
finish
