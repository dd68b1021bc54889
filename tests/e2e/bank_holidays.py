"""Recompute England and Wales bank holidays from their rules and compare
with a bank-holiday file, year by year (tests/e2e/bank_holidays.sh).

The rules: the Banking and Financial Dealings Act 1971 (Easter Monday, the
last Mondays of May and August, Boxing Day with its substitute) and royal
proclamation (New Year's Day since 1974, the first Monday of May since
1978, Good Friday and Christmas Day by custom), each falling on a weekend
moved to the next free weekday; and the days moved or added by proclamation,
listed below by hand. usage: bank_holidays.py FILE FIRST_YEAR LAST_YEAR
"""
import csv
import datetime as dt
import sys

D = dt.date
DAY = dt.timedelta(days=1)

# moved by proclamation: the Spring bank holiday for the 2002, 2012 and 2022
# jubilees, the Early May bank holiday for VE day's 75th anniversary
MOVED = {(2002, "spring"): D(2002, 6, 4), (2012, "spring"): D(2012, 6, 4),
         (2020, "early"): D(2020, 5, 8), (2022, "spring"): D(2022, 6, 2)}
# added by proclamation
ADDED = [D(1999, 12, 31), D(2002, 6, 3), D(2011, 4, 29), D(2012, 6, 5),
         D(2022, 6, 3), D(2022, 9, 19), D(2023, 5, 8)]


def easter(y):
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    return D(y, (h + l - 7 * m + 114) // 31, (h + l - 7 * m + 114) % 31 + 1)


def mondays(y, month):
    d = D(y, month, 1)
    while d.weekday() != 0:
        d += DAY
    out = []
    while d.month == month:
        out.append(d)
        d += 7 * DAY
    return out


def holidays(y):
    days = {easter(y) - 2 * DAY, easter(y) + DAY,
            MOVED.get((y, "early"), mondays(y, 5)[0]),
            MOVED.get((y, "spring"), mondays(y, 5)[-1]),
            mondays(y, 8)[-1]}
    # New Year's Day, Christmas Day, Boxing Day in turn: on a weekend, or on
    # a day already taken, the next free weekday
    for fixed in (D(y, 1, 1), D(y, 12, 25), D(y, 12, 26)):
        d = fixed
        while d.weekday() >= 5 or d in days:
            d += DAY
        days.add(d)
    days.update(x for x in ADDED if x.year == y)
    return days


def main():
    path, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["date", "name"]:
        print("FAIL header %r" % rows[0])
        return 1
    have = {}
    for r in rows[1:]:
        d = D.fromisoformat(r[0])
        have.setdefault(d.year, set()).add(d)
    bad = 0
    years = sorted(have)
    if (years[0], years[-1]) != (first, last) or len(years) != last - first + 1:
        print("FAIL years %d-%d (%d of them), expected %d-%d"
              % (years[0], years[-1], len(years), first, last))
        bad = 1
    for y in years:
        want = holidays(y)
        if have[y] != want:
            print("FAIL %d: file only %s, rules only %s" % (
                y, sorted(map(str, have[y] - want)), sorted(map(str, want - have[y]))))
            bad = 1
    if [r[0] for r in rows[1:]] != sorted(r[0] for r in rows[1:]):
        print("FAIL dates not in order")
        bad = 1
    return bad


if __name__ == "__main__":
    sys.exit(main())
