import ArgumentParser
import Foundation
import MatchRendering
import VietnameseText

/// `hezamatch analyze TEXT`: shows the tokens HezaMatch indexes for a text, the way
/// search engines expose their analyzers.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Show the tokens of a text: original, canonical (accents kept) and folded forms.",
        discussion: """
            Reads TEXT, or standard input when TEXT is omitted.
            Example: hezamatch analyze --json "Kỹ sư ĐIỆN TỬ"
            """
    )

    @Argument(help: "The text to analyse (default: standard input).")
    var text: String?

    @Flag(name: .long, help: "Print {\"tokens\":[{\"text\",\"canonical\",\"folded\",\"position\",\"start\",\"end\"},…]}.")
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
        if json {
            struct Output: Encodable { var tokens: [Token] }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(Output(tokens: tokens)), as: UTF8.self))
        } else {
            let rows = tokens.map {
                TerminalTable.Row(cells: ["\($0.position)", $0.text, $0.canonical, $0.folded, "\($0.utf8Range.lowerBound)..<\($0.utf8Range.upperBound)"])
            }
            print(TerminalTable(header: ["pos", "text", "canonical", "folded", "bytes"], rows: rows, shrinkable: [], width: Terminal.width).rendered)
        }
    }
}
