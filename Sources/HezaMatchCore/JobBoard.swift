import Foundation
import VietnameseText
import JobMatching
import JobRecords
import JobStorage
import SearchIndex
import Synchronization

/// The one owner of the store, both search indexes, the reference tables and the
/// matcher: what the `hezamatch` tool and the HTTP server both stand on, so that they
/// answer with the same types (``SearchAnswer``, ``MatchAnswer``, ``ShortlistAnswer``).
/// A facade: each question is a service's (searching, matching, audit, maintenance, fairs,
/// records, referrals, the labour report), over one shared core.
///
/// ```swift
/// let board = try JobBoard.open(storePath: "hezamatch.sqlite", corpus: "Corpus")
/// try board.load(postings: "Corpus/postings.jsonl", profiles: "Corpus/profiles.jsonl")
/// let page = try board.search(JobMatcher.Search(text: "ky su dien tu", asOf: today))
/// let fits = try board.matches(for: "C-00015", asOf: today, limit: 10)
/// let calls = try board.shortlist(for: "P-0001", asOf: today, limit: 30)
/// ```
///
/// **Reads** run on index snapshots: ranking, reasons and result rows come from the
/// index's stored fields, never from the store, and never wait for a write. The one
/// exception is personal data: names and phones are not in the index, and a
/// shortlist reads them from the store for the rows it returns.
///
/// **Writes** commit to the store first (one transaction, each record numbered in its
/// table's change feed), then the indexes catch up from the feed, so a change is
/// visible to the next search; segment builds happen before the new snapshot is
/// published, merges in the background.
///
/// **Indexes** are opened lazily (a `search` never opens the profiles' index) from
/// their saved files, memory-mapped, and caught up with the changes after the
/// sequence they contain; ``saveIndexes()`` writes them back.
public final class JobBoard: BoardService, Sendable {
    /// What the services share (store, reference tables, matcher, both live indexes, search aids, referrals).
    let core: BoardCore

    public var matcher: JobMatcher { core.matcher }

    /// How long the access record keeps an entry (default: a year).
    public var accessRetention: TimeInterval { core.accessRetention }

    /// The deepest result a page may reach (`offset + limit`), as job sites limit
    /// paging (JobTech: 2,000): deeper pages cost much and serve nobody. The API's
    /// `page` ≤ 100 and `per_page` ≤ 100 stay within it.
    public static let maximumResultDepth = 10_000

    /// A board over `store`. Saved indexes go to `indexPathPrefix` + `.postings.hzix`
    /// and `.profiles.hzix` (beside an SQLite store, by default), or nowhere when `nil`.
    public init(store: any JobStore, reference: ReferenceData, indexPathPrefix: String?,
                accessRetention: TimeInterval = 365 * 24 * 3600, log: @escaping @Sendable (String) -> Void = { _ in }) {
        core = BoardCore(store: store, reference: reference, indexPathPrefix: indexPathPrefix, accessRetention: accessRetention, log: log)
        if let indexPathPrefix { Self.removeOldCaches(beside: indexPathPrefix) }
    }

    /// The facade over services that already share `core` (tests: a service alone and the board give the same).
    init(core: BoardCore) {
        self.core = core
    }

    /// A board over the SQLite store at `storePath` (created when missing), with the
    /// reference tables of `corpus` (`places.tsv`, `map/`, `synonyms.tsv`…) and its indexes beside the store.
    public static func open(storePath: String, corpus: String, accessRetention: TimeInterval = 365 * 24 * 3600,
                            log: @escaping @Sendable (String) -> Void = { _ in }) throws -> JobBoard {
        JobBoard(store: try SQLiteJobStore(path: storePath), reference: try ReferenceData.load(directory: corpus),
                 indexPathPrefix: storePath, accessRetention: accessRetention, log: log)
    }

    /// A record from its stored JSON line (the store only holds lines that were valid).
    static func decode<Record: JSONRecord>(_ type: Record.Type, _ json: String) throws -> Record {
        switch Record.read(json) {
        case .success(let record): return record
        case .failure(let problems):
            throw LoadFailure(problems: problems.problems.map { .init(file: "store", line: 0, field: $0.field, message: $0.message) },
                              count: problems.problems.count)
        }
    }

    /// Cache files of versions before the change feed (`STORE.postings-g7-s….hzix`).
    private static func removeOldCaches(beside prefix: String) {
        let directory = (prefix as NSString).deletingLastPathComponent
        let name = (prefix as NSString).lastPathComponent
        for file in (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        where (file.hasPrefix(name + ".postings-g") || file.hasPrefix(name + ".profiles-g")) && file.hasSuffix(".hzix") {
            try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(file))
        }
    }
}

/// Who asks for personal data, as the access record names them: a token's label
/// (`counsellor-lan`, `booth-lg-display`), or `cli:USER` for the command line.
public struct Requester: Sendable, Hashable {
    public var label: String

    public init(label: String) {
        self.label = label
    }

    /// The user running the command line.
    public static var commandLine: Requester {
        Requester(label: "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.userName))
    }
}

/// How far each table's index has followed the store (for `/healthz` and `hezamatch status`).
public struct BoardStatus: Sendable, Codable, Hashable {
    public struct Table: Sendable, Codable, Hashable {
        public var kind: RecordKind
        public var storeSequence: Int64
        /// `nil` when the index is not open in this process.
        public var indexSequence: Int64?
        public var documents: Int?
        public var bytes: Int?
        public var segments: Int?
        /// How this process opened the index: `opened <file> at change N`, `built from the store`, or `rebuilt: <why>`
        /// (a file of another store, or of a history the store no longer has).
        public var opened: String?

        /// Changes in the store that the index has not applied yet.
        public var lag: Int64? { indexSequence.map { max(0, storeSequence - $0) } }

        private enum CodingKeys: String, CodingKey {
            case kind, storeSequence = "store_sequence", indexSequence = "index_sequence", documents, bytes, segments, opened
        }
    }

    public var tables: [Table]
    /// The store's identity (``JobStorage/JobStore/identity()``): every saved index says which store it was built from.
    public var store: String?
    /// Job alerts and the outbox's messages by state (`hezamatch status`; not on the public `/healthz`).
    public var alerts: OutboxCounts?

    public init(tables: [Table], store: String?, alerts: OutboxCounts? = nil) {
        self.tables = tables
        self.store = store
        self.alerts = alerts
    }
}

extension RecordKind: Codable {}
