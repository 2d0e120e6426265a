import Foundation
import JobStorage
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// The store on PostgreSQL: the same tables, feed and behaviour as ``SQLiteJobStore``, shared by
/// any number of `hezamatch serve` processes (replicas), each keeping its own indexes and
/// following the feed.
///
/// Tables: `posting` and `profile` (`id`, `document`: the JSON line, `seq`: the number of the
/// change that wrote it; a profile also keeps its folded name and its phone's digits, for
/// ``findProfiles(_:limit:)``), `posting_tombstone` and `profile_tombstone`, `feed` (each table's
/// last number), `access_log`. Created when missing (``init(address:)``), under an advisory lock so
/// that replicas starting together do not race.
///
/// **One order.** A write transaction first locks both rows of `feed` (`SELECT … FOR UPDATE`, in
/// a fixed order): writers through any replica are serialised, each takes the numbers after the
/// last committed ones, and the feed is in commit order. Two writers racing on one id end with
/// the later commit's document on every replica.
///
/// **Told of changes.** A transaction that changed something sends `NOTIFY hezamatch_feed`,
/// delivered at commit; ``waitForChanges(timeout:)`` returns when one arrives (a dedicated
/// `LISTEN` connection), else after the timeout, so a replica also catches up by polling when
/// notifications are lost (a restart of PostgreSQL, a dropped connection).
///
/// **Erasure.** A deleted profile's row is removed and the table vacuumed after the transaction,
/// so the row's space is reclaimed. PostgreSQL has no secure delete: until the space is reused,
/// and in WAL segments until they are recycled, the bytes may remain on disk; encrypt the
/// database's storage at rest, and keep its backups under the same retention as the data.
///
/// **Durability and replication** are PostgreSQL's: `synchronous_commit`, streaming replicas,
/// `pg_dump` or base backups, as the operators run them.
///
/// Calls are synchronous, as ``JobStore`` asks, over one connection at a time (its own event
/// loop, so that a caller on another event loop may wait); the asynchronous ``write(_:)`` and
/// ``recordAccess(_:retention:)`` run on a dispatch queue and never block Swift's cooperative threads.
public final class PostgresJobStore: JobStore, @unchecked Sendable {
    public let address: PostgresStoreAddress
    public var location: String { address.description }

    /// The notification channel of the feed.
    static let channel = "hezamatch_feed"

    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let logger: Logger = {
        var logger = Logger(label: "hezamatch.postgres")
        logger.logLevel = .error  // queries carry personal data: never logged
        return logger
    }()
    private let lock = NSRecursiveLock()
    private var connection: PostgresConnection?
    private let listening = NSLock()
    private var listener: PostgresConnection?
    private var notifications: UInt64 = 0
    private let notificationCount = NSLock()
    private let background = DispatchQueue(label: "hezamatch.postgres-store", qos: .userInitiated)

    /// Connects, and creates the tables when they are missing.
    ///
    /// - Throws: ``PostgresStoreError`` naming the address (without its password) when PostgreSQL
    ///   cannot be reached or refuses the user.
    public init(address: PostgresStoreAddress) throws {
        self.address = address
        try withConnection(retrying: true) { connection in try Self.createSchema(connection, self) }
    }

    deinit {
        try? connection?.close().wait()
        try? listener?.close().wait()
        try? group.syncShutdownGracefully()
    }

    // MARK: Connections

    /// Runs `body` with the connection, opening it when needed. A read (`retrying`) that finds
    /// the connection closed (PostgreSQL restarted) reconnects and runs once more; a write never
    /// runs twice.
    func withConnection<T>(retrying: Bool, _ body: (PostgresConnection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        var attempts = retrying ? 2 : 1
        while true {
            attempts -= 1
            let current = try connected()
            do {
                return try body(current)
            } catch {
                if current.isClosed { connection = nil }
                guard attempts > 0, current.isClosed else { throw Self.described(error, address) }
            }
        }
    }

    private func connected() throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        do {
            let opened = try PostgresConnection.connect(on: group.next(), configuration: address.configuration, id: 1, logger: logger).wait()
            connection = opened
            return opened
        } catch {
            throw Self.described(error, address)
        }
    }

    func run(_ connection: PostgresConnection, _ query: PostgresQuery) throws -> PostgresQueryResult {
        try connection.query(query, logger: logger).wait()
    }

    /// A PostgreSQL error as a sentence: the server's message and the address, no query text
    /// (which may hold personal data).
    /// Errors of the caller's own (a refused import) pass through as they are.
    static func described(_ error: any Error, _ address: PostgresStoreAddress) -> any Error {
        if let psql = error as? PSQLError {
            let message = psql.serverInfo?[.message] ?? "\(psql.code)"
            return PostgresStoreError("PostgreSQL at \(address): \(message)")
        }
        if error is ChannelError || error is IOError || error is NIOConnectionError {
            return PostgresStoreError("PostgreSQL at \(address): cannot connect (\(error))")
        }
        return error
    }

    // MARK: Reading

    public func identity() throws -> String {
        try withConnection(retrying: true) { connection in
            for row in try run(connection, "SELECT identity FROM store_identity LIMIT 1") { return try row.decode(String.self) }
            return ""
        }
    }

    public func historyMark(of kind: RecordKind, atOrBefore sequence: Int64) throws -> HistoryMark? {
        try withConnection(retrying: true) { connection in
            for row in try run(connection, """
                SELECT sequence, token FROM history WHERE kind = \(kind.rawValue) AND sequence <= \(sequence) ORDER BY sequence DESC LIMIT 1
                """) {
                let (sequence, token) = try row.decode((Int64, String).self)
                return HistoryMark(sequence: sequence, token: token)
            }
            return nil
        }
    }

    public func sequence(of kind: RecordKind) throws -> Int64 {
        try withConnection(retrying: true) { connection in try Self.sequence(kind, connection, self) }
    }

    static func sequence(_ kind: RecordKind, _ connection: PostgresConnection, _ store: PostgresJobStore) throws -> Int64 {
        for row in try store.run(connection, "SELECT sequence FROM feed WHERE kind = \(kind.rawValue)") {
            return try row.decode(Int64.self)
        }
        return 0
    }

    public func changes(of kind: RecordKind, after sequence: Int64, limit: Int) throws -> [StoredChange] {
        try withConnection(retrying: true) { connection in
            let rows = try run(connection, """
                SELECT seq, id, document FROM \(unescaped: kind.rawValue) WHERE seq > \(sequence)
                UNION ALL SELECT seq, id, NULL FROM \(unescaped: kind.rawValue)_tombstone WHERE seq > \(sequence)
                ORDER BY 1 LIMIT \(Int64(limit))
                """)
            return try rows.map { row in
                let (sequence, id, document) = try row.decode((Int64, String, String?).self)
                return StoredChange(sequence: sequence, id: id, document: document)
            }
        }
    }

    /// Every live record in one consistent read (a repeatable-read transaction and a cursor),
    /// `batchSize` rows at a time.
    @discardableResult
    public func forEachRecord(of kind: RecordKind, batchSize: Int, _ body: ([StoredChange]) throws -> Void) throws -> Int64 {
        try withConnection(retrying: true) { connection in
            _ = try run(connection, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            do {
                let sequence = try Self.sequence(kind, connection, self)
                _ = try run(connection, "DECLARE records NO SCROLL CURSOR FOR SELECT seq, id, document FROM \(unescaped: kind.rawValue) ORDER BY seq")
                while true {
                    let rows = try run(connection, "FETCH \(unescaped: String(max(1, batchSize))) FROM records")
                    let batch = try rows.map { row in
                        let (sequence, id, document) = try row.decode((Int64, String, String).self)
                        return StoredChange(sequence: sequence, id: id, document: document)
                    }
                    if batch.isEmpty { break }
                    try body(batch)
                    if batch.count < batchSize { break }
                }
                _ = try run(connection, "COMMIT")
                return sequence
            } catch {
                _ = try? run(connection, "ROLLBACK")
                throw error
            }
        }
    }

    public func documents(of kind: RecordKind, ids: [String]) throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        return try withConnection(retrying: true) { connection in
            var found: [String: String] = [:]
            for start in stride(from: 0, to: ids.count, by: 1_000) {
                let chunk = Array(ids[start..<min(ids.count, start + 1_000)])
                for row in try run(connection, "SELECT id, document FROM \(unescaped: kind.rawValue) WHERE id = ANY(\(chunk))") {
                    let (id, document) = try row.decode((String, String).self)
                    found[id] = document
                }
            }
            return found
        }
    }

    public func count(of kind: RecordKind) throws -> Int {
        try withConnection(retrying: true) { connection in
            for row in try run(connection, "SELECT COUNT(*) FROM \(unescaped: kind.rawValue)") { return Int(try row.decode(Int64.self)) }
            return 0
        }
    }

    public func findProfiles(_ text: String, limit: Int) throws -> [StoredChange] {
        let lookup = ProfileLookup(text)
        guard !lookup.id.isEmpty else { return [] }
        return try withConnection(retrying: true) { connection in
            let rows = try run(connection, """
                SELECT seq, id, document FROM profile
                WHERE id = \(lookup.id)
                   OR (length(\(lookup.phoneDigits)) >= 4 AND phone_digits LIKE '%' || \(lookup.phoneDigits) || '%')
                   OR (length(\(lookup.namePattern)) > 2 AND name_folded LIKE \(lookup.namePattern))
                ORDER BY id = \(lookup.id) DESC, id LIMIT \(Int64(limit))
                """)
            return try rows.map { row in
                let (sequence, id, document) = try row.decode((Int64, String, String).self)
                return StoredChange(sequence: sequence, id: id, document: document)
            }
        }
    }

    // MARK: Writing

    public func write(_ body: (any StoreTransaction) throws -> Void) throws -> WriteReceipt {
        let receipt = try withConnection(retrying: false) { connection in
            _ = try run(connection, "BEGIN")
            do {
                let transaction = try PostgresTransaction(connection, self)
                try body(transaction)
                let receipt = try transaction.finish()
                _ = try run(connection, "COMMIT")
                return receipt
            } catch {
                _ = try? run(connection, "ROLLBACK")
                throw error  // described by withConnection
            }
        }
        if receipt.deleted[.profile, default: 0] > 0 {
            // Reclaims the deleted rows' space now rather than at the next autovacuum.
            try withConnection(retrying: true) { connection in _ = try run(connection, "VACUUM profile") }
        }
        return receipt
    }

    public func write(_ body: @escaping @Sendable (any StoreTransaction) throws -> Void) async throws -> WriteReceipt {
        try await withCheckedThrowingContinuation { continuation in
            background.async {
                continuation.resume(with: Result { try self.write(body) })
            }
        }
    }

    // MARK: The access record

    public func recordAccess(_ record: AccessRecord, retention: TimeInterval) async throws {
        let ids = record.storedProfileIDs
        let at = record.at.timeIntervalSince1970, cutoff = Date().addingTimeInterval(-retention).timeIntervalSince1970
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            background.async {
                continuation.resume(with: Result {
                    try self.withConnection(retrying: false) { connection in
                        _ = try self.run(connection, """
                            INSERT INTO access_log(at, actor, action, subject, profile_ids)
                            VALUES (\(at), \(record.actor), \(record.action), \(record.subject), \(ids))
                            """)
                        _ = try self.run(connection, "DELETE FROM access_log WHERE at < \(cutoff)")
                    }
                })
            }
        }
    }

    public func accessRecords(since: Date?, limit: Int) throws -> [AccessRecord] {
        try withConnection(retrying: true) { connection in
            let rows = try run(connection, """
                SELECT at, actor, action, subject, profile_ids FROM access_log
                WHERE at >= \(since?.timeIntervalSince1970 ?? 0) ORDER BY seq DESC LIMIT \(Int64(limit))
                """)
            return try rows.map { row in
                let (at, actor, action, subject, profileIDs) = try row.decode((Double, String, String, String, String).self)
                let ids = AccessRecord.profileIDs(stored: profileIDs)
                return AccessRecord(at: Date(timeIntervalSince1970: at), actor: actor, action: action, subject: subject, profileIDs: ids)
            }
        }
    }

    // MARK: Other writers

    /// Returns when a `NOTIFY hezamatch_feed` arrives (a write committed through any replica),
    /// or after `timeout`. The `LISTEN` connection is opened on first use and again after it
    /// closes; a new one returns `true` at once, as notifications may have been missed meanwhile.
    public func waitForChanges(timeout: Duration) async -> Bool {
        let (seen, reopened) = startListening()
        if reopened { return true }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if notificationCount.withLock({ notifications }) != seen { return true }
            try? await Task.sleep(for: .milliseconds(20))
            if Task.isCancelled { return false }
        }
        return notificationCount.withLock { notifications } != seen
    }

    /// The notifications counted so far, and whether the listener had to be (re)opened.
    private func startListening() -> (UInt64, Bool) {
        listening.lock()
        defer { listening.unlock() }
        let seen = notificationCount.withLock { notifications }
        if let listener, !listener.isClosed { return (seen, false) }
        do {
            let opened = try PostgresConnection.connect(on: group.next(), configuration: address.configuration, id: 2, logger: logger).wait()
            opened.addListener(channel: Self.channel) { [weak self] _, _ in
                guard let self else { return }
                self.notificationCount.withLock { self.notifications &+= 1 }
            }
            _ = try opened.query("LISTEN \(unescaped: Self.channel)", logger: logger).wait()
            listener = opened
            return (seen, true)
        } catch {
            listener = nil
            return (seen, false)  // PostgreSQL unreachable: wait the timeout; the caller's read will say so
        }
    }
}
