#!/usr/bin/env bash
# How the server meets hostile sizes (figures, not a test; the limits themselves are tested in
# swift test): a 1 GB body streamed at the import, a 2 MB URL, 100 KB of headers. Prints each
# answer's status and time, how many bytes were sent before the answer, and the server's peak memory.
#   Benchmarks/limits/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source Benchmarks/serve-store.sh
rss() { awk '/VmRSS/ {print $2 / 1024 " MB"}' /proc/$server/status; }
echo "server memory at start: $(rss)"
# Raw HTTP over a socket, so that the client streams and never holds the body or URL in memory.
send() {  # send KIND: "body" (1 GB announced and streamed to the import) or "url" (a 2 MB search URL)
  python3 - "$1" "$port" "$token" <<'PY'
import socket, sys, time
kind, port, token = sys.argv[1], int(sys.argv[2]), sys.argv[3]
s = socket.create_connection(("127.0.0.1", port))
start, sent = time.time(), 0
try:
    if kind == "body":
        size = 1 << 30
        s.sendall(f"POST /v1/import?kind=profiles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n"
                  f"Content-Type: application/x-ndjson\r\nContent-Length: {size}\r\n\r\n".encode())
        chunk = b"\n" * (1 << 20)
        s.settimeout(0)
        while sent < size:
            try:
                sent += s.send(chunk)
            except BlockingIOError:
                try:
                    if s.recv(1, socket.MSG_PEEK):
                        break  # the server answered
                except BlockingIOError:
                    time.sleep(0.001)
        s.settimeout(10)
    else:
        s.sendall(b"GET /v1/jobs/search?q=" + b"a" * (2 << 20) + b" HTTP/1.1\r\nHost: x\r\n\r\n")
except (BrokenPipeError, ConnectionResetError):
    pass
s.settimeout(10)
try:
    answer = s.recv(300).decode("latin-1")
except Exception as error:
    answer = f"no answer ({error})"
status = answer.split("\r\n", 1)[0]
print(f"  {status} after {time.time() - start:.2f} s" + (f", {sent / 1e6:.1f} MB of the body sent" if kind == "body" else ""))
PY
}
echo "1 GB body to POST /v1/import:"
send body
echo "2 MB URL:"
send url
echo "100 KB of headers:"
curl -s -o /dev/null -w '  status %{http_code} after %{time_total} s\n' -H "X-Big: $(head -c 102400 /dev/zero | tr '\0' 'b')" "$base/healthz" || true
curl -sf "$base/healthz" >/dev/null && echo "the server still answers"
echo "server memory now: $(rss); peak: $(awk '/VmHWM/ {print $2 / 1024 " MB"}' /proc/$server/status)"
