#!/usr/bin/env bash
# A generated job fair: the September batch (18 postings, 1,408 openings) and 20,000 candidates.
# Prints the time to score and to solve the allocation, the coverage and the mean score against
# independent shortlists of the same sizes, and checks the counts it must find (18 booths, 1,408
# openings, capacities kept). Figures, not a test.
#   Benchmarks/fair/run.sh [PROFILES] [PER_CANDIDATE] [OVERSUBSCRIBE]
set -euo pipefail
cd "$(dirname "$0")/../.."
profiles=${1:-20000}
per_candidate=${2:-3}
oversubscribe=${3:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product hezamatch >/dev/null
tool=$(swift build -c release --show-bin-path)/hezamatch
python3 Corpus/generate.py --postings 365 --profiles "$profiles" --out "$work" >/dev/null
"$tool" index --store "$work/fair.sqlite" --postings "$work/postings.jsonl" --profiles "$work/profiles.jsonl" >/dev/null
start=$(date +%s.%N)
/usr/bin/time -f '%M' -o "$work/peak" "$tool" fair --store "$work/fair.sqlite" --batch 2026-09 --as-of 2026-11-20 \
  --per-candidate "$per_candidate" --oversubscribe "$oversubscribe" --format json --output "$work/fair.json"
end=$(date +%s.%N)
python3 - "$work/fair.json" "$(echo "$end - $start" | bc)" "$(cat "$work/peak")" <<'PY'
import json, sys
fair = json.load(open(sys.argv[1]))
s = fair["summary"]
print(f"fair of {s['booths']} booths, {s['openings']} openings, {s['candidates']} candidates "
      f"(per candidate {fair['per_candidate']}, oversubscribe {fair['oversubscribe']})")
print(f"  scoring {s['scoring_ms'] / 1000:.2f} s ({s['pairs']} eligible pairs), solving {s['solving_ms'] / 1000:.2f} s, "
      f"whole command {float(sys.argv[2]):.2f} s, peak memory {int(sys.argv[3]) / 1024:.0f} MB")
print(f"  places filled {s['filled']}/{s['places']} ({100 * s['filled'] / s['places']:.1f}%), booths full {s['booths_full']}/{s['booths']}")
print(f"  openings covered {s['openings_covered']}/{s['openings']} ({100 * s['openings_covered'] / s['openings']:.1f}%)")
short = [b for b in fair["booths"] if len(b["candidates"]) < b["capacity"]]
for b in short:
    print(f"    booth {b['booth']} {b['posting']} {b['title']}: {len(b['candidates'])}/{b['capacity']} places, {b['eligible']} eligible")
eligible, placed = s["eligible_candidates"], s["placed_candidates"]
bound = min(eligible, s["places"])
print(f"  candidates placed {placed}/{eligible} who fit some booth ({100 * placed / max(1, eligible):.1f}%); the places bound "
      f"it by {bound} ({100 * placed / max(1, bound):.1f}% of that; the booths they fit may bound it lower)")
print(f"  mean score {s['mean_score']:.2f} vs independent shortlists {s['independent_mean']:.2f} "
      f"({100 * s['mean_score'] / s['independent_mean']:.1f}%)")
for gap in fair["gaps"][:3]:
    print("  gap: " + gap["sentence"].split(":")[0])
# The counts the plan must keep.
assert s["booths"] == 18 and s["openings"] == 1408, "the September batch is 18 postings and 1,408 openings"
assert all(len(b["candidates"]) <= b["capacity"] for b in fair["booths"])
visits = {}
for b in fair["booths"]:
    for c in b["candidates"]:
        visits[c["id"]] = visits.get(c["id"], 0) + 1
assert all(n <= fair["per_candidate"] for n in visits.values()) and len(visits) == placed
assert "name" not in json.dumps(fair["booths"][0]["candidates"][:1]), "the JSON holds no names"
print("  checked: 18 booths, 1,408 openings, capacities and visits per candidate kept, no names")
PY
