import ArgumentParser
import Foundation
import MatchRendering
import SearchIndex
import VietnameseText

/// `hezamatch analyze TEXT`: shows the terms HezaMatch indexes for a text, the way search engines
/// expose their analyzers: each token's forms, and the parts of a code (``CodeParts``) indexed with it.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Show the terms indexed for a text: each token's original, canonical (accents kept) and folded forms, and a code's parts.",
        discussion: """
            Reads TEXT, or standard input when TEXT is omitted.
            Example: hezamatch analyze --json "Kỹ sư ĐIỆN TỬ"
            """
    )

    @Argument(help: "The text to analyse (default: standard input).")
    var text: String?

    @Flag(name: .long, help: "Print {\"tokens\":[{\"text\",\"canonical\",\"folded\",\"position\",\"start\",\"end\"[,\"parts\"]},…]}.")
    var json = false

    func run() throws {
        let input: String
        if let text {
            input = text
        } else {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw ValidationError("standard input is not valid UTF-8")
            }
            input = decoded
        }
        let tokens = VietnameseAnalyzer().tokens(in: input)
        let parts = tokens.map { CodeParts.parts(of: $0.folded) }
        if json {
            /// A token as the index sees it; `parts` only for a code (`9001:2015` → `9001`, `2015`).
            struct Term: Encodable {
                var text, canonical, folded: String
                var position, start, end: Int
                var parts: [String]?
            }
            struct Output: Encodable { var tokens: [Term] }
            try printJSON(Output(tokens: zip(tokens, parts).map { token, parts in
                Term(text: token.text, canonical: token.canonical, folded: token.folded, position: token.position,
                     start: token.utf8Range.lowerBound, end: token.utf8Range.upperBound, parts: parts.isEmpty ? nil : parts)
            }))
        } else {
            let rows = zip(tokens, parts).map { token, parts in
                TerminalTable.Row(cells: ["\(token.position)", token.text, token.canonical, token.folded, parts.joined(separator: " "),
                                          "\(token.utf8Range.lowerBound)..<\(token.utf8Range.upperBound)"])
            }
            print(TerminalTable(header: ["pos", "text", "canonical", "folded", "parts", "bytes"], rows: rows, shrinkable: [], width: Terminal.width).rendered)
        }
    }
}
