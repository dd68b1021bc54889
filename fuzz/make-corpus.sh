#!/bin/sh
# Rebuild the seed corpora fuzz/corpus/<harness>/ from the test data, the
# reference files and a few tiny sample authorities (csc-gen-sample), so
# every harness starts from real-looking files. Seeds over 64 KiB (the
# fuzzers' -max_len) are left out.
#   fuzz/make-corpus.sh [BIN]     (BIN: folder holding csc-gen-sample)
set -eu
cd "$(dirname "$0")/.."
BIN=${1:-build/bin}
C=fuzz/corpus
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
rm -rf "$C"
for h in cin 903 contacts earlyhelp conf tpl validate_cin validate_903 yaml workday; do
	mkdir -p "$C/fuzz_$h"
done
"$BIN/csc-gen-sample" --out "$T/a" --children 8 --years 2 --seed 1 --quiet
"$BIN/csc-gen-sample" --out "$T/b" --children 80 --years 3 --seed 2 --quiet
"$BIN/csc-gen-sample" --out "$T/d" --children 40 --years 2 --seed 3 --dirty 20 --quiet
# copy SRC NAME HARNESS...: SRC as NAME into each harness's corpus
copy() {
	src=$1 name=$2
	shift 2
	[ "$(wc -c <"$src")" -le 65536 ] || return 0
	for h in "$@"; do cp "$src" "$C/fuzz_$h/$name"; done
}
for g in a b d; do
	copy "$T/$g/cin_census.xml" "gen-$g.xml" cin validate_cin
	copy "$T/$g/contacts.csv" "gen-$g.csv" contacts
	copy "$T/$g/early_help.csv" "gen-$g.csv" earlyhelp
	copy "$T/$g/pipeline.conf" "gen-$g.conf" conf
	for f in "$T/$g"/ssda903/*.csv; do
		copy "$f" "gen-$g-$(basename "$f")" 903 validate_903
	done
done
copy tests/data/cin/all_elements.xml all_elements.xml cin validate_cin
copy tests/data/tiny/cin.xml tiny.xml cin validate_cin
copy tests/data/tiny/contacts.csv tiny.csv contacts
copy tests/data/contacts/good.csv good.csv contacts
copy tests/data/early_help/good.csv good.csv earlyhelp
copy tests/data/tiny/pipeline.conf tiny.conf conf
for f in tests/data/ssda903/good/*.csv; do
	copy "$f" "good-$(basename "$f")" 903 validate_903
done
for f in tests/data/bad/cin/*.xml; do copy "$f" "bad-$(basename "$f")" cin validate_cin; done
for f in tests/data/bad/ssda903/*.csv; do copy "$f" "bad-$(basename "$f")" 903 validate_903; done
for f in tests/data/bad/contacts/*.csv; do copy "$f" "bad-$(basename "$f")" contacts; done
for f in tests/data/bad/early_help/*.csv; do copy "$f" "bad-$(basename "$f")" earlyhelp; done
for f in tests/data/bad/conf/*.conf; do [ -f "$f" ] && copy "$f" "bad-$(basename "$f")" conf; done
for f in templates/*.tpl; do copy "$f" "$(basename "$f")" tpl; done
for f in tests/data/bad/tpl/*.tpl; do [ -f "$f" ] && copy "$f" "bad-$(basename "$f")" tpl; done
copy ref/SSDA903_schema_2024.yml schema.yml yaml
copy ref/LA-codes.yml la-codes.yml yaml
copy ref/bank-holidays-england-wales.csv bank-holidays.csv workday
printf 'date,name\n2024-02-29,Leap\n2025-12-25,Christmas Day\n' >"$C/fuzz_workday/leap.csv"
for h in "$C"/*; do echo "$(basename "$h"): $(ls "$h" | wc -l) seeds"; done
