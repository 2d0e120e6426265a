import ArgumentParser
import Foundation
import VietnameseText

/// How often ``KeystrokeDecoder`` decodes right, and how often it converts a word it must not.
///
/// `--pairs FILE`: `typed<TAB>expected` lines (made by `Benchmarks/typing/make_pairs.py` from real
/// Vietnamese text by the rules of Telex, VNI and VIQR); a pair is right when the decoder gives the
/// expected syllable. `--words FILE`: one word a line that must stay as typed (English and technical
/// words); every word the decoder turns into a syllable is a false conversion. The decoder alone is
/// measured: the query path also keeps every word of the index as typed.
struct KeystrokeBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keystrokes",
        abstract: "Decode accuracy of Telex/VNI/VIQR keystrokes, and false conversions of English words."
    )

    @Option(help: "typed<TAB>expected pairs.") var pairs: String?
    @Option(help: "Words that must stay as typed, one a line.") var words: String?
    @Option(help: "How many failures to print.") var show: Int = 15
    @Flag(help: "Time the query pre-pass on queries that need no decoding and on queries typed as keystrokes.") var timing = false

    func run() throws {
        if let pairs {
            let lines = try String(contentsOfFile: pairs, encoding: .utf8).split(separator: "\n")
            var right = 0, byMethod: [String: (Int, Int)] = [:]
            var wrong: [String] = []
            for line in lines {
                let columns = line.split(separator: "\t")
                guard columns.count >= 2 else { continue }
                let method = columns.count > 2 ? String(columns[2]) : "all"
                // A word the decoder keeps as typed is right when it was already the word (`a`, `ba`, `9`).
                let decoded = KeystrokeDecoder.decode(columns[0])
                let ok = (decoded ?? String(columns[0])) == String(columns[1])
                if ok { right += 1 } else if wrong.count < show { wrong.append("\(columns[0]) → \(decoded ?? "(kept)"), expected \(columns[1]) [\(method)]") }
                byMethod[method, default: (0, 0)].0 += ok ? 1 : 0
                byMethod[method, default: (0, 0)].1 += 1
            }
            print("pairs: \(lines.count), decoded right: \(right) (\(String(format: "%.2f", 100 * Double(right) / Double(max(1, lines.count))))%)")
            for (method, (ok, all)) in byMethod.sorted(by: { $0.key < $1.key }) {
                print("  \(method): \(ok)/\(all) (\(String(format: "%.2f", 100 * Double(ok) / Double(max(1, all))))%)")
            }
            for failure in wrong { print("  wrong: \(failure)") }
        }
        if timing {
            // The pre-pass as the search runs it, every word kept when the index has it (here: none).
            let plain = ["tho han", "công nhân may", "ky su dien tu", "nhân viên kho Đình Vũ", "lái xe nâng", "QC ISO 9001", "welder 6G", "bảo vệ"]
            let typed = ["kyx suw ddieenj tuwr", "thowj hanf", "cong nhaan", "ddaij hocj", "ky4 su7 d9ie65n tu73"]
            let clock = ContinuousClock()
            for (name, queries) in [("needing none", plain), ("typed as keystrokes", typed)] {
                var changed = 0
                let rounds = 20_000
                let elapsed = clock.measure {
                    for _ in 0..<rounds { for query in queries where KeystrokeDecoder.decodeQuery(query, keep: { _ in false }).changed { changed += 1 } }
                }
                let perQuery = Double(elapsed.components.attoseconds / 1_000_000_000 + elapsed.components.seconds * 1_000_000_000) / Double(rounds * queries.count)
                print("pre-pass on queries \(name): \(String(format: "%.2f", perQuery / 1000)) µs a query (\(changed / rounds) of \(queries.count) changed)")
            }
        }
        if let words {
            let list = try String(contentsOfFile: words, encoding: .utf8).split(separator: "\n").filter { !$0.isEmpty }
            var converted: [String] = []
            for word in list { if let syllable = KeystrokeDecoder.decode(word) { converted.append("\(word) → \(syllable)") } }
            print("words that must stay: \(list.count), converted: \(converted.count) (\(String(format: "%.2f", 100 * Double(converted.count) / Double(max(1, list.count))))%)")
            for item in converted.prefix(show) { print("  converted: \(item)") }
        }
    }
}
