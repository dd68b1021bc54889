# Helpers for end-to-end scripts. Source it, then call the checks; each
# prints "ok - name" or "not ok - name" and the script ends with `finish`.
# BIN (the programs) and ROOT (the repository) are set for you.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
: "${BIN:=$ROOT/build/bin}"
PY=/usr/bin/python3   # Debian's python, where python3-openpyxl lives
E2E_FAILED=0

ok() { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; E2E_FAILED=1; }

# check NAME COMMAND...: passes when the command exits 0
check() { local n=$1; shift; if "$@"; then ok "$n"; else not_ok "$n"; fi; }

# check_eq NAME EXPECTED ACTUAL
check_eq() {
	if [ "$2" == "$3" ]; then ok "$1"; else not_ok "$1"; echo "#   expected: $2"; echo "#   actual:   $3"; fi
}

# check_exit NAME CODE COMMAND...: passes when the command exits with CODE
check_exit() {
	local n=$1 want=$2; shift 2
	"$@" >/dev/null 2>&1; local got=$?
	check_eq "$n (exit $want)" "$want" "$got"
}

# A fresh temporary folder removed at exit.
tmpdir() { local d; d=$(mktemp -d "${TMPDIR:-/tmp}/cscpipe-e2e.XXXXXX"); E2E_TMPS+=("$d"); echo "$d"; }
E2E_TMPS=()
trap 'rm -rf "${E2E_TMPS[@]}"' EXIT

# csv_cell FILE KEYCOLS... : see tests/e2e/csvget.py
csvget() { "$PY" "$ROOT/tests/e2e/csvget.py" "$@"; }

finish() { exit $E2E_FAILED; }
