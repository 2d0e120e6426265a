import CFuzzDriver
import Glibc
import VietnameseText

/// Any bytes, read as UTF-8 (invalid sequences replaced), through every public form of the analyzer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnalyzer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let analyzer = VietnameseAnalyzer()
    let tokens = analyzer.tokens(in: text)
    let utf8 = Array(text.utf8)
    for token in tokens {
        // Offsets must lie inside the text, in order, and name the token's own bytes.
        precondition(token.utf8Range.lowerBound >= 0 && token.utf8Range.upperBound <= utf8.count, "offset outside the text")
        precondition(String(decoding: utf8[token.utf8Range], as: UTF8.self) == token.text, "offsets do not name the token")
    }
    // Folding a folded text changes nothing, for the Latin script and Vietnamese (text mixing
    // scripts without spaces is segmented by ICU's dictionaries, whose cuts depend on neighbours).
    let folded = analyzer.foldedText(text)
    if text.unicodeScalars.allSatisfy({ $0.value < 0x0250 || (0x0300..<0x0370).contains($0.value) || (0x1EA0..<0x1F00).contains($0.value) }) {
        let again = analyzer.foldedText(folded)
        if folded != again {
            print("folding is not idempotent: [\(folded)] then [\(again)]")
            fflush(nil)
            fatalError("folding is not idempotent")
        }
    }
    return 0
}

/// The entry point SwiftPM gives this executable: libFuzzer's driver, with the function above.
@_cdecl("FuzzAnalyzer_main")
public func fuzzAnalyzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    hz_fuzz_main(argc, argv) { data, size in fuzzAnalyzer(data, size) }
}
