import Foundation
import Testing

/// `hezamatch analyze`, run as a user runs it.
@Suite struct AnalyzeCommandTests {
    private struct Output: Decodable {
        struct Token: Decodable, Equatable {
            var text: String
            var canonical: String
            var folded: String
            var position: Int
            var start: Int
            var end: Int
        }
        var tokens: [Token]
    }

    @Test func jsonOutputHasEveryFieldOfEveryToken() throws {
        let result = try HezaMatchTool.run(["analyze", "--json", "Kỹ sư ĐIỆN TỬ"])
        #expect(result.status == 0)
        let output = try JSONDecoder().decode(Output.self, from: Data(result.standardOutput.utf8))
        #expect(output.tokens == [
            .init(text: "Kỹ", canonical: "kỹ", folded: "ky", position: 0, start: 0, end: 4),
            .init(text: "sư", canonical: "sư", folded: "su", position: 1, start: 5, end: 8),
            .init(text: "ĐIỆN", canonical: "điện", folded: "dien", position: 2, start: 9, end: 16),
            .init(text: "TỬ", canonical: "tử", folded: "tu", position: 3, start: 17, end: 21),
        ])
    }

    @Test func everyRuleThroughTheBinary() throws {
        // NFD (built from code points), old tone placement, i/y, đ, numbers, English.
        var nfd = String.UnicodeScalarView()
        nfd.append(contentsOf: "Vie".unicodeScalars)
        nfd.append(Unicode.Scalar(0x0302)!)
        nfd.append(Unicode.Scalar(0x0323)!)
        nfd.append("t")
        let text = String(nfd) + " hoà thuỷ kĩ Đình ISO 9001:2015 QC Inspector"
        let result = try HezaMatchTool.run(["analyze", "--json", text])
        #expect(result.status == 0)
        let output = try JSONDecoder().decode(Output.self, from: Data(result.standardOutput.utf8))
        #expect(output.tokens.map(\.canonical) == ["việt", "hòa", "thủy", "kỹ", "đình", "iso", "9001:2015", "qc", "inspector"])
        #expect(output.tokens.map(\.folded) == ["viet", "hoa", "thuy", "ky", "dinh", "iso", "9001:2015", "qc", "inspector"])
        // A code's parts, indexed with it (what a search for 9001 finds).
        let parts = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: [[String: Any]]]
        #expect(parts?["tokens"]?.map { $0["parts"] as? [String] ?? [] } == [[], [], [], [], [], [], ["9001", "2015"], [], []])
    }

    @Test func readsStandardInputAndPrintsATable() throws {
        let result = try HezaMatchTool.run(["analyze"], input: "Công nhân sản xuất")
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 6)  // header, rule, four tokens
        #expect(lines[2].contains("Công") && lines[2].contains("cong"))
    }

    @Test func refusesUnknownOptions() throws {
        let result = try HezaMatchTool.run(["analyze", "--frobnicate", "x"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("frobnicate"))
    }
}
