#!/usr/bin/env bash
# The serving core under load, on loopback, bounded in time (a benchmark that prints figures,
# not a test). Needs Debian's `wrk` and a store built by `hezamatch index` (see Benchmarks/README.md):
#   Benchmarks/load/run.sh STORE [SECONDS] [CONNECTIONS]
# 1. Job-page searches (Benchmarks/load/search.lua: real queries, filters, pages) with CONNECTIONS
#    connections for SECONDS, while a loop PUTs one posting every 100 ms and, half-way, one
#    5,000-profile import is POSTed: wrk's latency distribution, the import's time, the server's memory.
# 2. The same searches with 1, 2, 4, 8, 16 and 32 connections for 10 s each (PUTs going on):
#    requests/s and p99 of each, to read the highest rate that keeps p99 under 50 ms.
# 3. Counsellor endpoints (matches and shortlists, Benchmarks/load/counsellor.lua), 4 connections.
# 4. Restart after a crash: kill -9 the server after a few writes, start it again, and time until it
#    answers with every change applied.
# 5. Hostile and slow clients (Benchmarks/load/hostile.py): 20 oversized or slow requests, by an ordinary
#    client and a raw socket, each answered and its connection closed within a second.
# Also: the first query typed without accents after the start and after a change, timed alone.
# SEARCH_LUA picks the searches (default Benchmarks/load/search.lua, the project's own; search-independent.lua
# was written apart from the project: accents and none, English, places old and new, near a home).
set -uo pipefail
cd "$(dirname "$0")/../.."
store="$1"; seconds="${2:-30}"; connections="${3:-8}"
search_lua="${SEARCH_LUA:-Benchmarks/load/search.lua}"
port=8088
token="load-test-$$"
export HEZAMATCH_LOAD_TOKEN="$token"
binary=.build/release/hezamatch
work=$(mktemp -d)
server=""
start_server() {
  HEZAMATCH_API_TOKENS="$token" "$binary" serve --store "$store" --host 127.0.0.1 --port $port 2>"$work/server.log" &
  server=$!
  for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return 0; sleep 0.05; done
  echo "the server did not start"; cat "$work/server.log"; exit 1
}
stop_server() { [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; server=""; }
trap 'stop_server; kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

put_loop() {  # PUT one posting every 100 ms for $1 seconds
  local end=$((SECONDS + $1)) n=0
  while [ $SECONDS -lt $end ]; do
    n=$((n + 1))
    curl -sf -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      --data "{\"employer\":\"Công ty TNHH Cơ khí Nam Cầu Kiền\",\"zone\":\"KCN Nam Cầu Kiền\",\"title\":\"Thợ hàn số $n\",\"skills\":[\"hàn điện\"],\"deadline\":\"2027-01-31\"}" \
      "http://127.0.0.1:$port/v1/jobs/LOAD-$((n % 50))" >/dev/null || echo "update $n failed"
    sleep 0.1
  done
  echo "PUTs: $n during the run"
}

# 5,000 profiles for the import, in the shape of the bundled Corpus, with new ids.
python3 - "$work/import.jsonl" <<'PY'
import json, sys
lines = open("Corpus/profiles.jsonl", encoding="utf-8").read().splitlines()
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for n in range(5000):
        record = json.loads(lines[n % len(lines)])
        record["id"] = f"IMPORT-{n}"
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
PY

first_accentless() {  # $1: what came before
  echo "first query without accents $1: $(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/v1/jobs/search?q=cong+nhan+san+xuat&as_of=2026-11-23") s"
}
start_server
first_accentless "after the start"
curl -sf -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  --data '{"employer":"Công ty TNHH Dệt may Tân Trường","zone":"KCN Tân Trường","title":"Công nhân dệt kim","skills":["dệt kim"],"deadline":"2027-01-31"}' \
  "http://127.0.0.1:$port/v1/jobs/FIRST-AFTER-CHANGE" >/dev/null
first_accentless "after a change"
echo "== 1. searches ($search_lua), $connections connections, ${seconds} s, a PUT every 100 ms, a 5,000-profile import half-way"
put_loop "$seconds" &
putter=$!
( sleep $((seconds / 2)); t0=$(date +%s%N)
  curl -sf -X POST -H "Authorization: Bearer $token" --data-binary "@$work/import.jsonl" \
    "http://127.0.0.1:$port/v1/import?kind=profiles" >/dev/null && echo "import of 5,000 profiles: $(( ($(date +%s%N) - t0) / 1000000 )) ms" ) &
importer=$!
wrk -t 1 -c "$connections" -d "${seconds}s" --latency -s "$search_lua" "http://127.0.0.1:$port"
wait "$putter" "$importer"
grep -E "VmRSS|VmHWM" /proc/$server/status

echo "== 2. requests/s and p99 by connections (10 s each, PUTs going on)"
put_loop 70 >/dev/null &
putter=$!
for c in 1 2 4 8 16 32; do
  wrk -t 1 -c "$c" -d 10s --latency -s "$search_lua" "http://127.0.0.1:$port" > "$work/wrk-$c.txt"
  echo "connections $c: $(grep Requests/sec "$work/wrk-$c.txt" | awk '{print $2}') requests/s, p50 $(grep ' 50%' "$work/wrk-$c.txt" | awk '{print $2}'), p99 $(grep ' 99%' "$work/wrk-$c.txt" | awk '{print $2}'), errors: $(grep -c 'Non-2xx\|Socket errors' "$work/wrk-$c.txt" || true)"
done
wait "$putter"
grep -E "VmRSS|VmHWM" /proc/$server/status

echo "== 3. counsellor endpoints (matches, shortlists), 4 connections, 20 s"
wrk -t 1 -c 4 -d 20s --latency -s Benchmarks/load/counsellor.lua "http://127.0.0.1:$port"

echo "== 5. hostile and slow clients"
python3 Benchmarks/load/hostile.py 127.0.0.1 "$port" "$token"

echo "== 4. restart after kill -9"
for n in 1 2 3; do
  curl -sf -X PUT -H "Authorization: Bearer $token" --data "{\"employer\":\"X\",\"title\":\"Sau sự cố $n\",\"deadline\":\"2027-01-31\"}" \
    "http://127.0.0.1:$port/v1/jobs/CRASH-$n" >/dev/null
done
kill -9 "$server"; wait "$server" 2>/dev/null || true; server=""
t0=$(date +%s%N)
start_server
echo "answering again after $(( ($(date +%s%N) - t0) / 1000000 )) ms"
curl -s "http://127.0.0.1:$port/healthz"; echo
curl -s "http://127.0.0.1:$port/v1/jobs/CRASH-3" | head -c 120; echo
cat "$work/server.log"
