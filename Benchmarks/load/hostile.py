#!/usr/bin/env python3
"""Hostile and slow clients against a running `hezamatch serve`: each attempt must be answered (414, 431,
413 or 408) and its connection closed within a second of the limit being reached, whatever the client
does after. Prints each kind's count and the slowest time; exits 1 when any attempt fails.

    python3 Benchmarks/load/hostile.py HOST PORT [TOKEN]

Kinds (20 attempts in all): a 2 MB request line with http.client (an ordinary client) and with a raw
socket that keeps sending; 100 KB of headers; a body announced over the limit and sent anyway; a request
line and headers trickling in (slowloris: the answer within a second of the server's 1 s limit); a body
that stops half-way (within a second of the 5 s limit)."""
import http.client
import socket
import sys
import time

host, port = sys.argv[1], int(sys.argv[2])
token = sys.argv[3] if len(sys.argv) > 3 else "none"


def closed_within(sock, seconds):
    """Whether the server closes the connection within `seconds` (reads drain what it sent)."""
    sock.settimeout(0.05)
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if sock.recv(65536) == b"":
                return True
        except socket.timeout:
            continue
        except OSError:
            return True
    return False


def ordinary_long_line():
    connection = http.client.HTTPConnection(host, port, timeout=10)
    start = time.time()
    connection.request("GET", "/v1/jobs/search?q=" + "a" * 2_000_000)
    response = connection.getresponse()
    response.read()
    return response.status == 414, time.time() - start


def raw(request_bytes, keep_sending=None, limit=0.0, expect=b"HTTP/1.1 4"):
    """Sends `request_bytes`, then `keep_sending` every 0.1 s; the answer and the close must come within a
    second after `limit` seconds."""
    sock = socket.create_connection((host, port))
    start = time.time()
    answer = b""
    try:
        sock.sendall(request_bytes)
    except OSError:
        pass
    sock.settimeout(0.1)
    while time.time() - start < limit + 1.0 and not answer:
        try:
            answer = sock.recv(4096)
        except socket.timeout:
            if keep_sending:
                try:
                    sock.send(keep_sending)
                except OSError:
                    pass
        except OSError:
            break
    elapsed = time.time() - start
    ok = answer.startswith(expect) and closed_within(sock, limit + 1.0 - elapsed + 0.5)
    sock.close()
    return ok, time.time() - start - limit


kinds = {
    "2 MB request line, http.client": [ordinary_long_line] * 4,
    "2 MB request line, raw socket sending on": [lambda: raw(b"GET /v1/jobs/search?q=" + b"a" * 2_000_000, keep_sending=b"a" * 65536)] * 4,
    "100 KB of headers": [lambda: raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-F%d: %s\r\n" % (i, b"v" * 90) for i in range(1000)) + b"\r\n")] * 3,
    "body announced at 100 MB": [lambda: raw(b"POST /v1/import?kind=profiles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token.encode()
                                             + b"\r\nContent-Length: 100000000\r\n\r\n" + b"x" * 100_000, keep_sending=b"x" * 65536)] * 3,
    "slowloris (head trickling)": [lambda: raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\n", keep_sending=b"X-Slow: 1\r\n", limit=1.0)] * 3,
    "body stopping half-way": [lambda: raw(b"POST /v1/import?kind=profiles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token.encode()
                                           + b"\r\nContent-Length: 1000\r\n\r\n{\"id\"", limit=5.0)] * 3,
    "bytes that are not HTTP/1.1": [lambda: raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n"),
                                    lambda: raw(b"\x01\x02 NOT HTTP\r\n\r\n")] * 2,
}
failed = 0
total = 0
for name, attempts in kinds.items():
    results = [attempt() for attempt in attempts]
    good = sum(1 for ok, _ in results if ok)
    total += len(results)
    failed += len(results) - good
    print(f"{name}: {good} of {len(results)} answered and closed; slowest {max(t for _, t in results):.3f} s after its limit")
print(f"hostile and slow clients: {total - failed} of {total} answered and closed within a second")
sys.exit(1 if failed else 0)
