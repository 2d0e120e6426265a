import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// The first handler of every connection, on the raw bytes before HTTP is parsed: a client that sends too
/// much or too slowly is answered and let go, so that no client holds a connection (``ConnectionLimits``).
///
/// | the client | answer |
/// |---|---|
/// | a request line over ``ConnectionLimits/maximumRequestLineBytes`` | 414 |
/// | headers over ``ConnectionLimits/maximumHeaderBytes`` | 431 |
/// | a body over ``ConnectionLimits/maximumBodyBytes`` (by its `Content-Length`, or as it arrives) | 413 |
/// | a request line and headers not complete ``ConnectionLimits/headTimeout`` after their first byte | 408 |
/// | a body with no byte for ``ConnectionLimits/bodyStallTimeout`` | 408 |
/// | bytes that are not HTTP/1.1 (the decoder's parse error, or a head HTTP types refuse) | 400 |
///
/// The answer (JSON, as the API's errors) is written straight to the socket with `Connection: close`, the
/// writing side is shut, what the client still sends is read and dropped, and the connection is closed
/// ``ConnectionLimits/lingerAfterRefusal`` later, whatever the client does. A second handler after the HTTP
/// decoder (``RequestGuardObserver``) tells it where each request's head and end are.
///
/// - Complexity: O(1) a byte of the request line and headers (one scan for their end); O(1) a body buffer.
final class RequestGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    private enum Phase {
        /// Between requests: the next byte starts a request line.
        case idle
        /// Reading a request line and headers.
        case head(started: NIODeadline, bytes: Int, lineEnded: Bool, tail: UInt32)
        /// The head has ended; its body (if any) until the decoder has seen the request's end.
        case body(received: Int, lastByte: NIODeadline)
        /// Answered and refused: everything read is dropped until the connection closes.
        case refused
    }

    private let limits: ConnectionLimits
    private var phase = Phase.idle
    private var timer: Scheduled<Void>?
    private var context: ChannelHandlerContext?

    init(limits: ConnectionLimits) {
        self.limits = limits
    }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        self.context = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        if case .refused = phase { return }
        var index = buffer.readerIndex
        let end = buffer.writerIndex
        while index < end {
            switch phase {
            case .refused:
                return
            case .idle:
                phase = .head(started: .now(), bytes: 0, lineEnded: false, tail: 0)
                scheduleCheck(context: context, in: limits.headTimeout)
            case .head(let started, var bytes, var lineEnded, var tail):
                // Scan for the end of the request line (its first LF) and of the head (CRLF CRLF, or LF LF).
                var headEnded = false
                while index < end {
                    let byte = buffer.getInteger(at: index, as: UInt8.self)!
                    index += 1
                    bytes += 1
                    tail = (tail << 8) | UInt32(byte)
                    if byte == 0x0A {
                        if !lineEnded {
                            lineEnded = true
                            if bytes > limits.maximumRequestLineBytes + 2 { return refuse(context, .uriTooLong) }
                        }
                        if tail & 0xFFFF_FFFF == 0x0D0A_0D0A || tail & 0xFFFF == 0x0A0A { headEnded = true; break }
                    }
                    if !lineEnded && bytes > limits.maximumRequestLineBytes + 2 { return refuse(context, .uriTooLong) }
                    if bytes > limits.maximumHeaderBytes { return refuse(context, lineEnded ? .headersTooLarge : .uriTooLong) }
                }
                if headEnded {
                    phase = .body(received: 0, lastByte: .now())
                    scheduleCheck(context: context, in: limits.bodyStallTimeout)
                } else {
                    phase = .head(started: started, bytes: bytes, lineEnded: lineEnded, tail: tail)
                }
            case .body(let received, _):
                // What follows the head until the decoder says the request ended: counted, not parsed.
                let total = received + (end - index)
                index = end
                if total > limits.maximumBodyBytes { return refuse(context, .payloadTooLarge) }
                phase = .body(received: total, lastByte: .now())
            }
        }
        context.fireChannelRead(data)
    }

    /// The decoder read a request's head: a body announced larger than the limit is refused before it is sent.
    func headParsed(contentLength: Int?) {
        guard let context, let contentLength, contentLength > limits.maximumBodyBytes else { return }
        refuse(context, .payloadTooLarge)
    }

    /// The decoder could not read a request: answered 400 and let go.
    func malformed() {
        guard let context else { return }
        refuse(context, .malformed)
    }

    /// The decoder read a request's end: the next byte starts another request.
    func requestEnded() {
        guard case .body = phase else { return }
        phase = .idle
        timer?.cancel()
        timer = nil
    }

    // MARK: Time limits

    private func scheduleCheck(context: ChannelHandlerContext, in delay: TimeAmount) {
        timer?.cancel()
        timer = context.eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(in: delay) { [self] in
            timer = nil
            check()
        }
    }

    private func check() {
        guard let context else { return }
        switch phase {
        case .head(let started, _, _, _):
            let waited = NIODeadline.now() - started
            if waited >= limits.headTimeout { refuse(context, .requestTimeout) } else { scheduleCheck(context: context, in: limits.headTimeout - waited) }
        case .body(_, let lastByte):
            let quiet = NIODeadline.now() - lastByte
            if quiet >= limits.bodyStallTimeout { refuse(context, .requestTimeout) } else { scheduleCheck(context: context, in: limits.bodyStallTimeout - quiet) }
        case .idle, .refused:
            break
        }
    }

    // MARK: Refusing

    enum Refusal {
        case uriTooLong, headersTooLarge, payloadTooLarge, requestTimeout, malformed

        var status: (code: Int, reason: String, error: String, message: String) {
            switch self {
            case .uriTooLong: (414, "URI Too Long", "uri_too_long", "the request line is too long")
            case .headersTooLarge: (431, "Request Header Fields Too Large", "headers_too_large", "the request's headers are too large")
            case .payloadTooLarge: (413, "Content Too Large", "too_large", "the request body is too large")
            case .requestTimeout: (408, "Request Timeout", "request_timeout", "the request did not arrive in time")
            case .malformed: (400, "Bad Request", "bad_request", "the request is not valid HTTP/1.1")
            }
        }
    }

    /// Answers `refusal` on the socket, shuts the writing side, drops what comes, and closes a little later.
    private func refuse(_ context: ChannelHandlerContext, _ refusal: Refusal) {
        if case .refused = phase { return }
        phase = .refused
        timer?.cancel()
        let status = refusal.status
        let body = #"{"error":{"code":"\#(status.error)","message":"\#(status.message)"}}"#
        let head = "HTTP/1.1 \(status.code) \(status.reason)\r\ncontent-type: application/json; charset=utf-8\r\n"
            + "content-length: \(body.utf8.count)\r\nconnection: close\r\n\r\n"
        var buffer = context.channel.allocator.buffer(capacity: head.utf8.count + body.utf8.count)
        buffer.writeString(head + body)
        context.writeAndFlush(wrapOutboundOut(.byteBuffer(buffer))).whenComplete { _ in
            context.close(mode: .output, promise: nil)
        }
        let linger = limits.lingerAfterRefusal
        timer = context.eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(in: linger) { context.close(promise: nil) }
        limits.refused(refusal)
    }
}

/// After the HTTP decoder: tells the connection's ``RequestGuard`` where each request's head and end are, and
/// answers what the decoder cannot read.
///
/// A parse error is not passed on: Hummingbird would answer it with a response for which no request went
/// through NIO's response compressor, and the compressor stops the process when a response has no request
/// (an empty queue of `Accept-Encoding` values). The guard answers 400 on the socket instead, once the
/// response in flight (if any) has been written, and closes the connection.
final class RequestGuardObserver: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private weak var requestGuard: RequestGuard?
    /// Requests read whose response has not ended.
    private var unanswered = 0
    /// A request could not be read: refused when the responses before it have ended.
    private var malformedPending = false
    /// Between a request's head and its end.
    private var reading = false

    func handlerAdded(context: ChannelHandlerContext) {
        requestGuard = try? context.pipeline.syncOperations.handler(type: RequestGuard.self)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if malformedPending { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            unanswered += 1
            reading = true
            requestGuard?.headParsed(contentLength: head.headerFields[.contentLength].flatMap { Int($0) })
        case .end:
            reading = false
            requestGuard?.requestEnded()
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is HTTPParserError || error is HTTP1TypeConversionError else {
            return context.fireErrorCaught(error)
        }
        malformedPending = true
        // A body that cannot be read (bad chunks) is refused at once: its handler would wait for the rest.
        if unanswered == 0 || reading { requestGuard?.malformed() }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let ended: Bool
        if case .end = unwrapOutboundIn(data) { ended = true } else { ended = false }
        context.write(data, promise: promise)
        if ended {
            unanswered = max(0, unanswered - 1)
            if malformedPending && unanswered == 0 {
                context.flush()
                requestGuard?.malformed()
            }
        }
    }
}
