#!/usr/bin/env bash
# make install to two PREFIXes one after the other, then back to the first:
# each install's programs look in their own PREFIX/share/cscpipe (the data
# folder is one object rebuilt when DATADIR changes), work with the other
# PREFIX removed, have their man pages (`man csc-run`) and the example conf.
# Regression: the second PREFIX reused the first build and installed
# programs that read the first PREFIX's ref/ and templates/.
. "$(dirname "$0")/lib.sh"
T=$(tmpdir)
# The install build goes to $T (the checkout's build folders are untouched);
# SANITIZE= as `make test SANITIZE=1` exports it; -O0: only paths are tested.
mk() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$ROOT" --no-print-directory SANITIZE= \
		OPT=-O0 INSTALL_BUILD="$T/bi" "$@" >"$T/make.log" 2>&1 || { cat "$T/make.log"; return 1; }
}
RELEASE=$(head -n 1 "$ROOT/VERSION")

# works P: the installed programs of PREFIX P on their own
works() {
	local P=$1 n=$2
	check "$n: csc-validate's default ref is $P/share/cscpipe/ref" \
		grep -qF -- "(default: $P/share/cscpipe/ref)" <("$P/bin/csc-validate" --help)
	check_eq "$n: csc-run --version" "csc-run $RELEASE" "$("$P/bin/csc-run" --version | cut -d' ' -f1-2)"
	rm -rf "$T/s"
	# the bank holidays come from the installed ref/ (no --ref)
	check "$n: csc-gen-sample with the installed ref/" \
		"$P/bin/csc-gen-sample" --out "$T/s" --children 300 --seed 3 --quiet
	# the whole chain: installed make chain, ref/ and templates/ (conf defaults)
	check "$n: csc-run on the sample with the installed share folder" \
		"$P/bin/csc-run" --conf "$T/s/pipeline.conf" --quiet
	check "$n: the workbook was written" test -s "$T/s/output/2026-10/highlight-2026-10.xlsx"
	check "$n: the manifest names $P's templates" \
		grep -qxF "setting,load.templates_dir,$P/share/cscpipe/templates" "$T/s/output/2026-10/manifest.csv"
	check "$n: man csc-run finds $P's page" \
		test "$(MANPATH="$P/share/man" man -w csc-run 2>/dev/null)" = "$P/share/man/man1/csc-run.1"
	check "$n: man renders it" grep -q -- '--conf FILE' <(MANPATH="$P/share/man" MANWIDTH=80 man csc-run 2>/dev/null)
	check "$n: a man page for every program" \
		test "$(ls "$P/share/man/man1" | wc -l)" -eq "$(ls "$P/bin" | wc -l)"
	check "$n: the example pipeline.conf" cmp -s "$ROOT/pipeline.conf" "$P/share/cscpipe/examples/pipeline.conf"
}

A=$T/prefix-a B=$T/prefix-b
check "make install PREFIX=A" mk install PREFIX="$A"
check "make install PREFIX=B" mk install PREFIX="$B"
mv "$A" "$T/hidden-a"           # B must not need A
works "$B" "B after A"
mv "$T/hidden-a" "$A"
check "make install PREFIX=A again" mk install PREFIX="$A"
rm -rf "$B"                     # A must not need B
works "$A" "A after B"
# DESTDIR stages the same tree under DESTDIR without changing the paths
# the programs look in.
check "make install DESTDIR=D PREFIX=/opt/csc" mk install DESTDIR="$T/dest" PREFIX=/opt/csc
check "DESTDIR: programs staged" test -x "$T/dest/opt/csc/bin/csc-run"
check "DESTDIR: they look in PREFIX, not DESTDIR/PREFIX" \
	grep -qF -- "(default: /opt/csc/share/cscpipe/ref)" <("$T/dest/opt/csc/bin/csc-validate" --help)
finish
