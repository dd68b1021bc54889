# Helpers for end-to-end scripts. Source it, then call the checks; each
# prints "ok - name" or "not ok - name" and the script ends with `finish`.
# BIN (the programs) and ROOT (the repository) are set for you.
# The lines are TAP test lines: tests/run-tests.sh adds the plan and runs
# the scripts under prove, several at once, so a script writes only inside
# folders from `tmpdir` (never a fixed path) and prints no other line
# starting with "ok" or "not ok".
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
# file systems a script mounted (a small tmpfs for a full disk), unmounted first
E2E_MOUNTS=()
e2e_cleanup() {
	for m in "${E2E_MOUNTS[@]}"; do umount "$m" 2>/dev/null; done
	rm -rf "${E2E_TMPS[@]}"
}
trap e2e_cleanup EXIT

# stage_tiny DIR: the tiny hand-made authority (tests/data/tiny: CIN and
# contacts) copied into DIR and extracted to DIR/out/staging; 0 or 1.
stage_tiny() {
	cp "$ROOT"/tests/data/tiny/{cin.xml,contacts.csv,pipeline.conf} "$1"/ &&
		"$BIN/csc-extract-cin" --conf "$1/pipeline.conf" --quiet &&
		"$BIN/csc-extract-contacts" --conf "$1/pipeline.conf" --quiet
}

# csv_cell FILE KEYCOLS... : see tests/e2e/csvget.py
csvget() { "$PY" "$ROOT/tests/e2e/csvget.py" "$@"; }

# tiny_copy DIR: the tiny hand-made authority in DIR with its own copy of
# the templates (templates_dir = tpl), so a test may remove or break them
tiny_copy() {
	mkdir -p "$1"
	cp "$ROOT"/tests/data/tiny/{cin.xml,contacts.csv,pipeline.conf} "$1"/
	cp -r "$ROOT/templates" "$1/tpl"
	echo "templates_dir = tpl" >>"$1/pipeline.conf"
}

# add_contact DIR: one more contact in DIR/contacts.csv, so that the next run
# has something new to write and publish
add_contact() {
	echo "C99,F,WBRI,01/01/2015,9,20/02/2024,6,K99,NFA,20/02/2024,new" >>"$1/contacts.csv"
}

# exit_says NAME WANT_EXIT TEXT CMD...: CMD exits WANT_EXIT and its stderr
# holds TEXT; its output is left in $E2E_STDOUT and $E2E_STDERR
exit_says() {
	local name=$1 want=$2 text=$3; shift 3
	if [ -z "${E2E_OUTS:-}" ]; then
		E2E_OUTS=$(mktemp -d "${TMPDIR:-/tmp}/cscpipe-e2e.XXXXXX")
		E2E_TMPS+=("$E2E_OUTS")
	fi
	E2E_STDOUT=$E2E_OUTS/stdout E2E_STDERR=$E2E_OUTS/stderr
	"$@" >"$E2E_STDOUT" 2>"$E2E_STDERR"
	local rc=$?
	check_eq "$name: exit $want" "$want" "$rc"
	if grep -qF -- "$text" "$E2E_STDERR"; then ok "$name: says '$text'"; else
		not_ok "$name: says '$text'"; sed 's/^/#   stderr: /' "$E2E_STDERR" | head -5; fi
}

finish() { exit $E2E_FAILED; }
