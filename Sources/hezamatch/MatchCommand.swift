import ArgumentParser
import Foundation
import JobMatching
import HezaMatchCore
import MatchRendering

/// `hezamatch match PROFILE_ID`: "which jobs fit this candidate, and why?"
struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "The postings a candidate is eligible for, best first, each with its reasons in Vietnamese."
    )

    @OptionGroup var options: StoreOptions
    @Argument(help: "The candidate's profile id.") var profileID: String
    @Option(help: "Postings to show.") var limit = 10
    @OptionGroup var asOf: AsOfOption
    @Flag(help: "Print {\"results\": [...]} (docs/data-contract.md). No name or phone: they are not needed here.") var json = false

    func run() async throws {
        let answer: MatchAnswer
        do {
            answer = try await options.openBoard().matches(for: profileID, asOf: try asOf.date(), limit: limit, requester: .commandLine)
        } catch let error as MatchError {
            Terminal.error(error.message)
            throw ExitCode.failure
        }
        if json {
            try printJSON(answer)
        } else {
            let candidate = answer.candidate
            print("Hồ sơ \(candidate.id): \(candidate.category.vietnameseName), \(candidate.education.vietnameseName)"
                  + (candidate.district.map { ", \($0)" } ?? ""))
            print(PostingTable.render(answer.results))
        }
    }
}
