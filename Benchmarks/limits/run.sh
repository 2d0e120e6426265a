#!/usr/bin/env bash
# How the server meets hostile sizes (figures, not a test; the limits themselves are tested in
# swift test): a 1 GB body streamed at the import, a 2 MB URL, 100 KB of headers. Prints each
# answer's status and time, how many bytes were sent before the answer, and the server's peak memory.
#   Benchmarks/limits/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product hezamatch >/dev/null
binary=.build/release/hezamatch
work=$(mktemp -d)
"$binary" index --store "$work/store.sqlite" --postings Corpus/postings.jsonl --profiles Corpus/profiles.jsonl >/dev/null
port=$((20000 + RANDOM % 20000))
token="limits-$$-$RANDOM"
HEZAMATCH_API_TOKENS="bench:$token" "$binary" serve --store "$work/store.sqlite" --host 127.0.0.1 --port "$port" 2>"$work/server.log" &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 600); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done
rss() { awk '/VmRSS/ {print $2 / 1024 " MB"}' /proc/$server/status; }
echo "server memory at start: $(rss)"
echo "1 GB body to POST /v1/import?kind=profiles:"
head -c 1073741824 /dev/zero | curl -s -o "$work/answer" -w '  status %{http_code} after %{time_total} s, %{size_upload} bytes sent\n' \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/x-ndjson' -H 'Expect:' \
  --data-binary @- "$base/v1/import?kind=profiles" || true
echo "  answer: $(head -c 200 "$work/answer")"
printf 'url = "%s/v1/jobs/search?q=%s"\n' "$base" "$(head -c 2097152 /dev/zero | tr '\0' 'a')" > "$work/curl-url"
echo "2 MB URL:"
curl -s -o /dev/null -w '  status %{http_code} after %{time_total} s\n' -K "$work/curl-url" || true
echo "100 KB of headers:"
curl -s -o /dev/null -w '  status %{http_code} after %{time_total} s\n' -H "X-Big: $(head -c 102400 /dev/zero | tr '\0' 'b')" "$base/healthz" || true
curl -sf "$base/healthz" >/dev/null && echo "the server still answers"
echo "server memory now: $(rss); peak: $(awk '/VmHWM/ {print $2 / 1024 " MB"}' /proc/$server/status)"
