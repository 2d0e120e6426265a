import ArgumentParser
import Foundation
import VietnameseText

/// How often ``AccentRestorer`` puts back the accents of text typed without them, on text held
/// out of what it learned from.
///
/// `--postings FILE` (JSON Lines): each posting's title, skills, description and requirements,
/// split into a training and a held-out part (every `--fold`-th posting held out), or `--text
/// FILE` (plain text): split by line the same way. Each field of the held-out text that was
/// written with accents (the Corpus also has fields typed without any, which cannot be the
/// reference) is stripped of them, restored, and compared syllable by syllable with the
/// original (lower case, canonical tone placement). Counted: every syllable of letters; and
/// apart, those whose accented form differs from their folded one (the ones that need restoring).
struct AccentBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accents",
        abstract: "Syllable accuracy of accent restoration on held-out text."
    )

    @Option(help: "Postings (JSON Lines) to learn from and test on.") var postings: String?
    @Option(help: "Plain text (one document a line) to learn from and test on.") var text: String?
    @Option(help: "Every n-th document is held out.") var fold: Int = 5
    @Option(help: "How many wrong syllables to print.") var show: Int = 12

    func run() throws {
        var documents: [String] = []
        if let postings {
            for line in try String(contentsOfFile: postings, encoding: .utf8).split(separator: "\n") {
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
                var parts = [object["title"] as? String, object["description"] as? String, object["requirements"] as? String]
                parts += ((object["skills"] as? [String]) ?? []).map { Optional($0) }
                documents.append(parts.compactMap { $0 }.joined(separator: "\n"))
            }
        }
        if let text {
            documents += try String(contentsOfFile: text, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        }
        guard !documents.isEmpty else { throw ValidationError("give --postings or --text") }
        let training = documents.indices.filter { $0 % fold != 0 }.flatMap { documents[$0].split(separator: "\n").map(String.init) }
        let heldOut = documents.indices.filter { $0 % fold == 0 }.map { documents[$0] }
        let clock = ContinuousClock()
        var restorer = AccentRestorer()
        let learned = clock.measure { restorer = AccentRestorer(texts: training) }
        let analyzer = VietnameseAnalyzer()
        var syllables = 0, right = 0, marked = 0, markedRight = 0, unseen = 0
        var wrong: [String: Int] = [:]
        var restoring = Duration.zero
        for document in heldOut.flatMap({ $0.split(separator: "\n").map(String.init) })
        where analyzer.tokens(in: document).contains(where: { $0.canonical != $0.folded }) {
            let stripped = analyzer.tokens(in: document).map(\.folded).joined(separator: " ")
            var restored = ""
            restoring += clock.measure { restored = restorer.restore(stripped) }
            let expected = analyzer.tokens(in: document).map(\.canonical)
            let got = analyzer.tokens(in: restored).map(\.canonical)
            guard expected.count == got.count else { continue }
            for (want, have) in zip(expected, got) where want.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) && !want.contains(where: \.isNumber) {
                syllables += 1
                let needs = analyzer.foldedText(want) != want
                if needs { marked += 1 }
                if want == have {
                    right += 1
                    if needs { markedRight += 1 }
                } else {
                    wrong["\(have) ≠ \(want)", default: 0] += 1
                    if have == analyzer.foldedText(want) { unseen += 1 }
                }
            }
        }
        func percent(_ a: Int, _ b: Int) -> String { String(format: "%.2f%%", 100 * Double(a) / Double(max(1, b))) }
        print("documents: \(training.count) to learn from, \(heldOut.count) held out (every \(fold)th); learned in \(learned)")
        print("syllables held out: \(syllables); restored right: \(right) (\(percent(right, syllables)))")
        print("  of them with accents: \(marked); right: \(markedRight) (\(percent(markedRight, marked))); left bare (never seen): \(unseen)")
        print("restoring: \(restoring) for \(heldOut.count) documents")
        // A search's cost: restoring short queries (the held-out titles' first four syllables, bare).
        let queries = heldOut.compactMap { $0.split(separator: "\n").first }.map { analyzer.tokens(in: String($0)).prefix(4).map(\.folded).joined(separator: " ") }
        if !queries.isEmpty {
            let rounds = 200
            let elapsed = clock.measure { for _ in 0..<rounds { for query in queries { _ = restorer.restore(query) } } }
            let microseconds = (Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12) / Double(rounds * queries.count)
            print("restoring a query of up to 4 syllables: \(String(format: "%.1f", microseconds)) µs")
        }
        for (pair, count) in wrong.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }).prefix(show) {
            print("  wrong ×\(count): \(pair)")
        }
    }
}
