#!/usr/bin/env python3
"""nDCG@10 and recall@10 of HezaMatch's search, match and shortlist on the bundled
Corpus, next to a plain SQLite FTS5 baseline (tokenize "unicode61 remove_diacritics 2").

    python3 Benchmarks/evaluation/evaluate.py [--hezamatch .build/release/hezamatch]

Judgments (written by hand, at the level a counsellor judges: trades, eligibility, place):
- search: Benchmarks/evaluation/search-judgments.tsv, 41 queries.
- match: 20 profiles (PROFILES below). A posting is 0 unless the candidate is eligible
  (education, age, deadline on 2026-11-23); else 3 when it is the candidate's trade (from
  the desired title) and within 30 km or offering housing the candidate needs, 2 when it is
  the candidate's trade, 1 when it is a related trade (RELATED), 0 otherwise. The 30 km are
  from home (the profile's address, else its district) to workplace (the posting's zone, else
  district, else address), both read by read_place below from Corpus/places.tsv and
  Corpus/map/, not with HezaMatch's code.
- shortlist: 20 postings (POSTINGS below); a candidate is graded by the same rule, seen
  from the posting.
Trades are read back from titles with the tables of Corpus/generate.py. nDCG@10 uses
gains 2^g - 1 and the ideal ordering of every judged document; recall@10 is the share of
documents with grade ≥ 2 found in the top 10, out of min(10, their number).
The baseline ranks by FTS5's bm25 over the same text fields, with every query word
OR-ed, and no eligibility filter ("plain"); a second baseline adds the same eligibility
filters as HezaMatch ("FTS5 + filters"), to separate ranking from filtering.
"""
import argparse
import functools
import json
import math
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "Corpus"))
import generate  # noqa: E402  (the Corpus's own tables of trades, zones, places)

AS_OF = "2026-11-23"
AS_OF_YEAR = 2026
LEVELS = ["none", "lower_secondary", "upper_secondary", "elementary_vocational", "intermediate_vocational", "college", "university", "postgraduate"]
RELATED = [
    {"assembly", "qc", "semiconductor", "electronics_engineer"},
    {"welder", "cnc", "mechanical_engineer", "maintenance"},
    {"electrician", "hvac", "maintenance"},
    {"forklift", "warehouse", "logistics", "driver"},
    {"port", "crane", "driver"},
    {"accountant", "hr", "it", "korean"},
]
# Chosen by hand to cover the categories, trades, home districts and provinces of the Corpus.
PROFILES = ["C-00002", "C-00015", "C-00022", "C-00024", "C-00031", "C-00045", "C-00058", "C-00077", "C-00103", "C-00150",
            "C-00212", "C-00333", "C-00404", "C-00512", "C-00640", "C-00777", "C-00901", "C-01111", "C-01500", "C-01999"]
POSTINGS = ["P-0001", "P-0002", "P-0003", "P-0005", "P-0008", "P-0013", "P-0021", "P-0034", "P-0042", "P-0055",
            "P-0068", "P-0080", "P-0099", "P-0120", "P-0150", "P-0184", "P-0216", "P-0250", "P-0290", "P-0310"]


def fold(text):
    text = unicodedata.normalize("NFD", (text or "").lower()).replace("đ", "d")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return " ".join(re.findall(r"[0-9a-z]+", text))


TITLE_TRADE = {}
for trade_name, trade in generate.TRADES.items():
    for title in trade["vi"] + trade["en"]:
        TITLE_TRADE[fold(title)] = trade_name


def trade_of_title(title):
    return TITLE_TRADE.get(fold(title))


def related(a, b):
    return a is not None and b is not None and a != b and any(a in group and b in group for group in RELATED)


# Places, read as a person reads them (not with HezaMatch's code): a zone of places.tsv, else the most
# specific unit named, from Corpus/map/ (today's communes and provinces, the old map's communes, districts
# and provinces). Parts are split at commas and before kind words; a commune is taken in the district or
# province written beside it, else in Hải Phòng (31 today; old Hải Phòng 31, old Hải Dương 30) first; a bare
# name that is an old district of Hải Phòng or Hải Dương is that district; a province uses its old point.
def _table(name):
    with open(os.path.join(ROOT, "Corpus", name), encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle if line.strip() and not line.startswith("#")]


def _point(lat, lon):
    return (float(lat), float(lon)) if lat and lon else None


ZONES, ZONES_BARE = {}, {}  # folded name or alias as written; the same without its zone word
ZONE_WORDS = r"khu công nghiệp|khu cong nghiep|cụm công nghiệp|cum cong nghiep|kcn|kkt|ccn"
for kind, name, lat, lon, *aliases in _table("places.tsv"):
    for written in [name] + (aliases[0].split("|") if aliases and aliases[0] else []):
        ZONES.setdefault(fold(written), _point(lat, lon))
        ZONES_BARE.setdefault(fold(re.sub(ZONE_WORDS, " ", written.lower())), _point(lat, lon))
# folded name -> [(old districts it lies in, province today, point, province for "Hải Phòng's first", 0 today's map / 1 old)]
UNITS, OLD_COMMUNES, OLD_DISTRICTS, PROVINCES, UNIT_POINT, UNIT_DISTRICTS = {}, {}, {}, {}, {}, {}
OLD_PROVINCE = {code: new for code, _, _, new, _, _ in _table("map/old-provinces.tsv")}
for code, province, _, name, lat, lon in _table("map/units.tsv"):
    UNIT_POINT[code] = _point(lat, lon)
    UNITS.setdefault(fold(name), []).append((UNIT_DISTRICTS.setdefault(code, set()), province, _point(lat, lon), province, 0))
DISTRICT_PROVINCE = {}
for code, province, _, name, lat, lon in _table("map/old-districts.tsv"):
    DISTRICT_PROVINCE[code] = province
    OLD_DISTRICTS.setdefault(fold(name), []).append(({code}, OLD_PROVINCE[province], _point(lat, lon), province, 1))
for code, district, _, name, new_units, lat, lon in _table("map/old-communes.tsv"):
    for unit in new_units.split("|"):
        UNIT_DISTRICTS.setdefault(unit, set()).add(district)
    point = _point(lat, lon) or next((UNIT_POINT[u] for u in new_units.split("|") if UNIT_POINT.get(u)), None)
    province = DISTRICT_PROVINCE[district]
    OLD_COMMUNES.setdefault(fold(name), []).append(({district}, OLD_PROVINCE[province], point, province, 1))
for code, _, name, new, lat, lon in _table("map/old-provinces.tsv"):  # an old province's own point first
    PROVINCES.setdefault(fold(name), []).append((set(), new, _point(lat, lon), code, 1))
for code, _, name, lat, lon, _ in _table("map/provinces.tsv"):
    PROVINCES.setdefault(fold(name), []).append((set(), code, _point(lat, lon), code, 0))
KIND_WORDS = {"c": "phường|phuong|xã|xa|thị trấn|thi tran|tt|đặc khu|dac khu|p|x", "d": "quận|quan|huyện|huyen|thị xã|thi xa|tx|q|h",
              "dp": "thành phố|thanh pho|tp", "p": "tỉnh|tinh", "z": ZONE_WORDS}
KIND = re.compile(r"(?<![^\s,])(" + "|".join(sorted("|".join(KIND_WORDS.values()).split("|"), key=len, reverse=True)) + r")(?:\.\s*|\s+)")
TABLES = (ZONES, ZONES_BARE, UNITS, OLD_COMMUNES, OLD_DISTRICTS, PROVINCES)
LEVEL = {fold(word): level for level, words in KIND_WORDS.items() for word in words.split("|")}


def segments(text):
    """The parts of a written place: (kind level or None, folded name without its kind word)."""
    found = []
    for part in unicodedata.normalize("NFC", text or "").lower().split(","):
        cuts = [0] + [m.start() for m in KIND.finditer(part) if m.start() > 0] + [len(part)]
        for piece in (part[a:b].strip() for a, b in zip(cuts, cuts[1:])):
            m = KIND.match(piece + " ")
            name = fold(piece[m.end():] if m else piece)
            level = LEVEL[fold(m.group(1))] if m else None
            known = [n for n in PROVINCES if name.endswith(" " + n)] if name and not any(name in t for t in TABLES) else []
            if known:  # "huyện Vĩnh Bảo Hải Phòng": the province written after, without a comma
                found += [(level, name[:-len(known[0]) - 1]), (None, known[0])]
            elif name:
                found.append((level, name))
    return found


def _best(candidates, districts=frozenset(), provinces=frozenset()):
    def key(c):  # in the district, then in the province written beside it; Hải Phòng's, then Hải Dương's; today's map first
        return (not c[0] & districts, c[1] not in provinces, {"31": 0, "30": 1}.get(c[3], 2), c[4])
    candidates = [c for c in candidates if c[2]]
    return min(candidates, key=key)[2] if candidates else None


@functools.lru_cache(maxsize=None)
def read_place(text):
    """(latitude, longitude) of a place however written, or None."""
    if not text or not text.strip():
        return None
    if fold(text) in ZONES:
        return ZONES[fold(text)]
    parts = segments(text)
    districts = {code for kind, name in parts if kind in (None, "d", "dp") for d in OLD_DISTRICTS.get(name, []) for code in d[0]}
    provinces = {p[1] for kind, name in parts if kind in (None, "p", "dp") for p in PROVINCES.get(name, [])}
    readings = []
    for index, (kind, name) in enumerate(parts):
        communes = _best(UNITS.get(name, []) + OLD_COMMUNES.get(name, []), districts, provinces)
        district = _best(OLD_DISTRICTS.get(name, []), districts, provinces)
        province = PROVINCES.get(name, [(None, None, None)])[0][2]  # the old province's own point when there is one
        options = {"z": [(0, ZONES_BARE.get(name))], "c": [(1, communes)], "d": [(2, district)], "p": [(3, province)],
                   "dp": [(2, district), (3, province)],
                   None: [(0, ZONES.get(name)), (2, _best([d for d in OLD_DISTRICTS.get(name, []) if d[3] in ("30", "31")])),
                          (3, province), (1, communes), (2, district)]}[kind]
        level, point = next(((level, point) for level, point in options if point), (9, None))
        readings.append((level, index, point))
    return min(readings, default=(9, 0, None))[2]


def _reads(place):
    """A text, or a list of texts of which the first that reads is taken (a record's zone, district, address)."""
    places = place if isinstance(place, (list, tuple)) else [place]
    return next((p for p in map(read_place, places) if p), None)


def home(profile):
    return (profile.get("address"), profile.get("district"))


def workplace(posting):
    return (posting.get("zone"), posting.get("district"), posting.get("address"))


def distance(a, b):
    pa, pb = _reads(a), _reads(b)
    if not pa or not pb:
        return None
    la1, lo1, la2, lo2 = map(math.radians, [pa[0], pa[1], pb[0], pb[1]])
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(min(1, math.sqrt(h)))


def eligible(posting, profile):
    if posting.get("deadline") and posting["deadline"] < AS_OF:
        return False
    if LEVELS.index(profile.get("education", "none")) < LEVELS.index(posting.get("education_min", "none")):
        return False
    if profile.get("birth_year"):
        age = AS_OF_YEAR - profile["birth_year"]
        if posting.get("age_min") and age < posting["age_min"]:
            return False
        if posting.get("age_max") and age > posting["age_max"]:
            return False
    return True


def pair_grade(posting, profile):
    if not eligible(posting, profile):
        return 0
    want = trade_of_title(profile["desired_titles"][0]) if profile.get("desired_titles") else None
    have = trade_of_title(posting["title"])
    if want and want == have:
        km = distance(home(profile), workplace(posting))
        near = km is not None and km <= 30
        housed = profile.get("needs_housing") and posting.get("housing")
        return 3 if near or housed else 2
    return 1 if related(want, have) else 0


def ndcg(ranked, grades, k=10):
    dcg = sum((2 ** grades.get(doc, 0) - 1) / math.log2(i + 2) for i, doc in enumerate(ranked[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg > 0 else None


def recall(ranked, grades, k=10):
    relevant = {doc for doc, g in grades.items() if g >= 2}
    if not relevant:
        return None
    return len(relevant & set(ranked[:k])) / min(k, len(relevant))


def mean(values):
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else float("nan")


class Baseline:
    def __init__(self, postings, profiles):
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE VIRTUAL TABLE p USING fts5(id UNINDEXED, title, skills, requirements, description, tokenize='unicode61 remove_diacritics 2')")
        self.db.execute("CREATE VIRTUAL TABLE c USING fts5(id UNINDEXED, titles, skills, major, summary, tokenize='unicode61 remove_diacritics 2')")
        self.db.executemany("INSERT INTO p VALUES (?, ?, ?, ?, ?)", [(x["id"], x["title"], " ; ".join(x.get("skills", [])),
                            x.get("requirements", ""), x.get("description", "")) for x in postings])
        self.db.executemany("INSERT INTO c VALUES (?, ?, ?, ?, ?)", [(x["id"], " ; ".join(x.get("desired_titles", [])),
                            " ; ".join(x.get("skills", [])), x.get("major", ""), x.get("summary", "")) for x in profiles])

    def query(self, table, text, keep=None, k=10):
        words = re.findall(r"\w+", unicodedata.normalize("NFC", text), re.UNICODE)
        if not words:
            return []
        match = " OR ".join('"' + w.replace('"', '""') + '"' for w in words)
        rows = self.db.execute(f"SELECT id FROM {table} WHERE {table} MATCH ? ORDER BY rank LIMIT 2000", (match,))
        ids = [r[0] for r in rows]
        if keep:
            ids = [i for i in ids if keep(i)]
        return ids[:k]


def run_tool(binary, store, arguments):
    output = subprocess.run([binary] + arguments + ["--store", store, "--corpus", os.path.join(ROOT, "Corpus"), "--as-of", AS_OF, "--json"],
                            check=True, capture_output=True, text=True).stdout
    return [r["id"] for r in json.loads(output)["results"]]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hezamatch", default=os.path.join(ROOT, ".build", "release", "hezamatch"))
    parser.add_argument("--details", action="store_true", help="also print HezaMatch's nDCG@10 for each judged profile and posting")
    parser.add_argument("--export", help="also write every grade above 0 as task<TAB>query<TAB>id<TAB>grade, for `hezamatch evaluate --judgments`")
    args = parser.parse_args()
    postings = [json.loads(l) for l in open(os.path.join(ROOT, "Corpus", "postings.jsonl"), encoding="utf-8")]
    profiles = [json.loads(l) for l in open(os.path.join(ROOT, "Corpus", "profiles.jsonl"), encoding="utf-8")]
    by_posting = {p["id"]: p for p in postings}
    by_profile = {p["id"]: p for p in profiles}
    store = os.path.join(tempfile.mkdtemp(prefix="hezamatch-eval-"), "eval.sqlite")
    subprocess.run([args.hezamatch, "index", "--store", store, "--corpus", os.path.join(ROOT, "Corpus"), "--postings", os.path.join(ROOT, "Corpus", "postings.jsonl"),
                    "--profiles", os.path.join(ROOT, "Corpus", "profiles.jsonl")], check=True, capture_output=True)
    baseline = Baseline(postings, profiles)
    rows = {}
    exported = []

    # Search.
    scores = {"hezamatch": ([], []), "fts5": ([], []), "fts5+filters": ([], [])}
    count = 0
    with open(os.path.join(HERE, "search-judgments.tsv"), encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            columns = line.rstrip("\n").split("\t") + ["", "", ""]
            query, grade3, grade2, grade1 = columns[:4]
            grades = {}
            for posting in postings:
                if posting.get("deadline") and posting["deadline"] < AS_OF:
                    continue
                trade = trade_of_title(posting["title"])
                for grade, spec in ((3, grade3), (2, grade2), (1, grade1)):
                    names = [s for s in spec.split("|") if s]
                    hit = any((n.startswith("audience=") and n.split("=", 1)[1] in posting.get("audiences", [])) or n == trade for n in names)
                    if hit:
                        grades[posting["id"]] = max(grades.get(posting["id"], 0), grade)
            count += 1
            exported += [("search", query, doc, grade) for doc, grade in sorted(grades.items())]
            is_open = lambda pid: not by_posting[pid].get("deadline") or by_posting[pid]["deadline"] >= AS_OF
            results = {"hezamatch": run_tool(args.hezamatch, store, ["search", query, "--limit", "10"]),
                       "fts5": baseline.query("p", query), "fts5+filters": baseline.query("p", query, keep=is_open)}
            for system, ranked in results.items():
                scores[system][0].append(ndcg(ranked, grades))
                scores[system][1].append(recall(ranked, grades))
            if args.details:
                print(f"search {query}: nDCG@10 {ndcg(results['hezamatch'], grades) or 0:.3f}", file=sys.stderr)
    rows["search"] = (count, {s: (mean(n), mean(r)) for s, (n, r) in scores.items()})

    # Match: postings for a profile.
    scores = {"hezamatch": ([], []), "fts5": ([], []), "fts5+filters": ([], [])}
    for pid in PROFILES:
        profile = by_profile[pid]
        grades = {p["id"]: pair_grade(p, profile) for p in postings}
        grades = {k: v for k, v in grades.items() if v > 0}
        exported += [("match", pid, doc, grade) for doc, grade in sorted(grades.items())]
        text = " ".join(profile.get("desired_titles", []) + profile.get("skills", []) + [profile.get("major", ""), profile.get("summary", "")])
        results = {"hezamatch": run_tool(args.hezamatch, store, ["match", pid, "--limit", "10"]),
                   "fts5": baseline.query("p", text),
                   "fts5+filters": baseline.query("p", text, keep=lambda i: eligible(by_posting[i], profile))}
        for system, ranked in results.items():
            scores[system][0].append(ndcg(ranked, grades))
            scores[system][1].append(recall(ranked, grades))
        if args.details:
            print(f"match {pid}: nDCG@10 {ndcg(results['hezamatch'], grades) or 0:.3f}", file=sys.stderr)
    rows["match"] = (len(PROFILES), {s: (mean(n), mean(r)) for s, (n, r) in scores.items()})

    # Shortlist: profiles for a posting.
    scores = {"hezamatch": ([], []), "fts5": ([], []), "fts5+filters": ([], [])}
    judged = 0
    for qid in POSTINGS:
        posting = by_posting[qid]
        if posting.get("deadline") and posting["deadline"] < AS_OF:
            continue  # a closed posting has no shortlist
        judged += 1
        grades = {c["id"]: pair_grade(posting, c) for c in profiles}
        grades = {k: v for k, v in grades.items() if v > 0}
        exported += [("shortlist", qid, doc, grade) for doc, grade in sorted(grades.items())]
        text = " ".join([posting["title"]] + posting.get("skills", []) + [posting.get("requirements", "")])
        results = {"hezamatch": run_tool(args.hezamatch, store, ["shortlist", qid, "--limit", "10"]),
                   "fts5": baseline.query("c", text),
                   "fts5+filters": baseline.query("c", text, keep=lambda i: eligible(posting, by_profile[i]))}
        for system, ranked in results.items():
            scores[system][0].append(ndcg(ranked, grades))
            scores[system][1].append(recall(ranked, grades))
        if args.details:
            print(f"shortlist {qid}: nDCG@10 {ndcg(results['hezamatch'], grades) or 0:.3f}", file=sys.stderr)
    rows["shortlist"] = (judged, {s: (mean(n), mean(r)) for s, (n, r) in scores.items()})

    if args.export:
        with open(args.export, "w", encoding="utf-8") as handle:
            handle.write("# Judgments of the project's set (Benchmarks/evaluation/evaluate.py --export), as of 2026-11-23:\n")
            handle.write("# task<TAB>query (search words, profile id, posting id)<TAB>judged id<TAB>grade 1-3 (unlisted: 0)\n")
            for row in exported:
                handle.write("\t".join(str(x) for x in row) + "\n")
    print("| task | judged | HezaMatch nDCG@10 | recall@10 | FTS5 nDCG@10 | recall@10 | FTS5+filters nDCG@10 | recall@10 |")
    print("|---|---|---|---|---|---|---|---|")
    for task, (count, figures) in rows.items():
        h, f, ff = figures["hezamatch"], figures["fts5"], figures["fts5+filters"]
        print(f"| {task} | {count} | {h[0]:.3f} | {h[1]:.3f} | {f[0]:.3f} | {f[1]:.3f} | {ff[0]:.3f} | {ff[1]:.3f} |")


if __name__ == "__main__":
    sys.exit(main())
