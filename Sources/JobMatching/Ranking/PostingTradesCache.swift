import JobRecords
import Synchronization

/// The ``PostingTrades`` of the postings matched lately: a candidate's matches compare them with the
/// 150 best postings, and the same postings come back for candidate after candidate.
///
/// Keyed by the posting's id and checked against the posting itself, so a changed posting is worked out
/// anew; bounded (it starts again empty when full).
final class PostingTradesCache: Sendable {
    private let entries = Mutex<[String: (posting: JobPosting, trades: PostingTrades)]>([:])
    private let capacity: Int

    init(capacity: Int = 50_000) {
        self.capacity = capacity
    }

    /// The posting's trades, from the cache or `make` (then kept).
    ///
    /// - Complexity: O(1) expected and a comparison of the posting, besides `make` on a miss.
    func trades(of posting: JobPosting, _ make: () -> PostingTrades) -> PostingTrades {
        if let found = entries.withLock({ $0[posting.id] }), found.posting == posting { return found.trades }
        let trades = make()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[posting.id] = (posting, trades)
        }
        return trades
    }
}
