import ArgumentParser
import Foundation
import JobMatching
import JobRecords
import HezaMatchCore
import MatchRendering

/// `hezamatch fair --batch 2026-09`: which candidates go to which booth at a job fair.
struct FairCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fair",
        abstract: "Spread candidates across a job fair's booths by openings, and print the fair's booklet.",
        discussion: """
            Each candidate is sent to at most --per-candidate booths, each booth receives about --oversubscribe × its openings \
            candidates (at least --minimum), only candidates eligible for the posting and of its trade, with the greatest total \
            match score (an exact min-cost flow). Formats: html (the booklet: a summary page for the organisers, one A4 section \
            per booth with phones, a tick and a notes column, then one slip per candidate), csv (UTF-8 with a byte-order mark, \
            for Excel), json (docs/data-contract.md; no names or phones).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, csv, json
    }

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The postings, one booth each, in this order.", valueName: "id,id,…")) var postings: String?
    @Option(help: ArgumentHelp("Instead of --postings: every posting of this batch (its `batch` field).", valueName: "batch")) var batch: String?
    @Option(help: "Booths a candidate is sent to at most.") var perCandidate = 3
    @Option(help: "Candidates sent to a booth: about this many times its openings.") var oversubscribe = 2.0
    @Option(help: "Candidates sent to a booth at least (when enough are eligible).") var minimum = 10
    @Option(help: "Pairs below this match score are not made.") var minScore = 0.0
    @OptionGroup var asOf: AsOfOption
    @Option(help: "The fair's name, printed on every page.") var title = "Phiên giao dịch việc làm"
    @Option(help: "html, csv or json (default: the summary on the terminal).") var format: Format?
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?
    @Option(help: ArgumentHelp("Refer every candidate the plan sends to this posting's booth (one action for the booth), instead of printing the plan.", valueName: "posting"))
    var refer: String?

    func validate() throws {
        guard (postings == nil) != (batch == nil) else { throw ValidationError("give either --postings or --batch") }
        guard perCandidate >= 1 else { throw ValidationError("--per-candidate must be at least 1") }
        guard oversubscribe > 0 && oversubscribe <= 100 else { throw ValidationError("--oversubscribe must be over 0 and at most 100") }
        guard minimum >= 0 else { throw ValidationError("--minimum must be at least 0") }
    }

    func run() async throws {
        let answer: FairAnswer
        do {
            let board = try await options.openBoard()
            let chosen = try batch.map { try board.fairPostings(batch: $0) }
                ?? board.fairPostings(ids: (postings ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            var request = FairRequest(postings: chosen, asOf: try asOf.date())
            request.perCandidate = perCandidate
            request.oversubscribe = oversubscribe
            request.minimum = minimum
            request.minimumScore = minScore
            if let refer {
                let made = try await board.referFairBooth(request, posting: refer, note: nil, requester: .commandLine)
                print("\(made.count) ứng viên giới thiệu tới gian \(refer) (những người đã chờ trả lời của tin này không giới thiệu lại)")
                return
            }
            // Only the printed documents carry names and phones; the read is recorded.
            answer = try await board.fair(request, requester: format == .html || format == .csv ? .commandLine : nil)
        } catch let error as MatchError {
            Terminal.error(error.message)
            throw ExitCode.failure
        }
        let text: String
        switch format {
        case .json?: text = try JSONValueEncoder.text(answer)
        case .csv?: text = FairDocument(answer, title: title).csv
        case .html?: text = try FairDocument(answer, title: title).html()
        case nil: text = Self.summary(answer)
        }
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
                throw ValidationError("cannot write \(output)")
            }
        } else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }

    /// The figures and the booths, for the terminal: no names or phones.
    static func summary(_ answer: FairAnswer) -> String {
        let s = answer.summary
        func percent(_ part: Int, _ whole: Int) -> String { whole == 0 ? "-" : String(format: "%.1f%%", 100 * Double(part) / Double(whole)) }
        var lines = [
            "\(s.booths) booths, \(s.openings) openings, \(s.places) places; filled \(s.filled) (\(percent(s.filled, s.places))); \(s.boothsFull) booths full",
            "openings covered: \(s.openingsCovered)/\(s.openings) (\(percent(s.openingsCovered, s.openings)))",
            "candidates: \(s.candidates) in the pool, \(s.eligibleCandidates) eligible for a booth, \(s.placedCandidates) placed (\(percent(s.placedCandidates, s.eligibleCandidates))), \(answer.unplaced.count) unplaced",
            String(format: "mean score %.2f (independent shortlists of the same sizes: %.2f); scoring %.0f ms, solving %.0f ms",
                   s.meanScore, s.independentMean, s.scoringMilliseconds, s.solvingMilliseconds),
        ]
        let rows = answer.booths.map { booth in
            TerminalTable.Row(cells: ["\(booth.booth)", booth.posting, "\(booth.openings)", "\(booth.candidates.count)/\(booth.capacity)",
                                      "\(booth.eligible)", booth.employer, booth.title], detail: nil)
        }
        lines.append(TerminalTable(rows: rows, shrinkable: [5, 6], width: Terminal.width).rendered)
        lines += answer.gaps.map(\.sentence)
        return lines.joined(separator: "\n")
    }
}
