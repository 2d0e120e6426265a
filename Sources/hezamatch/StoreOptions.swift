import ArgumentParser
import Foundation
import HezaMatchCore
import JobMatching
import JobRecords
import JobStoragePostgres

/// Where the store and the reference tables are; shared by the subcommands.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The store: a SQLite file, or PostgreSQL as postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE or postgres://USER@/DATABASE?host=SOCKET_DIR (default: $HEZAMATCH_STORE, else ./hezamatch.sqlite).", valueName: "path|url"))
    var store: String?

    @Option(help: ArgumentHelp("With a PostgreSQL store: the folder of this process's saved indexes (default: $HEZAMATCH_INDEX_DIR, else ./hezamatch-index). Each replica on one machine needs its own.", valueName: "dir"))
    var indexDir: String?

    @Option(help: ArgumentHelp("The folder with places.tsv, map/ and synonyms.tsv (default: $HEZAMATCH_CORPUS, else ./Corpus).", valueName: "dir"))
    var corpus: String?

    @Option(help: "Days the access record keeps an entry (who read whose personal data).")
    var auditRetentionDays = 365

    var storePath: String {
        store ?? ProcessInfo.processInfo.environment["HEZAMATCH_STORE"] ?? "hezamatch.sqlite"
    }

    /// The store as said in messages: a PostgreSQL URL without its password.
    var storeLabel: String {
        guard PostgresStoreAddress.isPostgres(storePath) else { return storePath }
        return (try? PostgresStoreAddress(storePath))?.description ?? "(a PostgreSQL URL)"
    }

    /// Where the saved indexes are, as said in messages.
    var indexLocation: String {
        guard PostgresStoreAddress.isPostgres(storePath) else { return "beside \(storePath)" }
        return "in " + (indexDir ?? ProcessInfo.processInfo.environment["HEZAMATCH_INDEX_DIR"] ?? "hezamatch-index")
    }

    var corpusDirectory: String {
        get throws { try Self.corpusDirectory(corpus) }
    }

    /// `corpus`, else `$HEZAMATCH_CORPUS`, else `./Corpus`, else the checkout's `Corpus/`: the first that has `places.tsv`.
    static func corpusDirectory(_ corpus: String?) throws -> String {
        let candidates = [corpus, ProcessInfo.processInfo.environment["HEZAMATCH_CORPUS"], "Corpus",
                          // A checkout's Corpus/, wherever the command is run from.
                          URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                              .deletingLastPathComponent().appendingPathComponent("Corpus").path].compactMap { $0 }
        guard let directory = candidates.first(where: { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent("places.tsv")) }) else {
            throw ValidationError("cannot find places.tsv and synonyms.tsv: give --corpus DIR (the project's Corpus/ folder)")
        }
        return directory
    }

    /// The board over the store, its indexes beside it; what it rebuilds or repairs is said on standard error.
    ///
    /// - Parameter creating: whether the command may make a new SQLite store (`index`, `serve`). The others only
    ///   read or change what is stored: at a path with no store they say so and how to make one, and leave
    ///   nothing behind (no empty store, no index file).
    func openBoard(creating: Bool = false) throws -> JobBoard {
        if !creating, !PostgresStoreAddress.isPostgres(storePath), !FileManager.default.fileExists(atPath: storePath) {
            throw ValidationError("there is no store at \(storePath). Make one with `hezamatch index --store \(storePath) --postings FILE --profiles FILE` "
                + "(the bundled Corpus: --postings Corpus/postings.jsonl --profiles Corpus/profiles.jsonl), or give --store PATH or set HEZAMATCH_STORE")
        }
        do {
            let retention = Double(auditRetentionDays) * 86_400
            let log: @Sendable (String) -> Void = { Terminal.error("hezamatch: \($0)") }
            if let address = try PostgresStoreAddress(storePath) {
                let folder = indexDir ?? ProcessInfo.processInfo.environment["HEZAMATCH_INDEX_DIR"] ?? "hezamatch-index"
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let store = try PostgresJobStore(address: address)
                // Named by the database and the store's identity: two databases of one name never share a file.
                let name = "\(address.database)-\(try store.identity().prefix(12))"
                return JobBoard(store: store, reference: try ReferenceData.load(directory: try corpusDirectory),
                                indexPathPrefix: (folder as NSString).appendingPathComponent(name), accessRetention: retention, log: log)
            }
            return try JobBoard.open(storePath: storePath, corpus: try corpusDirectory, accessRetention: retention, log: log)
        } catch let error as ValidationError {
            throw error
        } catch let failure as LoadFailure {
            throw ValidationError(failure.description)
        } catch {
            throw ValidationError("cannot open the store \(storeLabel): \(error)")
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
/// A day as typed: `--from 2026-11-01` (anything else is refused by the parser, naming the option).
extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
