/// The end of one write transaction in a table's change feed: its last sequence and a token drawn at random
/// when it committed. A saved index keeps the mark of the last transaction it contains; the store it opens
/// over must hold the same mark, else the two histories parted (the store was restored from an older copy,
/// or it is another store) and the index is rebuilt.
public struct HistoryMark: Sendable, Hashable, CustomStringConvertible {
    public var sequence: Int64
    public var token: String

    public init(sequence: Int64, token: String) {
        self.sequence = sequence
        self.token = token
    }

    /// `325:9f2c…`, as an index file's user data keeps it.
    public var description: String { "\(sequence):\(token)" }

    /// A mark from its ``description``.
    public init?(_ text: String) {
        guard let colon = text.firstIndex(of: ":"), let sequence = Int64(text[..<colon]) else { return nil }
        self.init(sequence: sequence, token: String(text[text.index(after: colon)...]))
    }

    /// A new random token (128 bits, hexadecimal).
    public static func newToken() -> String {
        (0..<2).map { _ in String(UInt64.random(in: .min ... .max), radix: 16).leftPadded(to: 16) }.joined()
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
