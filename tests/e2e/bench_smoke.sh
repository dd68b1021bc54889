#!/usr/bin/env bash
# make bench at a tiny scale (BENCH_FRACTION 0.0005 of England, scales 1 and 2):
# the table is printed with every column, a row for every baseline, stage and
# the chain at each scale, the scaling ratios and every target line. Timings
# are not checked (this is a smoke test, not a timed test).
. "$(dirname "$0")/lib.sh"
d=$(tmpdir)
BENCH_BIN=${BENCH_BIN:-$(dirname "$BIN")/bench}
out=$d/bench.txt
BIN=$BIN BENCH_BIN=$BENCH_BIN BENCH_SCALES="1 2" BENCH_FRACTION=0.0005 BENCH_VALIDATE_CHILDREN=300 \
	BENCH_CACHE=$d/cache BENCH_WORK=$d/work "$ROOT/bench/bench.sh" >"$out" 2>"$d/err"
check_eq "bench.sh exits 0" 0 $?
header=$(grep '^scale ' "$out" | tr -s ' ')
check_eq "table header has every column" \
	"scale stage in_MB records wall_s cpu_s MB/s rec/s rss_MB vs_parse vs_cat" "$header"
for s in 1x 2x; do
	for st in cat-cin cat-903 cat-contacts cat-earlyhelp cat-all parse-cin parse-903 \
		parse-contacts parse-earlyhelp extract-cin extract-903 extract-contacts \
		extract-earlyhelp transform load chain; do
		# 11 columns, numbers where numbers belong
		n=$(awk -v s=$s -v st=$st '$1 == s && $2 == st && NF == 11 &&
			$3 ~ /^[0-9.]+$/ && $5 ~ /^[0-9.]+$/ && $6 ~ /^[0-9.]+$/ && $9 ~ /^[0-9.]+$/' "$out" | wc -l)
		check_eq "row $s $st present with 11 columns" 1 "$n"
	done
done
recs=$(awk '$1 == "1x" && $2 == "chain" {print $4}' "$out")
check "chain row counts the records read ($recs)" test "${recs:-0}" -gt 0
for st in extract-cin extract-903 extract-contacts extract-earlyhelp chain; do
	check "$st has a vs_cat share" grep -Eq "^1x +$st .* [0-9]+% *\$" "$out"
done
check "scaling ratios printed" grep -Eq '^chain +1\.00 : [0-9.]+$' "$out"
check "end-to-end target line" grep -q 'national year end-to-end <= 60 s wall (1x chain): \(MET\|MISSED\)' "$out"
check "peak RSS target line" grep -q 'peak RSS <= 2048 MB.*: \(MET\|MISSED\)' "$out"
check "bare-parse target lines" test "$(grep -c '>= 70% of bare-parse throughput (1x): \(MET\|MISSED\)' "$out")" -eq 4
check "scaling target line" grep -q 'chain wall 1x -> 4x <= 4.4x: not run' "$out"
check "the smoke run says it is not national scale" grep -q 'NOT national scale' "$out"
# the validators on returns of about 300 children (generated from two more dumps)
for v in cin 903; do
	n=$(awk -v v="validate-$v" '$1 == v && NF == 10 && $2 ~ /^[0-9]+$/ && $2 > 0 &&
		$5 ~ /^[0-9.]+$/ && $6 ~ /^[0-9.]+$/ && $7 ~ /^[0-9.]+$/' "$out" | wc -l)
	check_eq "validator row validate-$v present with 10 columns" 1 "$n"
	check "validate-$v target line" grep -Eq "^  validate-$v >= 1000x the public validator \([0-9]+ children\): (MET|MISSED).*peak RSS [0-9]+ MB \(NOT the 10,000 children" "$out"
done
check "the public references: 253 s (CIN), 54 s (903) per 10,000 children" \
	grep -q 'on a 10,000-child file (CIN 253 s, SSDA903 54 s;' "$out"
check "the dump was cached" test "$(find "$d/cache" -name .complete | wc -l)" -eq 4
finish
