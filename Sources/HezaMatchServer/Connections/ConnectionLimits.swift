import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOHTTPTypesHTTP1
import Synchronization

/// What one HTTP client may ask of the server, and how long it may take; see ``RequestGuard``.
///
/// | limit | default |
/// |---|---|
/// | request line | 8 KB (a search's URL is far shorter: `q` is 500 characters at most) |
/// | request line and headers | 32 KB |
/// | body | 16 MB (the import's limit) |
/// | request line and headers, from their first byte | 1 s (one packet for any client; a slow or idle sender is answered 408) |
/// | a body byte after the last | 5 s |
/// | an idle connection between requests (keep-alive) | 15 s |
/// | open connections | 1,024 (beyond, new ones wait in the kernel's queue) |
/// | after a refusal, until the connection is closed | 0.25 s (what the client still sends is dropped) |
public struct ConnectionLimits: Sendable {
    public var maximumRequestLineBytes = 8 * 1024
    public var maximumHeaderBytes = 32 * 1024
    public var maximumBodyBytes = 16 << 20
    public var headTimeout = TimeAmount.seconds(1)
    public var bodyStallTimeout = TimeAmount.seconds(5)
    public var idleTimeout = TimeAmount.seconds(15)
    public var maximumConnections = 1_024
    public var lingerAfterRefusal = TimeAmount.milliseconds(250)
    /// Counts of refusals by kind, for `/metrics`.
    let refusals = RefusalCounts()

    public init() {}

    func refused(_ refusal: RequestGuard.Refusal) { refusals.add(refusal) }

    /// An HTTP/1.1 server whose connections are guarded by these limits.
    public var server: HTTPServerBuilder {
        let limits = self
        return HTTPServerBuilder { responder in
            GuardedHTTP1Channel(base: HTTP1Channel(responder: responder, configuration: .init(
                additionalChannelHandlers: [RequestGuardObserver()], idleTimeout: limits.idleTimeout,
                httpDecoderConfiguration: .init(maxHeaderFieldSize: limits.maximumHeaderBytes, maxHeaderListSize: limits.maximumHeaderBytes))),
                                limits: limits)
        }
    }

    /// The server's configuration with the connection count bounded.
    public func configuration(address: BindAddress) -> ApplicationConfiguration {
        ApplicationConfiguration(address: address, availableConnectionsDelegate: MaximumAvailableConnections(maximumConnections))
    }
}

/// How many requests ``RequestGuard`` refused, by status.
final class RefusalCounts: Sendable {
    private let counts = Mutex<[Int: Int]>([:])

    func add(_ refusal: RequestGuard.Refusal) { counts.withLock { $0[refusal.status.code, default: 0] += 1 } }

    /// Status → refusals.
    var byStatus: [Int: Int] { counts.withLock { $0 } }
}

/// Hummingbird's HTTP/1.1 channel with a ``RequestGuard`` first in each connection's pipeline, and NIO's
/// response compressor (gzip or deflate, as the client's `Accept-Encoding` asks) on the HTTP/1 side.
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    let base: HTTP1Channel
    let limits: ConnectionLimits

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let limits = self.limits, base = self.base
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(RequestGuard(limits: limits), position: .first)
        }.flatMap { base.setup(channel: channel, logger: logger) }.flatMapThrowing { value in
            let codec = try channel.pipeline.syncOperations.handler(type: HTTP1ToHTTPServerCodec.self)
            try channel.pipeline.syncOperations.addHandler(HTTPResponseCompressor(responseCompressionPredicate: Self.compresses),
                                                           position: .before(codec))
            return value
        }
    }

    /// Text worth compressing (JSON, HTML, CSS, CSV, script) of more than 1 KB, or of unknown length.
    static func compresses(_ head: inout HTTPResponseHead, _ supported: Bool) -> HTTPResponseCompressor.CompressionIntent {
        let type = head.headers.first(name: "content-type") ?? ""
        let text = ["json", "html", "css", "csv", "javascript", "text/"].contains { type.contains($0) }
        let length = head.headers.first(name: "content-length").flatMap(Int.init)
        if supported && text && (length ?? .max) > 1_024 {
            if !head.headers.contains(name: "vary") { head.headers.add(name: "vary", value: "Accept-Encoding") }
            return .compressIfPossible
        }
        return .doNotCompress
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}
