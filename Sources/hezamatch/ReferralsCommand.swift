import ArgumentParser
import Foundation
import HezaMatchCore
import JobMatching
import JobRecords

/// Referral states and refusal reasons as typed: `--status hired`, `--reason salary`.
extension Referral.Status: ExpressibleByArgument {}
extension Referral.RefusalReason: ExpressibleByArgument {}
extension OutcomeReport.Grouping: ExpressibleByArgument {}

/// `hezamatch refer C-… P-…`: a counsellor introduces a candidate to a posting.
struct ReferCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refer",
        abstract: "Refer a candidate to a posting (remembering the rank, score and reasons the shortlist gives them today).",
        discussion: "The employer answers on /employer or PATCH /v1/referrals/{id}; `hezamatch referrals` lists and answers them."
    )

    @OptionGroup var options: StoreOptions
    @Argument(help: "The candidate's id.") var candidate: String
    @Argument(help: "The posting's id.") var posting: String
    @Option(help: "A note for the employer (at most 500 characters).") var note: String?
    @OptionGroup var asOf: AsOfOption
    @Flag(help: "Print the referral as JSON.") var json = false

    func run() async throws {
        let referral = try await reporting {
            try await options.openBoard().refer(Referral.Request(candidate: candidate, posting: posting, note: note), source: .cli,
                                                asOf: try asOf.date(), requester: .commandLine)
        }
        if json { return try printJSON(referral) }
        print("\(referral.id): \(candidate) giới thiệu tới \(posting) (\(referral.employer))"
              + (referral.rank.map { ", hạng \($0) trong danh sách" } ?? ", ngoài 500 người đầu danh sách"))
    }
}

/// `hezamatch referrals`: list, answer, close, simulate.
struct ReferralsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referrals",
        abstract: "Referrals and the employers' answers.",
        subcommands: [ReferralsListCommand.self, ReferralsAnswerCommand.self, ReferralsCloseCommand.self, ReferralsSimulateCommand.self]
    )
}

struct ReferralsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Referrals, newest first (ids only: no names or phones).")

    @OptionGroup var options: StoreOptions
    @Option(help: "Only this posting's.") var posting: String?
    @Option(help: "Only this candidate's.") var candidate: String?
    @Option(help: "Only those in this state.") var status: Referral.Status?
    @Option(help: "At most this many.") var limit = 100
    @Flag(help: "JSON lines, one referral a line.") var json = false

    func run() async throws {
        let found = try options.openBoard().referrals(posting: posting, candidate: candidate, status: status,
                                                      for: .counsellor(.commandLine), limit: limit)
        for referral in found {
            if json { try printJSON(referral); continue }
            let rank = referral.rank.map { "hạng \($0)" } ?? "ngoài danh sách"
            print("\(referral.id)  \(Instant.text(referral.referredAt).prefix(10))  \(referral.candidate ?? "(đã xóa)")  → \(referral.posting)  "
                  + "\(referral.status.vietnameseName)\(referral.refusal.map { " (\($0.vietnameseName))" } ?? "")  \(rank)")
        }
        if found.isEmpty && !json { Terminal.error("no referral") }
    }
}

struct ReferralsAnswerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "Record an employer's answer (as a counsellor who heard it).",
        discussion: "States: contacted, interview (--interview-at), hired, refused (--reason: \(Referral.RefusalReason.allCases.map(\.rawValue).joined(separator: ", ")))."
    )

    @OptionGroup var options: StoreOptions
    @Argument(help: "The referral's id.") var id: String
    @Argument(help: "The new state.") var status: Referral.Status
    @Option(help: "Why a refusal.") var reason: Referral.RefusalReason?
    @Option(help: ArgumentHelp("An interview's date, or date and time.", valueName: "YYYY-MM-DD[THH:MM]")) var interviewAt: String?
    @Option(help: "A short note.") var note: String?

    func run() async throws {
        let answer = Referral.Answer(status: status, reason: reason, note: note, interviewAt: interviewAt)
        if let problem = answer.validationProblems().first { throw ValidationError("\(problem.field ?? ""): \(problem.message)") }
        let referral = try await reporting {
            try await options.openBoard().answerReferral(id: id, answer, by: .counsellor(.commandLine))
        }
        print("\(referral.id): \(referral.status.vietnameseName)")
    }
}

struct ReferralsCloseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close referrals left without an answer (referred or contacted) for more than --days days as \"không phản hồi\"."
    )

    @OptionGroup var options: StoreOptions
    @Option(help: "Days an employer has to answer.") var days = 14

    func run() async throws {
        guard days >= 1 else { throw ValidationError("--days must be at least 1") }
        let closed = try await options.openBoard().closeUnanswered(days: days)
        print("\(closed) giới thiệu đóng lại: không phản hồi sau \(days) ngày")
    }
}

/// `hezamatch referrals simulate`: referrals and answers made up for a demonstration, marked `generated`.
struct ReferralsSimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Make GENERATED referrals and employers' answers for a demonstration (source: generated; not real outcomes).",
        discussion: """
            For the first --postings open postings (by id), refers --per-posting candidates drawn from the first 30 of each \
            shortlist and answers them at random, hiring those ranked higher a little more often. Every one is marked \
            generated (source, note, and the counts of `outcomes` and `evaluate --outcomes`): they show the machinery, and \
            say nothing of the ranking's quality.
            """
    )

    @OptionGroup var options: StoreOptions
    @Option(help: "Postings to refer candidates to.") var postings = 40
    @Option(help: "Candidates referred to each.") var perPosting = 6
    @Option(help: "The random generator's seed (the same seed, the same answers).") var seed: UInt64 = 7
    @OptionGroup var asOf: AsOfOption

    func run() async throws {
        let board = try options.openBoard()
        let summary = try await reporting {
            try await board.simulateReferrals(postings: postings, perPosting: perPosting, seed: seed, asOf: try asOf.date())
        }
        print("GENERATED for a demonstration: \(summary.referrals) referrals to \(summary.postings) postings, \(summary.answered) answered")
    }
}

/// `hezamatch outcomes`: what became of referrals.
struct OutcomesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcomes",
        abstract: "Referrals, contacts, interviews, hires, refusals by reason, and the median days to an answer and to a hire.",
        discussion: "The period is of the day each referral was made (Hải Phòng time), both ends included."
    )

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("From this day.", valueName: "YYYY-MM-DD")) var from: CalendarDate?
    @Option(help: ArgumentHelp("To this day.", valueName: "YYYY-MM-DD")) var to: CalendarDate?
    @Option(help: "Rows by category, zone, occupation, counsellor or employer.") var by: OutcomeReport.Grouping?
    @Flag(help: "JSON (docs/data-contract.md).") var json = false

    func run() async throws {
        let report = try options.openBoard().outcomes(from: from, to: to, groupedBy: by)
        if json { return try printJSON(report) }
        print(Self.table(report))
    }

    static func table(_ report: OutcomeReport) -> String {
        var lines = ["| \(report.groupedBy?.rawValue ?? "") | referrals | contacted | interviews | hires | hire rate | refused | no answer | waiting | days to answer | days to hire |",
                     "|---|---|---|---|---|---|---|---|---|---|---|"]
        func line(_ row: OutcomeReport.Row) -> String {
            let reasons = row.refusalsByReason.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            return "| \(row.key) | \(row.referrals) | \(row.contacted) | \(row.interviews) | \(row.hires) | \(String(format: "%.1f%%", row.hireRate * 100)) | "
                + "\(row.refusals)\(reasons.isEmpty ? "" : " (\(reasons))") | \(row.noAnswer) | \(row.waiting) | "
                + "\(row.medianDaysToAnswer.map { String(format: "%.1f", $0) } ?? "–") | \(row.medianDaysToHire.map { String(format: "%.1f", $0) } ?? "–") |"
        }
        lines += report.rows.map(line)
        lines.append(line(report.total))
        if report.generated > 0 { lines.append("\n\(report.generated) of \(report.total.referrals) referrals were GENERATED for a demonstration: not real outcomes.") }
        return lines.joined(separator: "\n")
    }
}

/// Runs `body`, saying a library's refusal on standard error and exiting with failure.
func reporting<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as MatchError {
        Terminal.error(error.message)
        throw ExitCode.failure
    } catch let error as ReferralError {
        Terminal.error(error.message)
        throw ExitCode.failure
    }
}
