import ArgumentParser
import Foundation
import JobMatching
import JobRecords
import JobStorage
import MatchRendering
import HezaMatchCore

/// Where the store and the reference tables are; shared by the subcommands.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The SQLite store (default: $HEZAMATCH_STORE, else ./hezamatch.sqlite).", valueName: "path"))
    var store: String?

    @Option(help: ArgumentHelp("The folder with places.tsv and synonyms.tsv (default: $HEZAMATCH_CORPUS, else ./Corpus).", valueName: "dir"))
    var corpus: String?

    var storePath: String {
        store ?? ProcessInfo.processInfo.environment["HEZAMATCH_STORE"] ?? "hezamatch.sqlite"
    }

    func openStore() throws -> JobStore {
        do {
            return try JobStore(path: storePath)
        } catch {
            throw ValidationError("cannot open the store \(storePath): \(error)")
        }
    }

    func reference() throws -> ReferenceData {
        let candidates = [corpus, ProcessInfo.processInfo.environment["HEZAMATCH_CORPUS"], "Corpus",
                          // A checkout's Corpus/, wherever the command is run from.
                          URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                              .deletingLastPathComponent().appendingPathComponent("Corpus").path].compactMap { $0 }
        guard let directory = candidates.first(where: { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent("places.tsv")) }) else {
            throw ValidationError("cannot find places.tsv and synonyms.tsv: give --corpus DIR (the project's Corpus/ folder)")
        }
        return try ReferenceData.load(directory: directory)
    }
}

/// `--as-of`: the day eligibility is judged on (deadlines, ages).
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day to judge deadlines and ages on (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    func date() throws -> CalendarDate {
        if let asOf {
            guard let date = CalendarDate(asOf) else { throw ValidationError("--as-of \(asOf): expected a date as YYYY-MM-DD") }
            return date
        }
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}

/// Writes to standard error (messages, progress); never personal data.
enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Whether standard error is a terminal (progress is shown only then).
    static var showsProgress: Bool { isatty(2) == 1 }

    static func progress(_ label: String, _ done: Int, _ total: Int) {
        guard showsProgress, total > 0 else { return }
        let percent = done * 100 / total
        FileHandle.standardError.write(Data("\r\(label) \(percent)%".utf8))
        if done >= total { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
