import Dispatch
import Synchronization

/// Segments built apart from an index, to be published into it as one change
/// (``SearchIndex/publish(_:deletions:userData:merging:)``): how a bulk load builds
/// its index while it reads.
///
/// Documents are analysed on a background queue, a chunk at a time, while the caller
/// goes on reading the next ones (on two cores: decoding and storing on one, analysing
/// and encoding on the other). At most a few chunks wait at a time, so memory stays
/// bounded by the segment being built.
///
/// ```swift
/// let batch = SegmentBatch(schema: schema)
/// for document in documents { try batch.add(document) }   // a segment every `segmentSize` documents
/// index.publish(batch.finish(), userData: ["sequence": "42"])
/// ```
public final class SegmentBatch: @unchecked Sendable {
    public let schema: IndexSchema
    /// Documents a segment holds before the next one is started.
    public let segmentSize: Int
    /// Documents added and not yet handed to the queue: made, or to be made there.
    private var pending: [Pending] = []

    private enum Pending {
        case document(IndexDocument)
        case deferred(@Sendable () -> IndexDocument)
    }
    private let queue = DispatchQueue(label: "hezamatch.segment-batch", qos: .userInitiated)
    private let slots = DispatchSemaphore(value: 4)
    /// Touched only on `queue`.
    private var builder: SegmentBuilder
    private var built: [Segment] = []
    /// Every document id added, in order.
    private(set) var ids: [String] = []
    private var finished = false

    private static let chunk = 2048

    public init(schema: IndexSchema, segmentSize: Int = 200_000) {
        self.schema = schema
        self.segmentSize = max(1, segmentSize)
        builder = SegmentBuilder(schema: schema)
    }

    /// Adds `document` to the batch (analysed in the background).
    ///
    /// - Throws: ``IndexError`` `.unknownField` when it names a field the schema lacks.
    public func add(_ document: IndexDocument) throws {
        precondition(!finished, "a finished batch takes no more documents")
        try SegmentBuilder.validate(document, against: schema)
        pending.append(.document(document))
        ids.append(document.id)
        if pending.count >= SegmentBatch.chunk { flush() }
    }

    /// Adds the document `make` returns, made on the background queue with its analysis: the caller's
    /// thread goes on reading (a bulk load's parsing and storing on one core, documents made, analysed and
    /// encoded on the other). `make` must return a document of `id` that fits the schema (checked there:
    /// a document that does not is a programming error).
    public func add(id: String, _ make: @escaping @Sendable () -> IndexDocument) {
        precondition(!finished, "a finished batch takes no more documents")
        pending.append(.deferred(make))
        ids.append(id)
        if pending.count >= SegmentBatch.chunk { flush() }
    }

    /// Documents added so far.
    public var documentCount: Int { ids.count }

    private func flush() {
        guard !pending.isEmpty else { return }
        let documents = pending
        pending = []
        slots.wait()
        let schema = self.schema
        queue.async {
            for entry in documents {
                let document: IndexDocument
                switch entry {
                case .document(let made): document = made
                case .deferred(let make):
                    document = make()
                    precondition((try? SegmentBuilder.validate(document, against: schema)) != nil, "document \(document.id) does not fit the schema")
                }
                self.builder.add(document)
                if self.builder.documentCount >= self.segmentSize { self.seal() }
            }
            self.slots.signal()
        }
    }

    /// On `queue`.
    private func seal() {
        guard builder.documentCount > 0 else { return }
        built.append(builder.build())
        builder = SegmentBuilder(schema: schema)
    }

    /// Waits for the background work and builds the last segment; the batch is then
    /// ready to publish.
    public func finish() -> SegmentBatch {
        if !finished {
            flush()
            queue.sync { seal() }
            finished = true
        }
        return self
    }

    /// The built segments and the ids of their documents, in order (after ``finish()``);
    /// the batch lets go of them, so that they live no longer than the index holds them.
    func drain() -> (segments: [Segment], ids: [String]) {
        precondition(finished, "finish() the batch first")
        let segments = queue.sync { () -> [Segment] in
            defer { built = [] }
            return built
        }
        defer { ids = [] }
        return (segments, ids)
    }
}

