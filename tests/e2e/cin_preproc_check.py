#!/usr/bin/python3
"""Checks of the PreProceedingsandFGDM round trip (tests/e2e/cin_preproc.sh).

  starts XML DATE          every block's PPStartDate is on or after DATE
  staged XML CSV           cin_preproc.csv holds every block of the XML, in
                           order, each value in its column (counts as numbers)
  returned CSV XML REFDATE the return holds exactly the staged blocks started
                           by REFDATE and not decided before the year began,
                           with the staged values; dates after REFDATE and the
                           outcome of an undecided block absent
  episodes XML             prints how many CINdetails hold a block
Exit 0 when the check holds, 1 with the first difference printed.
"""
import csv
import sys
import xml.etree.ElementTree as ET

ELEMS = ["PPStartDate", "LBPSentDate", "FGDMMeetingOffer", "FGDMMeetingFac",
         "InitialPPMeetingDate", "ReviewMeetingsCount", "StepDecisionDate", "PPOutcome",
         "CourtAppDate", "LetterInitCPDate"]
COLS = ["start_date", "lbp_sent_date", "fgdm_offered", "fgdm_facilitated",
        "initial_meeting_date", "review_meetings", "step_decision_date", "outcome",
        "court_application_date", "letter_init_cp_date"]


def blocks(path):
    """(child, episode, block, {element: text}) of every block, in order."""
    out = []
    for child in ET.parse(path).getroot().iter("Child"):
        cid = child.find("ChildIdentifiers/LAchildID").text
        for e, det in enumerate(child.findall("CINdetails"), 1):
            for b, pp in enumerate(det.findall("PreProceedingsandFGDM"), 1):
                out.append((cid, e, b, {x.tag: (x.text or "").strip() for x in pp}))
    return out


def fail(msg):
    print(msg)
    sys.exit(1)


def main():
    what = sys.argv[1]
    if what == "starts":
        for cid, e, b, v in blocks(sys.argv[2]):
            if v.get("PPStartDate", "") < sys.argv[3]:
                fail(f"{cid}/{e}/{b}: PPStartDate {v.get('PPStartDate')}")
    elif what == "staged":
        rows = list(csv.DictReader(open(sys.argv[3], newline="")))
        xml = blocks(sys.argv[2])
        if len(rows) != len(xml):
            fail(f"{len(xml)} blocks in the XML, {len(rows)} staged")
        for r, (cid, e, b, v) in zip(rows, xml):
            if (r["child"], r["episode"], r["block"]) != (cid, str(e), str(b)):
                fail(f"row {r['child']}/{r['episode']}/{r['block']} for block {cid}/{e}/{b}")
            for el, col in zip(ELEMS, COLS):
                want = v.get(el, "")
                if el == "ReviewMeetingsCount" and want:
                    want = str(int(want))
                if r[col] != want:
                    fail(f"{cid}/{e}/{b} {col}: staged {r[col]!r}, XML {want!r}")
    elif what == "returned":
        ref = sys.argv[4]
        start = str(int(ref[:4]) - 1) + "-04-01"
        want = []
        for r in csv.DictReader(open(sys.argv[2], newline="")):
            decided = r["step_decision_date"]
            if r["start_date"] > ref or (decided and decided < start):
                continue
            v = {}
            for el, col in zip(ELEMS, COLS):
                x = r[col]
                if el.endswith("Date") and x > ref:
                    x = ""
                if el == "PPOutcome" and not (decided and decided <= ref):
                    x = ""
                if x:
                    v[el] = x
            want.append((r["child"], v))
        got = [(cid, v) for cid, e, b, v in blocks(sys.argv[3])]
        if got != want:
            fail(f"return: {got[:3]}... staged for the year: {want[:3]}...")
        for cid, e, b, v in blocks(sys.argv[3]):
            if list(v) != [x for x in ELEMS if x in v]:
                fail(f"{cid}: elements out of order: {list(v)}")
    elif what == "episodes":
        print(len({(cid, e) for cid, e, b, v in blocks(sys.argv[2])}))
    else:
        fail("usage: see the docstring")


main()
