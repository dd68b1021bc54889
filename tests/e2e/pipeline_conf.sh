#!/usr/bin/env bash
# The top-level pipeline.conf runs the bundled sample as it is (the sample
# `make sample` generates, paths relative to the conf) and gives the same
# figures as the sample's own generated conf; `make run`, `make verify` and
# `make returns` run it and report a failing program's own status, which
# scripts/mk exits with.
. "$(dirname "$0")/lib.sh"
T=$(tmpdir)
B=${BUILD:-build}
# The sample exactly as `make sample` makes it (its SAMPLE_CHILDREN, SAMPLE_SEED).
children=$(sed -n 's/^SAMPLE_CHILDREN ?= //p' "$ROOT/Makefile")
seed=$(sed -n 's/^SAMPLE_SEED ?= //p' "$ROOT/Makefile")
check "make sample's size and seed read" test -n "$children" -a -n "$seed"
"$BIN/csc-gen-sample" --out "$T/sample" --children "$children" --seed "$seed" --quiet
cp "$ROOT/pipeline.conf" "$T/pipeline.conf"

# Every setting of the generated conf is in the top-level one with the same
# value, the paths being the generated ones under sample/.
while IFS= read -r line; do
	case $line in ''|'#'*) continue ;; esac
	k=${line%% = *} v=${line#* = }
	case $k in cin_census|ssda903_dir|contacts|early_help|output_dir) v=sample/$v ;; esac
	check "pipeline.conf: $k = $v" grep -qxF "$k = $v" "$T/pipeline.conf"
done <"$T/sample/pipeline.conf"

# make, as a user runs it, with this build's programs.
# Its output goes to $T/out. The sanitizer build (make test SANITIZE=1) is
# BUILD=x-san made by SANITIZE=1 BUILD=x: named so, make finds it up to date
# instead of relinking its objects without the sanitizer.
san= mkbuild=$B
case $B in *-san) san=1 mkbuild=${B%-san} ;; esac
mk() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$ROOT" --no-print-directory \
		SANITIZE=$san BUILD="$mkbuild" "$@" >"$T/out" 2>&1
}
# scripts/mk: the same, exiting with the failing program's status
smk() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL "$ROOT/scripts/mk" -s \
		SANITIZE=$san BUILD="$mkbuild" "$@" >"$T/out" 2>&1
}
check "make run CONF=pipeline.conf" mk run CONF="$T/pipeline.conf" QUIET=1
M=$T/sample/output/2026-10
check "published measures.csv" test -s "$M/measures.csv"
check "published highlight workbook" test -s "$M/highlight-2026-10.xlsx"
# The sample's own conf, into another output folder: the same figures.
sed 's/^output_dir = output$/output_dir = output-own/' "$T/sample/pipeline.conf" >"$T/sample/own.conf"
check "csc-run on the generated conf" "$BIN/csc-run" --conf "$T/sample/own.conf" --quiet
for f in measures.csv drilldown.csv rag.csv dq.csv definitions.csv; do
	check "$f: the same as from the generated conf" cmp -s "$M/$f" "$T/sample/output-own/2026-10/$f"
done
check "make verify CONF=pipeline.conf" mk verify CONF="$T/pipeline.conf" PERIOD=2026-10
check "make returns CONF=pipeline.conf YEAR=2026" mk returns CONF="$T/pipeline.conf" YEAR=2026
check "the CIN return was written" test -s "$T/sample/output/returns/2026/cin-2026.xml"
check_exit "scripts/mk run: 0 on success" 0 smk run CONF="$T/pipeline.conf" QUIET=1
# 2026-27 is not over on 31/10/2026: its returns have validation errors,
# which the last step (scripts/returns-check.sh) reports as its status 2
check_exit "scripts/mk returns YEAR=2027: the validation errors' 2" 2 smk returns CONF="$T/pipeline.conf" YEAR=2027
check "... named by make" grep -qF "make: returns-check.sh exited with status 2 (validation errors in the data)" "$T/out"
check_exit "scripts/mk run without CONF: the usage status 4" 4 smk run
check "... with the usage line" grep -qF "usage: make run CONF=pipeline.conf" "$T/out"
check_exit "scripts/mk, make failing before any program (no such target): 7" 7 smk no-such-target
check "... says so" grep -qF "scripts/mk: make failed (exit 2) before any program reported a status; exit 7" "$T/out"

# A failing program: make itself can only exit 2 (GNU make's code for any
# failure), so the program's status is what make prints. csc-returns
# exits 4 for a year it cannot parse, and make names the 4 and its meaning.
"$BIN/csc-returns" --conf "$T/pipeline.conf" --year 20x6 >/dev/null 2>&1
check_eq "csc-returns --year 20x6 exits 4" 4 $?
mk returns CONF="$T/pipeline.conf" YEAR=20x6
check_eq "make returns YEAR=20x6 fails (make's 2)" 2 $?
check "make returns names csc-returns' status 4 and its meaning" \
	grep -qF "make: csc-returns exited with status 4 (bad configuration or usage)" "$T/out"
check_exit "scripts/mk returns YEAR=20x6 exits with csc-returns' 4" 4 smk returns CONF="$T/pipeline.conf" YEAR=20x6
# verify finding a difference is csc-run's 2 (README): changed input.
echo "x" >>"$T/sample/contacts.csv"
mk verify CONF="$T/pipeline.conf" PERIOD=2026-10
check "make verify after a changed input names csc-run's status 2" \
	grep -qF "make: csc-run exited with status 2 (validation errors in the data)" "$T/out"
check_exit "scripts/mk verify after a changed input exits with csc-run's 2" 2 smk verify CONF="$T/pipeline.conf" PERIOD=2026-10
# a missing input: csc-run's 3
mv "$T/sample/cin_census.xml" "$T/sample/cin.moved"
mk run CONF="$T/pipeline.conf" QUIET=1
check "make run with the CIN file missing names csc-run's status 3" \
	grep -qF "make: csc-run exited with status 3 (an input is missing, unreadable or cannot be parsed)" "$T/out"
check_exit "scripts/mk run with the CIN file missing exits with csc-run's 3" 3 smk run CONF="$T/pipeline.conf" QUIET=1
finish
