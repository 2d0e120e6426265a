import Foundation
#if canImport(Glibc)
import Glibc
#endif
import HezaMatchCore

/// Sends a notification as an e-mail in Vietnamese (UTF-8, base64) through the operator's SMTP server, with
/// `List-Unsubscribe` and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058) and the link in the text.
/// Plain SMTP to a relay the operator runs (on the same host or network); no authentication, no TLS here.
public struct SMTPSender: AlertSender {
    public var host: String
    public var port: Int
    public var from: String
    public var timeout: Int = 10

    public init(host: String, port: Int, from: String) {
        self.host = host
        self.port = port
        self.from = from
    }

    /// `host:port` (port 25 when left out).
    public init?(address: String, from: String) {
        let parts = address.split(separator: ":")
        guard let host = parts.first, parts.count <= 2 else { return nil }
        let port = parts.count == 2 ? Int(parts[1]) : 25
        guard let port else { return nil }
        self.init(host: String(host), port: port, from: from)
    }

    public func send(_ notification: AlertNotification) async throws {
        guard case .email(let address) = notification.alert.delivery else { throw DeliveryError("not an e-mail alert") }
        let message = Self.message(notification, from: from, to: address)
        let (host, port, from, timeout) = (self.host, self.port, self.from, self.timeout)
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global(qos: .utility).async {
                do {
                    let session = try SMTPConnection(host: host, port: port, timeout: timeout)
                    defer { session.close() }
                    try session.expect(220)
                    try session.command("EHLO hezamatch", expect: 250)
                    try session.command("MAIL FROM:<\(from)>", expect: 250)
                    try session.command("RCPT TO:<\(address)>", expect: 250)
                    try session.command("DATA", expect: 354)
                    try session.command(message + "\r\n.", expect: 250)
                    try? session.command("QUIT", expect: 221)
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// The whole message: headers, then the text in base64 (lines of 76).
    static func message(_ notification: AlertNotification, from: String, to address: String) -> String {
        let subject = "=?UTF-8?B?" + Data(notification.subject.utf8).base64EncodedString() + "?="
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        var headers = [
            "From: Heza Works <\(from)>",
            "To: <\(address)>",
            "Subject: \(subject)",
            "Date: \(formatter.string(from: Date()))",
            "Message-ID: <\(notification.message.id)@hezamatch>",
            "X-HezaMatch-Notification: \(notification.message.id)",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "Auto-Submitted: auto-generated",
        ]
        if notification.message.kind == .postings {
            headers.append("List-Unsubscribe: <\(notification.unsubscribeURL)>")
            headers.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
        }
        let body = Data(notification.text.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + body
    }
}

/// One SMTP conversation over a blocking socket, with timeouts.
private final class SMTPConnection {
    private let socket: Int32
    private var buffer: [UInt8] = []

    init(host: String, port: Int, timeout: Int) throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>? = nil
        guard getaddrinfo(host, String(port), &hints, &results) == 0, let first = results else {
            throw DeliveryError("the SMTP server \(host) cannot be found")
        }
        defer { freeaddrinfo(results) }
        var address: UnsafeMutablePointer<addrinfo>? = first
        var connected: Int32 = -1
        while let current = address {
            let candidate = Glibc.socket(current.pointee.ai_family, current.pointee.ai_socktype, current.pointee.ai_protocol)
            if candidate >= 0 {
                var limit = timeval(tv_sec: timeout, tv_usec: 0)
                setsockopt(candidate, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
                setsockopt(candidate, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
                if connect(candidate, current.pointee.ai_addr, current.pointee.ai_addrlen) == 0 { connected = candidate; break }
                Glibc.close(candidate)
            }
            address = current.pointee.ai_next
        }
        guard connected >= 0 else { throw DeliveryError("the SMTP server \(host):\(port) refused the connection") }
        socket = connected
    }

    func close() { Glibc.close(socket) }

    func command(_ line: String, expect code: Int) throws {
        var bytes = Array((line + "\r\n").utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.send(socket, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw DeliveryError("the SMTP server closed the connection") }
            sent += count
        }
        try expect(code)
    }

    /// Reads a reply (its last line has a space after the code) and checks its code.
    func expect(_ code: Int) throws {
        while true {
            let line = try readLine()
            guard line.count >= 3, let answered = Int(line.prefix(3)) else { throw DeliveryError("the SMTP server answered '\(line.prefix(80))'") }
            if line.count > 3 && line[line.index(line.startIndex, offsetBy: 3)] == "-" { continue }
            guard answered == code else { throw DeliveryError("the SMTP server answered \(line.prefix(120))") }
            return
        }
    }

    private func readLine() throws -> String {
        while true {
            if let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                buffer.removeSubrange(...end)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw DeliveryError("the SMTP server did not answer") }
            buffer += chunk[..<count]
        }
    }
}

/// The sender for each alert's delivery: webhooks to ``WebhookSender``, e-mails to ``SMTPSender`` (when the
/// operator gave an SMTP server; else the message waits and is retried, then dead, with the reason).
public struct AlertSenders: AlertSender {
    public var webhook: WebhookSender
    public var email: SMTPSender?

    public init(webhook: WebhookSender, email: SMTPSender?) {
        self.webhook = webhook
        self.email = email
    }

    public func send(_ notification: AlertNotification) async throws {
        switch notification.alert.delivery {
        case .webhook: try await webhook.send(notification)
        case .email:
            guard let email else { throw DeliveryError("no SMTP server was given (--smtp HOST:PORT)") }
            try await email.send(notification)
        }
    }
}
