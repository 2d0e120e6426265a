import Dispatch
import JobMatching
import JobRecords
import JobStorage
import SearchIndex
import Synchronization

/// Keeps the search aids (``SearchAids``: accents, employers, title suggestions) up to date with the
/// postings, off the request path.
///
/// - **Start** (``prepare(from:)``, at a server's warm-up or before a tool's search): the saved vocabulary
///   (`STORE.postings.hzaids`) when it is of the index's sequence, else one pass over the index's stored
///   postings, then saved.
/// - **Changes**: each batch the postings' index applies (its observer, on the catch-up path, from this
///   process's writes or another replica's) adds and removes the postings' counts in place
///   (microseconds a posting), then a new ``SearchAids`` is built on a background queue, at most one at a
///   time, and published.
/// - **Requests** read ``current()``: the latest published aids, never built on their behalf. They trail
///   the index by the time one build takes (milliseconds on 100,000 postings), and after a burst of
///   changes by at most one more build.
final class SearchAidsKeeper: Sendable {
    private let synonyms: SynonymTable
    /// `STORE.postings.hzaids`, or `nil` to keep the vocabulary in memory only.
    let path: String?
    /// What the postings' documents depend on: a vocabulary saved under another is rebuilt.
    private let fingerprint: String
    private let log: @Sendable (String) -> Void
    private let vocabulary = Mutex<PostingVocabulary?>(nil)
    private let published = Mutex<SearchAids?>(nil)
    /// Whether a build is queued and not yet started.
    private let queued = Mutex(false)
    private let queue = DispatchQueue(label: "hezamatch.search-aids", qos: .utility)
    /// Vocabularies built from every posting of the index (at a start without a saved one, after a bulk load
    /// that could not be counted in place).
    let fullBuilds = Atomic<Int>(0)
    /// Aids built (each change, each start).
    let aidsBuilt = Atomic<Int>(0)

    init(synonyms: SynonymTable, path: String?, fingerprint: String, log: @escaping @Sendable (String) -> Void) {
        self.synonyms = synonyms
        self.path = path
        self.fingerprint = fingerprint
        self.log = log
    }

    /// The latest aids, or `nil` before the first are ready: a search then goes without them rather than wait.
    ///
    /// - Complexity: O(1).
    func current() -> SearchAids? { published.withLock { $0 } }

    /// Whether a vocabulary is held (``prepare(from:)`` has run).
    var isPrepared: Bool { vocabulary.withLock { $0 != nil } }

    /// Loads the saved vocabulary, or counts every posting of `snapshot`, and publishes the aids now.
    /// Changes applied to the index meanwhile are counted after it, from their sequence.
    ///
    /// - Complexity: O(1) in the postings with a saved vocabulary of the index's sequence; else O(their text).
    func prepare(from snapshot: IndexSnapshot, store: any JobStore) throws {
        if isPrepared { return }
        let sequence = LiveIndex.sequence(of: snapshot)
        var found: PostingVocabulary?
        if let path {
            do {
                found = try PostingVocabulary.read(path: path, fingerprint: try history(at: sequence, store: store))
                if let saved = found, saved.sequence != sequence {
                    log("rebuilding the search aids: \(path) is of change \(saved.sequence), the postings' index of \(sequence)")
                    found = nil
                }
            } catch {
                log("rebuilding the search aids: \(path): \(error)")
            }
        }
        var built = false
        if found == nil {
            found = try PostingVocabulary(sequence: sequence) { add in
                try snapshot.forEachStoredFields { _, stored in add(try StoredRecord.posting(stored)) }
            }
            fullBuilds.add(1, ordering: .relaxed)
            built = true
        }
        vocabulary.withLock { current in if current == nil { current = found } }
        // Changes the index applied while this ran: counted against the snapshot it was built from.
        let after = try store.changes(of: .posting, after: sequence, limit: Int.max)
        if !after.isEmpty { apply(after, to: snapshot) }
        publishNow()
        if built { try save(store: store) }
    }

    /// What a saved vocabulary must have been made under to be read: the documents' fingerprint, the store's
    /// identity and the mark of its last transaction up to `sequence` (as the index's file keeps them).
    private func history(at sequence: Int64, store: any JobStore) throws -> String {
        "\(fingerprint)|\(try store.identity())|\(try store.historyMark(of: .posting, atOrBefore: sequence)?.description ?? "-")"
    }

    /// Reads the saved vocabulary when it is of `snapshot`'s change and history (the postings index just opened,
    /// before it catches up: the catch-up's changes are then counted as they come). Nothing is learned here:
    /// without such a file, ``prepare(from:store:)`` learns it when it is first needed.
    func loadSaved(for snapshot: IndexSnapshot, store: any JobStore) {
        guard let path, !isPrepared else { return }
        let sequence = LiveIndex.sequence(of: snapshot)
        do {
            guard let saved = try PostingVocabulary.read(path: path, fingerprint: try history(at: sequence, store: store)),
                  saved.sequence == sequence else { return }
            vocabulary.withLock { if $0 == nil { $0 = saved } }
            publishNow()
        } catch {
            log("the search aids will be learned anew: \(path): \(error)")
        }
    }

    /// Counts a batch of changes about to be applied on top of `snapshot` (the postings index's observer):
    /// each posting's version in `snapshot` out, its new version in. Changes counted before are skipped.
    ///
    /// - Complexity: O(the changed postings' text).
    func apply(_ changes: [StoredChange], to snapshot: IndexSnapshot) {
        let changed = vocabulary.withLock { vocabulary -> Bool in
            guard var current = vocabulary else { return false }  // not prepared: the whole index is read then
            vocabulary = nil  // counted in place, without a copy
            defer { vocabulary = current }
            var counted = false
            for change in changes where change.sequence > current.sequence {
                if let old = (try? snapshot.storedFields(of: change.id)).flatMap({ $0 }).flatMap({ try? StoredRecord.posting($0) }) {
                    current.remove(old)
                }
                if let document = change.document, let posting = try? JobBoard.decode(JobPosting.self, document) {
                    current.add(posting)
                }
                current.sequence = change.sequence
                counted = true
            }
            return counted
        }
        if changed { schedulePublish() }
    }

    /// Counts a posting being loaded in bulk (``JobBoard/load(postings:profiles:encoding:progress:)``) in place
    /// of `old`, its version in the index before the load. ``finishLoad(published:sequence:index:store:)`` follows.
    func countLoaded(_ posting: JobPosting, replacing old: JobPosting?) {
        vocabulary.withLock { vocabulary in
            guard vocabulary != nil else { return }
            if let old { vocabulary!.remove(old) }
            vocabulary!.add(posting)
        }
    }

    /// After a bulk load: when its batch was published as the changes up to `sequence`, the counts stand for
    /// them; otherwise (the load failed, or the index caught up with it by the feed and counted it again) the
    /// vocabulary is read anew from the index.
    func finishLoad(published: Bool, sequence: Int64, index: SearchIndex, store: any JobStore) throws {
        let kept = vocabulary.withLock { vocabulary -> Bool in
            guard published, vocabulary != nil else { vocabulary = nil; return false }
            vocabulary!.sequence = max(vocabulary!.sequence, sequence)
            return true
        }
        if kept { publishNow() } else { try prepare(from: index.snapshot, store: store) }
    }

    /// Saves the vocabulary beside the index (``path``), when there is one, with the store's history at its change.
    func save(store: any JobStore) throws {
        guard let path, let current = vocabulary.withLock({ $0 }) else { return }
        try current.write(path: path, fingerprint: try history(at: current.sequence, store: store))
    }

    /// Saves the vocabulary when it holds exactly the change `sequence` (the postings index just saved at it, with
    /// no change applied meanwhile): the two files then open together.
    func save(at sequence: Int64, store: any JobStore) throws {
        guard let path, let current = vocabulary.withLock({ $0 }) else { return }
        guard current.sequence == sequence else {
            log("search aids not saved with the postings' index: they hold change \(current.sequence), the index \(sequence)")
            return
        }
        try current.write(path: path, fingerprint: try history(at: sequence, store: store))
    }

    /// Builds the aids on the background queue, unless a build is already queued (it will see these counts).
    private func schedulePublish() {
        let start = queued.withLock { queued -> Bool in
            if queued { return false }
            queued = true
            return true
        }
        guard start else { return }
        queue.async { [self] in
            queued.withLock { $0 = false }
            publishNow()
        }
    }

    /// Builds the aids from the counts as they are and publishes them.
    private func publishNow() {
        guard let counts = vocabulary.withLock({ $0 }) else { return }
        let aids = counts.aids(synonyms: synonyms)
        aidsBuilt.add(1, ordering: .relaxed)
        published.withLock { current in
            if current == nil || current!.sequence <= aids.sequence { current = aids }
        }
    }

    /// Waits for the builds queued so far (tests, and a tool that searches right after a write).
    func waitForBuilds() { queue.sync {} }
}
