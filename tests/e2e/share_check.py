#!/usr/bin/env python3
"""Independent checks of a csc-share extract against the staging it came from
(tests/e2e/share.sh). Python's hmac, csv and hashlib, not the C code.

share_check.py leaks STAGING EXTRACT KEYFILE
    prints one line per leak: an identifier of the staging (child, contact
    and episode references, UPNs, worker IDs, full postcodes) found anywhere
    in any extract file as a substring; a child's full date of birth (or
    expected birth, death, UASC end) in any row of that child; a day other
    than the 1st in a date-of-birth column; a pseudonym that is not the
    first 20 hex digits of HMAC-SHA-256(key, identifier) row for row.
share_check.py pseudonyms EXTRACT
    prints every pseudonym of the extract (the keyed columns), one a line.
share_check.py manifest EXTRACT
    prints one line per manifest row that does not match the files.
"""
import csv, glob, hashlib, hmac, os, sys

IDS = ("child", "CHILD", "contact_id", "SW_ID", "upn", "former_upn", "UPN")
KEYED = ("child", "CHILD", "contact_id", "SW_ID")
DOBS = ("dob", "DOB", "expected_dob", "MC_DOB", "death_date", "DUC")
POSTS = ("HOME_POST", "PL_POST")


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        head = next(r, [])
        for row in r:
            yield dict(zip(head, row))


def keyed_cols(name):
    """The columns csc-share keys, by file (the early-help episode too)."""
    return KEYED + (("episode",) if name == "early_help.csv" else ())


def leaks(staging, extract, keyfile):
    key = open(keyfile, "rb").read()
    ps = lambda v: hmac.new(key, v.encode(), hashlib.sha256).hexdigest()[:20] if v else ""
    ids, dob = set(), {}
    for f in glob.glob(os.path.join(staging, "*.csv")):
        name = os.path.basename(f)
        if name.split("_")[0] in ("rejects", "recon", "coverage"):
            continue
        for row in rows(f):
            for c in IDS + POSTS:
                # a 903 UPN of UN1-UN10 is the DfE reason code for no UPN
                if row.get(c) and not (c == "UPN" and row[c][:2] == "UN"):
                    ids.add(row[c])
            if name == "early_help.csv" and row.get("episode"):
                ids.add(row["episode"])
            ch = row.get("child") or row.get("CHILD")
            for c in DOBS:
                v = row.get(c)
                if ch and v and not v.endswith("-01"):
                    dob.setdefault(ps(ch), set()).add(v)
    out = []
    files = sorted(glob.glob(os.path.join(extract, "*.csv")))
    text = {f: open(f, encoding="utf-8").read() for f in files}
    for v in sorted(ids):
        for f, t in text.items():
            if v in t:
                out.append("identifier %s in %s" % (v, os.path.basename(f)))
    for f in files:
        name = os.path.basename(f)
        if name == "manifest.csv":
            continue
        stg = list(rows(os.path.join(staging, name)))
        ext = list(rows(f))
        if len(stg) != len(ext):
            out.append("%s: %d rows, staging %d" % (name, len(ext), len(stg)))
            continue
        for i, (s, e) in enumerate(zip(stg, ext), 2):
            for c in keyed_cols(name):
                if c in e and e[c] != ps(s[c]):
                    out.append("%s:%d: %s is not the keyed pseudonym" % (name, i, c))
            for c in DOBS:
                if e.get(c) and not e[c].endswith("-01"):
                    out.append("%s:%d: %s not the 1st of a month" % (name, i, c))
            ch = e.get("child") or e.get("CHILD")
            for v in dob.get(ch, ()):
                if v in e.values():
                    out.append("%s:%d: the child's full date %s" % (name, i, v))
    return out


def pseudonyms(extract):
    seen = set()
    for f in glob.glob(os.path.join(extract, "*.csv")):
        name = os.path.basename(f)
        if name == "manifest.csv":
            continue
        for row in rows(f):
            for c in keyed_cols(name):
                if row.get(c):
                    seen.add(row[c])
    return sorted(seen)


def manifest(extract):
    out, listed = [], set()
    for row in rows(os.path.join(extract, "manifest.csv")):
        k, n, v = row["kind"], row["name"], row["value"]
        p = os.path.join(extract, n)
        if k == "rows":
            listed.add(n)
            with open(p, newline="", encoding="utf-8") as f:
                got = sum(1 for _ in csv.reader(f)) - 1
            if str(got) != v:
                out.append("%s: manifest says %s rows, file has %d" % (n, v, got))
        elif k == "sha256":
            if hashlib.sha256(open(p, "rb").read()).hexdigest() != v:
                out.append("%s: SHA-256 differs" % n)
    files = {os.path.basename(f) for f in glob.glob(os.path.join(extract, "*"))}
    if files - {"manifest.csv"} != listed:
        out.append("files %s, manifest lists %s" % (sorted(files), sorted(listed)))
    return out


if __name__ == "__main__":
    cmd = sys.argv[1]
    res = {"leaks": lambda: leaks(*sys.argv[2:5]), "pseudonyms": lambda: pseudonyms(sys.argv[2]),
           "manifest": lambda: manifest(sys.argv[2])}[cmd]()
    for line in res:
        print(line)
