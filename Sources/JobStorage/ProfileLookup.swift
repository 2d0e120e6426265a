import Foundation
import JobRecords

/// How a counsellor's words find a profile (``JobStore/findProfiles(_:limit:)``), the same in
/// every store: an id as typed, a phone by its digits, a name without accents or case.
public struct ProfileLookup: Sendable, Hashable {
    /// The words, trimmed: compared with ids as they are.
    public var id: String
    /// The digits to look for in phones (at least 4), or empty: only when the words are written
    /// like a phone (digits and separators), so that an id such as `C-00015` does not also find
    /// every phone holding `00015`. `+84 912…` is looked for as `0912…`.
    public var phoneDigits: String
    /// `%folded name%` for `LIKE`, or empty when nothing is left to look for.
    public var namePattern: String

    public init(_ text: String) {
        id = text.trimmingCharacters(in: .whitespaces)
        let looksLikePhone = !id.isEmpty && id.allSatisfy { $0.isNumber || " .-+()".contains($0) }
        var digits = looksLikePhone ? id.filter(\.isNumber) : ""
        if digits.hasPrefix("84"), digits.count >= 11 { digits = "0" + digits.dropFirst(2) }
        phoneDigits = digits.count >= 4 ? digits : ""
        let folded = Self.fold(id).replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "")
        namePattern = folded.isEmpty ? "" : "%" + folded + "%"
    }

    /// Lowercase, without accents, `đ` as `d`: how names are compared.
    public static func fold(_ text: String) -> String {
        text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "d")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
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
