import Dispatch
import HezaMatchCore
import ServiceLifecycle

/// The server's background work on its board, as a service of the application:
/// follows the store's change feed (changes written by other processes, such as a
/// `hezamatch index` run beside the server, or another replica on the same PostgreSQL: woken by
/// ``JobStore/waitForChanges(timeout:)``, else every `followInterval`), saves the indexes on a schedule, and
/// saves them once more at shutdown, after the last request, so that the next start
/// opens them and applies only what came after.
public struct BoardMaintenance: Service {
    public let board: JobBoard
    public var followInterval: Duration
    public var saveInterval: Duration
    /// Days an employer has to answer a referral before it closes as "không phản hồi" (checked every hour); `nil`: never.
    public var answerDays: Int? = nil
    let log: @Sendable (String) -> Void

    public init(board: JobBoard, followInterval: Duration = .seconds(1), saveInterval: Duration = .seconds(300),
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.board = board
        self.followInterval = followInterval
        self.saveInterval = saveInterval
        self.log = log
    }

    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            var lastSave = ContinuousClock.now
            var lastClose = ContinuousClock.now - .seconds(3600)
            while !Task.isCancelled {
                // Woken by the store when it is told of a write (PostgreSQL's NOTIFY from another replica), else polls.
                _ = await board.waitForChanges(timeout: followInterval)
                try Task.checkCancellation()
                do { try await board.followStore() } catch { log("could not follow the store: \(error)") }
                if let answerDays, ContinuousClock.now - lastClose >= .seconds(3600) {
                    lastClose = .now
                    do {
                        let closed = try await board.closeUnanswered(days: answerDays)
                        if closed > 0 { log("\(closed) referrals closed without an answer after \(answerDays) days") }
                    } catch { log("could not close unanswered referrals: \(error)") }
                }
                if ContinuousClock.now - lastSave >= saveInterval {
                    await save()
                    lastSave = .now
                }
            }
        }
        await save()
    }

    private func save() async {
        let board = self.board
        let log = self.log
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global(qos: .utility).async {
                do { try board.saveIndexes() } catch { log("could not save the indexes: \(error)") }
                continuation.resume()
            }
        }
    }
}
