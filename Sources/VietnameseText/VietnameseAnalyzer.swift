/// Turns Vietnamese as people really type it into index terms.
///
/// ```swift
/// let analyzer = VietnameseAnalyzer()
/// analyzer.tokens(in: "Kỹ sư ĐIỆN TỬ").map(\.folded)     // ["ky", "su", "dien", "tu"]
/// analyzer.tokens(in: "Thành uỷ").map(\.canonical)       // ["thành", "ủy"]
/// ```
///
/// Every token has two forms (see ``Token``): a **canonical** one that keeps the
/// accents, so that an exact-accent match can rank first, and a **folded** one
/// without them, so that `ky su dien tu` finds `Kỹ sư điện tử`. Both are the same
/// whatever the input's normalisation form (NFC, NFD, misordered marks), case,
/// tone placement (`hoà`/`hòa`) or i/y spelling (`kĩ`/`kỹ`); see
/// ``SyllableSpelling`` for the rules.
///
/// **Tokens** are runs of letters and digits. `. , : /` between two digits stay
/// inside the token (`99,4`, `4.0`, `9001:2015`, `19/7/2024`); every other
/// punctuation mark and space separates tokens and is not one. Latin letters
/// (Vietnamese, English, French…) go through a table of precomposed letters, one
/// pass over the UTF-8 bytes without calling ICU. A token with any other letter
/// (`Müller`, Chinese, Thai) goes through ICU instead: NFKC with case folding for
/// the canonical form, marks stripped for the folded one, and ICU's dictionary
/// word breaks for scripts written without spaces.
///
/// The analyzer has no state; it is cheap to create and safe to share.
public struct VietnameseAnalyzer: Sendable {
    public init() {}

    /// The tokens of `text`, in order.
    ///
    /// - Complexity: O(*n*) in the UTF-8 length of `text`.
    public func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        var text = text
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { bytes in
            let scanner = TokenScanner()
            scanner.scan(bytes) { span, canonical, folded in
                tokens.append(Token(
                    text: String(decoding: UnsafeBufferPointer(rebasing: bytes[span.utf8Range]), as: UTF8.self),
                    canonical: String(decoding: canonical, as: UTF8.self),
                    folded: String(decoding: folded, as: UTF8.self),
                    position: span.position,
                    utf8Range: span.utf8Range
                ))
            }
        }
        return tokens
    }

    /// Calls `body` for each token of `text`, in order, with its position, its
    /// UTF-8 offsets, and its canonical and folded forms as UTF-8 bytes.
    ///
    /// The fast path for indexing: no `String` is made for a Latin token. The
    /// buffers are only valid during the call.
    ///
    /// - Complexity: O(*n*) in the UTF-8 length of `text`.
    public func forEachToken(
        in text: String,
        _ body: (_ span: TokenSpan, _ canonical: UnsafeBufferPointer<UInt8>, _ folded: UnsafeBufferPointer<UInt8>) -> Void
    ) {
        TokenScanner().scan(text, body)
    }

    /// The folded forms of `text`'s tokens joined by single spaces: `"ky su dien tu"`
    /// for `"Kỹ sư  ĐIỆN-TỬ"`. Handy for prefix matching and display keys.
    ///
    /// - Complexity: O(*n*) in the UTF-8 length of `text`.
    public func foldedText(_ text: String) -> String {
        var result: [UInt8] = []
        forEachToken(in: text) { _, _, folded in
            if !result.isEmpty { result.append(UInt8(ascii: " ")) }
            result.append(contentsOf: folded)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The canonical forms of `text`'s tokens joined by single spaces: `"kỹ sư điện tử"`
    /// for `"KĨ SƯ  ĐIỆN-TỬ"` (accents kept, tones placed the classic way).
    ///
    /// - Complexity: O(*n*) in the UTF-8 length of `text`.
    public func canonicalText(_ text: String) -> String {
        var result: [UInt8] = []
        forEachToken(in: text) { _, canonical, _ in
            if !result.isEmpty { result.append(UInt8(ascii: " ")) }
            result.append(contentsOf: canonical)
        }
        return String(decoding: result, as: UTF8.self)
    }
}
