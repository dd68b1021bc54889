#!/usr/bin/env bash
# Incremental builds see header changes however the build folder is named.
# Regression: each object's .d file names its target as the compiler was
# told it, and the fuzz smoke passed its build folder as an absolute path
# where `make fuzz` had used a relative one, so a harness object compiled
# against an older lib/csc_xml.h was linked against a newer lib/csc_xml.o
# (an ASan stack overflow on the first input). The Makefile now names build
# folders under the top folder relatively whichever way they are given.
# Runs on a copy of the sources, so nothing here touches the checkout.
. "$(dirname "$0")/lib.sh"

T=$(tmpdir)
S=$T/src
mkdir -p "$S"
tar -C "$ROOT" --exclude=./.git --exclude='./build*' --exclude=./bench/cache \
	--exclude=./bench/work --exclude=./sample -cf - . | tar -C "$S" -xf -
# SANITIZE= : `make test SANITIZE=1` exports SANITIZE, which would rename b to b-san
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$S" --no-print-directory SANITIZE= "$@"; }
# newer FILE: change FILE after every object built so far
newer() { sleep 1; touch "$S/$1"; }

# The plain build: objects built as b/..., then a dry run with the same
# folder given as $S/b must still recompile what includes a changed header.
check "relative build of the library" mk BUILD=b b/libcsc.a
newer lib/csc_date.h
dry=$(mk -n BUILD="$S/b" all 2>&1)
check_eq "absolute BUILD: the dry run works" 0 $?
check "absolute BUILD: a changed header recompiles its objects" \
	grep -q -- "-c lib/csc_date.c -o b/lib/csc_date.o" <<<"$dry"
check "absolute BUILD: no object is named by its absolute path" \
	test -z "$(grep -F -- "-o $S/b/" <<<"$dry")"

# The fuzz harnesses, as `make fuzz` (relative) then the smoke (absolute).
if command -v clang >/dev/null 2>&1 && mk FUZZ_BUILD=fb FUZZERS=fuzz_workday fuzz-build >"$T/fb.log" 2>&1; then
	newer lib/csc_workday.h
	mk FUZZ_BUILD="$S/fb" FUZZERS=fuzz_workday fuzz-build >>"$T/fb.log" 2>&1
	check "absolute FUZZ_BUILD: the harness is recompiled after a header change" \
		test "$S/fb/fuzz/fuzz_workday.o" -nt "$S/lib/csc_workday.h"
	check "absolute FUZZ_BUILD: and linked again" \
		test "$S/fb/fuzz/fuzz_workday" -nt "$S/lib/csc_workday.h"
else
	echo "ok - absolute FUZZ_BUILD: the harness is recompiled after a header change # SKIP clang/libFuzzer not available"
fi
finish
