import ArgumentParser
import Foundation
import VietnameseText

/// Throughput of the full analysis (tokens with canonical and folded forms) on one core.
///
/// The input is a real HEZA report (`Benchmarks/data/heza-report-2023.txt`, NFC)
/// repeated to `--megabytes`, and the same text in NFD. Both must give the same
/// number of tokens and the same folded forms, or the run fails: a fast wrong
/// answer is not a result.
struct AnalyzeBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "MB/s of VietnameseAnalyzer on a large Vietnamese text, NFC and NFD."
    )

    @Option(help: "A UTF-8 text file to repeat (default: Benchmarks/data/heza-report-2023.txt).")
    var file: String = "Benchmarks/data/heza-report-2023.txt"

    @Option(help: "Size of the text to analyse, in MB.")
    var megabytes: Int = 64

    @Option(help: "Runs per form; the best is reported.")
    var runs: Int = 3

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file), let sample = String(data: data, encoding: .utf8) else {
            throw ValidationError("cannot read \(file) as UTF-8")
        }
        // Documents of ~2 KB, as postings and profiles are: split the sample into lines.
        let lines = sample.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        var nfc: [String] = []
        var bytes = 0
        while bytes < megabytes * 1_000_000 {
            for line in lines {
                nfc.append(line)
                bytes += line.utf8.count
            }
        }
        let nfd = nfc.map { $0.decomposedStringWithCanonicalMapping }
        let analyzer = VietnameseAnalyzer()

        func measure(_ documents: [String]) -> (mbPerSecond: Double, tokens: Int, foldedBytes: Int) {
            let size = documents.reduce(0) { $0 + $1.utf8.count }
            var best = Double.infinity
            var tokens = 0
            var foldedBytes = 0
            for _ in 0..<runs {
                tokens = 0
                foldedBytes = 0
                let clock = ContinuousClock()
                let elapsed = clock.measure {
                    for document in documents {
                        analyzer.forEachToken(in: document) { _, canonical, folded in
                            tokens += 1
                            foldedBytes &+= folded.count &+ canonical.count
                        }
                    }
                }
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                best = min(best, seconds)
            }
            return (Double(size) / 1e6 / best, tokens, foldedBytes)
        }

        let nfcResult = measure(nfc)
        let nfdResult = measure(nfd)
        let nfdBytes = nfd.reduce(0) { $0 + $1.utf8.count }
        print("""
            {"benchmark":"analyze","documents":\(nfc.count),"nfc_bytes":\(bytes),"nfd_bytes":\(nfdBytes),\
            "tokens":\(nfcResult.tokens),"nfc_mb_per_s":\(String(format: "%.1f", nfcResult.mbPerSecond)),\
            "nfd_mb_per_s":\(String(format: "%.1f", nfdResult.mbPerSecond)),\
            "tokens_per_s_millions":\(String(format: "%.2f", Double(nfcResult.tokens) * nfcResult.mbPerSecond / (Double(bytes) / 1e6) / 1e6))}
            """)
        guard nfcResult.tokens == nfdResult.tokens, nfcResult.foldedBytes == nfdResult.foldedBytes else {
            throw ValidationError("NFC gave \(nfcResult.tokens) tokens, NFD \(nfdResult.tokens): the analyzer disagrees with itself")
        }
    }
}
