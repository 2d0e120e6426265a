# Sourced by the benchmarks that need a live server (Benchmarks/pages/run.sh, Benchmarks/limits/run.sh):
# builds hezamatch in release, loads the bundled Corpus into a temporary store unless $store names one,
# serves it on a random loopback port with a fresh token, waits until it answers, and stops it on exit.
# Sets: binary, work (a temporary folder, removed on exit), store, port, token, server (its pid), base (its URL).
swift build -c release --product hezamatch >/dev/null
binary=.build/release/hezamatch
work=$(mktemp -d)
if [[ -z "${store:-}" ]]; then
  store="$work/store.sqlite"
  "$binary" index --store "$store" --postings Corpus/postings.jsonl --profiles Corpus/profiles.jsonl >/dev/null
fi
port=$((20000 + RANDOM % 20000))
token="bench-$$-$RANDOM"
HEZAMATCH_API_TOKENS="bench:$token" "$binary" serve --store "$store" --host 127.0.0.1 --port "$port" 2>"$work/server.log" &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 600); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done
