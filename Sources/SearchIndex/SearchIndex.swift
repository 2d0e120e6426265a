import Dispatch
import Synchronization

/// A searchable set of documents: add, replace and delete them, search them, save
/// them to disk.
///
/// ```swift
/// let index = SearchIndex(schema: schema)
/// try index.apply(upserts: documents)
/// let result = try index.search(SearchQuery("ky su dien tu", limit: 10))
/// try index.save(to: "postings.hzix")
/// ```
///
/// **Concurrency.** Searches run on an immutable ``IndexSnapshot`` and never wait
/// for a writer; writers are serialised. ``apply(upserts:deletions:)`` builds its
/// documents into a new segment before it takes the lock that publishes it, so a
/// search sees all of a change or none of it. Deleted and replaced documents never
/// appear in results from the moment the change is published.
///
/// **Segments.** Each change adds a segment; when there are more than
/// ``maximumSegments``, the smaller ones are merged (deleted documents are dropped
/// then). ``optimize()`` merges everything into one.
public final class SearchIndex: Sendable {
    public let schema: IndexSchema
    /// Segments kept before a change merges the smaller ones.
    public let maximumSegments: Int
    private let current: Mutex<IndexSnapshot>
    private let writer = Mutex<Void>(())
    private let mergeLock = Mutex<Void>(())
    /// Totals and facet counts of recent queries (see ``CountCache``).
    let countCache = CountCache()

    public init(schema: IndexSchema, maximumSegments: Int = 8) {
        self.schema = schema
        self.maximumSegments = max(2, maximumSegments)
        current = Mutex(IndexSnapshot(schema: schema))
    }

    init(snapshot: IndexSnapshot, maximumSegments: Int = 8) {
        schema = snapshot.schema
        self.maximumSegments = max(2, maximumSegments)
        current = Mutex(snapshot)
    }

    /// The index as it is now; it does not change under the caller.
    public var snapshot: IndexSnapshot { current.withLock { $0 } }

    /// Documents that can be found.
    public var documentCount: Int { snapshot.documentCount }

    /// When a change that leaves too many segments merges them.
    public enum MergeTiming: Sendable {
        /// Before the change returns (simple; the writer waits for the merge).
        case now
        /// Not at all: the caller runs ``mergeIfNeeded()`` when it suits it (in the
        /// background), and the change returns as soon as it is published.
        case later
    }

    /// Adds `upserts` (replacing any document with the same id; of two with one id in
    /// the list, the last wins) and deletes the documents with ids in `deletions`,
    /// as one change. `userData`, when given, replaces the snapshot's user data in the
    /// same change (a store sequence recorded with the changes it covers).
    ///
    /// - Throws: ``IndexError`` `.unknownField` when a document names a field the
    ///   schema lacks; then nothing changes.
    /// - Complexity: O(*n*) in the text of `upserts`, plus a merge when segments pile up
    ///   and `merging` is ``MergeTiming/now``.
    public func apply(upserts: [IndexDocument], deletions: [String] = [], userData: [String: String]? = nil,
                      merging: MergeTiming = .now) throws {
        try apply(upserts: upserts, deletions: deletions, batchSize: Int.max, userData: userData, merging: merging)
    }

    /// Adds or replaces many documents, building segments of `batchSize` documents
    /// on every core, and publishes them as one change. For bulk loads.
    ///
    /// - Complexity: O(*n*) in the text, divided among the cores.
    public func addInParallel(_ documents: [IndexDocument], batchSize: Int, userData: [String: String]? = nil,
                              merging: MergeTiming = .now) throws {
        try apply(upserts: documents, deletions: [], batchSize: max(1, batchSize), userData: userData, merging: merging)
    }

    /// Publishes segments built elsewhere (``SegmentBatch``) as one change: their
    /// documents replace any live document with the same id, and `deletions` are
    /// deleted. Of two documents with one id in the batch, the later one wins.
    ///
    /// - Complexity: O(*d* · *s* log *n*) to find the replaced documents, plus a merge
    ///   when segments pile up and `merging` is ``MergeTiming/now``.
    public func publish(_ batch: SegmentBatch, deletions: [String] = [], userData: [String: String]? = nil,
                        merging: MergeTiming = .now) {
        let (segments, batchIDs) = batch.finish().drain()
        // Of two documents with one id in the batch, the later wins: delete the earlier ones.
        var last: [String: Int] = [:]
        last.reserveCapacity(batchIDs.count)
        for (position, id) in batchIDs.enumerated() { last[id] = position }
        var superseded: [(segment: Int, doc: Int)] = []
        if last.count < batchIDs.count {
            var segment = 0, start = 0
            for (position, id) in batchIDs.enumerated() where last[id] != position {
                while position >= start + segments[segment].documentCount {
                    start += segments[segment].documentCount
                    segment += 1
                }
                superseded.append((segment, position - start))
            }
        }
        publish(segments, replacing: Array(last.keys) + deletions, superseded: superseded, userData: userData, merging: merging)
    }

    private func apply(upserts: [IndexDocument], deletions: [String], batchSize: Int, userData: [String: String]?,
                       merging: MergeTiming) throws {
        for document in upserts { try SegmentBuilder.validate(document, against: schema) }
        var latest: [String: Int] = [:]
        latest.reserveCapacity(upserts.count)
        for (index, document) in upserts.enumerated() { latest[document.id] = index }
        let kept = upserts.indices.filter { latest[upserts[$0].id] == $0 }
        let batches = stride(from: 0, to: kept.count, by: batchSize).map { kept[$0..<min(kept.count, $0 + batchSize)] }
        let built = Mutex<[Int: Segment]>([:])
        DispatchQueue.concurrentPerform(iterations: batches.count) { number in
            let builder = SegmentBuilder(schema: schema)
            for index in batches[number] { builder.add(upserts[index]) }
            let segment = builder.build()
            built.withLock { $0[number] = segment }
        }
        let segments = built.withLock { all in batches.indices.map { all[$0]! } }
        publish(segments, replacing: upserts.map(\.id) + deletions, userData: userData, merging: merging)
    }

    /// Deletes every live document with an id in `replacing`, then appends `segments`,
    /// as one new snapshot.
    private func publish(_ segments: [Segment], replacing ids: [String], superseded: [(segment: Int, doc: Int)] = [],
                         userData: [String: String]?, merging: MergeTiming) {
        writer.withLock { _ in
            var next = snapshot
            if !next.segments.isEmpty {
                for id in ids {
                    for index in next.segments.indices {
                        if let doc = next.segments[index].doc(withID: id) { next.deletions[index].insert(doc) }
                    }
                }
            }
            let first = next.segments.count
            for segment in segments {
                next.segments.append(segment)
                next.deletions.append(DeletionSet(documentCount: segment.documentCount))
            }
            for (segment, doc) in superseded { next.deletions[first + segment].insert(doc) }
            dropEmptySegments(&next)
            if let userData { next.userData = userData }
            next.refreshStatistics()
            current.withLock { $0 = next }
        }
        if merging == .now { mergeIfNeeded() }
    }

    /// Adds or replaces documents. See ``apply(upserts:deletions:userData:merging:)``.
    public func add(_ documents: [IndexDocument]) throws { try apply(upserts: documents) }

    /// Deletes the documents with these ids (ids not in the index are ignored).
    public func delete(ids: [String]) { try! apply(upserts: [], deletions: ids) }

    /// Merges every segment into one, dropping deleted documents: the fastest
    /// layout for searching, and the smallest file. Writers wait while it runs.
    ///
    /// - Parameter reorderingDocuments: also renumber the documents so that those sharing
    ///   terms are near each other (recursive graph bisection, ``DocumentReordering``): a
    ///   smaller index whose postings skip better, for an index that is searched far more
    ///   than it is written. Hits of equal score then come in the new order. Done even
    ///   when there is one segment already.
    public func optimize(reorderingDocuments: Bool = false) {
        mergeLock.withLock { _ in
            writer.withLock { _ in
                var next = snapshot
                dropEmptySegments(&next)
                guard next.segments.count > 1 || next.deletions.contains(where: { $0.count > 0 })
                        || (reorderingDocuments && !next.segments.isEmpty) else { return }
                let merged = SegmentMerger.merge(next.segments, deletions: next.deletions, schema: schema,
                                                 reorderingDocuments: reorderingDocuments)
                next.segments = merged.documentCount > 0 ? [merged] : []
                next.deletions = merged.documentCount > 0 ? [DeletionSet(documentCount: merged.documentCount)] : []
                next.refreshStatistics()
                current.withLock { $0 = next }
            }
        }
    }

    /// Merges segments when there are more than ``maximumSegments``, or when
    /// `expungingDeletes` and some segment holds deleted documents (whose bytes are
    /// then gone from memory). The merge runs without holding up writers or readers:
    /// documents deleted while it ran are deleted in the merged segment when it is
    /// published. One merge runs at a time.
    ///
    /// - Returns: whether it merged.
    /// - Complexity: O(*p*) in the postings of the merged segments.
    @discardableResult
    public func mergeIfNeeded(expungingDeletes: Bool = false) -> Bool {
        mergeLock.withLock { _ in
            let base = snapshot
            let chosen: [Int]
            if base.segments.count > maximumSegments {
                chosen = Self.chooseMerge(base.segments.map(\.documentCount))
            } else if expungingDeletes {
                chosen = base.deletions.indices.filter { base.deletions[$0].count > 0 }
            } else {
                return false
            }
            guard !chosen.isEmpty else { return false }
            let result = SegmentMerger.mergeMapping(chosen.map { base.segments[$0] }, deletions: chosen.map { base.deletions[$0] },
                                                    schema: schema)
            writer.withLock { _ in
                var next = snapshot
                var mergedDeletions = DeletionSet(documentCount: result.segment.documentCount)
                var removed = Set<Int>()
                for (position, index) in chosen.enumerated() {
                    let serial = base.segments[index].serial
                    // Writers only append segments and add deletions; one merge runs at a time.
                    guard let now = next.segments.firstIndex(where: { $0.serial == serial }) else { continue }
                    removed.insert(now)
                    for doc in next.deletions[now].added(since: base.deletions[index]) {
                        let mapped = result.documentMap[position][doc]
                        if mapped != PostingsCursor.exhausted { mergedDeletions.insert(Int(mapped)) }
                    }
                }
                // The merged segment takes the place of the first segment it replaces.
                let kept = next.segments.indices.filter { !removed.contains($0) }
                var segments = kept.map { next.segments[$0] }
                var deletions = kept.map { next.deletions[$0] }
                if result.segment.documentCount > 0 {
                    let position = kept.filter { $0 < (removed.min() ?? Int.max) }.count
                    segments.insert(result.segment, at: position)
                    deletions.insert(mergedDeletions, at: position)
                }
                next.segments = segments
                next.deletions = deletions
                dropEmptySegments(&next)
                next.refreshStatistics()
                current.withLock { $0 = next }
            }
            return true
        }
    }

    /// Runs `query` on the current snapshot.
    ///
    /// - Throws: ``IndexError`` `.unknownField` when a filter or facet names a field the schema lacks.
    public func search(_ query: SearchQuery) throws -> SearchResult {
        try Searcher(snapshot: snapshot, countCache: countCache).search(query)
    }

    /// Every term of the folded space starting with the folded `prefix`, with the
    /// number of live-or-not documents holding it, most frequent first.
    ///
    /// - Complexity: O(log *t* + *m*) a segment for *m* terms with the prefix.
    public func terms(withPrefix prefix: String, limit: Int = 10) -> [(term: String, documents: Int)] {
        let folded = KeywordKey.fold(prefix)
        guard !folded.isEmpty else { return [] }
        var key: [UInt8] = [TermSpace.folded.rawValue]
        key.append(contentsOf: folded.utf8)
        var counts: [String: Int] = [:]
        for segment in snapshot.segments {
            var ordinal = segment.lowerBound(key)
            while ordinal < segment.termCount {
                let term = segment.termKey(ordinal)
                guard term.count >= key.count, term.starts(with: key) else { break }
                counts[String(decoding: term.dropFirst(), as: UTF8.self), default: 0] += Int(segment.termDocFrequency[ordinal])
                ordinal += 1
            }
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit).map { ($0.key, $0.value) }
    }

    private func dropEmptySegments(_ snapshot: inout IndexSnapshot) {
        let keep = snapshot.segments.indices.filter { snapshot.deletions[$0].count < snapshot.segments[$0].documentCount }
        snapshot.segments = keep.map { snapshot.segments[$0] }
        snapshot.deletions = keep.map { snapshot.deletions[$0] }
    }

    /// Which segments to merge: all but the largest, or all of them when the largest
    /// is not much bigger than the rest (a simple tiered policy: a small change never
    /// rewrites a big segment alone).
    static func chooseMerge(_ sizes: [Int]) -> [Int] {
        guard let largest = sizes.indices.max(by: { sizes[$0] < sizes[$1] }) else { return [] }
        let rest = sizes.reduce(0, +) - sizes[largest]
        return sizes[largest] > 4 * rest ? sizes.indices.filter { $0 != largest } : Array(sizes.indices)
    }
}
