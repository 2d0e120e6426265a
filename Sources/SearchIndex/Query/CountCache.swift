import Synchronization

/// Totals and facet counts of recent queries, segment by segment, so that the job
/// page's repeated searches do not count every match again.
///
/// Segments never change, but their deletions grow with every write. An entry keeps
/// the deletions it was counted with; when a later snapshot has more, only the newly
/// deleted documents are looked at, and those that matched are taken off the counts.
/// So an entry stays exact from write to write, at the cost of checking a few
/// documents, while a new segment (a write's documents) is counted afresh, cheaply.
///
/// Capacity is bounded: when it is full, entries of segments no longer in use go
/// first, then the oldest half.
final class CountCache: Sendable {
    /// A query's counting identity on one segment.
    struct Key: Hashable, Sendable {
        var segment: UInt64
        var text: String
        var mode: SearchQuery.Mode
        var filters: [SearchFilter]
        var facets: [String]
        var limit: Int
        var commonTermCutoff: Double?
    }

    /// The counts of one query on one segment.
    struct Entry: Sendable {
        /// The deletions the counts reflect.
        var deletions: DeletionSet
        var total: Int
        /// Per facet field: the count of each key number.
        var facets: [[Int]]
        /// Whether counting stopped at the limit (the total is then a lower bound).
        var capped: Bool
        /// The last document counted (deletions after it were never counted).
        var lastCounted: Int
        var age: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var clock: UInt64 = 0
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int = 4096) {
        self.capacity = max(16, capacity)
    }

    /// The entry for `key`, brought up to `deletions`; `nil` when there is none.
    /// `recount` is given the newly deleted documents (ascending) and answers, for each,
    /// `nil` when it did not match the query, else its key numbers in each facet field.
    func lookup(_ key: Key, deletions: DeletionSet, recount: ([Int]) -> [[[UInt32]]?]) -> Entry? {
        guard var entry = state.withLock({ state -> Entry? in
            state.clock += 1
            state.entries[key]?.age = state.clock
            return state.entries[key]
        }) else { return nil }
        if entry.deletions.count != deletions.count || entry.deletions != deletions {
            let gone = deletions.added(since: entry.deletions).filter { $0 <= entry.lastCounted }
            for case let keys? in recount(gone) {
                entry.total -= 1
                for (field, numbers) in keys.enumerated() {
                    for number in numbers { entry.facets[field][Int(number)] -= 1 }
                }
            }
            entry.deletions = deletions
            let updated = entry
            state.withLock { $0.entries[key] = updated }
        }
        return entry
    }

    func store(_ key: Key, _ entry: Entry, liveSegments: Set<UInt64>) {
        state.withLock { state in
            state.clock += 1
            var entry = entry
            entry.age = state.clock
            state.entries[key] = entry
            guard state.entries.count > capacity else { return }
            state.entries = state.entries.filter { liveSegments.contains($0.key.segment) }
            if state.entries.count > capacity / 2 {
                let ages = state.entries.values.map(\.age).sorted()
                let cutoff = ages[ages.count / 2]
                state.entries = state.entries.filter { $0.value.age > cutoff }
            }
        }
    }

    /// Entries held (for tests and metrics).
    var count: Int { state.withLock { $0.entries.count } }
}
