import Foundation
import GRDB
import JobRecords

/// The source of truth: postings and profiles in an embedded SQLite database.
///
/// Each record is kept as the JSON line it came from (so fields this version does
/// not know are kept too), under its id. The search indexes are derived from the
/// store and can always be rebuilt from it. A load is one transaction: all of a
/// file (or of two files) is stored, or none of it.
public final class JobStore: Sendable {
    public let path: String
    private let database: DatabasePool

    /// Opens (creating when needed) the store at `path`.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        database = try DatabasePool(path: path, configuration: configuration)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "posting") { table in
                table.primaryKey("id", .text)
                table.column("document", .text).notNull()
            }
            try db.create(table: "profile") { table in
                table.primaryKey("id", .text)
                table.column("document", .text).notNull()
            }
            try db.create(table: "meta") { table in
                table.primaryKey("key", .text)
                table.column("value", .integer).notNull()
            }
            try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('generation', 0)")
        }
        try migrator.migrate(database)
    }

    /// Stores every record (replacing those with the same ids) in one transaction,
    /// and returns how many postings and profiles the store then holds.
    public func upsert(postings: [JSONLinesLoader.Record<JobPosting>] = [],
                       profiles: [JSONLinesLoader.Record<CandidateProfile>] = []) throws -> (postings: Int, profiles: Int) {
        try database.write { db in
            let postingStatement = try db.makeStatement(sql: "INSERT INTO posting(id, document) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET document = excluded.document")
            for record in postings { try postingStatement.execute(arguments: [record.value.id, record.json]) }
            let profileStatement = try db.makeStatement(sql: "INSERT INTO profile(id, document) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET document = excluded.document")
            for record in profiles { try profileStatement.execute(arguments: [record.value.id, record.json]) }
            try db.execute(sql: "UPDATE meta SET value = value + 1 WHERE key = 'generation'")
            return (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM posting") ?? 0,
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM profile") ?? 0)
        }
    }

    /// Deletes postings and profiles by id, in one transaction.
    public func delete(postingIDs: [String] = [], profileIDs: [String] = []) throws {
        try database.write { db in
            for id in postingIDs { try db.execute(sql: "DELETE FROM posting WHERE id = ?", arguments: [id]) }
            for id in profileIDs { try db.execute(sql: "DELETE FROM profile WHERE id = ?", arguments: [id]) }
            try db.execute(sql: "UPDATE meta SET value = value + 1 WHERE key = 'generation'")
        }
    }

    /// Changes since the store was created: every load or delete adds one.
    public func generation() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'generation'") ?? 0 }
    }

    public func postings() throws -> [JobPosting] { try all("posting", JobPosting.self) }
    public func profiles() throws -> [CandidateProfile] { try all("profile", CandidateProfile.self) }
    public func posting(id: String) throws -> JobPosting? { try one("posting", id, JobPosting.self) }
    public func profile(id: String) throws -> CandidateProfile? { try one("profile", id, CandidateProfile.self) }

    public func counts() throws -> (postings: Int, profiles: Int) {
        try database.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM posting") ?? 0, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM profile") ?? 0)
        }
    }

    private func all<T: Decodable>(_ table: String, _ type: T.Type) throws -> [T] {
        let documents = try database.read { db in try String.fetchAll(db, sql: "SELECT document FROM \(table) ORDER BY id") }
        let decoder = JSONDecoder()
        return try documents.map { try decoder.decode(T.self, from: Data($0.utf8)) }
    }

    private func one<T: Decodable>(_ table: String, _ id: String, _ type: T.Type) throws -> T? {
        guard let document = try database.read({ db in try String.fetchOne(db, sql: "SELECT document FROM \(table) WHERE id = ?", arguments: [id]) }) else {
            return nil
        }
        return try JSONDecoder().decode(T.self, from: Data(document.utf8))
    }
}
