/// The encodings Vietnamese text was kept in before Unicode, which old documents and exports
/// still carry:
///
/// | encoding | how a letter is written | example (`Tôi đi học`) |
/// |---|---|---|
/// | ``tcvn3`` (TCVN 5712:1993, the ABC fonts `.VnTime`) | one byte a letter | `T«i ®i häc` |
/// | ``vni`` (VNI-Windows) | the base letter, then a byte for the marks (`â` is `aâ`, `ấ` is `aá`); `đ ơ ư` and the `i` letters in one byte | `Toâi ñi hoïc` |
/// | ``viscii`` (RFC 1456) | one byte a letter, six capitals among the control bytes | |
/// | ``cp1258`` (Windows-1258) | letters with a tone as the letter and a combining tone byte | |
/// | ``viqr`` (RFC 1456) | ASCII marks after the letter (`o^`, `o+`, `dd`, `'` `` ` `` `?` `~` `.`) | `To^i ddi ho.c` |
///
/// The one-byte tables are generated from glibc's charmaps of the published charsets
/// (`scripts/generate-legacy-tables`); VNI is built from its rule below. Decoded text is NFC.
public enum LegacyEncoding: String, CaseIterable, Sendable, Hashable {
    case tcvn3, vni, viscii, cp1258, viqr

    /// The name people know it by.
    public var displayName: String {
        switch self {
        case .tcvn3: return "TCVN3 (ABC)"
        case .vni: return "VNI-Windows"
        case .viscii: return "VISCII"
        case .cp1258: return "Windows-1258"
        case .viqr: return "VIQR"
        }
    }

    /// The encodings whose bytes arrive as bytes (all but ``viqr``, which is ASCII text).
    public static let byteEncodings: [LegacyEncoding] = [.tcvn3, .vni, .viscii, .cp1258]

    /// `bytes` as text (NFC), or `nil` when a byte is undefined in the charset. ``viqr``
    /// reads the bytes as ASCII/UTF-8 and decodes its words (``decodeVIQR(_:)``).
    ///
    /// - Complexity: O(*n*) in the number of bytes.
    public func decode<Bytes: Collection>(_ bytes: Bytes) -> String? where Bytes.Element == UInt8 {
        switch self {
        case .viqr:
            return Self.decodeVIQR(String(decoding: Array(bytes), as: UTF8.self))
        case .vni:
            var text = String.UnicodeScalarView()
            var iterator = bytes.makeIterator()
            var pending = iterator.next()
            while let byte = pending {
                let next = iterator.next()
                if let next, let pair = VNI.pairs[UInt16(byte) << 8 | UInt16(next)] {
                    text.append(pair)
                    pending = iterator.next()
                } else {
                    guard let scalar = VNI.single[byte] ?? Unicode.Scalar(UInt32(byte)) else { return nil }
                    text.append(scalar)
                    pending = next
                }
            }
            return ICUNormalizer.normalize(String(text), to: .nfc)
        default:
            let table = Self.tables[self]!
            var text = String.UnicodeScalarView()
            for byte in bytes {
                let value = table[Int(byte)]
                guard value != 0xFFFF, let scalar = Unicode.Scalar(value) else { return nil }
                text.append(scalar)
            }
            return ICUNormalizer.normalize(String(text), to: .nfc)
        }
    }

    /// `text` in the charset, or `nil` when a character has no code in it. Letters are
    /// written as the charset writes them best: precomposed where it has them, else the
    /// letter and its combining tone (Windows-1258).
    public func encode(_ text: String) -> [UInt8]? {
        switch self {
        case .viqr:
            return Array(Self.encodeVIQR(text).utf8)
        case .vni:
            var bytes: [UInt8] = []
            for scalar in ICUNormalizer.normalize(text, to: .nfc).unicodeScalars {
                if let code = VNI.encoding[scalar] {
                    bytes += code
                } else if scalar.value < 0x80 {
                    bytes.append(UInt8(scalar.value))
                } else {
                    return nil
                }
            }
            return bytes
        default:
            let reverse = Self.reverseTables[self]!
            var bytes: [UInt8] = []
            for character in ICUNormalizer.normalize(text, to: .nfc) {
                if let byte = reverse[String(character)] {
                    bytes.append(byte)
                    continue
                }
                // Not precomposed in the charset: the letter with its shape marks (`ă` for `ặ` in
                // Windows-1258), then its tone as a combining byte.
                let scalars = ICUNormalizer.normalize(String(character), to: .nfd).unicodeScalars
                let tones: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]
                var letter = String.UnicodeScalarView()
                letter.append(contentsOf: scalars.filter { !tones.contains($0.value) })
                guard let first = reverse[ICUNormalizer.normalize(String(letter), to: .nfc)] else { return nil }
                bytes.append(first)
                for tone in scalars where tones.contains(tone.value) {
                    guard let byte = reverse[String(tone)] else { return nil }
                    bytes.append(byte)
                }
            }
            return bytes
        }
    }

    /// The one-byte tables as arrays (``byteTables``, generated).
    static let tables: [LegacyEncoding: [UInt32]] = byteTables

    /// Text of one or two scalars → byte, for encoding; the lowest byte wins where two share a character.
    static let reverseTables: [LegacyEncoding: [String: UInt8]] = {
        var reverse: [LegacyEncoding: [String: UInt8]] = [:]
        for (encoding, table) in byteTables {
            var map: [String: UInt8] = [:]
            for (byte, value) in table.enumerated() where value != 0xFFFF {
                let key = String(Unicode.Scalar(value).map(Character.init) ?? " ")
                if map[key] == nil { map[key] = UInt8(byte) }
            }
            reverse[encoding] = map
        }
        return reverse
    }()
}

/// VNI-Windows, by its rule: a vowel is its base letter, then one byte for its marks; `đ`,
/// `ơ`, `ư` and the five `i` letters with a tone (and `ỵ`) are one byte. Capitals use the
/// capital base letter and the mark byte 0x20 lower.
enum VNI {
    /// Lower-case mark bytes: tone alone (sắc huyền hỏi ngã nặng), circumflex with each tone
    /// (none first), breve with each tone (none first).
    static let tone: [UInt8] = [0xF9, 0xF8, 0xFB, 0xF5, 0xEF]
    static let circumflex: [UInt8] = [0xE2, 0xE1, 0xE0, 0xE5, 0xE3, 0xE4]
    static let breve: [UInt8] = [0xEA, 0xE9, 0xE8, 0xFA, 0xFC, 0xEB]
    /// The letters written in one byte (lower case; capitals 0x20 lower).
    static let oneByte: [(letter: String, byte: UInt8)] = [
        ("đ", 0xF1), ("ơ", 0xF4), ("ư", 0xF6), ("í", 0xED), ("ì", 0xEC), ("ỉ", 0xE6), ("ĩ", 0xF3), ("ị", 0xF2), ("ỵ", 0xEE),
    ]
    /// Combining tones in the order of ``tone``.
    static let combiningTones: [String] = ["\u{301}", "\u{300}", "\u{309}", "\u{303}", "\u{323}"]

    /// Every Vietnamese letter other than plain ASCII, with its VNI bytes.
    static let letters: [(letter: String, bytes: [UInt8])] = {
        var letters: [(String, [UInt8])] = []
        func add(_ lower: String, _ bytes: [UInt8]) {
            letters.append((lower, bytes))
            let upper = lower.uppercased()
            letters.append((upper, bytes.enumerated().map { index, byte in
                index == 0 && byte < 0x80 ? UInt8(Character(Unicode.Scalar(byte)).uppercased().unicodeScalars.first!.value) : (byte >= 0xE0 ? byte - 0x20 : byte)
            }))
        }
        func nfc(_ text: String) -> String { ICUNormalizer.normalize(text, to: .nfc) }
        for (letter, byte) in oneByte { add(letter, [byte]) }
        // Tones on plain vowels (not i, written in one byte; ỵ is one byte too).
        for base in ["a", "e", "o", "u", "y"] {
            for (index, mark) in combiningTones.enumerated() where !(base == "y" && index == 4) {
                add(nfc(base + mark), [base.utf8.first!, tone[index]])
            }
        }
        // Circumflex (â ê ô) and breve (ă), with each tone.
        for base in ["a", "e", "o"] {
            add(nfc(base + "\u{302}"), [base.utf8.first!, circumflex[0]])
            for (index, mark) in combiningTones.enumerated() { add(nfc(base + "\u{302}" + mark), [base.utf8.first!, circumflex[index + 1]]) }
        }
        add("ă", [0x61, breve[0]])
        for (index, mark) in combiningTones.enumerated() { add(nfc("a\u{306}" + mark), [0x61, breve[index + 1]]) }
        // Horn (ơ ư, one byte) with each tone.
        for (base, byte) in [("o", UInt8(0xF4)), ("u", UInt8(0xF6))] {
            for (index, mark) in combiningTones.enumerated() { add(nfc(base + "\u{31B}" + mark), [byte, tone[index]]) }
        }
        return letters
    }()

    static let pairs: [UInt16: Unicode.Scalar] = {
        var pairs: [UInt16: Unicode.Scalar] = [:]
        for (letter, bytes) in letters where bytes.count == 2 { pairs[UInt16(bytes[0]) << 8 | UInt16(bytes[1])] = letter.unicodeScalars.first! }
        return pairs
    }()

    static let single: [UInt8: Unicode.Scalar] = {
        var single: [UInt8: Unicode.Scalar] = [:]
        for (letter, bytes) in letters where bytes.count == 1 { single[bytes[0]] = letter.unicodeScalars.first! }
        return single
    }()

    static let encoding: [Unicode.Scalar: [UInt8]] = {
        var encoding: [Unicode.Scalar: [UInt8]] = [:]
        for (letter, bytes) in letters { encoding[letter.unicodeScalars.first!] = bytes }
        return encoding
    }()
}
