#!/usr/bin/env bash
# The web pages' weight and server-side render time (a benchmark that prints figures, not a test).
#   Benchmarks/pages/run.sh [STORE] [REQUESTS]
# With no STORE, a store of the bundled Corpus is built in a temporary folder. For each main page:
# the bytes of its HTML, plus the stylesheet and script it loads (the page weight, uncompressed),
# and the time from request to last byte on loopback (p50 and p95 of REQUESTS sequential requests,
# after 5 warm-up requests): that is the server's render time plus a loopback round trip.
set -euo pipefail
cd "$(dirname "$0")/../.."
requests="${2:-200}"
store="${1:-}"
source Benchmarks/serve-store.sh
curl -sf -c "$work/jar" -o /dev/null -d "token=$token" "$base/console/sign-in"
candidate=C-00015
posting=$(curl -sf "$base/v1/jobs/search?q=cong+nhan" | python3 -c 'import json,sys; print(json.load(sys.stdin)["results"][0]["id"])')
css=$(curl -sf "$base/assets/site.css" | wc -c)
js=$(curl -sf "$base/assets/suggest.js" | wc -c)
printf '%-44s %9s %9s %9s %9s\n' page "HTML B" "total B" "p50 ms" "p95 ms"
measure() {  # name path uses-js
  local name="$1" path="$2" script="$3" times html total
  for _ in 1 2 3 4 5; do curl -s -b "$work/jar" -o /dev/null "$base$path"; done
  html=$(curl -s -b "$work/jar" "$base$path" | wc -c)
  total=$((html + css + (script == 1 ? js : 0)))
  times=$(for _ in $(seq 1 "$requests"); do curl -s -b "$work/jar" -o /dev/null -w '%{time_total}\n' "$base$path"; done | sort -n)
  printf '%-44s %9d %9d %9.1f %9.1f\n' "$name" "$html" "$total" \
    "$(echo "$times" | awk -v n="$requests" 'NR==int(n*0.5)+1 {print $1*1000}')" \
    "$(echo "$times" | awk -v n="$requests" 'NR==int(n*0.95)+1 {print $1*1000}')"
}
measure "search: /?q=ky+su+dien+tu" "/?q=ky+su+dien+tu" 1
measure "search, a facet: /?q=cong+nhan&zone=…" "/?q=cong+nhan&zone=KCN+Tr%C3%A0ng+Du%E1%BB%87" 1
measure "a job: /jobs/$posting" "/jobs/$posting" 0
measure "console: /console" "/console" 0
measure "a candidate and matches: /console/candidates/…" "/console/candidates/$candidate" 0
measure "a shortlist: /console/jobs/$posting/shortlist" "/console/jobs/$posting/shortlist" 0
measure "its print page: …/shortlist.html" "/console/jobs/$posting/shortlist.html" 0
echo "stylesheet $css B, script $js B (the search page only); sizes uncompressed"
