#!/usr/bin/env bash
# Load test of the search endpoint on loopback, bounded in time, with updates running at the same time.
#   Benchmarks/load/run.sh STORE [SECONDS] [CONNECTIONS]
# Starts `hezamatch serve` on 127.0.0.1:8088 over STORE (built by `hezamatch index`), waits for it,
# runs wrk (Debian package `wrk`) with Benchmarks/load/search.lua while a loop PUTs one posting
# every 100 ms, prints wrk's latency distribution and the server's memory, then stops everything.
set -euo pipefail
cd "$(dirname "$0")/../.."
store="$1"; seconds="${2:-30}"; connections="${3:-8}"
token="load-test-$$"
HEZAMATCH_API_TOKENS="$token" .build/release/hezamatch serve --store "$store" --host 127.0.0.1 --port 8088 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf http://127.0.0.1:8088/healthz >/dev/null && break; sleep 1; done
(
  end=$((SECONDS + seconds))
  n=0
  while [ $SECONDS -lt $end ]; do
    n=$((n + 1))
    curl -sf -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      --data "{\"employer\":\"Công ty TNHH Cơ khí Nam Cầu Kiền\",\"zone\":\"KCN Nam Cầu Kiền\",\"title\":\"Thợ hàn số $n\",\"skills\":[\"hàn điện\"],\"deadline\":\"2027-01-31\"}" \
      http://127.0.0.1:8088/v1/jobs/LOAD-$((n % 50)) >/dev/null || echo "update $n failed"
    sleep 0.1
  done
  echo "updates: $n PUTs during the run"
) &
updater=$!
wrk -t 1 -c "$connections" -d "${seconds}s" --latency -s Benchmarks/load/search.lua http://127.0.0.1:8088
wait $updater
grep -E "VmRSS|VmHWM" /proc/$server/status
curl -s http://127.0.0.1:8088/metrics | grep -E 'route="(search|put_job)"' | grep -E "_count|requests_total" || true
