import ArgumentParser
import Foundation
import JobMatching
import JobRecords
import JobStorage
import MatchRendering
import HezaMatchCore

/// `hezamatch search "QUERY"`: postings for what a job seeker types.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find open postings for a query typed with or without accents (ky su dien tu = kỹ sư điện tử)."
    )

    @OptionGroup var options: StoreOptions
    @Argument(help: "What to look for. \"a phrase\" must appear as typed; +word is required, -word excluded.") var query: String
    @Option(help: "Only postings in this zone (e.g. \"KCN Tràng Duệ\", accents optional).") var zone: String?
    @Option(help: "Only postings in this district.") var district: String?
    @Option(help: "The searcher's education level: only postings that accept it (none … postgraduate).") var education: String?
    @Option(help: "Only postings inviting this category (graduate, discharged_soldier, vocational_student, other).") var audience: String?
    @Option(help: "Hits to show.") var limit = 10
    @Option(help: "Hits to skip (pages).") var offset = 0
    @OptionGroup var asOf: AsOfOption
    @Flag(help: "Print {\"results\": [...]} as SCHEMA.md says.") var json = false

    func run() throws {
        let store = try options.openStore()
        var search = JobMatcher.Search(text: query, asOf: try asOf.date())
        search.zone = zone
        search.district = district
        if let education {
            guard let level = EducationLevel(rawValue: education) else {
                throw ValidationError("--education \(education): expected one of \(EducationLevel.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            search.education = level
        }
        if let audience {
            guard let category = CandidateCategory(rawValue: audience) else {
                throw ValidationError("--audience \(audience): expected one of \(CandidateCategory.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            search.audience = category
        }
        search.limit = limit
        search.offset = offset
        let matcher = JobMatcher(reference: try options.reference())
        let page = try matcher.search(search, postings: try DerivedIndexes.postings(of: store, synonyms: matcher.reference.synonyms), lookup: store.posting(id:))
        if json {
            print(try ResultsOutput.json(page.hits.map(ResultsOutput.entry), extra: ["total": page.total]))
        } else {
            print(ResultsOutput.table(page.hits))
            print("\(page.total) open postings match; showing \(page.hits.count) from \(offset + 1)")
        }
    }
}
