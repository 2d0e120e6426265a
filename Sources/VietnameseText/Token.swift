/// One word of analysed text: what was typed, where, and its two index forms.
///
/// ```swift
/// VietnameseAnalyzer().tokens(in: "Kỹ sư ĐIỆN TỬ")[2]
/// // Token(text: "ĐIỆN", canonical: "điện", folded: "dien", position: 2, utf8Range: 9..<16)
/// ```
public struct Token: Hashable, Sendable {
    /// The token as it stands in the input, unchanged (for display and highlighting).
    public var text: String
    /// Lowercase NFC with the tone where ``VietnameseAnalyzer`` puts it: `hòa` for
    /// `HOÀ`, `hoà` or `hòa`. Accents kept: `bàn` and `bán` differ.
    public var canonical: String
    /// Lowercase ASCII where the text is Latin: no tones, no letter marks, `đ` → `d`,
    /// `ky` for `kĩ`, `kỹ` and `KI`. Accents dropped: `bàn` and `bán` are both `ban`.
    public var folded: String
    /// The token's index among the tokens of its text, from 0 (for phrase queries).
    public var position: Int
    /// The UTF-8 byte offsets of ``text`` in the input.
    public var utf8Range: Range<Int>

    public init(text: String, canonical: String, folded: String, position: Int, utf8Range: Range<Int>) {
        self.text = text
        self.canonical = canonical
        self.folded = folded
        self.position = position
        self.utf8Range = utf8Range
    }
}
