import Foundation
import JobMatching
import JobRecords
import JobStorage
import MatchRendering
import SearchIndex

/// The access record: who read whose personal data.
struct Audit: BoardService {
    let core: BoardCore

    /// The access record: who read whose personal data, newest first.
    public func accessRecords(since: Date? = nil, limit: Int = 1_000) throws -> [AccessRecord] {
        try store.accessRecords(since: since, limit: limit)
    }
}
