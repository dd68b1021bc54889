#!/usr/bin/python3
"""Print one cell of a CSV: csvget.py FILE COLUMN KEY=VALUE ...

Rows are selected where every KEY column equals VALUE; exactly one row must
match, otherwise the script prints a message and exits 1. Used by the
end-to-end tests so that they assert figures by name, not by position.
"""
import csv
import sys


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: csvget.py FILE COLUMN [KEY=VALUE ...]")
    path, col = sys.argv[1], sys.argv[2]
    conds = [a.split("=", 1) for a in sys.argv[3:]]
    with open(path, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if all(r.get(k) == v for k, v in conds)]
    if len(rows) != 1:
        sys.exit(f"csvget: {len(rows)} rows match {conds} in {path}")
    print(rows[0][col])


main()
