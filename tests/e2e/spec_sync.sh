#!/usr/bin/env bash
# docs/spec is the repository's copy of the specification the code
# implements (a clone alone carries it); ../shared/spec stays the source the
# project is checked against. Where that folder exists, the two must hold
# the same files with the same bytes: change ../shared/spec, copy it here.
. "$(dirname "$0")/lib.sh"
SPEC=$ROOT/docs/spec
SHARED=${CSC_SHARED_SPEC:-$ROOT/../shared/spec}

check "docs/spec holds MEASURES.md" test -s "$SPEC/MEASURES.md"
check "docs/spec holds INPUTS.md" test -s "$SPEC/INPUTS.md"
check "the README links the measure definitions in docs/spec" \
	grep -q '](docs/spec/MEASURES.md)' "$ROOT/README.md"
check "the README no longer links outside the repository for them" \
	test -z "$(grep -n '](\.\./shared/spec' "$ROOT/README.md")"

if [ ! -d "$SHARED" ]; then
	echo "ok - docs/spec matches ../shared/spec # SKIP no $SHARED"
	finish
fi
# diff -r names any file on one side only and any file whose bytes differ.
out=$(diff -r "$SHARED" "$SPEC" 2>&1)
check_eq "docs/spec matches $SHARED file for file" "" "$out"

# The check itself: a changed byte and a file on one side are both caught.
differs() { ! diff -r -q "$1" "$2" >/dev/null 2>&1; }
T=$(tmpdir)
cp -r "$SPEC" "$T/spec"
printf 'x' >>"$T/spec/INPUTS.md"
check "a changed byte in the copy is caught" differs "$SHARED" "$T/spec"
cp -r "$SPEC" "$T/spec2"
: >"$T/spec2/EXTRA.md"
check "a file only in the copy is caught" differs "$SHARED" "$T/spec2"
finish
