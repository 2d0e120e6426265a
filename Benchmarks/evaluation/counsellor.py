#!/usr/bin/env python3
"""The second judged set: graded as a HEZA employment counsellor judges a job and a person,
by the occupation, the level, the licence and the commute, and not by HezaMatch's synonym
table, trade rules or signals (nothing here is read from Sources/ or Corpus/synonyms.tsv or
Corpus/occupations.tsv).

    python3 Benchmarks/evaluation/counsellor.py --export Benchmarks/evaluation/counsellor-judgments.tsv
    hezamatch evaluate --judgments Benchmarks/evaluation/counsellor-judgments.tsv --as-of 2026-11-23

The people and postings judged are other than those of the first set (evaluate.py): 32
profiles, eight of each candidate category, and 20 open postings of 20 different trades,
drawn with a fixed seed from the Corpus's first 2,000 profiles and 320 postings (those it had
when the set was drawn, so the sample stays as the Corpus grows; every record is graded); and
24 search queries written the way job seekers type them, with places, English titles, licences
and levels in them.

How a counsellor grades a posting for a person (the rules, written before any figure was seen):
1. Not eligible, 0: closed on 2026-11-23, education below the posting's minimum, age outside
   its range.
2. The occupation. Each trade of the Corpus is an ISCO-08 unit group (OCCUPATIONS). The
   person's occupation is that of the desired title; a licence or driving skill on the profile
   also makes them a driver candidate. Same occupation: 3. The driver occupation shown only by a
   licence or skill: 2. A related occupation (CLOSE: the same ISCO minor group, or work a
   counsellor moves people between, such as crane and forklift operators, or electricians and
   maintenance technicians), when the skill levels differ by at most one step: 1. Anything
   else: 0. An engineer of one field is not an engineer of another.
3. The licence. A posting that lists a driving licence, a forklift or crane certificate (the
   law asks for them to drive or lift) and a person who does not show it: at most 1 (a lead
   for training, not a placement). A welding certificate missing: one grade less.
4. The commute. A person living in Hai Phong more than 25 km from the zone, or from another
   province, with no housing offered: one grade less (never below 1 for a trade match). Home is
   the profile's address, else its district; the workplace the posting's zone, else its district,
   else its address; both read by evaluate.read_place (Corpus/places.tsv and Corpus/map/).
5. The level. A university or postgraduate degree for an elementary or operator job the person
   did not ask for: related work is 0, not 1.

Search: a posting of the occupation the query asks for is 3, of a related one 1. A place named
in the query (zone, district, employer) keeps 3 for postings in it; the same occupation within
15 km of it is 2, farther 1. A licence or level named in the query is part of the occupation.
Closed postings are 0.
"""
import argparse
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import evaluate  # noqa: E402  (fold, distance, eligibility, the trade of a title: the Corpus's own facts)

AS_OF = evaluate.AS_OF
SAMPLED_PROFILES, SAMPLED_POSTINGS = 2000, 320  # the Corpus the sample was drawn from (see main)

# Trade -> (ISCO-08 unit group, skill level: 1 elementary, 2 operator or craft, 3 technician, 4 professional).
OCCUPATIONS = {
    "assembly": ("8212", 2), "electronics_engineer": ("2152", 4), "semiconductor": ("3114", 3), "qc": ("7543", 2),
    "welder": ("7212", 2), "cnc": ("7223", 2), "electrician": ("7412", 2), "hvac": ("7127", 2), "forklift": ("8344", 2),
    "driver": ("8332", 2), "warehouse": ("4321", 2), "logistics": ("3331", 3), "port": ("9333", 1), "crane": ("8343", 2),
    "garment": ("7533", 2), "mechanical_engineer": ("2144", 4), "maintenance": ("7233", 3), "security": ("5414", 1),
    "korean": ("2643", 4), "accountant": ("2411", 4), "hr": ("2423", 4), "it": ("3512", 3),
}
# Work a counsellor moves people between (both directions).
CLOSE = [
    ("crane", "forklift"), ("crane", "port"), ("forklift", "driver"), ("forklift", "warehouse"), ("crane", "driver"),
    ("port", "warehouse"), ("warehouse", "logistics"), ("electrician", "maintenance"), ("hvac", "electrician"),
    ("hvac", "maintenance"), ("assembly", "qc"), ("assembly", "semiconductor"), ("semiconductor", "electronics_engineer"),
    ("welder", "cnc"), ("cnc", "maintenance"), ("mechanical_engineer", "maintenance"), ("qc", "semiconductor"),
    ("garment", "qc"),
]
LOW_LEVEL = {"assembly", "port", "security", "garment", "forklift", "warehouse", "driver"}
LICENSED = {"bang lai c": "driving", "bang fc": "driving", "chung chi xe nang": "forklift", "chung chi cau truc": "crane"}


def close(a, b):
    if a is None or b is None or a == b:
        return False
    same_minor = OCCUPATIONS[a][0][:3] == OCCUPATIONS[b][0][:3]
    return (same_minor or (a, b) in CLOSE or (b, a) in CLOSE) and abs(OCCUPATIONS[a][1] - OCCUPATIONS[b][1]) <= 1


def folded_skills(record):
    return {evaluate.fold(s) for s in record.get("skills", [])}


def licences(record):
    held = set()
    for skill in folded_skills(record):
        for text, kind in LICENSED.items():
            if text in skill:
                held.add(kind)
    return held


def pair_grade(posting, profile):
    if not evaluate.eligible(posting, profile):
        return 0
    want = evaluate.trade_of_title(profile["desired_titles"][0]) if profile.get("desired_titles") else None
    have = evaluate.trade_of_title(posting["title"])
    skills = folded_skills(profile)
    drives = "driving" in licences(profile) or any("lai xe" == s for s in skills)
    if have == want:
        grade = 3
    elif have == "driver" and drives:
        grade = 2
    elif close(want, have):
        grade = 0 if profile.get("education") in ("university", "postgraduate") and have in LOW_LEVEL else 1
    else:
        return 0
    needed = licences(posting)
    if needed - licences(profile):
        grade = min(grade, 1)
    if any("chung chi han" in s for s in folded_skills(posting)) and not any("chung chi han" in s for s in skills) and grade > 1:
        grade -= 1
    if grade >= 2 and not posting.get("housing"):
        km = evaluate.distance(evaluate.home(profile), evaluate.workplace(posting))
        far = km is None or km > 25 or profile.get("needs_housing")
        if far:
            grade -= 1
    return grade


# Search queries as people type them: words; the trades asked for; a place (zone, district or employer word); extra trades at 1.
SEARCHES = [
    ("công nhân điện tử tràng duệ", ["assembly"], "KCN Tràng Duệ"),
    ("ky su dien tu VSIP", ["electronics_engineer"], "KCN VSIP Hải Phòng"),
    ("welder đình vũ", ["welder"], "KCN Đình Vũ"),
    ("lái xe bằng C", ["driver"], None),
    ("tài xế container", ["driver"], None),
    ("crane operator", ["crane"], None),
    ("interpreter", ["korean"], None),
    ("kỹ thuật viên bảo trì an dương", ["maintenance"], "An Dương"),
    ("thợ điện thủy nguyên", ["electrician"], "Thủy Nguyên"),
    ("xe nâng", ["forklift"], None),
    ("accountant", ["accountant"], None),
    ("QC nam cầu kiền", ["qc"], "KCN Nam Cầu Kiền"),
    ("kỹ sư cơ khí", ["mechanical_engineer"], None),
    ("may công nghiệp", ["garment"], None),
    ("bảo vệ tiên lãng", ["security"], "Tiên Lãng"),
    ("recruiter", ["hr"], None),
    ("semiconductor", ["semiconductor"], None),
    ("phiên dịch tiếng hàn LG", ["korean"], "LG"),
    ("IT support", ["it"], None),
    ("điều hòa", ["hvac"], None),
    ("xuat nhap khau hai an", ["logistics"], "Hải An"),
    ("cnc tràng duệ", ["cnc"], "KCN Tràng Duệ"),
    ("bốc xếp cảng", ["port"], None),
    ("KỸ THUẬT VIÊN PHÒNG SẠCH", ["semiconductor"], None),
]


def in_place(posting, place):
    """The place is the posting's zone or district as written, or named in its zone, district or address
    (without its kind word: 'phường Hải An' is in Hải An), or a word of its employer."""
    if place is None:
        return True
    folded = evaluate.fold(place)
    written = [posting.get("zone"), posting.get("district"), posting.get("address")]
    named = {evaluate.fold(text) for text in written} | {name for text in written for _, name in evaluate.segments(text)}
    return folded in named or folded in evaluate.fold(posting.get("employer")).split()


def search_grade(posting, trades, place):
    if posting.get("deadline") and posting["deadline"] < AS_OF:
        return 0
    have = evaluate.trade_of_title(posting["title"])
    if have in trades:
        grade = 3
    elif any(close(t, have) for t in trades):
        return 1
    else:
        return 0
    if in_place(posting, place):
        return grade
    km = evaluate.distance(place, evaluate.workplace(posting)) if place else None
    return 2 if km is not None and km <= 15 else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--export", required=True, help="where to write task<TAB>query<TAB>id<TAB>grade")
    args = parser.parse_args()
    postings = [json.loads(l) for l in open(os.path.join(ROOT, "Corpus", "postings.jsonl"), encoding="utf-8")]
    profiles = [json.loads(l) for l in open(os.path.join(ROOT, "Corpus", "profiles.jsonl"), encoding="utf-8")]
    rng = random.Random(20261203)
    first_set_profiles, first_set_postings = set(evaluate.PROFILES), set(evaluate.POSTINGS)
    # The people and postings judged were drawn from the Corpus of 2026-11-23 (its first 2,000 profiles and 320
    # postings); the pools keep to those, so the sample stays the same as the Corpus grows, and every record is graded.
    sampled_profiles, sampled_postings = profiles[:SAMPLED_PROFILES], postings[:SAMPLED_POSTINGS]

    chosen_profiles = []
    for category in ["graduate", "discharged_soldier", "vocational_student", "other"]:
        pool = [p for p in sampled_profiles if p["category"] == category and p["id"] not in first_set_profiles]
        chosen_profiles += rng.sample(pool, 8)
    chosen_postings = []
    for trade in sorted(OCCUPATIONS):
        pool = [p for p in sampled_postings if evaluate.trade_of_title(p["title"]) == trade and p["id"] not in first_set_postings
                and not (p.get("deadline") and p["deadline"] < AS_OF)]
        chosen_postings += rng.sample(pool, min(1, len(pool)))
    chosen_postings = sorted(rng.sample(chosen_postings, 20), key=lambda p: p["id"])

    rows = []
    for query, trades, place in SEARCHES:
        for posting in postings:
            grade = search_grade(posting, trades, place)
            if grade:
                rows.append(("search", query, posting["id"], grade))
    for profile in sorted(chosen_profiles, key=lambda p: p["id"]):
        for posting in postings:
            grade = pair_grade(posting, profile)
            if grade:
                rows.append(("match", profile["id"], posting["id"], grade))
    for posting in chosen_postings:
        for profile in profiles:
            grade = pair_grade(posting, profile)
            if grade:
                rows.append(("shortlist", posting["id"], profile["id"], grade))
    with open(args.export, "w", encoding="utf-8") as handle:
        handle.write("# The counsellor's set (Benchmarks/evaluation/counsellor.py): occupation, level, licence, commute; as of 2026-11-23.\n")
        handle.write("# task<TAB>query (search words, profile id, posting id)<TAB>judged id<TAB>grade 1-3 (unlisted: 0)\n")
        for row in rows:
            handle.write("\t".join(str(x) for x in row) + "\n")
    print(f"{len(SEARCHES)} searches, {len(chosen_profiles)} profiles, {len(chosen_postings)} postings, {len(rows)} judgments -> {args.export}")


if __name__ == "__main__":
    sys.exit(main())
