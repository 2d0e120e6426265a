import Foundation
import Testing
import VietnameseText

@Suite struct TokenCodableTests {
    @Test func encodesTheAnalyzeShape() throws {
        let token = VietnameseAnalyzer().tokens(in: "Kỹ")[0]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(token), as: UTF8.self)
        #expect(json == #"{"canonical":"kỹ","end":4,"folded":"ky","position":0,"start":0,"text":"Kỹ"}"#)
    }

    @Test func roundTrips() throws {
        let tokens = VietnameseAnalyzer().tokens(in: "Kỹ sư ĐIỆN TỬ")
        let decoded = try JSONDecoder().decode([Token].self, from: JSONEncoder().encode(tokens))
        #expect(decoded == tokens)
    }

    @Test func refusesEndBeforeStart() {
        let json = Data(#"{"text":"a","canonical":"a","folded":"a","position":0,"start":3,"end":1}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Token.self, from: json) }
    }
}
