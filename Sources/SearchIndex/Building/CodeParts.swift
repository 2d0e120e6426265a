/// The parts of a code that the index keeps besides the whole token, at the token's position (as a
/// word-delimiter filter that keeps the original): `9001:2015` is also `9001` and `2015`, `19/7/2024`
/// also `2024`. A part of one character is not kept.
///
/// Used by ``SegmentBuilder`` when it indexes a token and by `hezamatch analyze` when it shows one, so
/// that what the tool shows is what the index holds.
public enum CodeParts {
    /// `.` `,` `:` `/`: the separators a token keeps between digits (`99,4`, `9001:2015`, `19/7/2024`).
    @inlinable
    public static func isSeparator(_ byte: UInt8) -> Bool { byte == 0x2E || byte == 0x2C || byte == 0x3A || byte == 0x2F }

    /// Calls `body` with the range of each part of `folded` (a token's folded bytes); nothing for a token
    /// without a separator.
    ///
    /// - Complexity: O(*n*) in the token's bytes.
    @inlinable
    public static func forEach(in folded: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        guard folded.contains(where: isSeparator) else { return }
        var start = 0
        for end in 0...folded.count where end == folded.count || isSeparator(folded[end]) {
            if end - start >= 2 && end - start < folded.count { body(start..<end) }
            start = end + 1
        }
    }

    /// The parts of a folded token, in order: `9001:2015` → `["9001", "2015"]`; `[]` for `thợ`.
    public static func parts(of folded: String) -> [String] {
        var parts: [String] = []
        Array(folded.utf8).withUnsafeBufferPointer { bytes in
            forEach(in: bytes) { range in parts.append(String(decoding: bytes[range], as: UTF8.self)) }
        }
        return parts
    }
}
