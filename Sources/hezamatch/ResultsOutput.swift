import Foundation
import JobMatching
import JobRecords
import JobStorage
import MatchRendering
import HezaMatchCore

/// `{"results": [{"id", "score", "explanation", …}]}`: the query tool's output of SCHEMA.md.
///
/// Keys are sorted, so the same answer always prints the same bytes.
enum ResultsOutput {
    static func json(_ results: [[String: Any]], extra: [String: Any] = [:]) throws -> String {
        var object = extra
        object["results"] = results
        return JSONWriter.string(object)
    }

    /// A posting's entry: id, score, explanation, and what a reader needs to recognise it.
    static func entry(_ ranked: RankedPosting) -> [String: Any] {
        var entry: [String: Any] = ["id": ranked.posting.id, "score": ranked.score, "explanation": ranked.explanation,
                                    "title": ranked.posting.title, "employer": ranked.posting.employer]
        if let zone = ranked.posting.zone { entry["zone"] = zone }
        if let deadline = ranked.posting.deadline { entry["deadline"] = deadline.description }
        return entry
    }

    /// A candidate's entry, with the personal data a shortlist is for.
    static func entry(_ ranked: RankedCandidate) -> [String: Any] {
        var entry: [String: Any] = ["id": ranked.profile.id, "score": ranked.score, "explanation": ranked.explanation,
                                    "name": ranked.profile.name, "category": ranked.profile.category.rawValue,
                                    "education": ranked.profile.educationLevel.rawValue]
        if let phone = ranked.profile.phone { entry["phone"] = phone }
        if let district = ranked.profile.district { entry["district"] = district }
        return entry
    }

    static func table(_ postings: [RankedPosting]) -> String {
        guard !postings.isEmpty else { return "(no posting found)" }
        let rows = postings.enumerated().map { index, ranked in
            ["\(index + 1)", ranked.posting.id, String(format: "%.2f", ranked.score), ranked.posting.title,
             ranked.posting.employer, ranked.posting.zone ?? "", ranked.explanation]
        }
        return TextTable(header: ["#", "id", "score", "title", "employer", "zone", "why"], rows: rows).rendered
    }
}
