#!/usr/bin/env bash
# The CSV extractors against an independent oracle: csc-gen-sample --dirty
# injects faults (bad codes, 30/31 February, missing mandatory values,
# duplicated keys) and lists each in dirty-manifest.csv. Every CSV fault
# must be rejected on its file, line and field, and nothing else rejected;
# recon must add up.
. "$(dirname "$0")/lib.sh"
[ -x "$BIN/csc-gen-sample" ] || { echo "ok - # SKIP csc-gen-sample not built"; finish; }
T=$(tmpdir)
if ! "$BIN/csc-gen-sample" --out "$T/la" --children 3000 --dirty 5 >"$T/gen.log" 2>&1; then
	not_ok "csc-gen-sample --dirty 5 ran (the oracle; nothing else can be checked)"
	sed -n '1,/ABORTING/p' "$T/gen.log" | grep -E 'ERROR|#[0-3] ' | sed 's/^/#   /'
	finish
fi
ok "csc-gen-sample --dirty 5 ran"
# 5 % of records are faulty on purpose: the default max_reject_percent (5)
# would stop an extract whose share rounds above it; this test is about which
# records are rejected, not about the share.
echo "max_reject_percent = 100" >>"$T/la/pipeline.conf"
for p in 903 contacts earlyhelp; do
	(cd "$T/la" && "$BIN/csc-extract-$p" --conf pipeline.conf --quiet)
	check_eq "csc-extract-$p on the dirty sample" 0 $?
done
"$PY" - "$T/la" <<'PY'
import csv, os, sys
root = sys.argv[1]
stg = os.path.join(root, "output", "staging")
man = {(m["file"], m["line"]): m for m in csv.DictReader(open(os.path.join(root, "dirty-manifest.csv")))
       if not m["file"].endswith(".xml")}
rej, bad = {}, 0
for i in ("ssda903", "contacts", "early_help"):
    for r in csv.DictReader(open(os.path.join(stg, f"rejects_{i}.csv"))):
        rej[(os.path.relpath(os.path.join(root, r["file"]), root), r["line"])] = r
    for r in csv.DictReader(open(os.path.join(stg, f"recon_{i}.csv"))):
        bad += int(r["read"]) != int(r["staged"]) + int(r["rejected"])
def report(ok, name, detail=""):
    print(("ok - " if ok else "not ok - ") + name)
    if not ok:
        print("#   " + detail[:2000])
missing = [m for k, m in man.items() if k not in rej]
extra = [r for k, r in rej.items() if k not in man]
wrong = [(m, rej[k]) for k, m in man.items() if k in rej and rej[k]["field"] != m["field"]]
report(len(man) > 100, f"manifest lists {len(man)} CSV faults")
report(not missing, "every injected fault is rejected", str(missing[:5]))
report(not extra, "nothing else is rejected", str(extra[:5]))
report(not wrong, "each reject names the faulty field", str(wrong[:5]))
report(not bad, "recon: read = staged + rejected")
sys.exit(1 if missing or extra or wrong or bad else 0)
PY
[ $? -eq 0 ] || E2E_FAILED=1
finish
