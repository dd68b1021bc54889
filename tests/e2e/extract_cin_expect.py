#!/usr/bin/python3
"""Check one csc-extract-cin run against a bad-input case's .expect file.

usage: extract_cin_expect.py CASE.expect STAGING_DIR STDERR_FILE EXIT_CODE

.expect lines (# comments):
  exit N                          the exit status
  stderr TEXT                     one stderr line equals TEXT exactly
  warn TEXT                       one stderr line contains TEXT
  recon TABLE READ STAGED REJECTED  a recon_cin.csv row; tables not listed
                                  must read 0 (exit 0 cases)
  reject LINE|FIELD|VALUE|REASON  a rejects_cin.csv row, exactly
  rejects N                       number of reject rows
  row FILE col=val,col=val        a staged row with these cells exists
  norow FILE col=val,col=val      no staged row has these cells
  finding CHECK|CHILD|RECORD|DETAIL  a findings_cin.csv row, exactly
  findings N                      number of finding rows
  absent TEXT                     TEXT appears in no output at all
Prints "ok - ..." / "not ok - ..." lines like tests/e2e/lib.sh.
"""
import csv
import os
import sys

TABLES = ["Child", "CINdetails", "Assessments", "CINPlanDates", "Section47",
          "ChildProtectionPlans", "CPPreviewDate", "PreProceedingsandFGDM"]


def main():
    exp_path, stg, err_path, code = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    name = os.path.basename(exp_path)[:-len(".expect")]
    with open(err_path, encoding="utf-8", errors="replace") as f:
        err_lines = f.read().splitlines()
    failed = 0

    def check(ok, what, detail=""):
        nonlocal failed
        print(("ok - " if ok else "not ok - ") + f"{name}: {what}")
        if not ok:
            failed = 1
            if detail:
                print("#   " + detail.replace("\n", "\n#   "))

    def rows(fname):
        p = os.path.join(stg, fname)
        if not os.path.exists(p):
            return None
        with open(p, newline="", encoding="utf-8") as f:
            return list(csv.reader(f))

    def staged_row(fname, cells):
        """Whether a staged row has these cells; None when the file is missing."""
        want = dict(c.split("=", 1) for c in cells.split(","))
        tab = rows(fname)
        if not tab:
            return None
        hdr = tab[0]
        return any(all(dict(zip(hdr, r)).get(k) == v for k, v in want.items()) for r in tab[1:])

    recon_seen = set()
    recon_mode = False
    with open(exp_path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    for line in lines:
        kw, _, arg = line.partition(" ")
        if kw == "exit":
            check(code == int(arg), f"exit {arg}", f"got {code}; stderr: {err_lines[:3]}")
        elif kw == "stderr":
            check(arg in err_lines, f"stderr '{arg}'", "stderr was:\n" + "\n".join(err_lines[:5]))
        elif kw == "warn":
            check(any(arg in l for l in err_lines), f"warning '{arg}'",
                  "stderr was:\n" + "\n".join(err_lines[:5]))
        elif kw == "recon":
            recon_mode = True
            t, r, s, j = arg.split()
            recon_seen.add(t)
            rec = rows("recon_cin.csv") or []
            got = [x[2:] for x in rec[1:] if x[1] == t]
            check(got == [[r, s, j]], f"recon {t} read {r} = staged {s} + rejected {j}", f"got {got}")
        elif kw == "reject":
            want = arg.split("|")
            rej = rows("rejects_cin.csv") or []
            got = [x[1:] for x in rej[1:]]
            check(want in got, f"reject {arg}", "rejects were:\n" + "\n".join("|".join(x) for x in got[:8]))
        elif kw == "rejects":
            rej = rows("rejects_cin.csv") or [[]]
            check(len(rej) - 1 == int(arg), f"{arg} reject rows", f"got {len(rej) - 1}")
        elif kw in ("row", "norow"):
            fname, _, cells = arg.partition(" ")
            found = staged_row(fname, cells)
            if kw == "row":
                check(found, f"row {fname} {cells}")
            else:
                check(found is False, f"no row {fname} {cells}")
        elif kw == "finding":
            want = arg.split("|")
            fnd = rows("findings_cin.csv") or [[]]
            got = [[x[0], x[2], x[3], x[5]] for x in fnd[1:]]
            check(want in got, f"finding {arg}", "findings were:\n" + "\n".join("|".join(x) for x in got[:8]))
        elif kw == "findings":
            fnd = rows("findings_cin.csv") or [[]]
            check(len(fnd) - 1 == int(arg), f"{arg} finding rows", f"got {len(fnd) - 1}")
        elif kw == "absent":
            hay = "\n".join(err_lines)
            for fn in os.listdir(stg):
                with open(os.path.join(stg, fn), encoding="utf-8", errors="replace") as f:
                    hay += f.read()
            check(arg not in hay, f"'{arg}' appears nowhere")
        else:
            check(False, f"unknown expect keyword {kw}")
    if recon_mode:
        rec = rows("recon_cin.csv") or []
        for x in rec[1:]:
            if x[1] not in recon_seen:
                check(x[2:] == ["0", "0", "0"], f"recon {x[1]} empty", f"got {x[2:]}")
        check(all(int(x[2]) == int(x[3]) + int(x[4]) for x in rec[1:]) and
              [x[1] for x in rec[1:]] == TABLES,
              f"read = staged + rejected on all {len(TABLES)} tables")
        rej = rows("rejects_cin.csv") or [[]]
        check(len(rej) - 1 == sum(int(x[4]) for x in rec[1:]), "one reject row per rejected record")
    sys.exit(failed)


main()
