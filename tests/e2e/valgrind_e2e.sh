#!/usr/bin/env bash
# valgrind memcheck over the whole chain (issue 10): every program that
# csc-run starts (through make and csc-stage) runs under valgrind, then
# csc-returns and csc-validate on what it staged, on the tiny authority
# (tests/data/tiny) and on a small generated one with all four inputs
# (csc-gen-sample --children 25; VALGRIND_CHILDREN changes it, 0 skips it),
# and the error paths of a fatal input, rejected records and a bad conf.
# Every program must exit as it would without valgrind and its log must
# show no error and no leak (definitely, indirectly or possibly lost).
#
# csc-run finds its stages beside its own executable, so the programs are
# copied into a scratch bin folder where each one except csc-run is a small
# script running valgrind on the real binary (valgrind cannot follow
# children through make without also checking make itself).
. "$(dirname "$0")/lib.sh"
if ! command -v valgrind >/dev/null 2>&1; then
	echo "ok - valgrind memcheck of the chain # SKIP valgrind not installed"
	finish
fi
case "${BUILD:-build}" in
*-san)
	echo "ok - valgrind memcheck of the chain # SKIP sanitizer build (valgrind cannot run ASan binaries; the plain make test runs it)"
	finish ;;
esac

T=$(tmpdir)
W=$T/bin
LOGS=$T/vg
mkdir -p "$W" "$LOGS"
VG=(valgrind --leak-check=full --show-leak-kinds=definite,indirect,possible
	--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99
	--track-fds=no --num-callers=30)
for p in "$BIN"/csc-*; do
	n=$(basename "$p")
	if [ "$n" = csc-run ]; then
		cp "$p" "$W/$n"
		continue
	fi
	cp "$p" "$W/$n.real"
	printf '#!/bin/sh\nexec %s --log-file=%s/%s.%%p.log %s/%s.real "$@"\n' \
		"${VG[*]}" "$LOGS" "$n" "$W" "$n" >"$W/$n"
	chmod +x "$W/$n"
done

# vg_run NAME PROGRAM ARGS...: run under valgrind (csc-run directly); the
# exit must be 0, or VG_OK (e.g. "0 1 2": the validator's queries and errors)
vg_run() {
	local name=$1; shift
	local p=$1; shift
	if [ "$p" = csc-run ]; then
		"${VG[@]}" --log-file="$LOGS/csc-run.%p.log" "$W/csc-run" "$@" >"$T/out.txt" 2>&1
	else
		"$W/$p" "$@" >"$T/out.txt" 2>&1
	fi
	local rc=$? good=0
	for c in ${VG_OK:-0}; do [ $rc -eq "$c" ] && good=1; done
	if [ $good -eq 1 ]; then ok "$name under valgrind (exit $rc)"; else
		not_ok "$name under valgrind (exit $rc)"; sed 's/^/#   /' "$T/out.txt" | tail -15
	fi
}

# vg_logs LABEL PROGRAMS...: every log clean, and each program seen
vg_logs() {
	local label=$1; shift
	for p in "$@"; do
		local n
		n=$(ls "$LOGS"/"$p".*.log 2>/dev/null | wc -l)
		if [ "$n" -gt 0 ]; then ok "$label: $p ran under valgrind ($n runs)"; else
			not_ok "$label: $p ran under valgrind"; fi
	done
	local bad=0
	for f in "$LOGS"/*.log; do
		# a process that called exec (csc-run's make child, csc-stage's
		# stage child) ends its log without a summary
		if grep -Eq 'ERROR SUMMARY: [1-9]|(definitely|indirectly|possibly) lost: [1-9]|==[0-9]+== (Invalid|Conditional|Use of uninit|Syscall param|Mismatched)' "$f"; then
			bad=1
			echo "# $(basename "$f"):"
			grep -E '==[0-9]+== (Invalid|Conditional|Use of|Syscall|Mismatched|[0-9,]+ bytes in|   (at|by) 0x.*: (csc_|cin_|list_|tx_|tpl_|v_|v903_|rep|xl_|run_|main))|(definitely|indirectly|possibly) lost: [1-9]' \
				"$f" | head -30 | sed 's/^/#   /'
		fi
	done
	if [ $bad -eq 0 ]; then ok "$label: no memcheck error and no leak in $(ls "$LOGS"/*.log | wc -l) logs"
	else not_ok "$label: memcheck errors or leaks"; fi
	mkdir -p "$T/done-$label"
	mv "$LOGS"/*.log "$T/done-$label"/ 2>/dev/null
	[ -n "${VALGRIND_KEEP:-}" ] && cp -r "$T/done-$label" "$VALGRIND_KEEP/"
}

# 1. the tiny authority (CIN census and contacts)
A=$T/tiny
mkdir -p "$A"
cp "$ROOT"/tests/data/tiny/{cin.xml,contacts.csv,pipeline.conf} "$A"/
vg_run "tiny: csc-run" csc-run --conf "$A/pipeline.conf" --quiet
check "tiny: published measures" test -s "$A/out/2024-02/measures.csv"
vg_run "tiny: csc-returns" csc-returns --conf "$A/pipeline.conf" --year 2024 -o "$A/returns" --quiet
VG_OK="0 1 2" vg_run "tiny: csc-validate" csc-validate --cin "$A/cin.xml" --year 2024 -o "$A/validate" --quiet
vg_logs tiny csc-run csc-stage csc-extract-cin csc-extract-contacts csc-extract-903 \
	csc-extract-earlyhelp csc-transform csc-load-report csc-returns csc-validate

# error paths: a fatal input error, a rejected-record file, a bad conf
E=$T/err
mkdir -p "$E"
cp "$ROOT"/tests/data/tiny/{cin.xml,contacts.csv,pipeline.conf} "$E"/
cp "$ROOT/tests/data/bad/conf/unknown_key.conf" "$E/bad.conf"
VG_OK=3 vg_run "error: truncated CIN XML" csc-extract-cin -o "$E/st" --quiet \
	"$ROOT/tests/data/bad/cin/truncated.xml"
vg_run "error: rejected CIN records" csc-extract-cin -o "$E/st" --quiet \
	"$ROOT/tests/data/bad/cin/mixed_good_and_bad.xml"
vg_run "error: rejected contacts" csc-extract-contacts -o "$E/st" --quiet \
	"$ROOT/tests/data/bad/contacts/short_row.csv"
mkdir -p "$E/903"
cp "$ROOT/tests/data/bad/ssda903/unterminated_quote.csv" "$E/903/"
VG_OK=3 vg_run "error: unterminated quote in a 903 file" csc-validate --903 "$E/903" -o "$E/v" --quiet
VG_OK=4 vg_run "error: bad pipeline.conf" csc-transform --conf "$E/bad.conf" --period 2024-02 --out "$E/x"
VG_OK=3 vg_run "error: truncated CIN XML in the validator" csc-validate --cin \
	"$ROOT/tests/data/bad/cin/truncated.xml" -o "$E/v" --quiet
vg_logs errors csc-extract-cin csc-extract-contacts csc-transform csc-validate

# 2. a small generated authority with all four inputs
N=${VALGRIND_CHILDREN:-25}
if [ "$N" -gt 0 ]; then
	G=$T/gen
	"$BIN/csc-gen-sample" --out "$G" --children "$N" --years 2 --seed 7 --quiet
	vg_run "generated: csc-run" csc-run --conf "$G/pipeline.conf" --quiet
	vg_run "generated: csc-returns" csc-returns --conf "$G/pipeline.conf" --year 2026 -o "$G/returns" --quiet
	VG_OK="0 1 2" vg_run "generated: csc-validate" csc-validate --cin "$G/returns/cin-2026.xml" \
		--903 "$G/returns/ssda903-2026" --year 2026 -o "$G/validate" --quiet
	vg_logs generated csc-run csc-stage csc-extract-cin csc-extract-contacts csc-extract-903 \
		csc-extract-earlyhelp csc-transform csc-load-report csc-returns csc-validate
fi
finish
