import ArgumentParser
import Foundation
import SearchIndex

/// `hezamatch-bench index`: builds an index from a generic workload and times queries.
///
/// Prints one JSON object: `{"docs", "build_seconds", "index_bytes", "p50_us", "p99_us",
/// "qps", "results"}`; latency is per query, single thread, warm (every query runs
/// once before timing), the median of `--repeat` runs of each query.
struct IndexBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build an index from {\"id\",\"text\"} JSON Lines and time top-k queries."
    )

    @Option(help: "Documents: JSON Lines {\"id\": …, \"text\": …}.") var docs: String?
    @Option(help: "Generate this many synthetic documents in memory instead of reading --docs.") var synthetic: Int?
    @Option(help: "Seed of the synthetic documents.") var seed: UInt64 = 2026
    @Option(help: "Queries, one a line.") var queries: String
    @Option(help: "or: ranked OR; and: every term required.") var mode = "or"
    @Option(help: "Hits a query.") var k = 10
    @Flag(help: "Keep positions (for phrase queries); off by default, as in the peer comparison.") var positions = false
    @Option(help: "Weight of accent-exact matches (0 = plain BM25 on folded terms, as the peers).") var accentBonus = 0.0
    @Option(help: "Documents a segment while building (several segments are built on both cores).") var segmentSize = 0
    @Option(help: "Runs of each query; the median is its latency.") var `repeat` = 3
    @Flag(help: "Leave the result ids out of the output.") var noResults = false
    @Flag(help: "Also print each query's median latency to standard error (µs, a tab, the query): which queries make the p99.")
    var perQuery = false
    @Flag(help: "Also print each hit's score (to see which differences from a peer are ties).") var withScores = false
    @Flag(help: "Also print where the bytes go: each section's bytes, and bytes per posting, term and document.") var sizes = false
    @Option(help: "Also save the index to this file (index_bytes is its size).") var save: String?
    @Option(help: "Open this saved index (memory-mapped) instead of building one; --docs and --synthetic are not read.")
    var open: String?
    @Flag(help: "Merge the built segments into one before saving and searching (SearchIndex.optimize).") var optimize = false
    @Flag(help: "Merge into one segment (as --optimize) and renumber documents by recursive graph bisection.") var reorder = false

    func run() throws {
        let schema = IndexSchema(textFields: [.init("text", storesPositions: positions)], accentBonus: accentBonus)
        let queryLines = try String(contentsOfFile: queries, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.isEmpty }

        let clock = ContinuousClock()
        var build = Duration.zero, merge = Duration.zero
        let index: SearchIndex
        let indexBytes: Int
        if let open {
            index = try SearchIndex.open(path: open, schema: schema, maximumSegments: 64)
            indexBytes = Self.fileSize(open)
        } else {
            index = SearchIndex(schema: schema, maximumSegments: 64)
            try buildIndex(index, time: &build, clock: clock)
            if optimize || reorder { merge = clock.measure { index.optimize(reorderingDocuments: reorder) } }
            let path = save ?? NSTemporaryDirectory() + "hezamatch-bench-\(getpid()).hzix"
            try index.save(to: path)
            indexBytes = Self.fileSize(path)
            if save == nil { try? FileManager.default.removeItem(atPath: path) }
        }
        let documentCount = index.documentCount

        let searchMode: SearchQuery.Mode = mode == "and" ? .all : .any
        var results: [[String]] = []
        var scores: [[Double]] = []
        for line in queryLines {  // warm-up, and the results
            let hits = try index.search(SearchQuery(line, mode: searchMode, limit: k)).hits
            results.append(hits.map(\.id))
            if withScores { scores.append(hits.map(\.score)) }
        }
        var latencies: [Double] = []
        var total = 0.0
        for line in queryLines {
            var runs: [Double] = []
            for _ in 0..<max(1, `repeat`) {
                let query = SearchQuery(line, mode: searchMode, limit: k)
                let elapsed = try clock.measure { _ = try index.search(query) }
                runs.append(Self.seconds(elapsed))
            }
            runs.sort()
            latencies.append(runs[runs.count / 2])
            if perQuery { FileHandle.standardError.write(Data("\(Self.round(runs[runs.count / 2] * 1e6, 1))\t\(line)\n".utf8)) }
            total += runs.reduce(0, +)
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double { latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        var output: [String: Any] = [
            "engine": "hezamatch",
            "docs": documentCount,
            "segments": index.snapshot.segments.count,
            "positions": positions,
            "mode": mode,
            "k": k,
            "build_seconds": Self.round(Self.seconds(build), 3),
            "merge_seconds": Self.round(Self.seconds(merge), 3),
            "index_bytes": indexBytes,
            "p50_us": Self.round(percentile(0.5) * 1e6, 1),
            "p99_us": Self.round(percentile(0.99) * 1e6, 1),
            "qps": Self.round(Double(queryLines.count * max(1, `repeat`)) / total, 0),
            "peak_rss_mb": Self.round(Double(Self.peakResidentKilobytes()) / 1024, 0),
        ]
        if !noResults { output["results"] = results }
        if withScores { output["scores"] = scores }
        if sizes {
            let breakdown = index.snapshot.sizeBreakdown()
            output["sizes"] = breakdown.sections
            output["postings"] = breakdown.postings
            output["terms"] = breakdown.terms
        }
        let data = try JSONSerialization.data(withJSONObject: output, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    /// Builds from --docs, or from --synthetic documents generated a batch at a time (so
    /// that ten million need not be held as strings at once); only adding is timed.
    private func buildIndex(_ index: SearchIndex, time build: inout Duration, clock: ContinuousClock) throws {
        if let synthetic {
            var corpus = SyntheticCorpus(seed: seed)
            let batch = segmentSize > 0 ? segmentSize : (synthetic + 1) / 2
            let chunk = max(1, batch) * 2  // two segments at a time, one a core
            var next = 0
            while next < synthetic {
                let end = min(synthetic, next + chunk)
                let documents = (next..<end).map { IndexDocument(id: "d\($0)", text: ["text": corpus.document()]) }
                build += try clock.measure { try index.addInParallel(documents, batchSize: max(1, batch)) }
                next = end
            }
            return
        }
        let documents = try loadDocuments()
        let batch = segmentSize > 0 ? segmentSize : (documents.count + 1) / 2
        build = try clock.measure { try index.addInParallel(documents, batchSize: max(1, batch)) }
    }

    private func loadDocuments() throws -> [IndexDocument] {
        guard let docs else { throw ValidationError("give --docs FILE or --synthetic N") }
        struct Line: Decodable { var id: String; var text: String }
        let decoder = JSONDecoder()
        var documents: [IndexDocument] = []
        let content = try String(contentsOfFile: docs, encoding: .utf8)
        for (number, line) in content.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            do {
                let parsed = try decoder.decode(Line.self, from: Data(line.utf8))
                documents.append(IndexDocument(id: parsed.id, text: ["text": parsed.text]))
            } catch {
                throw ValidationError("\(docs):\(number + 1): not a {\"id\", \"text\"} object: \(error)")
            }
        }
        return documents
    }

    /// The size of the file at `path` in bytes (-1 when it cannot be read).
    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? -1
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    static func round(_ value: Double, _ digits: Int) -> Double {
        let scale = pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }

    /// The process's peak resident memory (VmHWM), in kB.
    static func peakResidentKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" })[1]) ?? -1
        }
        return -1
    }
}
