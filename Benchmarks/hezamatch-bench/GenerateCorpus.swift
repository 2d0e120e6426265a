import ArgumentParser
import Foundation

/// `hezamatch-bench generate`: writes the synthetic corpus and queries as files
/// any engine can read: `{"id": "d0", "text": "…"}` lines, and one query a line.
struct GenerateCorpus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a reproducible Vietnamese-like corpus (JSON Lines) and queries (one a line)."
    )

    @Option(help: "Documents to write.") var documents = 200_000
    @Option(help: "Queries to write.") var queries = 1_000
    @Option(help: "Average syllables a document.") var length = 80
    @Option(help: "Random seed.") var seed: UInt64 = 2026
    @Option(help: "Topics: half of a document's words (and of a query's) from its topic's own frequent words; 0 for none.")
    var topics = 0
    @Option(help: "Documents file.") var docsOut = "bench-data/docs.jsonl"
    @Option(help: "Queries file.") var queriesOut = "bench-data/queries.txt"

    func run() throws {
        var corpus = SyntheticCorpus(seed: seed)
        corpus.topics = topics
        for path in [docsOut, queriesOut] {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        }
        guard FileManager.default.createFile(atPath: docsOut, contents: nil),
              let handle = FileHandle(forWritingAtPath: docsOut) else { throw ValidationError("cannot write \(docsOut)") }
        var buffer = ""
        for n in 0..<documents {
            buffer += "{\"id\":\"d\(n)\",\"text\":\"\(corpus.document(averageLength: length))\"}\n"
            if buffer.utf8.count > 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        handle.write(Data(buffer.utf8))
        try handle.close()
        // Queries come from a generator of their own, so that they do not depend on the corpus size.
        var queryCorpus = SyntheticCorpus(seed: seed)
        queryCorpus.reseed(seed &+ 1)
        queryCorpus.topics = topics
        let lines = (0..<queries).map { _ in queryCorpus.query() }
        try (lines.joined(separator: "\n") + "\n").write(toFile: queriesOut, atomically: true, encoding: .utf8)
        FileHandle.standardError.write(Data("wrote \(documents) documents to \(docsOut), \(queries) queries to \(queriesOut) (\(corpus.syllables.count) distinct syllables)\n".utf8))
    }
}
