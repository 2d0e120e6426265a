import Testing
@testable import JobRecords

/// The JSON reader of JSONL lines and API bodies: a truth table of texts and values.
@Suite struct JSONParserTests {
    private func parse(_ text: String) -> Result<JSONValue, JSONParser.Failure> {
        Result { () throws(JSONParser.Failure) -> JSONValue in try JSONParser.parse(Array(text.utf8)) }
    }

    @Test func validTexts() {
        let cases: [(String, JSONValue)] = [
            ("null", .null), ("true", .bool(true)), (" false ", .bool(false)),
            ("0", .number(0)), ("-12", .number(-12)), ("2.5", .number(2.5)), ("1e3", .number(1000)), ("-0.25E-2", .number(-0.0025)),
            ("123456789012345678", .number(1.2345678901234568e17)),
            (#""""#, .string("")), (#""Kỹ sư""#, .string("Kỹ sư")),
            (#""a\"b\\c\/d\n\t""#, .string("a\"b\\c/d\n\t")), (#""\u0110i\u1EC7n""#, .string("Điện")),
            (#""\uD83D\uDE00""#, .string("😀")),
            ("[]", .array([])), ("[1, [2], {}]", .array([.number(1), .array([.number(2)]), .object([:])])),
            (#"{"a":1,"b":[true,null],"a":2}"#, .object(["a": .number(2), "b": .array([.bool(true), .null])])),
        ]
        for (text, expected) in cases {
            #expect((try? parse(text).get()) == expected, "\(text)")
        }
    }

    @Test func invalidTexts() {
        let cases = ["", "nul", "tru", "01", "1.", ".5", "-", "1e", "+1", "[1,]", "[1 2]", "{\"a\"}", "{\"a\":}", "{a:1}", "{\"a\":1,}",
                     "\"abc", "\"a\u{01}b\"", #""\x""#, #""\uD83D""#, #""\uDE00x""#, #""\u12G4""#, "[1] 2", "1 ]", "NaN", "1e999"]
        for text in cases {
            guard case .failure(.syntax) = parse(text) else {
                Issue.record("accepted or wrong failure: \(text)")
                continue
            }
        }
    }

    /// The string values of a line, with their keys, read without reading the strings (the import's transcoder).
    @Test func stringSpansOfBytesThatAreNotUTF8() {
        func spans(_ bytes: [UInt8]) -> [(String, [UInt8])]? {
            bytes.withUnsafeBufferPointer { buffer in
                JSONParser.stringSpans(buffer).map { found in found.map { ($0.key, Array(buffer[$0.range])) } }
            }
        }
        let tcvn3: [UInt8] = [0x54, 0xAD, 0xEA, 0x20, 0x68, 0xB5, 0x6E]  // "Thợ hàn" in TCVN3: not UTF-8
        let viscii: [UInt8] = [0x02, 0x6E]  // VISCII writes six capitals with control bytes
        let line = Array(#"{"id": "P-1", "title": ""#.utf8) + tcvn3 + Array(#"", "skills": ["a\"b", ""#.utf8) + viscii
            + Array(#""], "openings": 3, "housing": true, "x": null, "o": {"k": "v"}}"#.utf8)
        let found = spans(line)
        #expect(found?.map(\.0) == ["id", "title", "skills", "skills", "k"])
        #expect(found?.map(\.1) == [Array("P-1".utf8), tcvn3, Array(#"a\"b"#.utf8), viscii, Array("v".utf8)])
        for broken in [#"{"id": "P-1""#, #"{"id" "P-1"}"#, #"{"id": "P-1"} x"#, #"["a",]"#, ""] {
            #expect(spans(Array(broken.utf8)) == nil, "\(broken)")
        }
        #expect(spans(Array("[]".utf8))?.isEmpty == true)
    }

    @Test func invalidUTF8InAStringIsNamed() {
        #expect(throws: JSONParser.Failure.invalidUTF8) { _ = try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONParser.Failure.invalidUTF8) { _ = try JSONParser.parse(Array(#""a\n"#.utf8) + [0xFF, 0x22]) }
    }

    @Test func nestingIsLimitedInsteadOfExhaustingTheStack() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.Failure.tooDeep) { _ = try JSONParser.parse(Array(deep.utf8)) }
        let fine = String(repeating: "[", count: 60) + String(repeating: "]", count: 60)
        #expect((try? JSONParser.parse(Array(fine.utf8))) != nil)
    }

    @Test func valuesWriteBackAsCompactSortedJSON() {
        let value = JSONValue.object(["b": .array([.number(1), .number(2.5), .null]), "a": .string("x\"y\n\u{01}"), "c": .bool(false)])
        #expect(value.text == #"{"a":"x\"y\n\u0001","b":[1,2.5,null],"c":false}"#)
        #expect((try? JSONParser.parse(Array(value.text.utf8))) == value)
    }
}

/// The one JSON writer of the CLI and the API.
@Suite struct JSONValueEncoderTests {
    struct Sample: Encodable {
        var zeta: Int64 = 12
        var alpha: String? = nil
        var items: [UInt8] = [1, 2]
        var nested: [String: Double] = ["y": 0.5, "x": 3]
        var flag = true
        var date = CalendarDate(year: 2026, month: 11, day: 23)
    }

    @Test func keysAreSortedNilIsLeftOutAndNumbersAreExact() throws {
        #expect(try JSONValueEncoder.text(Sample()) == #"{"date":"2026-11-23","flag":true,"items":[1,2],"nested":{"x":3,"y":0.5},"zeta":12}"#)
        var sample = Sample()
        sample.alpha = "Ánh"
        #expect(try JSONValueEncoder.text(sample).hasPrefix(#"{"alpha":"Ánh","date""#))
    }

    @Test func recordsEncodeWithTheSchemasFieldNames() throws {
        var posting = JobPosting(id: "P1", employer: "LG", title: "Kỹ sư")
        posting.educationMin = .university
        posting.salaryMax = 25_000_000
        #expect(try JSONValueEncoder.text(posting) == #"{"education_min":"university","employer":"LG","id":"P1","salary_max":25000000,"title":"Kỹ sư"}"#)
    }
}
