/// Where a token stands, handed to ``VietnameseAnalyzer/forEachToken(in:_:)``
/// together with its forms as UTF-8 bytes.
public struct TokenSpan: Hashable, Sendable {
    /// The token's index among the tokens of its text, from 0.
    public var position: Int
    /// The UTF-8 byte offsets of the token in the input.
    public var utf8Range: Range<Int>

    public init(position: Int, utf8Range: Range<Int>) {
        self.position = position
        self.utf8Range = utf8Range
    }
}
