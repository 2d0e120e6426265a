import Foundation
import HezaMatchCore
import ServiceLifecycle

/// The server's alerts at work, as a service: every `interval`, the postings changed since the last pass are
/// matched against the alerts (whoever wrote them: this server, an import, another process), daily digests whose
/// hour has come are composed, and what is due is sent. Errors are logged without contacts.
public struct AlertDelivery: Service {
    public let keeper: AlertKeeper
    public let sender: any AlertSender
    public var interval: Duration
    let log: @Sendable (String) -> Void

    public init(keeper: AlertKeeper, sender: any AlertSender, interval: Duration = .milliseconds(250),
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.keeper = keeper
        self.sender = sender
        self.interval = interval
        self.log = log
    }

    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            var lastDigest = ContinuousClock.now - .seconds(3_600)
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                do {
                    try await pass(digests: ContinuousClock.now - lastDigest >= .seconds(60))
                    if ContinuousClock.now - lastDigest >= .seconds(60) { lastDigest = .now }
                } catch is CancellationError {
                    return
                } catch {
                    log("alerts: \(error)")
                }
            }
        }
    }

    /// One pass: reverse matching, digests when asked, delivery.
    func pass(digests: Bool) async throws {
        let keeper = self.keeper
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global(qos: .utility).async {
                do {
                    try keeper.percolate()
                    if digests { try keeper.composeDigests() }
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
        let report = try await keeper.deliver(using: sender)
        if report.failed + report.dead > 0 { log("alerts: \(report.sent) sent, \(report.failed) to retry, \(report.dead) given up") }
    }
}
