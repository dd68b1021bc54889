#!/usr/bin/python3
"""Run the CSV extractors over the bad-input corpus and check each case.

tests/data/bad/<input>/NAME.csv is one input file; NAME.expect beside it
says what must happen, one assertion a line:

  exit N                       the exit status
  err TEXT                     stderr contains TEXT; a TEXT starting with
                               ":" must follow the input's path (":2: ...")
  reject LINE | FIELD | TEXT   a reject row for this file with that line and
                               field whose reason contains TEXT; the rejects
                               file holds exactly the rows listed
  recon READ STAGED REJECTED   the recon row of this file
  cell STAGEFILE ROW COL = V   data row ROW (1-based) of the staging file has
                               V in column COL
  len STAGEFILE ROW COL = N    ... a value of N characters
  gen N                        replace @BIG@ in the input by N letters
                               (large cases are generated, not stored)

A fatal case (exit 3) must leave the previous staging untouched: the
staging folder is seeded with sentinel files that must survive unchanged.
SSDA903 cases are run as a folder holding just that file.
Prints "ok - ..." / "not ok - ..." lines for tests/e2e/lib.sh style.
"""
import csv
import glob
import os
import shutil
import subprocess
import sys
import tempfile

csv.field_size_limit(sys.maxsize)

PROGS = {
    "ssda903": ("csc-extract-903", ["ssda903_header.csv", "ssda903_episodes.csv"]),
    "contacts": ("csc-extract-contacts", ["contacts.csv"]),
    "early_help": ("csc-extract-earlyhelp", ["early_help.csv"]),
}
SENTINEL = b"OLD STAGING\n"
failed = 0


def report(ok, name, why=""):
    global failed
    print(("ok - " if ok else "not ok - ") + name)
    if not ok:
        failed = 1
        for line in why.splitlines():
            print("#   " + line)


def unescape(s):
    return s.replace("\\n", "\n").replace("\\r", "\r")


def rows(path):
    # a missing file (a fatal exit the case did not expect) has no rows, so
    # the assertions that need it fail instead of the whole corpus stopping
    if not os.path.exists(path):
        return []
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def run_case(bin_dir, root, inp, case):
    prog, sentinels = PROGS[inp]
    name = f"{inp}/{os.path.basename(case)}"
    expect = [l.rstrip("\n") for l in open(case[:-4] + ".expect", encoding="utf-8")]
    expect = [l for l in expect if l.strip() and not l.startswith("#")]
    data = open(case, "rb").read()
    for l in expect:
        if l.startswith("gen "):
            data = data.replace(b"@BIG@", b"A" * int(l.split()[1]))
    tmp = tempfile.mkdtemp(prefix="cscpipe-csv.")
    try:
        stg = os.path.join(tmp, "staging")
        os.mkdir(stg)
        for s in sentinels:
            open(os.path.join(stg, s), "wb").write(SENTINEL)
        if inp == "ssda903":
            d = os.path.join(tmp, "in")
            os.mkdir(d)
            src = os.path.join(d, os.path.basename(case))
            arg = d
        else:
            src = os.path.join(tmp, os.path.basename(case))
            arg = src
        open(src, "wb").write(data)
        p = subprocess.run([os.path.join(bin_dir, prog), "-o", stg, "--ref",
                            os.path.join(root, "ref"), arg],
                           capture_output=True, timeout=120)
        err = p.stderr.decode("utf-8", "replace")
        problems = []
        want_rejects = []
        for l in expect:
            kw, _, rest = l.partition(" ")
            if kw == "exit":
                if p.returncode != int(rest):
                    problems.append(f"exit {p.returncode}, expected {rest}")
            elif kw == "err":
                want = src + rest if rest.startswith(":") else rest
                if want not in err:
                    problems.append(f"stderr lacks {want!r}")
            elif kw == "reject":
                want_rejects.append([x.strip() for x in rest.split("|", 2)])
            elif kw == "recon":
                r = [x for x in rows(os.path.join(stg, f"recon_{inp}.csv")) if x["file"] == src]
                got = " ".join(r[0][k] for k in ("read", "staged", "rejected")) if len(r) == 1 else f"{len(r)} rows"
                if got != rest:
                    problems.append(f"recon {got}, expected {rest}")
                for x in r:
                    if int(x["read"]) != int(x["staged"]) + int(x["rejected"]):
                        problems.append("recon: read != staged + rejected")
            elif kw in ("cell", "len"):
                left, _, want = rest.partition(" = ")
                want = unescape(want)
                f, row, col = left.split()
                rs = rows(os.path.join(stg, f))
                got = rs[int(row) - 1][col] if len(rs) >= int(row) else None
                if kw == "len":
                    got = None if got is None else str(len(got))
                if got != want:
                    problems.append(f"{f} row {row} {col} = {got!r}, expected {want!r}")
        if p.returncode == 3:
            for s in sentinels:
                if open(os.path.join(stg, s), "rb").read() != SENTINEL:
                    problems.append(f"fatal error changed staging/{s}")
            left = [x for x in os.listdir(stg) if ".tmp" in x]
            if left:
                problems.append(f"temporary files left: {left}")
            if not err.startswith(prog + ": " + src):
                problems.append("diagnostic is not 'prog: file:line: message'")
        elif p.returncode == 0:
            got = rows(os.path.join(stg, f"rejects_{inp}.csv"))
            if len(got) != len(want_rejects):
                problems.append(f"{len(got)} rejects, expected {len(want_rejects)}: {got}")
            for line, field, reason in want_rejects:
                if not any(g["file"] == src and g["line"] == line and g["field"] == field
                           and reason in g["reason"] for g in got):
                    problems.append(f"no reject {line}|{field}|{reason} in {got}")
        if p.returncode < 0 or "Sanitizer" in err or "runtime error" in err:
            problems.append(f"crashed: {p.returncode}")
        report(not problems, name, "\n".join(problems) + ("\nstderr: " + err[:2000] if problems else ""))
    finally:
        shutil.rmtree(tmp)


def main():
    bin_dir, root = sys.argv[1], sys.argv[2]
    n = 0
    for inp in PROGS:
        for case in sorted(glob.glob(os.path.join(root, "tests/data/bad", inp, "*.csv"))):
            run_case(bin_dir, root, inp, case)
            n += 1
    report(n >= 30, f"corpus has {n} cases (at least 30)")
    sys.exit(failed)


main()
