#!/usr/bin/env bash
# ref/bank-holidays-england-wales.csv: ../shared/reference's file (2015 to
# 2027) with the years 2000 to 2014 added before it, so that working days can
# be counted for a child looked after since then (LA09's first review is due
# 20 working days after the period of care began; outside the calendar the
# child is left out and reported as outside_calendar). Every year is
# recomputed from the rules in bank_holidays.py, and the shared years must be
# the shared file's rows, byte for byte.
. "$(dirname "$0")/lib.sh"
F=$ROOT/ref/bank-holidays-england-wales.csv
SHARED=${CSC_SHARED_REF:-$ROOT/../shared/reference}/bank-holidays-england-wales.csv
T=$(tmpdir)

"$PY" "$ROOT/tests/e2e/bank_holidays.py" "$F" 2000 2027 >"$T/out" 2>&1
check "every year 2000-2027 is what the rules give" test $? -eq 0
sed 's/^/#   /' "$T/out"

# the check itself catches a missing day, an extra day and a moved day
grep -v '^2012-06-05,' "$F" >"$T/missing.csv"
check "a missing day (Diamond Jubilee) is caught" \
	test "$("$PY" "$ROOT/tests/e2e/bank_holidays.py" "$T/missing.csv" 2000 2027 | grep -c '^FAIL 2012')" -eq 1
sed 's/^2010-05-31,/2010-05-24,/' "$F" >"$T/moved.csv"
check "a moved day (Spring 2010) is caught" \
	test "$("$PY" "$ROOT/tests/e2e/bank_holidays.py" "$T/moved.csv" 2000 2027 | grep -c '^FAIL 2010')" -eq 1

if [ ! -f "$SHARED" ]; then
	echo "ok - the years from 2015 are ../shared's # SKIP no $SHARED"
	finish
fi
check_eq "the years from 2015 are $SHARED's rows" "" \
	"$(diff <(sed -n '1p; /^20\(1[5-9]\|2[0-9]\)-/p' "$F") "$SHARED")"
check "the shared file still passes the rules (2015-2027)" \
	"$PY" "$ROOT/tests/e2e/bank_holidays.py" "$SHARED" 2015 2027
finish
