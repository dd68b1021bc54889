#!/usr/bin/env bash
# bench/bench.sh - the body of `make bench` (see BENCHMARKS.md).
#
# Generates national-scale dumps with csc-gen-sample (one year of England is
# about --children 2700000 --years 1; each scale in BENCH_SCALES multiplies
# that, BENCH_FRACTION shrinks it for a smoke run), caches them under
# BENCH_CACHE keyed by the generator's SHA-256 and arguments, then per scale:
#   - baselines: `cat` of each input to /dev/null, and csc-bench-parse (bare
#     libxml2 xmlTextReader / libcsv over the same files, nothing else);
#   - each stage on its own, in chain order (4 extracts, transform, load);
#   - the whole chain with csc-run (make -j2: the extracts run in parallel);
# and prints one table: input MB and records, wall and CPU seconds, MB/s,
# records/s, peak RSS, extract throughput as a share of bare parse and cat;
# then the wall-time ratios between scales and the targets of issue 9.
# Not a timed test: it always exits 0 when every run succeeded.
#
# Then the validators (issue 20): a CIN census and an SSDA903 return of about
# BENCH_VALIDATE_CHILDREN children each (default 10000; generated, extracted
# and written by csc-returns), each checked by csc-validate and compared with
# the public validators' times on 10,000-child files, fixed reference numbers
# (they are not installed here): 253 s (CIN) and 54 s (SSDA903).
#
# Environment: BIN (the programs), BENCH_BIN (csc-bench-time, csc-bench-parse),
# BENCH_SCALES (default "1 2 4"), BENCH_FRACTION (default 1), BENCH_CACHE
# (default bench/cache), BENCH_WORK (default bench/work; emptied per scale),
# BENCH_NO_CHAIN=1 skips the whole-chain run, BENCH_NO_STAGES=1 the per-stage
# runs, BENCH_NO_VALIDATE=1 the validators, BENCH_VALIDATE_CHILDREN their
# returns' size.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
: "${BIN:=$ROOT/build/bin}"
: "${BENCH_BIN:=$ROOT/build/bench}"
SCALES=${BENCH_SCALES:-1 2 4}
FRACTION=${BENCH_FRACTION:-1}
CACHE=${BENCH_CACHE:-$ROOT/bench/cache}
WORK=${BENCH_WORK:-$ROOT/bench/work}
ENGLAND_CHILDREN=2700000   # csc-gen-sample --help: one year of England
MB_PER_CHILD=0.000602      # measured: 1623 MB for 2.7 M children, one year
TIMEF=$BENCH_BIN/csc-bench-time
PARSE=$BENCH_BIN/csc-bench-parse

die() { echo "bench: $*" >&2; exit 3; }
for p in "$BIN/csc-gen-sample" "$BIN/csc-run" "$TIMEF" "$PARSE"; do
	[ -x "$p" ] || die "$p: not built (run make bench)"
done
mkdir -p "$CACHE" "$WORK"
RESULTS=$WORK/results.txt   # one line per measurement: scale name MB records wall cpu rss_kb
: >"$RESULTS"

avail_mb() { df -Pm "$1" | awk 'NR==2 {print $4}'; }
children_for() { awk -v s="$1" -v f="$FRACTION" -v e=$ENGLAND_CHILDREN \
	'BEGIN {n = int(s * f * e + 0.5); if (n < 200) n = 200; print n}'; }
size_bytes() { [ $# -gt 0 ] && stat -c %s "$@" | awk '{s += $1} END {printf "%.0f\n", s}' || echo 0; }
# rows of CSV files without their header lines (no quoted newlines in these)
csv_rows() { [ $# -gt 0 ] && awk 'FNR > 1 {n++} END {printf "%.0f\n", n}' "$@" || echo 0; }
# records read by an extract, from its recon file
recon_read() { awk -F, 'NR > 1 {n += $(NF-2)} END {print n + 0}' "$1"; }

# timed SCALE NAME MB_BYTES RECORDS COMMAND...: run and record one line.
timed() {
	local scale=$1 name=$2 bytes=$3 recs=$4; shift 4
	local t=$WORK/time.$$
	rm -f "$t"
	if ! "$TIMEF" "$t" -- "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"; then
		echo "bench: $name failed at scale $scale:" >&2
		tail -5 "$WORK/$name.err" >&2
		exit 3
	fi
	read -r wall cpu _ _ rss _ sum <"$t"
	rm -f "$t"
	echo "$scale $name $bytes $recs $wall $cpu $rss $sum" >>"$RESULTS"
}

# Generate (or reuse) the dump for one scale; prints its folder.
dump_for() {
	local n=$1 hash key dir
	hash=$(sha256sum "$BIN/csc-gen-sample" | cut -c1-16)
	key="$hash-children$n-years1-seed1"
	dir=$CACHE/$key
	if [ ! -f "$dir/.complete" ]; then
		# dumps from an older generator are never reused: drop them first
		find "$CACHE" -mindepth 1 -maxdepth 1 -type d ! -name "$hash-*" -exec rm -rf {} +
		local need
		need=$(awk -v n="$n" -v m=$MB_PER_CHILD 'BEGIN {print int(n * m * 1.1) + 50}')
		[ "$(avail_mb "$CACHE")" -gt "$need" ] ||
			die "$CACHE: ${need} MB needed for $n children, $(avail_mb "$CACHE") MB free (lower BENCH_SCALES or BENCH_FRACTION)"
		rm -rf "$dir"
		echo "bench: generating $n children (about $(awk -v n="$n" -v m=$MB_PER_CHILD 'BEGIN {printf "%d", n*m}') MB) in $dir" >&2
		"$BIN/csc-gen-sample" --out "$dir" --children "$n" --years 1 --seed 1 --quiet ||
			die "csc-gen-sample failed"
		touch "$dir/.complete"
	fi
	echo "$dir"
}

# A pipeline.conf over the cached dump with absolute paths and OUT as output.
write_conf() {
	local dump=$1 out=$2 conf=$3
	sed -e "s#^\(cin_census\|ssda903_dir\|contacts\|early_help\) = \(.*\)#\1 = $dump/\2#" \
		-e "s#^output_dir = .*#output_dir = $out#" "$dump/pipeline.conf" >"$conf"
	echo "reference_dir = $ROOT/ref" >>"$conf"
	echo "templates_dir = $ROOT/templates" >>"$conf"
}

run_scale() {
	local scale=$1 n dump conf out period
	n=$(children_for "$scale")
	dump=$(dump_for "$n")
	rm -rf "$WORK/out" "$WORK/chain"
	local need
	need=$(awk -v n="$n" -v m=$MB_PER_CHILD 'BEGIN {print int(n * m * 3) + 50}')
	[ "$(avail_mb "$WORK")" -gt "$need" ] ||
		die "$WORK: about ${need} MB needed for the outputs at scale $scale, $(avail_mb "$WORK") MB free"
	conf=$WORK/pipeline.conf
	out=$WORK/out
	write_conf "$dump" "$out" "$conf"
	period=$(sed -n 's/^period_end = //p' "$conf")

	local cin=$dump/cin_census.xml ct=$dump/contacts.csv eh=$dump/early_help.csv
	local s903=("$dump"/ssda903/*.csv)
	local all=("$cin" "$ct" "$eh" "${s903[@]}")
	cat "${all[@]}" >/dev/null   # warm the page cache: every run reads from memory

	echo "bench: scale ${scale}x ($n children): baselines" >&2
	timed "$scale" cat-cin "$(size_bytes "$cin")" 0 cat "$cin"
	timed "$scale" cat-903 "$(size_bytes "${s903[@]}")" 0 cat "${s903[@]}"
	timed "$scale" cat-contacts "$(size_bytes "$ct")" 0 cat "$ct"
	timed "$scale" cat-earlyhelp "$(size_bytes "$eh")" 0 cat "$eh"
	timed "$scale" cat-all "$(size_bytes "${all[@]}")" 0 cat "${all[@]}"
	timed "$scale" parse-cin "$(size_bytes "$cin")" 0 "$PARSE" --xml "$cin"
	timed "$scale" parse-903 "$(size_bytes "${s903[@]}")" 0 "$PARSE" --csv "${s903[@]}"
	timed "$scale" parse-contacts "$(size_bytes "$ct")" 0 "$PARSE" --csv "$ct"
	timed "$scale" parse-earlyhelp "$(size_bytes "$eh")" 0 "$PARSE" --csv "$eh"
	# bare-parse record counts: elements (XML) and CSV lines
	local b
	for b in cin 903 contacts earlyhelp; do
		local r
		r=$(awk '{print $2}' "$WORK/parse-$b.out")
		awk -v s="$scale" -v b="parse-$b" -v r="$r" '$1 == s && $2 == b {$4 = r} {print}' \
			"$RESULTS" >"$RESULTS.tmp" && mv "$RESULTS.tmp" "$RESULTS"
	done

	if [ -z "${BENCH_NO_STAGES:-}" ]; then
		echo "bench: scale ${scale}x: stages" >&2
		local stg=$out/staging p=$out/stage
		mkdir -p "$p"
		timed "$scale" extract-cin "$(size_bytes "$cin")" 0 "$BIN/csc-extract-cin" --conf "$conf" --quiet
		timed "$scale" extract-903 "$(size_bytes "${s903[@]}")" 0 "$BIN/csc-extract-903" --conf "$conf" --quiet
		timed "$scale" extract-contacts "$(size_bytes "$ct")" 0 "$BIN/csc-extract-contacts" --conf "$conf" --quiet
		timed "$scale" extract-earlyhelp "$(size_bytes "$eh")" 0 "$BIN/csc-extract-earlyhelp" --conf "$conf" --quiet
		local e
		for e in cin:cin 903:ssda903 contacts:contacts earlyhelp:early_help; do
			local r
			r=$(recon_read "$stg/recon_${e#*:}.csv")
			awk -v s="$scale" -v b="extract-${e%%:*}" -v r="$r" '$1 == s && $2 == b {$4 = r} {print}' \
				"$RESULTS" >"$RESULTS.tmp" && mv "$RESULTS.tmp" "$RESULTS"
		done
		local tables=()
		mapfile -t tables < <(find "$stg" -name '*.csv' ! -name 'recon_*' ! -name 'rejects_*' ! -name 'sources_*' | sort)
		timed "$scale" transform "$(size_bytes "${tables[@]}")" "$(csv_rows "${tables[@]}")" \
			"$BIN/csc-transform" --conf "$conf" --period "$period" --out "$p" --quiet
		local touts=()
		mapfile -t touts < <(find "$p" "$stg" -name '*.csv' \( -path "$p/*" -o -name 'recon_*' -o -name 'rejects_*' \) | sort)
		timed "$scale" load "$(size_bytes "${touts[@]}")" "$(csv_rows "${touts[@]}")" \
			"$BIN/csc-load-report" --conf "$conf" --period "$period" --out "$p" --quiet
		rm -rf "$out"
	fi

	if [ -z "${BENCH_NO_CHAIN:-}" ]; then
		echo "bench: scale ${scale}x: whole chain (csc-run)" >&2
		write_conf "$dump" "$WORK/chain" "$conf"
		timed "$scale" chain "$(size_bytes "${all[@]}")" 0 "$BIN/csc-run" --conf "$conf" --quiet
		local r=0 f
		for f in "$WORK"/chain/staging/recon_*.csv; do r=$((r + $(recon_read "$f"))); done
		awk -v s="$scale" -v r="$r" '$1 == s && $2 == "chain" {$4 = r} {print}' \
			"$RESULTS" >"$RESULTS.tmp" && mv "$RESULTS.tmp" "$RESULTS"
		rm -rf "$WORK/chain"
	fi
}

# Generated children per child of a return of the year to 31 March 2026
# (csc-gen-sample --years 1 --seed 1, extraction 2026-10-31), measured:
# 44,400 give a CIN census of 10,040 children (11bc6cd; 44,200 gave 10,045
# at 54a7fa0), 207,100 an SSDA903 return of 9,999 looked-after children (the
# generator of 54a7fa0, where 244,000 gave 11,968; measure again when its
# model changes).
CIN_GEN_PER_CHILD=4.42
S903_GEN_PER_CHILD=20.71
VCHILDREN=${BENCH_VALIDATE_CHILDREN:-10000}

# The year of the last complete return before the dump's extraction date.
return_year() {
	awk -F'[ =-]+' '/^data_extracted/ {print ($3 >= 4 ? $2 : $2 - 1)}' "$1"
}

# validate_one KIND: generate, extract, write the return and time
# csc-validate on it (exit 1 and 2 only say that issues were found).
validate_one() {
	local kind=$1 per n dump dir conf year ret t
	per=$([ "$kind" = cin ] && echo $CIN_GEN_PER_CHILD || echo $S903_GEN_PER_CHILD)
	n=$(awk -v c="$VCHILDREN" -v p="$per" 'BEGIN {print int(c * p + 0.5)}')
	dump=$(dump_for "$n")
	dir=$WORK/validate-$kind
	rm -rf "$dir"
	mkdir -p "$dir"
	conf=$dir/pipeline.conf
	write_conf "$dump" "$dir/out" "$conf"
	year=$(return_year "$conf")
	if [ "$kind" = cin ]; then
		"$BIN/csc-extract-cin" --conf "$conf" --quiet || die "extract-cin failed for the CIN return"
	else
		"$BIN/csc-extract-903" --conf "$conf" --quiet || die "extract-903 failed for the SSDA903 return"
	fi
	"$BIN/csc-returns" --conf "$conf" --year "$year" -o "$dir/ret" --quiet || die "csc-returns failed"
	local args children bytes
	if [ "$kind" = cin ]; then
		ret=$dir/ret/cin-$year.xml
		args=(--cin "$ret")
		children=$(grep -c '<Child>' "$ret" || true)
		bytes=$(size_bytes "$ret")
		cat "$ret" >/dev/null
	else
		ret=$dir/ret/ssda903-$year
		args=(--903 "$ret")
		children=$(csv_rows "$ret/Header.csv")
		bytes=$(size_bytes "$ret"/*.csv)
		cat "$ret"/*.csv >/dev/null
	fi
	echo "bench: validate-$kind: a return of $children children" >&2
	t=$WORK/time.$$
	rm -f "$t"
	local rc=0
	"$TIMEF" "$t" -- "$BIN/csc-validate" "${args[@]}" --year "$year" -o "$dir/checks" --quiet \
		>"$WORK/validate-$kind.out" 2>"$WORK/validate-$kind.err" || rc=$?
	if [ $rc -gt 2 ]; then
		echo "bench: validate-$kind failed (exit $rc):" >&2
		tail -5 "$WORK/validate-$kind.err" >&2
		exit 3
	fi
	local wall cpu rss findings
	read -r wall cpu _ _ rss _ <"$t"
	rm -f "$t"
	findings=$(csv_rows "$dir/checks/issues.csv")
	echo "val validate-$kind $bytes $children $wall $cpu $rss $findings" >>"$RESULTS"
	rm -rf "$dir"
}

load0=$(cut -d' ' -f1-3 /proc/loadavg)
for s in $SCALES; do run_scale "$s"; done
if [ -z "${BENCH_NO_VALIDATE:-}" ]; then
	echo "bench: validators: returns of about $VCHILDREN children" >&2
	validate_one cin
	validate_one 903
fi
# Wall time is only meaningful on an idle machine: say how busy it was.
echo "machine: $(nproc) cores; load average $load0 at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"

awk -v fraction="$FRACTION" -v scales="$SCALES" -f "$ROOT/bench/report.awk" "$RESULTS"
