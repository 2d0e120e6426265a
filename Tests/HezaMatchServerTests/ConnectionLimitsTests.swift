import Foundation
import HezaMatchServer
import HTTPTypes
import AsyncHTTPClient
import Hummingbird
import HummingbirdTesting
import HezaMatchCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Clients that send too much or too slowly are answered and let go within a second, on a live server with
/// an ordinary HTTP client (AsyncHTTPClient) and with a raw socket that sends what no client library would.
@Suite struct ConnectionLimitsTests {
    private func app() throws -> some ApplicationProtocol {
        let directory = try ServerTests.temporaryDirectory("limits")
        let board = try ServerTests.board(directory)
        var limits = ConnectionLimits()
        limits.bodyStallTimeout = .seconds(1)  // 5 s in service: shorter here, the same path
        let api = HezaMatchAPI(board: board, tokens: APITokens(["counsellor-lan:limits-token"]), maximumBodyBytes: 64 * 1024, limits: limits)
        return Application(router: try api.router(), server: api.limits.server,
                           configuration: api.limits.configuration(address: .hostname("127.0.0.1", port: 0)))
    }

    /// A 2 MB URL is refused with 414 by an ordinary client and by the test client, and the server goes on answering.
    /// How soon is a figure of `Benchmarks/limits/run.sh`, not a bound here (a unit test's clock is the machine's load).
    @Test func aTwoMegabyteRequestLineIsRefused() async throws {
        try await app().test(.ahc(.http)) { client in
            let port = try #require(client.port)
            // AsyncHTTPClient, on a thread of its own (its blocking wait is no task of the concurrency pool).
            let url = "http://127.0.0.1:\(port)/v1/jobs/search?q=" + String(repeating: "a", count: 2_000_000)
            let (status, body) = try await onThread {
                let http = HTTPClient(eventLoopGroupProvider: .singleton)
                defer { try? http.syncShutdown() }
                let response = try http.get(url: url).wait()
                return (Int(response.status.code), response.body.map { String(buffer: $0) } ?? "")
            }
            #expect(status == 414 && body.contains("uri_too_long"), "\(status) \(body.prefix(100))")
            // The same through the test client; and the server goes on answering others.
            try await client.execute(uri: "/v1/jobs/search?q=" + String(repeating: "a", count: 2_000_000), method: .get) { response in
                #expect(response.status == .uriTooLong)
            }
            try await client.execute(uri: "/healthz", method: .get) { response in #expect(response.status == .ok) }
        }
    }

    @Test func tooManyHeadersAndATooLargeBodyAreRefused() async throws {
        try await app().test(.ahc(.http)) { client in
            var headers = HTTPFields()
            for index in 0..<1_000 { headers.append(HTTPField(name: HTTPField.Name("x-filler-\(index)")!, value: String(repeating: "v", count: 60))) }
            try await client.execute(uri: "/healthz", method: .get, headers: headers) { response in
                #expect(response.status == .requestHeaderFieldsTooLarge)
            }
            let body = ByteBuffer(repeating: UInt8(ascii: "x"), count: 200_000)
            try await client.execute(uri: "/v1/import?kind=profiles", method: .post, headers: [.authorization: "Bearer limits-token"], body: body) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    /// What no client library sends: a head a byte at a time (slowloris), a body that stops, and bytes after a
    /// refusal. Each is answered and the connection closed within a second of the limit.
    @Test func slowClientsAreAnsweredAndClosed() async throws {
        try await app().test(.ahc(.http)) { client in
            let port = try #require(client.port)
            // Slowloris: headers trickling in, never ending.
            let slow = try RawConnection(port: port)
            try slow.send("GET /healthz HTTP/1.1\r\nHost: test\r\n")
            let started = ContinuousClock.now
            var answer = ""
            while ContinuousClock.now - started < .seconds(3), answer.isEmpty {
                try? slow.send("X-Slow: 1\r\n")
                answer = slow.receive(waiting: 0.2)
            }
            #expect(answer.hasPrefix("HTTP/1.1 408"), "\(answer)")
            #expect(ContinuousClock.now - started < .milliseconds(1_800))
            #expect(slow.isClosed(within: 1.0))
            // A body that stops half-way.
            let stalled = try Self.answer(to: "POST /v1/import?kind=profiles HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer limits-token\r\nContent-Length: 1000\r\n\r\n{\"id\"",
                                          port: port, waiting: 3)
            #expect(stalled.answer.hasPrefix("HTTP/1.1 408") && stalled.closed, "\(stalled.answer)")
        }
    }

    /// Sends `request` on a connection of its own: what comes back first, and whether the server then closes the
    /// connection within a second.
    private static func answer(to request: String, port: Int, waiting seconds: Double) throws -> (answer: String, closed: Bool) {
        let connection = try RawConnection(port: port)
        try connection.send(request)
        let answer = connection.receive(waiting: seconds)
        return (answer, connection.isClosed(within: 1.0))
    }

    /// Bytes that are not HTTP/1.1 are answered 400 and the connection closed, whether they come first, after
    /// an answered (compressed) request on the same connection, or in a chunked body; the server lives on.
    /// (Such bytes once stopped the process: NIO's compressor saw a response with no request.)
    @Test func malformedRequestsAreAnsweredAndTheServerLivesOn() async throws {
        try await app().test(.ahc(.http)) { client in
            let port = try #require(client.port)
            let first = try RawConnection(port: port)
            try first.send("GET /healthz HTTP/1.1\r\nHost: test\r\nBad Header Line\r\n\r\n")
            let firstAnswer = first.receive(waiting: 2)
            #expect(firstAnswer.hasPrefix("HTTP/1.1 400") && firstAnswer.contains("bad_request"), "\(firstAnswer)")
            #expect(first.isClosed(within: 1.0))

            let after = try RawConnection(port: port)
            try after.send("GET /v1/jobs/search?q=han HTTP/1.1\r\nHost: test\r\nAccept-Encoding: gzip\r\n\r\n")
            // The answer in full (its gzip body may come in several reads; a first search may be slow under load).
            var answered = ""
            let asked = ContinuousClock.now
            while ContinuousClock.now - asked < .seconds(20) {
                let part = after.receive(waiting: 0.5)
                if part.isEmpty && answered.contains("\r\n\r\n") { break }
                answered += part
            }
            #expect(answered.hasPrefix("HTTP/1.1 200"), "\(answered.prefix(80))")
            try after.send("\u{01}\u{02} NOT HTTP\r\n\r\n")
            var rest = ""
            let started = ContinuousClock.now
            while ContinuousClock.now - started < .seconds(2), !rest.contains("HTTP/1.1 400") { rest += after.receive(waiting: 0.2) }
            #expect(rest.contains("HTTP/1.1 400"), "\(rest.suffix(120))")
            #expect(after.isClosed(within: 1.0))

            let chunked = try Self.answer(to: "POST /v1/import?kind=profiles HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer limits-token\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nxx\r\n",
                                          port: port, waiting: 2)
            #expect(chunked.answer.hasPrefix("HTTP/1.1 400") && chunked.closed, "\(chunked.answer)")

            try await client.execute(uri: "/healthz", method: .get) { response in #expect(response.status == .ok) }
        }
    }
}

/// A TCP connection to the test server on loopback, written and read byte by byte as a hostile client would.
final class RawConnection {
    private let socket: Int32

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    deinit { close(socket) }

    func send(_ text: String) throws {
        let sent = text.utf8CString.withUnsafeBufferPointer { Glibc.send(socket, $0.baseAddress, $0.count - 1, Int32(MSG_NOSIGNAL)) }
        guard sent >= 0 else { throw POSIXError(.EPIPE) }
    }

    /// What arrives within `seconds` (empty when nothing does).
    func receive(waiting seconds: Double) -> String {
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(seconds * 1000)) > 0 else { return "" }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(socket, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
    }

    /// Whether the server closes the connection within `seconds` (a read then finds its end).
    func isClosed(within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000))) > 0 else { return false }
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { return true }  // end of stream, or reset
        }
        return false
    }
}

/// What a job page calling from a browser needs: CORS for the operator's origins only, compressed answers,
/// and answers a cache may keep until the postings change.
@Suite struct BrowserPageTests {
    private func app() throws -> some ApplicationProtocol {
        let directory = try ServerTests.temporaryDirectory("browser")
        let board = try ServerTests.board(directory)
        let postings = (1...12).map { #"{"id":"P\#($0)","employer":"Công ty TNHH Điện tử Số \#($0)","zone":"KCN Tràng Duệ","title":"Công nhân lắp ráp điện tử \#($0)","skills":["lắp ráp linh kiện","hàn thiếc","đọc bản vẽ"],"description":"Làm việc theo ca, có xe đưa đón, bữa ăn giữa ca, thưởng chuyên cần.","deadline":"2027-01-31"}"# }
        let file = directory.appendingPathComponent("postings.jsonl").path
        try postings.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        try board.load(postings: file)
        var api = HezaMatchAPI(board: board, tokens: APITokens([]))
        api.allowedOrigins = ["https://vieclam.example.vn"]
        return Application(router: try api.router(), server: api.limits.server,
                           configuration: api.limits.configuration(address: .hostname("127.0.0.1", port: 0)))
    }

    @Test func corsCompressionAndCaching() async throws {
        try await app().test(.ahc(.http)) { client in
            let uri = "/v1/jobs/search?q=cong+nhan&as_of=2026-11-23"
            // A preflight and a search from the allowed origin; none from another.
            try await client.execute(uri: uri, method: .options,
                                     headers: [.origin: "https://vieclam.example.vn", .accessControlRequestMethod: "GET"]) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == "https://vieclam.example.vn")
            }
            try await client.execute(uri: uri, method: .get, headers: [.origin: "https://vieclam.example.vn"]) { response in
                #expect(response.status == .ok && response.headers[.accessControlAllowOrigin] == "https://vieclam.example.vn")
            }
            try await client.execute(uri: uri, method: .get, headers: [.origin: "https://other.example"]) { response in
                #expect(response.status == .ok && response.headers[.accessControlAllowOrigin] == nil)
            }
            // gzip when asked: at least four times smaller.
            var plain = 0
            try await client.execute(uri: uri, method: .get) { response in plain = response.body.readableBytes }
            try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: "gzip"]) { response in
                #expect(response.headers[.contentEncoding] == "gzip")
                #expect(response.body.readableBytes * 4 <= plain, "\(response.body.readableBytes) of \(plain)")
            }
            // A tag of the postings' state: 304 while it holds.
            var tag = ""
            try await client.execute(uri: uri, method: .get) { response in
                tag = response.headers[.eTag] ?? ""
                #expect(tag.hasPrefix("W/\"") && response.headers[.cacheControl] == "public, max-age=60")
            }
            try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: tag]) { response in
                #expect(response.status == .notModified)
            }
            try await client.execute(uri: "/healthz", method: .get) { response in #expect(response.headers[.cacheControl] == nil) }
        }
    }
}

/// `body`'s result, run on a thread of its own (not the concurrency pool), so that what it times is its own.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
