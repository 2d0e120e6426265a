import JobRecords
import VietnameseText

/// How a counsellor's words find a profile (``JobStore/findProfiles(_:limit:)``), the same in
/// every store: an id as typed, a phone by its digits, a name without accents or case.
public struct ProfileLookup: Sendable, Hashable {
    /// The version of ``fold(_:)``: a store that keeps folded names (PostgreSQL's `name_folded`) folds them
    /// again when it opens and finds an older one. 2: the analyzer's folding (1 was Foundation's).
    public static let foldVersion = 2

    /// The words, trimmed: compared with ids as they are.
    public var id: String
    /// The digits to look for in phones (at least 4), or empty: only when the words are written
    /// like a phone (digits and separators), so that an id such as `C-00015` does not also find
    /// every phone holding `00015`. `+84 912…` is looked for as `0912…`.
    public var phoneDigits: String
    /// `%folded name%` for `LIKE`, or empty when nothing is left to look for.
    public var namePattern: String

    public init(_ text: String) {
        func blank(_ character: Character) -> Bool { character.isWhitespace && !character.isNewline }
        var trimmed = Substring(text)
        while trimmed.first.map(blank) == true { trimmed.removeFirst() }
        while trimmed.last.map(blank) == true { trimmed.removeLast() }
        id = String(trimmed)
        let looksLikePhone = !id.isEmpty && id.allSatisfy { $0.isNumber || " .-+()".contains($0) }
        var digits = looksLikePhone ? id.filter(\.isNumber) : ""
        if digits.hasPrefix("84"), digits.count >= 11 { digits = "0" + digits.dropFirst(2) }
        phoneDigits = digits.count >= 4 ? digits : ""
        let folded = Self.fold(id).filter { $0 != "%" && $0 != "_" }
        namePattern = folded.isEmpty ? "" : "%" + folded + "%"
    }

    /// A name as names are compared: the analyzer's folded words (lowercase, without accents, `đ` as `d`, NFC or
    /// NFD, old or new tone placement alike) joined by single spaces, punctuation dropped: `Hồ-Thị  ĐÀO` → `ho thi dao`.
    /// The search index folds the same way.
    ///
    /// - Complexity: O(*n*) in the UTF-8 length of `text`.
    public static func fold(_ text: String) -> String {
        VietnameseAnalyzer().foldedText(text)
    }

    /// A profile's folded name and phone digits, read from its stored JSON, as a store keeps them beside it for
    /// finding it; empty when the document is not a JSON object.
    public static func fields(ofDocument document: String) -> (name: String, phone: String) {
        guard case .object(let object)? = try? JSONParser.parse(Array(document.utf8)) else { return ("", "") }
        func text(_ key: String) -> String { if case .string(let value)? = object[key] { return value } else { return "" } }
        return (fold(text("name")), phoneDigits(text("phone")))
    }

    /// A phone as it is searched: without spaces, dots and dashes.
    public static func phoneDigits(_ phone: String) -> String {
        phone.filter { !" .-".contains($0) }
    }
}
