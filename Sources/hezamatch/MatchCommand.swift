import ArgumentParser
import Foundation
import JobMatching
import JobRecords
import JobStorage
import MatchRendering
import HezaMatchCore

/// `hezamatch match PROFILE_ID`: "which jobs fit this candidate, and why?"
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "The postings a candidate is eligible for, best first, each with its reasons in Vietnamese."
    )

    @OptionGroup var options: StoreOptions
    @Argument(help: "The candidate's profile id.") var profileID: String
    @Option(help: "Postings to show.") var limit = 10
    @OptionGroup var asOf: AsOfOption
    @Flag(help: "Print {\"results\": [...]} as SCHEMA.md says.") var json = false

    func run() throws {
        let store = try options.openStore()
        guard let profile = try store.profile(id: profileID) else {
            Terminal.error("no profile \(profileID) in \(store.path)")
            throw ExitCode.failure
        }
        let matcher = JobMatcher(reference: try options.reference())
        let ranked = try matcher.match(profile: profile, asOf: try asOf.date(), limit: limit,
                                       postings: try DerivedIndexes.postings(of: store, synonyms: matcher.reference.synonyms), lookup: store.posting(id:))
        if json {
            // Postings only: the candidate's name and phone are not needed here and do not leave.
            print(try ResultsOutput.json(ranked.map(ResultsOutput.entry)))
        } else {
            print("Hồ sơ \(profile.id): \(profile.category.vietnameseName), \(profile.educationLevel.vietnameseName)"
                  + (profile.district.map { ", \($0)" } ?? ""))
            print(ResultsOutput.table(ranked))
        }
    }
}
