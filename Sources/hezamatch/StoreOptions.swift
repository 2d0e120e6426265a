import ArgumentParser
import Foundation
import HezaMatchCore
import JobRecords

/// Where the store and the reference tables are; shared by the subcommands.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The SQLite store (default: $HEZAMATCH_STORE, else ./hezamatch.sqlite).", valueName: "path"))
    var store: String?

    @Option(help: ArgumentHelp("The folder with places.tsv and synonyms.tsv (default: $HEZAMATCH_CORPUS, else ./Corpus).", valueName: "dir"))
    var corpus: String?

    @Option(help: "Days the access record keeps an entry (who read whose personal data).")
    var auditRetentionDays = 365

    var storePath: String {
        store ?? ProcessInfo.processInfo.environment["HEZAMATCH_STORE"] ?? "hezamatch.sqlite"
    }

    var corpusDirectory: String {
        get throws {
            let candidates = [corpus, ProcessInfo.processInfo.environment["HEZAMATCH_CORPUS"], "Corpus",
                              // A checkout's Corpus/, wherever the command is run from.
                              URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                                  .deletingLastPathComponent().appendingPathComponent("Corpus").path].compactMap { $0 }
            guard let directory = candidates.first(where: { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent("places.tsv")) }) else {
                throw ValidationError("cannot find places.tsv and synonyms.tsv: give --corpus DIR (the project's Corpus/ folder)")
            }
            return directory
        }
    }

    /// The board over the store, its indexes beside it; what it rebuilds or repairs is said on standard error.
    func openBoard() throws -> JobBoard {
        do {
            return try JobBoard.open(storePath: storePath, corpus: try corpusDirectory, accessRetention: Double(auditRetentionDays) * 86_400,
                                     log: { Terminal.error("hezamatch: \($0)") })
        } catch let error as ValidationError {
            throw error
        } catch let failure as LoadFailure {
            throw ValidationError(failure.description)
        } catch {
            throw ValidationError("cannot open the store \(storePath): \(error)")
        }
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

/// Schema values as command-line arguments: `--education upper_secondary`.
extension EducationLevel: ExpressibleByArgument {}
extension CandidateCategory: ExpressibleByArgument {}
