import VietnameseText
import JobRecords
import JobMatching

/// Marks the words of a text that a query matched, keeping the text as written.
///
/// `Highlighter.html("Thợ hàn điện", terms: ["han"])` is `Thợ <mark>hàn</mark> điện`: tokens
/// are compared folded (so `han` marks `hàn`), their original bytes are kept (accents,
/// case, NFD), and everything else is HTML-escaped.
public enum Highlighter {
    /// The folded forms of a query's words.
    public static func terms(of query: String) -> Set<String> {
        Set(VietnameseAnalyzer().tokens(in: query).map(\.folded))
    }

    /// `text` as HTML with `<mark>` around each token whose folded form is in `terms`.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    public static func html(_ text: String, terms: Set<String>) -> String {
        let bytes = Array(text.utf8)
        var output = ""
        var cursor = 0
        for token in VietnameseAnalyzer().tokens(in: text) where terms.contains(token.folded) {
            output += HTML.escape(String(decoding: bytes[cursor..<token.utf8Range.lowerBound], as: UTF8.self))
            output += "<mark>" + HTML.escape(token.text) + "</mark>"
            cursor = token.utf8Range.upperBound
        }
        output += HTML.escape(String(decoding: bytes[cursor...], as: UTF8.self))
        return output
    }

}
