"""TAP lines for the end-to-end checkers written in Python.

check/eq/near print "ok - NAME" or "not ok - NAME" with a "#" detail line,
and remember a failure; status() is the exit status the checker ends with.
Imported by the checkers beside it (their folder is on sys.path when
python3 runs them).
"""

_failed = False


def check(name, cond, detail=""):
    global _failed
    if cond:
        print(f"ok - {name}")
    else:
        _failed = True
        print(f"not ok - {name}")
        if detail:
            print(f"#   {str(detail)[:600]}")


def eq(name, want, got):
    check(name, want == got, f"expected {want!r}, got {got!r}")


def near(name, want, got):
    ok = isinstance(got, (int, float)) and abs(got - want) < 1e-9
    check(name, ok, f"expected {want!r}, got {got!r}")


def status():
    """1 when any check failed, else 0."""
    return 1 if _failed else 0
