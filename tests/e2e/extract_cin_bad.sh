#!/usr/bin/env bash
# The CIN bad-input corpus: every tests/data/bad/cin/NAME.xml (or NAME.gen,
# a script writing the XML on stdout, for multi-megabyte cases) is extracted
# over a staging folder holding a good earlier run; NAME.expect lists its
# exit status, diagnostic, rejects and reconciliation counts
# (tests/e2e/extract_cin_expect.py). A fatal case must leave the earlier
# staging byte-identical and no temporary file behind.
. "$(dirname "$0")/lib.sh"
CORPUS=$ROOT/tests/data/bad/cin
X="$BIN/csc-extract-cin"
T=$(tmpdir)

# The earlier good run every case starts from.
mkdir -p "$T/good"
(cd "$ROOT/tests/data/cin" && "$X" -q -o "$T/good" --ref "$ROOT/ref" all_elements.xml) ||
	not_ok "good run for the corpus baseline"
before=$(cd "$T/good" && sha256sum ./* | sort)

n=0
for exp in "$CORPUS"/*.expect; do
	name=$(basename "$exp" .expect)
	n=$((n + 1))
	work="$T/$name"
	mkdir -p "$work/in"
	cp -r "$T/good" "$work/stg"
	if [ -f "$CORPUS/$name.gen" ]; then
		bash "$CORPUS/$name.gen" >"$work/in/$name.xml"
	else
		cp "$CORPUS/$name.xml" "$work/in/$name.xml"
	fi
	(cd "$work/in" && "$X" -o "$work/stg" --ref "$ROOT/ref" "$name.xml") >"$work/out" 2>"$work/err"
	rc=$?
	cat "$work/out" >>"$work/err"
	"$PY" "$ROOT/tests/e2e/extract_cin_expect.py" "$exp" "$work/stg" "$work/err" "$rc" || E2E_FAILED=1
	if [ "$rc" -ge 3 ]; then
		after=$(cd "$work/stg" && sha256sum ./* | sort)
		check_eq "$name: earlier staging untouched" "$before" "$after"
	fi
	check "$name: no temporary files left" test -z "$(find "$work/stg" -name '*.tmp.*')"
done
check "corpus holds at least 25 cases ($n)" test "$n" -ge 25
finish
