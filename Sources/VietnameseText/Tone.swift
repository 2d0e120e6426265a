/// The six tones of a Vietnamese syllable, as written with combining marks.
///
/// `level` (thanh ngang) has no mark. The raw values are stable: they are packed
/// into ``LetterTable`` entries.
enum Tone: UInt8, Sendable {
    /// thanh ngang: no mark (`a`).
    case level = 0
    /// thanh huyền: grave, U+0300 (`à`).
    case grave = 1
    /// thanh sắc: acute, U+0301 (`á`).
    case acute = 2
    /// thanh hỏi: hook above, U+0309 (`ả`).
    case hookAbove = 3
    /// thanh ngã: tilde, U+0303 (`ã`).
    case tilde = 4
    /// thanh nặng: dot below, U+0323 (`ạ`).
    case dotBelow = 5

    /// The tone a combining mark writes, or `nil` when the mark is not a tone.
    ///
    /// U+0340 and U+0341 are the deprecated tone forms of grave and acute; ICU's
    /// NFD maps them too, but text typed by old keyboards still carries them.
    init?(combiningMark value: UInt32) {
        switch value {
        case 0x0300, 0x0340: self = .grave
        case 0x0301, 0x0341: self = .acute
        case 0x0309: self = .hookAbove
        case 0x0303: self = .tilde
        case 0x0323: self = .dotBelow
        default: return nil
        }
    }
}
