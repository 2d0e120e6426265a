import Foundation
import GRDB
import JobRecords

/// What a plain full-text search would answer: SQLite's FTS5 over the same text fields,
/// `unicode61 remove_diacritics 2`, every query word OR-ed, ranked by FTS5's `bm25`. The
/// baseline that `hezamatch evaluate` prints next to the board's own figures, so that a
/// judged set says what the matching adds to an off-the-shelf engine.
///
/// Postings hold title, skills, requirements and description; profiles hold desired
/// titles, skills, major and summary (never name or phone). An in-memory database: nothing
/// is written anywhere.
public final class FullTextBaseline {
    private let database: DatabaseQueue

    /// Builds the two tables.
    ///
    /// - Complexity: O(*n*) in the text of the records.
    public init(postings: [JobPosting], profiles: [CandidateProfile]) throws {
        database = try DatabaseQueue()
        try database.write { db in
            try db.execute(sql: """
                CREATE VIRTUAL TABLE posting USING fts5(id UNINDEXED, title, skills, requirements, description,
                    tokenize = 'unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE profile USING fts5(id UNINDEXED, titles, skills, major, summary,
                    tokenize = 'unicode61 remove_diacritics 2');
                """)
            for posting in postings {
                try db.execute(sql: "INSERT INTO posting VALUES (?, ?, ?, ?, ?)", arguments: [
                    posting.id, posting.title, (posting.skills ?? []).joined(separator: " ; "),
                    posting.requirements ?? "", posting.description ?? ""])
            }
            for profile in profiles {
                try db.execute(sql: "INSERT INTO profile VALUES (?, ?, ?, ?, ?)", arguments: [
                    profile.id, (profile.desiredTitles ?? []).joined(separator: " ; "), (profile.skills ?? []).joined(separator: " ; "),
                    profile.major ?? "", profile.summary ?? ""])
            }
        }
    }

    /// Posting ids for `text`, best first, at most `limit`.
    public func postings(matching text: String, limit: Int = 2_000) throws -> [String] {
        try ids(in: "posting", text, limit)
    }

    /// Profile ids for `text`, best first, at most `limit`.
    public func profiles(matching text: String, limit: Int = 2_000) throws -> [String] {
        try ids(in: "profile", text, limit)
    }

    /// The FTS5 query for `text`: each word (letters and digits, NFC) quoted, OR-ed; `nil` when there are none.
    static func query(_ text: String) -> String? {
        let words = text.precomposedStringWithCanonicalMapping
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        guard !words.isEmpty else { return nil }
        return words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " OR ")
    }

    private func ids(in table: String, _ text: String, _ limit: Int) throws -> [String] {
        guard let match = Self.query(text) else { return [] }
        return try database.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM \(table) WHERE \(table) MATCH ? ORDER BY rank LIMIT ?", arguments: [match, limit])
        }
    }
}
