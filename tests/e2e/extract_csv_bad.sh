#!/usr/bin/env bash
# The bad-input corpus of the CSV extractors (tests/data/bad/{ssda903,
# contacts,early_help}): each case's diagnostic, rejects and recon counts.
# See tests/e2e/extract_csv_check.py for the .expect format.
. "$(dirname "$0")/lib.sh"
"$PY" "$ROOT/tests/e2e/extract_csv_check.py" "$BIN" "$ROOT" || E2E_FAILED=1
finish
