#!/usr/bin/env bash
# Issue 19, part 1: the publication edition (publish_edition = yes). A small
# generated authority (many small numbers) and the tiny hand-made one run
# through csc-run; pub_check.py recomputes independently that the
# published CSV and workbook show no number from 1 to 5 and no figure
# recoverable by subtraction within a breakdown or a period group. With the
# setting off nothing new is written, and what an earlier run wrote goes.
. "$(dirname "$0")/lib.sh"
T=$(tmpdir)
TPL=$ROOT/templates/highlight.tpl

# sample AUTHORITY_DIR SEED [conf lines...]
sample() {
	local d=$1 seed=$2; shift 2
	"$BIN/csc-gen-sample" --out "$d" --children 800 --seed "$seed" --quiet
	for l in "$@"; do echo "$l" >>"$d/pipeline.conf"; done
}

sample "$T/on" 11 "publish_edition = yes"
check "csc-run with publish_edition = yes" "$BIN/csc-run" --conf "$T/on/pipeline.conf" --quiet
R=$T/on/output/2026-10
check "measures-published.csv written" test -s "$R/measures-published.csv"
check "published highlight workbook written" test -s "$R/highlight-2026-10-published.xlsx"
check "both in the manifest" bash -c "grep -q '^output,measures-published.csv,' '$R/manifest.csv' &&
	grep -q '^output,highlight-2026-10-published.xlsx,' '$R/manifest.csv'"
check "csc-run --verify accepts the set" "$BIN/csc-run" --conf "$T/on/pipeline.conf" --verify --quiet
"$PY" "$ROOT/tests/e2e/pub_check.py" "$R" 2026-10 "$TPL" || E2E_FAILED=1

# The same inputs elsewhere: byte-identical edition.
sample "$T/on2" 11 "publish_edition = yes"
"$BIN/csc-run" --conf "$T/on2/pipeline.conf" --quiet
check "published CSV byte-identical across runs" \
	cmp -s "$R/measures-published.csv" "$T/on2/output/2026-10/measures-published.csv"
check "published workbook byte-identical across runs" \
	cmp -s "$R/highlight-2026-10-published.xlsx" "$T/on2/output/2026-10/highlight-2026-10-published.xlsx"

# The checker is not vacuous: reveal one secondary figure (c in the edition,
# more than 5 in truth) and one primary one, and it must fail each time.
for what in secondary primary; do
	mkdir -p "$T/tamper-$what"
	cp "$R"/{measures.csv,definitions.csv,highlight-2026-10-published.xlsx} "$T/tamper-$what/"
	"$PY" - "$R" "$T/tamper-$what" "$what" <<'PY'
import csv, sys
src, dst, what = sys.argv[1:4]
true = {tuple(r[:4]): r for r in csv.reader(open(src + "/measures.csv"))}
rows = list(csv.reader(open(src + "/measures-published.csv")))
def small(x):
    return x not in ("", None) and 0 < float(x) < 6
for i, r in enumerate(rows[1:], 1):
    t = true[tuple(r[:4])]
    if r[4] == "c" and (small(t[5]) or small(t[6])) == (what == "primary"):
        rows[i] = t
        break
else:
    sys.exit("nothing to reveal")
csv.writer(open(dst + "/measures-published.csv", "w", newline=""), lineterminator="\n").writerows(rows)
PY
	check "checker fails when a $what figure is revealed" \
		bash -c "! '$PY' '$ROOT/tests/e2e/pub_check.py' '$T/tamper-$what' 2026-10 '$TPL' >'$T/tamper-$what.log'"
done
check "revealed secondary: found recoverable by subtraction" \
	grep -q "^not ok - csv: no relation with exactly one suppressed" "$T/tamper-secondary.log"
check "revealed primary: found as a small number" \
	grep -q "^not ok - csv: no numerator or denominator from 1 to 5" "$T/tamper-primary.log"

# The tiny hand-made authority (FD01 Jan = 1, FD06 = 1, 1, 4...).
mkdir -p "$T/tiny"
cp "$ROOT"/tests/data/tiny/{cin.xml,contacts.csv,pipeline.conf} "$T/tiny/"
echo "publish_edition = yes" >>"$T/tiny/pipeline.conf"
check "tiny authority with publish_edition = yes" "$BIN/csc-run" --conf "$T/tiny/pipeline.conf" --quiet
"$PY" "$ROOT/tests/e2e/pub_check.py" "$T/tiny/out/2024-02" 2024-02 "$TPL" || E2E_FAILED=1
P=$T/tiny/out/2024-02/measures-published.csv
# Worked by hand (tests/data/tiny/EXPECTED.md): FD01 Feb 10 contacts shown,
# Jan 1 and Dec 2 suppressed; FD05 Dec 0/0 (no cases) shown empty.
check_eq "tiny: FD01 Feb 2024 (10) shown" "10,10," "$(grep '^FD01,,2024-02-01,2024-02-29,' "$P" | cut -d, -f5-)"
check_eq "tiny: FD01 Jan 2024 (1) is c" "c,c," "$(grep '^FD01,,2024-01-01,2024-01-31,' "$P" | cut -d, -f5-)"
check_eq "tiny: FD05 Dec 2023 no cases shown" ",0,0" "$(grep '^FD05,,2023-12-01,2023-12-31,' "$P" | cut -d, -f5-)"

# Off (the default): nothing new. Then off again after an on run in the same
# output folder: the new set has no edition.
sample "$T/off" 11
check "csc-run with the default" "$BIN/csc-run" --conf "$T/off/pipeline.conf" --quiet
check_eq "default run writes no publication edition" "" \
	"$(ls "$T/off/output/2026-10/" | grep -i published)"
check_eq "default manifest lists no edition" "0" \
	"$(grep -c 'published' "$T/off/output/2026-10/manifest.csv")"
sed -i 's/^publish_edition = yes$/publish_edition = no/' "$T/on/pipeline.conf"
check "csc-run after switching it off" "$BIN/csc-run" --conf "$T/on/pipeline.conf" --quiet
check_eq "switched off: the new set has no edition" "" \
	"$(ls "$T/on/output/2026-10/" "$T/on/output/.work/2026-10/" | grep -i published)"
finish
