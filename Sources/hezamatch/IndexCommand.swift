import ArgumentParser
import Foundation
import HezaMatchCore
import JobRecords

/// `hezamatch index`: loads postings and profiles into the store, all or nothing.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Load postings and/or profiles (JSON Lines; see docs/data-contract.md) into the store, all or nothing.",
        discussion: """
            A file with bad lines is refused whole: every bad line is listed (the first 20 and a count) with its file, \
            line and field, and nothing already stored changes. A record whose id is already stored replaces it. \
            FILE may be - for standard input. The search indexes are built while the files are read, and saved \
            beside the store.
            """
    )

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("Job postings (JSON Lines).", valueName: "file")) var postings: String?
    @Option(help: ArgumentHelp("Candidate profiles (JSON Lines).", valueName: "file")) var profiles: String?
    @Option(help: ArgumentHelp("""
        The files' text: auto (UTF-8; a line that is not is read in the old encoding that makes it Vietnamese, and text \
        once misread as Windows-1252 is repaired; what was decided is said), utf8 (as written), tcvn3, vni, viscii, \
        cp1258 or viqr (every value read in it).
        """, valueName: "encoding")) var encoding: ImportEncoding = .auto

    func validate() throws {
        guard postings != nil || profiles != nil else { throw ValidationError("give --postings FILE, --profiles FILE, or both") }
        if postings == "-" && profiles == "-" { throw ValidationError("only one of the files can be standard input") }
    }

    @Sendable private static func showProgress(_ file: String, _ done: Int, _ total: Int?) {
        Terminal.progress("reading \(file)", done, total)
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let board = try options.openBoard(creating: true)
        let report: JobBoard.LoadReport
        do {
            report = try board.load(postings: postings, profiles: profiles, encoding: encoding, progress: Self.showProgress)
            Terminal.endProgress()
        } catch let failure as LoadFailure {
            Terminal.endProgress()
            Terminal.error(failure.description)
            throw ExitCode.failure
        }
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        for sentence in report.encodings { print(sentence) }
        print("loaded \(report.postingsLoaded) postings and \(report.profilesLoaded) profiles in \(String(format: "%.2f", seconds)) s; "
              + "the store \(options.storeLabel) holds \(report.postingsInStore) postings and \(report.profilesInStore) profiles")
    }
}

extension ImportEncoding: ExpressibleByArgument {}
