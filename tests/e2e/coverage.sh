#!/usr/bin/env bash
# Coverage: the date the data runs to (README, "Coverage"). The tiny
# authority's CIN census runs to 29/02/2024 (its latest CINreferralDate) and
# its contacts list to 04/03/2024 (a contact completed that day), so the
# data runs to 29/02/2024 and the CIN census limits it. Worked by hand:
# - March 2024 starts after it: refused (exit 4), nothing published;
# - 2023-Q4 (January to March 2024) ends after it: published as partial,
#   "data to 29/02/2024 (CIN census)" on the cover, every strand sheet and
#   coverage.csv; March has no figures (not zeros); February's contacts
#   received is still 10 (EXPECTED.md), and the quarter's 12 (January 1,
#   February 10, and the contact of 01/03/2024, which the list holds);
# - data_extracted = 2024-03-31 covers March: complete;
# - no period given: the last complete month the data covers (February
#   2024 when the data ends on 29/02; January when it ends mid-February),
#   not the clock's; a second run re-runs no stage.
. "$(dirname "$0")/lib.sh"
T=$(tmpdir)
cp "$ROOT"/tests/data/tiny/{cin.xml,contacts.csv} "$T"/
base() { grep -v '^period_end\|^output_dir' "$ROOT/tests/data/tiny/pipeline.conf"; }
CHK="$ROOT/tests/e2e/coverage_check.py"

# --- refused: a period that starts after the data
{ base; echo "output_dir = out"; } >"$T/a.conf"
"$BIN/csc-run" --conf "$T/a.conf" --period 2024-03 --quiet >"$T/err" 2>&1
check_eq "period after the data refused (exit 4)" 4 $?
check "the message names the input and its date" \
	grep -q "period 2024-03 starts after the data: cin_census runs to 29/02/2024" "$T/err"
check "nothing published for 2024-03" test ! -e "$T/out/2024-03"
"$BIN/csc-run" --conf "$T/a.conf" --period 2024-Q4 --quiet >"$T/err" 2>&1
check_eq "a quarter after the data refused (exit 4)" 4 $?
{ base; echo "period_end = 2024-04"; echo "output_dir = out"; } >"$T/pe.conf"
check_exit "period_end after the data refused" 4 "$BIN/csc-run" --conf "$T/pe.conf" --quiet

# --- partial: a quarter that ends after the data
check "2023-Q4 (ends after the data) runs" "$BIN/csc-run" --conf "$T/a.conf" --period 2023-Q4 --quiet
Q="$T/out/2023-Q4"
check_eq "coverage.csv" \
"input,latest_event,found_in,data_to,limits,period_end,status
cin,2024-02-29,cin_episodes.csv referral_date,2024-02-29,yes,2024-03-31,partial
contacts,2024-03-04,contacts.csv completed_date,2024-03-04,no,2024-03-31,partial" \
	"$(cat "$Q/coverage.csv")"
check_eq "no March figures in measures.csv (not zeros)" 0 \
	"$(grep -c '^[^,]*,[^,]*,2024-03-01,' "$Q/measures.csv")"
"$PY" "$ROOT/tests/e2e/tiny_check.py" "$Q/measures.csv" "FD01@2024-02-01..2024-02-29=10/10/" \
	"FD01@2024-01-01..2024-03-31=12/12/" || E2E_FAILED=1
for x in highlight quarterly; do
	"$PY" "$CHK" "$Q/$x-2023-Q4.xlsx" 2024-02-29 "data to 29/02/2024 (CIN census)" || E2E_FAILED=1
done
"$PY" "$CHK" "$Q/highlight-2023-Q4.xlsx" 2024-02-29 "data to 29/02/2024 (CIN census)" \
	--nodata "Mar 24" --figure "Feb 24=10" || E2E_FAILED=1

# --- a complete period says nothing of the kind
check "2024-02 (covered) runs" "$BIN/csc-run" --conf "$T/a.conf" --period 2024-02 --quiet
check_eq "coverage.csv status" "complete complete" \
	"$(tail -n +2 "$T/out/2024-02/coverage.csv" | cut -d, -f7 | tr '\n' ' ' | sed 's/ $//')"
"$PY" "$CHK" "$T/out/2024-02/highlight-2024-02.xlsx" 2024-02-29 "" --figure "Feb 24=10" ||
	E2E_FAILED=1

# --- data_extracted overrides the latest event dates
{ base; echo "data_extracted = 2024-03-31"; echo "output_dir = out-x"; } >"$T/x.conf"
check "data_extracted = 2024-03-31: March runs" "$BIN/csc-run" --conf "$T/x.conf" --period 2024-03 --quiet
check_eq "coverage.csv (data_extracted)" \
"cin,2024-02-29,data_extracted,2024-03-31,yes,2024-03-31,complete
contacts,2024-03-04,data_extracted,2024-03-31,no,2024-03-31,complete" \
	"$(tail -n +2 "$T/out-x/2024-03/coverage.csv")"
"$PY" "$CHK" "$T/out-x/2024-03/highlight-2024-03.xlsx" 2024-03-31 "" || E2E_FAILED=1
{ base; echo "data_extracted = 2024-02-14"; echo "output_dir = out-x"; } >"$T/x.conf"
"$BIN/csc-run" --conf "$T/x.conf" --period 2024-02 --quiet
"$PY" "$CHK" "$T/out-x/2024-02/highlight-2024-02.xlsx" 2024-02-14 \
	"data to 14/02/2024 (data_extracted in pipeline.conf)" || E2E_FAILED=1

# --- the default period comes from the data, not the clock
{ base; echo "output_dir = out-d"; } >"$T/d.conf"
check "no period: runs" "$BIN/csc-run" --conf "$T/d.conf" --quiet
check_eq "default: February 2024 (data to 29/02/2024, a month end)" "2024-02" \
	"$(cd "$T/out-d" && ls -d 20* | tr '\n' ' ' | sed 's/ $//')"
check "its log is run-2024-02.log, from the first line" \
	grep -q "run (period from the data) for Tinyborough started" "$T/out-d/logs/run-2024-02.log"
check "no run-default.log left" test ! -e "$T/out-d/logs/run-default.log"
check "the log says why" grep -q "period 2024-02: the last complete month the data covers (cin_census runs to 29/02/2024" \
	"$T/out-d/logs/run-2024-02.log"
before=$(stat -c %Y.%s "$T/out-d/staging/recon_cin.csv" "$T/out-d/.work/2024-02/transform.done" | tr '\n' ' ')
sleep 1.1
check "no period, again" "$BIN/csc-run" --conf "$T/d.conf" --quiet
check_eq "the second run re-ran no stage" "$before" \
	"$(stat -c %Y.%s "$T/out-d/staging/recon_cin.csv" "$T/out-d/.work/2024-02/transform.done" | tr '\n' ' ')"
check_eq "the second run's log names no stage start" 0 \
	"$(awk '/started$/{n=0} /: start$/{n++} END{print n}' "$T/out-d/logs/run-2024-02.log")"
check "verify with no period checks the default pack" "$BIN/csc-run" --conf "$T/d.conf" --verify
{ base; echo "data_extracted = 2024-02-14"; echo "output_dir = out-m"; } >"$T/m.conf"
check "no period, data to mid-February: runs" "$BIN/csc-run" --conf "$T/m.conf" --quiet
check_eq "default: January 2024" "2024-01" "$(cd "$T/out-m" && ls -d 20* | tr '\n' ' ' | sed 's/ $//')"

# --- the other two extracts' coverage files, read off the test files by hand:
# SSDA903 tests/data/ssda903/good: the latest DEC is 20/06/2023, DATE_MATCH
# 01/06/2023, MIS_START 10/06/2023, DATE_PLACED 01/07/2023, DATE_PERM
# 01/01/2019, REVIEW 02/05/2023, SW_DEC 01/06/2023; a DOB or MC_DOB of
# 05/06/2030 in Header and a DUC of 31/12/2033 in UASC are no events.
"$BIN/csc-extract-903" -o "$T/s903" --ref "$ROOT/ref" --quiet "$ROOT/tests/data/ssda903/good"
check_eq "coverage_ssda903.csv" "staging_file,column,latest_event
ssda903_episodes.csv,DEC,2023-06-20
ssda903_ad1.csv,DATE_MATCH,2023-06-01
ssda903_missing.csv,MIS_START,2023-06-10
ssda903_placedadoption.csv,DATE_PLACED,2023-07-01
ssda903_prevperm.csv,DATE_PERM,2019-01-01
ssda903_reviews.csv,REVIEW,2023-05-02
ssda903_socialworker.csv,SW_DEC,2023-06-01" "$(cat "$T/s903/coverage_ssda903.csv")"
# early help tests/data/early_help/good.csv: the latest date is an
# assessment start of 01/07/2023 (ISO in the file); the latest end 30/06/2023.
"$BIN/csc-extract-earlyhelp" -o "$T/seh" --quiet "$ROOT/tests/data/early_help/good.csv"
check_eq "coverage_early_help.csv" "staging_file,column,latest_event
early_help.csv,assessment_start,2023-07-01" "$(cat "$T/seh/coverage_early_help.csv")"
finish
