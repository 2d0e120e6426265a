#!/usr/bin/env bash
# Replicas over PostgreSQL, measured (a benchmark that prints figures, not a test). Needs Debian's
# postgresql (initdb, pg_ctl) and wrk:
#   Benchmarks/replicas/run.sh [PROFILES] [CHANGES] [SECONDS]      # defaults: 1000000 10000 10
# 1. A throwaway PostgreSQL on a Unix socket in a temporary folder (fsync on, as in production).
# 2. PROFILES generated profiles (Corpus/generate.py, the Corpus's own shape) and the Corpus's
#    postings loaded with `hezamatch index`: the store's write rate.
# 3. A replica started from nothing (`hezamatch status` with an empty index folder: reads every
#    record through a cursor, builds both indexes, saves them): the time, and its peak memory.
# 4. CHANGES profiles rewritten through the store (another process), then the replica started again
#    from its saved snapshot: the time to open and apply the feed since it, and the rate.
# 5. Job-page searches (Benchmarks/load/search.lua) for SECONDS with 8 connections against one
#    replica, then 4 + 4 against two replicas: requests/s, p50 and p99, and each replica's memory;
#    then a PUT on one replica timed until the other answers it. On a 2-core machine, two
#    replicas and wrk share the same 2 cores: the second replica adds no CPU, so the figure says what
#    replication costs, not what a second machine would add.
set -euo pipefail
cd "$(dirname "$0")/../.."
profiles="${1:-1000000}"; changes="${2:-10000}"; seconds="${3:-10}"
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
swift build -c release --product hezamatch >/dev/null
binary=$PWD/.build/release/hezamatch
work=$(mktemp -d /tmp/hezamatch-replicas-XXXX)
bin="$(dirname "$(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -1)")"
as_postgres=(); [[ $(id -u) -eq 0 ]] && { as_postgres=(runuser -u postgres --); chown postgres "$work"; }
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "${as_postgres[@]}" "$bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
"${as_postgres[@]}" "$bin/initdb" -D "$work/data" -A trust -U hezamatch -E UTF8 --locale=C >/dev/null
"${as_postgres[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/postgresql.log" -w -o "-k $work -c listen_addresses=''" start >/dev/null
"${as_postgres[@]}" "$bin/createdb" -h "$work" -U hezamatch jobs
store="postgres://hezamatch@/jobs?host=$work"
seconds_of() { python3 -c "import sys; print(f'{(int(sys.argv[2]) - int(sys.argv[1])) / 1e9:.2f}')" "$1" "$2"; }

echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}'), $(nproc) cores; $profiles profiles, $changes changes"
python3 Corpus/generate.py --postings 365 --profiles "$profiles" --out "$work" >/dev/null
t0=$(date +%s%N)
"$binary" index --store "$store" --index-dir "$work/index-loader" --postings "$work/postings.jsonl" --profiles "$work/profiles.jsonl" >/dev/null
t1=$(date +%s%N)
echo "load into PostgreSQL: $(seconds_of $t0 $t1) s ($(( (profiles + 365) * 1000000000 / (t1 - t0) )) records/s, one transaction)"

t0=$(date +%s%N)
/usr/bin/time -f "%M" -o "$work/rss" "$binary" status --store "$store" --index-dir "$work/index-replica" >/dev/null 2>&1
t1=$(date +%s%N)
echo "replica from nothing (read every record, build, save): $(seconds_of $t0 $t1) s, peak $(( $(cat "$work/rss") / 1024 )) MB"

t0=$(date +%s%N)
"$binary" status --store "$store" --index-dir "$work/index-replica" >/dev/null 2>&1
t1=$(date +%s%N)
open_ns=$((t1 - t0))
echo "replica from its snapshot, no change since: $(seconds_of $t0 $t1) s"

python3 - "$work/profiles.jsonl" "$work/changes.jsonl" "$changes" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as source, open(sys.argv[2], "w", encoding="utf-8") as out:
    for n, line in enumerate(source):
        if n >= int(sys.argv[3]): break
        record = json.loads(line)
        record["summary"] = "Đã cập nhật hồ sơ: " + record.get("summary", "")
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
PY
"$binary" index --store "$store" --index-dir "$work/index-loader" --profiles "$work/changes.jsonl" >/dev/null
t0=$(date +%s%N)
"$binary" status --store "$store" --index-dir "$work/index-replica" >/dev/null 2>&1
t1=$(date +%s%N)
catchup_ns=$((t1 - t0 - open_ns))
echo "replica from its snapshot + $changes changes: $(seconds_of $t0 $t1) s (catch-up $(( changes * 1000000000 / (catchup_ns > 0 ? catchup_ns : 1) )) changes/s beyond the open)"

serve() {  # serve PORT NAME
  HEZAMATCH_API_TOKENS="bench:bench-token" "$binary" serve --store "$store" --index-dir "$work/index-$2" --port "$1" 2>"$work/$2.log" &
  pids+=($!)
  for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$1/healthz" >/dev/null && return 0; sleep 0.05; done
  echo "replica $2 did not start"; cat "$work/$2.log"; exit 1
}
report() { awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {printf "%s requests/s, p50 %s, p99 %s", rps, p50, p99}' "$1"; }
cp -r "$work/index-replica" "$work/index-r1"; cp -r "$work/index-replica" "$work/index-r2"
serve 18601 r1
wrk -t1 -c8 -d"${seconds}s" --latency -s Benchmarks/load/search.lua http://127.0.0.1:18601 > "$work/one.txt"
echo "searches, one replica, 8 connections: $(report "$work/one.txt")"
serve 18602 r2
wrk -t1 -c4 -d"${seconds}s" --latency -s Benchmarks/load/search.lua http://127.0.0.1:18601 > "$work/a.txt" &
first=$!
wrk -t1 -c4 -d"${seconds}s" --latency -s Benchmarks/load/search.lua http://127.0.0.1:18602 > "$work/b.txt"
wait "$first"
echo "searches, two replicas, 4 + 4 connections: A $(report "$work/a.txt"); B $(report "$work/b.txt")"
echo "replica memory after the searches: A $(awk '/VmRSS/ {print int($2 / 1024)}' /proc/${pids[0]}/status) MB, B $(awk '/VmRSS/ {print int($2 / 1024)}' /proc/${pids[1]}/status) MB (resident; the indexes are memory-mapped files)"
t0=$(date +%s%N)
curl -sf -X PUT -H "Authorization: Bearer bench-token" -H 'Content-Type: application/json' \
  --data '{"employer":"Công ty Thử","title":"Thợ lặn","deadline":"2027-01-31"}' http://127.0.0.1:18601/v1/jobs/P-BENCH >/dev/null
for _ in $(seq 1 1000); do
  curl -sf "http://127.0.0.1:18602/v1/jobs/P-BENCH" >/dev/null && break; sleep 0.005
done
t1=$(date +%s%N)
echo "a PUT on one replica readable on the other after $(( (t1 - t0) / 1000000 )) ms"
