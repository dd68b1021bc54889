#!/usr/bin/python3
"""Independent check of a csc-gen-sample dump (tests/e2e/gen_sample.sh).

Reads the generated files with the standard library only (csv, ElementTree)
and recomputes, over the 12 months ending at the extraction date, the
realism figures the generator promises, straight from the definitions in
MEASURES.md, plus the internal consistency the pipeline relies on. Prints
one "name value" line per figure and "FAIL ..." lines for broken
invariants; exits 1 on any failure.

usage: gen_check.py DIR END(YYYY-MM-DD) BANK_HOLIDAYS_CSV
"""
import csv
import datetime as dt
import os
import sys
import xml.etree.ElementTree as ET

D = dt.date


def iso(s):
    return D.fromisoformat(s) if s else None


def dmy(s):
    return dt.datetime.strptime(s, "%d/%m/%Y").date() if s else None


def add_months(d, n):
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    last = [31, 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28,
            31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return D(y, m, min(d.day, last))


def birthday(dob, n):
    try:
        return D(dob.year + n, dob.month, dob.day)
    except ValueError:  # 29 February in a common year: 1 March
        return D(dob.year + n, 3, 1)


def main():
    out, end, hol = sys.argv[1], D.fromisoformat(sys.argv[2]), sys.argv[3]
    holidays = {iso(r["date"]) for r in csv.DictReader(open(hol, encoding="utf-8"))}
    cal_first = D(min(holidays).year, 1, 1)
    lo = add_months(end, -12)  # the window is (lo, end]
    fails = []

    def wd(a, b):
        n, d = 0, a
        while d < b:
            d += dt.timedelta(days=1)
            if d.weekday() < 5 and d not in holidays:
                n += 1
        return n

    dirty = {}
    for r in csv.DictReader(open(os.path.join(out, "dirty-manifest.csv"), encoding="utf-8")):
        dirty.setdefault(r["file"], set()).add(int(r["line"]))

    conf = {}
    for line in open(os.path.join(out, "pipeline.conf"), encoding="utf-8"):
        line = line.split("#")[0].strip()
        if "=" in line:
            k, v = line.split("=", 1)
            conf[k.strip()] = v.strip()
    pop = int(conf["population_%d" % end.year])

    # CIN census XML, one child at a time
    referrals = {}  # child -> list of referral dates
    n_ref = n_reref = n_ass = n_ass45 = 0
    cp_children = set()
    n_cp_start = n_cp_second = 0  # HP07: plans starting in the window
    xml_bad = dirty.get("cin_census.xml", set())
    for _, child in ET.iterparse(os.path.join(out, "cin_census.xml")):
        if child.tag != "Child":
            continue
        cid = child.findtext("ChildIdentifiers/LAchildID")
        dates = []
        plans = []  # (CPPstartDate, NumberOfPreviousCPP) of the child
        for e in child.findall("CINdetails"):
            try:
                dates.append(iso(e.findtext("CINreferralDate")))
            except ValueError:
                continue  # an injected impossible date
            for a in e.findall("Assessments"):
                auth = iso(a.findtext("AssessmentAuthorisationDate"))
                if auth and lo < auth <= end:
                    n_ass += 1
                    n_ass45 += wd(iso(a.findtext("AssessmentActualStartDate")), auth) <= 45
                if auth is None and a.find("FactorsIdentifiedAtAssessment") is not None:
                    fails.append("factors on an open assessment of %s" % cid)
            for p in e.findall("ChildProtectionPlans"):
                s, f = iso(p.findtext("CPPstartDate")), iso(p.findtext("CPPendDate"))
                if s <= end and (f is None or f > end):
                    cp_children.add(cid)
                plans.append((s, int(p.findtext("NumberOfPreviousCPP") or 0)))
                icpcs = {iso(q.findtext("DateOfInitialCPC")) for q in e.findall("Section47")}
                if s not in icpcs:
                    fails.append("CP plan of %s not starting on an ICPC date" % cid)
            if (e.findtext("CINclosureDate") or None) is None and e.find("ReasonForClosure") is not None:
                fails.append("closure reason without closure date for %s" % cid)
        # HP07 in MEASURES.md's words: a plan is second or subsequent when
        # its NumberOfPreviousCPP is above 0 or the child has a plan with an
        # earlier CPPstartDate
        for s, nprev in plans:
            if lo < s <= end:
                n_cp_start += 1
                n_cp_second += nprev > 0 or any(o < s for o, _ in plans)
        dates = [d for d in dates if d]
        referrals[cid] = dates
        for d in dates:
            if lo < d <= end:
                n_ref += 1
                back = add_months(d, -12)
                n_reref += any(back <= o < d for o in dates)
        child.clear()

    # contacts
    n_con = n_conref = 0
    bad = dirty.get("contacts.csv", set())
    with open(os.path.join(out, "contacts.csv"), encoding="utf-8", newline="") as fp:
        for i, r in enumerate(csv.DictReader(fp), start=2):
            if i in bad:
                continue
            d = dmy(r["Date of Contact"])
            if lo < d <= end:
                n_con += 1
                n_conref += r["Contact Outcome"] == "REF"
            if r["Contact Outcome"] == "REF" and d not in referrals.get(r["Child Unique ID"], []):
                fails.append("REF contact line %d has no CINdetails on %s" % (i, d))
            age = int(r["Age of Child (Years)"])
            dob = dmy(r["Date of Birth"])
            if not (0 <= age <= 17) or birthday(dob, age) > d or birthday(dob, age + 1) <= d:
                fails.append("contacts line %d: age %d inconsistent with DOB" % (i, age))

    # looked after at the end (periods of care, V3/V4 ignored)
    cla = set()
    eps = {}  # child -> [(DECOM, DEC, RNE, REC)], V3/V4 left out
    bad = dirty.get("ssda903/episodes.csv", set())
    last, last_place = {}, {}
    with open(os.path.join(out, "ssda903", "episodes.csv"), encoding="utf-8", newline="") as fp:
        for i, r in enumerate(csv.DictReader(fp), start=2):
            if i in bad:
                continue
            s, f = dmy(r["DECOM"]), dmy(r["DEC"])
            prev = last.get(r["CHILD"])
            if prev and s < prev:
                fails.append("episodes line %d overlaps the previous episode" % i)
            # placed for adoption with the current carers (A3, A5) only from
            # a foster placement (SSDA903 rule 336)
            if r["PLACE"] in ("A3", "A5") and not (prev == s and last_place.get(r["CHILD"], "") in ("U1", "U2", "U3", "U4", "U5", "U6", "A3", "A5")):
                fails.append("episodes line %d: %s not after a foster placement" % (i, r["PLACE"]))
            last[r["CHILD"]] = f or D.max
            last_place[r["CHILD"]] = r["PLACE"]
            if r["LS"] in ("V3", "V4"):
                continue
            eps.setdefault(r["CHILD"], []).append((s, f, r["RNE"], r["REC"]))
            if s <= end and (f is None or f > end):
                cla.add(r["CHILD"])
            if bool(f) != bool(r["REC"]):
                fails.append("episodes line %d: DEC and REC not both coded" % i)

    # LA04, LA06 and LA09 as MEASURES.md defines them, in their own words:
    # periods of care are episodes joined by REC X1, a placement starts at
    # the first episode and at each RNE S, P, T, U or B
    dob = {}
    bad = dirty.get("ssda903/header.csv", set())
    with open(os.path.join(out, "ssda903", "header.csv"), encoding="utf-8", newline="") as fp:
        for i, r in enumerate(csv.DictReader(fp), start=2):
            if i not in bad:
                dob[r["CHILD"]] = dmy(r["DOB"])
    reviews = {}
    bad = dirty.get("ssda903/reviews.csv", set())
    with open(os.path.join(out, "ssda903", "reviews.csv"), encoding="utf-8", newline="") as fp:
        for i, r in enumerate(csv.DictReader(fp), start=2):
            if i not in bad:
                reviews.setdefault(r["CHILD"], []).append(dmy(r["REVIEW"]))
    n_lt = n_lt_stable = n_rev = n_rev_ok = n_in = 0
    ceased = {}  # DEC -> [all, special guardianship]
    # LA01 and LA02 over the whole financial years of the dump's last five
    # years (each year's figures are too few at this size): children looked
    # after on each 31 March, periods of care started and ended in its year
    years = [D(y, 3, 31) for y in range(end.year - 5, end.year + 1)
             if add_months(end, -60) < D(y - 1, 4, 1) and D(y, 3, 31) <= end]
    fy_la01 = fy_started = fy_ceased = 0
    for child, es in eps.items():
        periods, cur = [], None
        for s, f, rne, rec in sorted(es, key=lambda e: e[0]):
            if cur is None:
                cur = {"start": s, "plc": [s]}
                periods.append(cur)
            elif rne in ("S", "P", "T", "U", "B"):
                cur["plc"].append(s)
            cur["end"], cur["rec"] = f, rec
            if rec != "X1":
                cur = None
        for p in periods:
            n_in += lo < p["start"] <= end
            for y in years:
                fy_la01 += p["start"] <= y and (p["end"] is None or p["end"] > y)
                fy_started += add_months(y, -12) < p["start"] <= y
                fy_ceased += p["end"] is not None and add_months(y, -12) < p["end"] <= y
            if p["end"] is not None:
                c = ceased.setdefault(p["end"], [0, 0])
                c[0] += 1
                c[1] += p["rec"] in ("E45", "E46", "E47", "E48")
            if not (p["start"] <= end and (p["end"] is None or p["end"] > end)):
                continue
            b = dob.get(child)
            if b and birthday(b, 16) > end and p["start"] <= add_months(end, -30):
                n_lt += 1
                n_lt_stable += max(x for x in p["plc"] if x <= end) <= add_months(end, -24)
            # working days are counted in the bank-holiday calendar only
            # (from 1 January of its first year); the measure leaves out a
            # period begun before it, as the transform does
            if p["start"] >= cal_first and wd(p["start"], end) >= 20:
                n_rev += 1
                rs = sorted(r for r in reviews.get(child, []) if r >= p["start"] and (p["end"] is None or r <= p["end"]))
                prev, k, ok = p["start"], 0, True
                due = p["start"]
                for _ in range(20):  # the 20th working day after the start
                    due += dt.timedelta(days=1)
                    while due.weekday() >= 5 or due in holidays:
                        due += dt.timedelta(days=1)
                while ok and due <= end:
                    held = [r for r in rs if prev < r <= due]
                    ok = bool(held)
                    if ok:
                        prev, k = held[0], k + 1
                        due = add_months(prev, 3 if k == 1 else 6)
                n_rev_ok += ok
    n_out = sum(v[0] for d, v in ceased.items() if lo < d <= end)
    n_sgo = sum(v[1] for d, v in ceased.items() if lo < d <= end)
    # the dump holds every period of care ending in its history
    n_out_all = sum(v[0] for d, v in ceased.items() if d <= end)
    n_sgo_all = sum(v[1] for d, v in ceased.items() if d <= end)

    # care leavers: young people whose 17th-21st birthday falls in the
    # window; the dump holds one OC3 row per birthday, oldest first, and the
    # last row is the one counted (MEASURES.md, as the transform does)
    n_cl = n_eet = 0
    bad = dirty.get("ssda903/oc3.csv", set())
    last_oc3 = {}
    with open(os.path.join(out, "ssda903", "oc3.csv"), encoding="utf-8", newline="") as fp:
        for i, r in enumerate(csv.DictReader(fp), start=2):
            if i not in bad:
                last_oc3[r["CHILD"]] = r
    for r in last_oc3.values():
        if r["IN_TOUCH"] in ("DIED", "RHOM"):
            continue
        dob = dmy(r["DOB"])
        if any(lo < birthday(dob, n) <= end for n in range(17, 22)):
            n_cl += 1
            n_eet += r["ACTIV"] in ("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5")

    pct = lambda a, b: 100.0 * a / b if b else 0.0
    print("contacts %d" % n_con)
    print("contacts_referred_pct %.2f" % pct(n_conref, n_con))
    print("referrals %d" % n_ref)
    print("rereferral_pct %.2f" % pct(n_reref, n_ref))
    print("assessments %d" % n_ass)
    print("assess45_pct %.2f" % pct(n_ass45, n_ass))
    print("cp_per_10k %.2f" % (1e4 * len(cp_children) / pop))
    print("cla_per_10k %.2f" % (1e4 * len(cla) / pop))
    print("lt_stability_pct %.2f" % pct(n_lt_stable, n_lt))
    print("reviews_on_time_pct %.2f" % pct(n_rev_ok, n_rev))
    print("cp_plans_started %d" % n_cp_start)
    print("cp_second_pct %.2f" % pct(n_cp_second, n_cp_start))
    print("cla %d" % len(cla))
    print("started %d" % n_in)
    print("started_per_cla_pct %.2f" % pct(n_in, len(cla)))
    print("ceased %d" % n_out)
    print("ceased_per_cla_pct %.2f" % pct(n_out, len(cla)))
    print("fy_years %d" % len(years))
    print("fy_started_per_la01_pct %.2f" % pct(fy_started, fy_la01))
    print("fy_ceased_per_la01_pct %.2f" % pct(fy_ceased, fy_la01))
    print("sgo_ceased_pct %.2f" % pct(n_sgo, n_out))
    print("ceased_history %d" % n_out_all)
    print("sgo_ceased_history_pct %.2f" % pct(n_sgo_all, n_out_all))
    print("care_leavers %d" % n_cl)
    print("eet_pct %.2f" % pct(n_eet, n_cl))
    for f in fails[:20]:
        print("FAIL " + f)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
