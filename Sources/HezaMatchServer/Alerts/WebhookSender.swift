import Crypto
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HezaMatchCore

/// Sends a notification as a signed JSON POST: `X-HezaMatch-Signature: sha256=` and the HMAC-SHA256 of the body
/// with the operator's secret, in hex; `X-HezaMatch-Notification`: the notification's id (a receiver drops one it
/// has had). Only to hosts the operator approved (``WebhookPolicy``), redirects not followed (a webhook cannot
/// be turned into a request to another host).
public struct WebhookSender: AlertSender {
    public let secret: String
    public let policy: WebhookPolicy
    public var timeout: TimeInterval = 10

    public init(secret: String, policy: WebhookPolicy) {
        self.secret = secret
        self.policy = policy
    }

    /// `sha256=` and the HMAC-SHA256 of `body` under `secret`, in lower-case hex.
    public static func signature(of body: String, secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(body.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + code.map { String(format: "%02x", $0) }.joined()
    }

    public func send(_ notification: AlertNotification) async throws {
        guard case .webhook(let address) = notification.alert.delivery else { throw DeliveryError("not a webhook alert") }
        let url = try policy.check(address)
        let body = notification.webhookBody
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = Data(body.utf8)
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue(Self.signature(of: body, secret: secret), forHTTPHeaderField: "X-HezaMatch-Signature")
        request.setValue(notification.message.id, forHTTPHeaderField: "X-HezaMatch-Notification")
        request.setValue("HezaMatch", forHTTPHeaderField: "User-Agent")
        let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let (_, response) = try await session.data(for: request)
        guard let status = (response as? HTTPURLResponse)?.statusCode, (200..<300).contains(status) else {
            throw DeliveryError("the webhook answered \((response as? HTTPURLResponse)?.statusCode ?? 0)")
        }
    }
}

/// The hosts webhooks may be sent to: the operator's (`hezamatch serve --webhook-allow zalo-gw.internal,127.0.0.1`).
/// A public user never gives a webhook; a counsellor's must name one of these hosts.
public struct WebhookPolicy: Sendable, Hashable {
    public var allowedHosts: Set<String>

    public init(allowedHosts: [String]) {
        self.allowedHosts = Set(allowedHosts.map { $0.lowercased() }.filter { !$0.isEmpty })
    }

    /// The URL, when it is http(s) to an approved host.
    public func check(_ address: String) throws -> URL {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host?.lowercased(), url.user == nil else {
            throw DeliveryError("a webhook must be an http:// or https:// URL")
        }
        guard allowedHosts.contains(host) else {
            throw DeliveryError("webhooks may only go to the hosts the operator approved (--webhook-allow); \(host) is not one")
        }
        return url
    }
}

/// Why a message was not delivered (kept as the outbox's last error: it never holds the contact).
public struct DeliveryError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

private final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
