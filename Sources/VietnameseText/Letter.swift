/// One letter (or digit, or in-number connector) of a token, taken apart into an
/// ASCII base, a letter mark and a tone.
///
/// `Kỹ` is `k` + `y`(tone: tilde); `Đ` is `d`(mark: stroke). Digits and the
/// connectors kept inside numbers (`99,4`, `4.0`) are letters with no mark and no
/// tone. Three bytes, so that a token's letters fit in a small reusable buffer.
struct Letter: Equatable, Sendable {
    /// Lowercase ASCII letter, ASCII digit, or one of `. , : /` inside a number.
    var base: UInt8
    var mark: LetterMark
    var tone: Tone

    init(base: UInt8, mark: LetterMark = .none, tone: Tone = .level) {
        self.base = base
        self.mark = mark
        self.tone = tone
    }

    /// Whether the letter is one of the Vietnamese vowels `a e i o u y`, with any marks.
    var isVowel: Bool {
        switch base {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"),
             UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"):
            return true
        default:
            return false
        }
    }

    /// Whether the letter is an ASCII letter (with any marks), not a digit or connector.
    var isLetter: Bool { base >= UInt8(ascii: "a") && base <= UInt8(ascii: "z") }
}
