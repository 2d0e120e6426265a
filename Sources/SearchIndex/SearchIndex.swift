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

    /// Adds `upserts` (replacing any document with the same id; of two with one id in
    /// the list, the last wins) and deletes the documents with ids in `deletions`,
    /// as one change.
    ///
    /// - Throws: ``IndexError`` `.unknownField` when a document names a field the
    ///   schema lacks; then nothing changes.
    /// - Complexity: O(*n*) in the text of `upserts`, plus a merge when segments pile up.
    public func apply(upserts: [IndexDocument], deletions: [String] = []) throws {
        try apply(upserts: upserts, deletions: deletions, batchSize: Int.max)
    }

    /// Adds or replaces many documents, building segments of `batchSize` documents
    /// on every core, and publishes them as one change. For bulk loads.
    ///
    /// - Complexity: O(*n*) in the text, divided among the cores.
    public func addInParallel(_ documents: [IndexDocument], batchSize: Int) throws {
        try apply(upserts: documents, deletions: [], batchSize: max(1, batchSize))
    }

    private func apply(upserts: [IndexDocument], deletions: [String], batchSize: Int) throws {
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
        writer.withLock { _ in
            var next = snapshot
            if !next.segments.isEmpty {
                for id in upserts.map(\.id) + deletions {
                    for index in next.segments.indices {
                        if let doc = next.segments[index].doc(withID: id) { next.deletions[index].insert(doc) }
                    }
                }
            }
            for segment in segments {
                next.segments.append(segment)
                next.deletions.append(DeletionSet(documentCount: segment.documentCount))
            }
            dropEmptySegments(&next)
            if next.segments.count > maximumSegments { mergeSmallSegments(&next) }
            next.refreshStatistics()
            current.withLock { $0 = next }
        }
    }

    /// Adds or replaces documents. See ``apply(upserts:deletions:)``.
    public func add(_ documents: [IndexDocument]) throws { try apply(upserts: documents) }

    /// Deletes the documents with these ids (ids not in the index are ignored).
    public func delete(ids: [String]) { try! apply(upserts: [], deletions: ids) }

    /// Merges every segment into one, dropping deleted documents: the fastest
    /// layout for searching, and the smallest file.
    public func optimize() {
        writer.withLock { _ in
            var next = snapshot
            dropEmptySegments(&next)
            guard next.segments.count > 1 || next.deletions.contains(where: { $0.count > 0 }) else { return }
            let merged = SegmentMerger.merge(next.segments, deletions: next.deletions, schema: schema)
            next.segments = merged.documentCount > 0 ? [merged] : []
            next.deletions = merged.documentCount > 0 ? [DeletionSet(documentCount: merged.documentCount)] : []
            next.refreshStatistics()
            current.withLock { $0 = next }
        }
    }

    /// Runs `query` on the current snapshot.
    ///
    /// - Throws: ``IndexError`` `.unknownField` when a filter or facet names a field the schema lacks.
    public func search(_ query: SearchQuery) throws -> SearchResult {
        try Searcher(snapshot: snapshot).search(query)
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

    /// Merges all segments but the largest into one, or all of them when the largest
    /// is not much bigger than the rest (a simple tiered policy: a small change
    /// never rewrites a big segment alone).
    private func mergeSmallSegments(_ snapshot: inout IndexSnapshot) {
        let sizes = snapshot.segments.map(\.documentCount)
        let largest = sizes.indices.max { sizes[$0] < sizes[$1] }!
        let rest = sizes.reduce(0, +) - sizes[largest]
        let chosen = sizes[largest] > 4 * rest ? snapshot.segments.indices.filter { $0 != largest } : Array(snapshot.segments.indices)
        let merged = SegmentMerger.merge(chosen.map { snapshot.segments[$0] }, deletions: chosen.map { snapshot.deletions[$0] }, schema: schema)
        var segments = snapshot.segments.indices.filter { !chosen.contains($0) }.map { snapshot.segments[$0] }
        var deletions = snapshot.segments.indices.filter { !chosen.contains($0) }.map { snapshot.deletions[$0] }
        if merged.documentCount > 0 {
            segments.append(merged)
            deletions.append(DeletionSet(documentCount: merged.documentCount))
        }
        snapshot.segments = segments
        snapshot.deletions = deletions
    }
}
