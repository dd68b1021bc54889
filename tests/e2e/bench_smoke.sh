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
	"scale stage in_MB records wall_s cpu_s MB/s rec/s rss_MB sum_MB vs_parse vs_cat" "$header"
for s in 1x 2x; do
	for st in cat-cin cat-903 cat-contacts cat-earlyhelp cat-all parse-cin parse-903 \
		parse-contacts parse-earlyhelp extract-cin extract-903 extract-contacts \
		extract-earlyhelp transform load chain; do
		# 12 columns, numbers where numbers belong
		n=$(awk -v s=$s -v st=$st '$1 == s && $2 == st && NF == 12 &&
			$3 ~ /^[0-9.]+$/ && $5 ~ /^[0-9.]+$/ && $6 ~ /^[0-9.]+$/ && $9 ~ /^[0-9.]+$/ &&
			$10 ~ /^[0-9.]+$/' "$out" | wc -l)
		check_eq "row $s $st present with 12 columns" 1 "$n"
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
check "all processes target line (1x)" grep -Eq '^  all processes together <= 2048 MB \(1x chain\): (MET|MISSED)' "$out"
check "all processes stated at 2x" grep -Eq '^  all processes together at 2x \(chain\): [0-9]+ MB$' "$out"
# the chain runs several processes (csc-run, make, the stages): their sum is
# sampled while they run, so it is not 0
sum=$(awk '$1 == "1x" && $2 == "chain" {print $10}' "$out")
check "the chain's summed memory was sampled ($sum MB)" awk -v x="$sum" 'BEGIN {exit !(x > 0)}'
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
# csc-bench-time's sum, hand-worked: two processes at once touching 48 and 72
# MiB (and python's own 8 or so each): the largest alone is under 100 MiB, the
# two together over 120 MiB
hold='import sys, time; b = b"x" * (int(sys.argv[1]) << 20); time.sleep(0.6)'
"$BENCH_BIN/csc-bench-time" "$d/two.t" -- sh -c "\"$PY\" -c '$hold' 48 & \"$PY\" -c '$hold' 72; wait"
read -r _ _ _ _ maxrss code sumrss <"$d/two.t"
check_eq "csc-bench-time: the command's exit status" 0 "$code"
check "csc-bench-time: largest process under 100 MiB ($maxrss kB)" test "$maxrss" -lt 102400
check "csc-bench-time: both together over 120 MiB ($sumrss kB)" test "$sumrss" -gt 122880
check "the dump was cached" test "$(find "$d/cache" -name .complete | wc -l)" -eq 4
finish
