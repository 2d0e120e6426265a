import ArgumentParser
import Foundation
import JobMatching
import JobRecords
import JobStorage
import MatchRendering
import HezaMatchCore

/// `hezamatch index`: loads postings and profiles into the store, all or nothing.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Load postings and/or profiles (JSON Lines, SCHEMA.md) into the store, all or nothing.",
        discussion: """
            A file with bad lines is refused whole: every bad line is listed (the first 20 and a count) with its file, \
            line and field, and nothing already stored changes. A record whose id is already stored replaces it. \
            FILE may be - for standard input.
            """
    )

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("Job postings (JSON Lines).", valueName: "file")) var postings: String?
    @Option(help: ArgumentHelp("Candidate profiles (JSON Lines).", valueName: "file")) var profiles: String?

    func validate() throws {
        guard postings != nil || profiles != nil else { throw ValidationError("give --postings FILE, --profiles FILE, or both") }
        if postings == "-" && profiles == "-" { throw ValidationError("only one of the files can be standard input") }
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        var failures: [LoadFailure] = []
        var postingRecords: [JSONLinesLoader.Record<JobPosting>] = []
        var profileRecords: [JSONLinesLoader.Record<CandidateProfile>] = []
        do {
            if let postings { postingRecords = try JSONLinesLoader.load(JobPosting.self, from: try read(postings), file: name(postings), progress: progress(postings)) }
        } catch let failure as LoadFailure { failures.append(failure) }
        do {
            if let profiles { profileRecords = try JSONLinesLoader.load(CandidateProfile.self, from: try read(profiles), file: name(profiles), progress: progress(profiles)) }
        } catch let failure as LoadFailure { failures.append(failure) }
        if !failures.isEmpty {
            let problems = failures.flatMap(\.problems)
            Terminal.error(LoadFailure(problems: Array(problems.prefix(LoadFailure.listedLimit)), count: failures.reduce(0) { $0 + $1.count }).description)
            throw ExitCode.failure
        }
        let store = try options.openStore()
        let synonyms = try options.reference().synonyms
        let counts = try store.upsert(postings: postingRecords, profiles: profileRecords)
        // Build (and cache) the indexes now, so that the first query is fast.
        if !postingRecords.isEmpty { _ = try DerivedIndexes.postings(of: store, synonyms: synonyms) }
        if !profileRecords.isEmpty { _ = try DerivedIndexes.profiles(of: store, synonyms: synonyms) }
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        print("loaded \(postingRecords.count) postings and \(profileRecords.count) profiles in \(String(format: "%.2f", seconds)) s; "
              + "the store \(store.path) holds \(counts.postings) postings and \(counts.profiles) profiles")
    }

    private func name(_ path: String) -> String { path == "-" ? "<stdin>" : path }

    private func read(_ path: String) throws -> [UInt8] {
        if path == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
        return [UInt8](data)
    }

    private func progress(_ path: String) -> ((Int, Int) -> Void)? {
        Terminal.showsProgress ? { done, total in Terminal.progress("reading \(self.name(path))", done, total) } : nil
    }
}
