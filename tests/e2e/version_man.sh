#!/usr/bin/env bash
# Every program answers --version with the release (VERSION) and the git
# description baked in at build time, and has a man page built from its
# --help (scripts/help2man.sh) that groff reads without a warning.
. "$(dirname "$0")/lib.sh"
B=${BUILD:-build}
case $B in /*) ;; *) B=$ROOT/$B ;; esac
RELEASE=$(head -n 1 "$ROOT/VERSION")
T=$(tmpdir)

progs=$(cd "$BIN" && ls csc-*)
check "thirteen programs (csc-share, csc-annexa the last two)" test "$(wc -w <<<"$progs")" -eq 13
# The build's description, as scripts/gen-header.sh wrote it for this build.
build=$(sed -n 's/^#define CSC_VERSION_BUILD "\(.*\)"$/\1/p' "$B/gen/csc_version_gen.h")
if [ -n "$build" ]; then want_tail=" (git $build)"; else want_tail=""; fi
for p in $progs; do
	out=$("$BIN/$p" --version 2>"$T/err"); rc=$?
	check_eq "$p --version exits 0" 0 "$rc"
	check_eq "$p --version: name, release and build" "$p $RELEASE$want_tail" "$out"
	check_eq "$p --version: nothing on stderr" "" "$(cat "$T/err")"
	page=$B/man/$p.1
	check "$p: man page built" test -s "$page"
	check_eq "$p: groff reads the page without a warning" "" \
		"$(groff -man -Tutf8 -ww -z "$page" 2>&1)"
	check "$p: NAME line for whatis" grep -q "^$p \\\\- " "$page"
	check "$p: the page says the release" grep -q "\"cscpipe $RELEASE\"" "$page"
	# the page is the --help text: every option line of --help is on it
	MANWIDTH=200 man -l "$page" 2>/dev/null | sed 's/^ *//' >"$T/man.txt"
	missing=$("$BIN/$p" --help | sed -n 's/^ *\(--[a-z0-9-]*\).*/\1/p' | sort -u |
		while read -r o; do grep -q -- "^$o" "$T/man.txt" || echo "$o"; done)
	check_eq "$p: every option of --help is on the page" "" "$missing"
	check "$p: --help lists --version" grep -q -- '--version' <("$BIN/$p" --help)
	# the same program writes the same page
	"$ROOT/scripts/help2man.sh" "$BIN/$p" "$T/again.1"
	check "$p: the page is reproducible" cmp -s "$page" "$T/again.1"
done

# Outside a git checkout the build is the release alone.
mkdir -p "$T/src/scripts"
cp "$ROOT/scripts/gen-header.sh" "$T/src/scripts/"
echo 9.8.7 >"$T/src/VERSION"
(cd "$T" && GIT_CEILING_DIRECTORIES=$T "$T/src/scripts/gen-header.sh" version "$T/v.h")
check "no git: release from VERSION, empty build" \
	grep -q '^#define CSC_VERSION_RELEASE "9.8.7"$' "$T/v.h"
check "no git: empty build" grep -q '^#define CSC_VERSION_BUILD ""$' "$T/v.h"
# The header is rewritten only when its text changes (no relink of an
# unchanged tree): same text, same inode and mtime.
before=$(stat -c '%i %Y' "$T/v.h"); sleep 1
"$T/src/scripts/gen-header.sh" version "$T/v.h"
check_eq "unchanged text: the header is left alone" "$before" "$(stat -c '%i %Y' "$T/v.h")"
echo 9.8.8 >"$T/src/VERSION"
"$T/src/scripts/gen-header.sh" version "$T/v.h"
check "changed VERSION: the header follows" grep -q '"9.8.8"' "$T/v.h"
# DATADIR is written as a C string whatever it holds.
"$T/src/scripts/gen-header.sh" datadir "$T/d.h" '/opt/a "b"\c'
check_eq "datadir quoted for C" '#define CSC_DATADIR "/opt/a \"b\"\\c"' "$(tail -n 1 "$T/d.h")"
# A bad option is still a usage error (4), not a version.
check_exit "csc-run --versions is a usage error" 4 "$BIN/csc-run" --versions
check_exit "csc-extract-contacts --bogus is a usage error" 4 "$BIN/csc-extract-contacts" --bogus
finish
