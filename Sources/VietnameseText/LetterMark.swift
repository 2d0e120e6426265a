/// The mark that turns a Latin letter into another Vietnamese letter.
///
/// Unlike a ``Tone``, a letter mark changes the letter itself (`a`, `ă`, `â` are
/// three letters of the alphabet); `đ` is `d` with a ``stroke``, which no
/// Unicode decomposition expresses and which plain mark-stripping therefore keeps.
enum LetterMark: UInt8, Sendable {
    case none = 0
    /// `â`, `ê`, `ô`: U+0302.
    case circumflex = 1
    /// `ă`: U+0306.
    case breve = 2
    /// `ơ`, `ư`: U+031B.
    case horn = 3
    /// `đ` (and `Ð` U+00D0, `ð` U+00F0, often typed for it).
    case stroke = 4

    /// The letter mark a combining mark writes, or `nil` when it writes none.
    init?(combiningMark value: UInt32) {
        switch value {
        case 0x0302: self = .circumflex
        case 0x0306: self = .breve
        case 0x031B: self = .horn
        default: return nil
        }
    }

    /// Whether Vietnamese spelling puts this mark on the ASCII letter `base`.
    func fits(_ base: UInt8) -> Bool {
        switch self {
        case .none: return true
        case .circumflex: return base == UInt8(ascii: "a") || base == UInt8(ascii: "e") || base == UInt8(ascii: "o")
        case .breve: return base == UInt8(ascii: "a")
        case .horn: return base == UInt8(ascii: "o") || base == UInt8(ascii: "u")
        case .stroke: return base == UInt8(ascii: "d")
        }
    }
}
