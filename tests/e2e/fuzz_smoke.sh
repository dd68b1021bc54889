#!/usr/bin/env bash
# Fuzz smoke (issue 10): build every libFuzzer harness of fuzz/module.mk,
# replay its seed corpus (fuzz/corpus/<h>) and every crash ever found
# (tests/data/fuzz-regressions/<h>, each a bug that was fixed), then fuzz it
# for FUZZ_SMOKE_SECONDS (default 2) with a fixed seed. Skipped when clang
# or libFuzzer is missing (scripts/deps.sh --fuzz installs them).
. "$(dirname "$0")/lib.sh"
secs=${FUZZ_SMOKE_SECONDS:-2}
FB=$ROOT/${BUILD:-build}
FB=${FB%-san}-fuzz
harnesses=$(sed -n 's/^FUZZERS += //p' "$ROOT/fuzz/module.mk")

probe=$(tmpdir)
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' >"$probe/p.c"
if ! command -v clang >/dev/null 2>&1 ||
	! clang -fsanitize=fuzzer,address,undefined -o "$probe/p" "$probe/p.c" >/dev/null 2>&1; then
	for h in $harnesses; do
		echo "ok - $h: corpus and regressions replay # SKIP clang/libFuzzer not installed"
	done
	finish
fi

log=$(tmpdir)
if ! env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$ROOT" --no-print-directory SANITIZE= FUZZ_BUILD="$FB" fuzz-build >"$log/build" 2>&1; then
	not_ok "fuzz harnesses build"
	sed 's/^/#   /' "$log/build" | tail -20
	finish
fi
ok "fuzz harnesses build ($(echo $harnesses | wc -w) harnesses)"

for h in $harnesses; do
	reg=$ROOT/tests/data/fuzz-regressions/$h
	dirs=("$ROOT/fuzz/corpus/$h")
	nreg=0
	if [ -d "$reg" ]; then
		dirs+=("$reg")
		nreg=$(find "$reg" -type f | wc -l)
	fi
	# -runs=0 over the folders: every file once, then stop
	if "$FB/fuzz/$h" -runs=0 -close_fd_mask=3 -timeout=20 -rss_limit_mb=2048 \
		"${dirs[@]}" >"$log/$h.replay" 2>&1; then
		ok "$h: corpus and $nreg regression inputs replay without a crash"
	else
		not_ok "$h: corpus and regressions replay"
		grep -E 'ERROR|SUMMARY|#[0-9]+ in |Test unit' "$log/$h.replay" | head -20 | sed 's/^/#   /'
	fi
	work=$(tmpdir)
	if "$FB/fuzz/$h" -max_total_time="$secs" -seed=1 -close_fd_mask=3 -timeout=20 \
		-rss_limit_mb=2048 -artifact_prefix="$work/" "$work" "${dirs[@]}" >"$log/$h.fuzz" 2>&1; then
		ok "$h: $secs s of fuzzing ($(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log/$h.fuzz") runs) without a crash"
	else
		not_ok "$h: $secs s of fuzzing"
		grep -E 'ERROR|SUMMARY|#[0-9]+ in |Test unit' "$log/$h.fuzz" | head -20 | sed 's/^/#   /'
	fi
done
finish
