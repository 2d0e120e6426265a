/// Which ``Letter`` a Unicode scalar writes, and which scalar writes a letter back.
///
/// Built once, on first use, from ICU's canonical decompositions of the Latin
/// blocks (U+00C0–U+024F and Latin Extended Additional, U+1E00–U+1EFF, where the
/// precomposed Vietnamese letters live): a scalar gets an entry when its NFD is an
/// ASCII letter followed by at most one tone mark and at most one Vietnamese letter
/// mark. `đ`, `Đ`, `Ð`, `ð` and `Ɖ`, which have no decomposition, are added by hand.
/// Every other scalar (`ü`, `ç`, `ø`, other scripts) has no entry and sends its
/// token down the ICU path of ``VietnameseAnalyzer``.
///
/// Lookups are array indexing: O(1), no hashing, no allocation.
struct LetterTable: Sendable {
    /// Entries for U+0000–U+024F, then for U+1E00–U+1EFF. 0: no entry.
    /// Otherwise bit 31 set, base in bits 0–7, mark in 8–15, tone in 16–23.
    private let latin: [UInt32]
    private let additional: [UInt32]
    /// The lowercase scalar for (base, mark, tone); 0 where none exists.
    private let composed: [UInt32]

    static let shared = LetterTable()

    private init() {
        var latin = [UInt32](repeating: 0, count: 0x250)
        var additional = [UInt32](repeating: 0, count: 0x100)
        var composed = [UInt32](repeating: 0, count: 128 * 5 * 6)

        func pack(_ letter: Letter) -> UInt32 {
            0x8000_0000 | UInt32(letter.base) | UInt32(letter.mark.rawValue) << 8 | UInt32(letter.tone.rawValue) << 16
        }
        func add(_ scalar: UInt32, _ letter: Letter, lowercase: Bool) {
            if scalar < 0x250 { latin[Int(scalar)] = pack(letter) }
            else if scalar >= 0x1E00 && scalar < 0x1F00 { additional[Int(scalar - 0x1E00)] = pack(letter) }
            if lowercase {
                let index = LetterTable.composedIndex(letter)
                if composed[index] == 0 { composed[index] = scalar }
            }
        }
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") {
            add(UInt32(byte), Letter(base: byte), lowercase: true)
            add(UInt32(byte - 32), Letter(base: byte), lowercase: false)
        }
        for scalar in Array(0xC0..<0x250) + Array(0x1E00..<0x1F00) {
            guard let letter = LetterTable.decompose(UInt32(scalar)) else { continue }
            let isLowercase = Unicode.Scalar(UInt32(scalar))!.properties.isLowercase
            add(UInt32(scalar), letter, lowercase: isLowercase)
        }
        let stroke = Letter(base: UInt8(ascii: "d"), mark: .stroke)
        add(0x0111, stroke, lowercase: true)   // đ
        add(0x0110, stroke, lowercase: false)  // Đ
        add(0x00D0, stroke, lowercase: false)  // Ð (Icelandic eth, often typed for Đ)
        add(0x00F0, stroke, lowercase: false)  // ð
        add(0x0189, stroke, lowercase: false)  // Ɖ (African D, a homoglyph of Đ)
        self.latin = latin
        self.additional = additional
        self.composed = composed
    }

    /// The letter a scalar writes, with case folded away; `nil` when it has no entry.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    func letter(for scalar: UInt32) -> Letter? {
        let entry = self.entry(for: scalar)
        return entry == 0 ? nil : LetterTable.letter(entry)
    }

    /// The packed entry of a scalar: 0 when it has none. The hot path of
    /// ``TokenScanner`` tests this number rather than an optional.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    func entry(for scalar: UInt32) -> UInt32 {
        if scalar < 0x250 { return latin.withUnsafeBufferPointer { $0[Int(scalar)] } }
        if scalar >= 0x1E00 && scalar < 0x1F00 { return additional.withUnsafeBufferPointer { $0[Int(scalar - 0x1E00)] } }
        return 0
    }

    /// The letter of a non-zero packed entry.
    @inline(__always)
    static func letter(_ entry: UInt32) -> Letter {
        // Both enums are UInt8-sized with cases numbered like their raw values.
        Letter(
            base: UInt8(truncatingIfNeeded: entry),
            mark: unsafeBitCast(UInt8(truncatingIfNeeded: entry >> 8), to: LetterMark.self),
            tone: unsafeBitCast(UInt8(truncatingIfNeeded: entry >> 16), to: Tone.self)
        )
    }

    /// The lowercase NFC scalar that writes `letter`, or `nil` when Unicode has none
    /// (a tone typed on a consonant, say).
    ///
    /// - Complexity: O(1).
    @inline(__always)
    func scalar(for letter: Letter) -> UInt32? {
        let value = composed.withUnsafeBufferPointer { $0[LetterTable.composedIndex(letter)] }
        return value == 0 ? nil : value
    }

    @inline(__always)
    private static func composedIndex(_ letter: Letter) -> Int {
        (Int(letter.base & 0x7F) * 5 + Int(letter.mark.rawValue)) * 6 + Int(letter.tone.rawValue)
    }

    /// The letter whose NFD is `scalar`'s NFD, when it is an ASCII letter with at
    /// most one tone and one fitting letter mark.
    private static func decompose(_ scalar: UInt32) -> Letter? {
        let nfd = ICUNormalizer.normalize(String(Unicode.Scalar(scalar)!), to: .nfd).unicodeScalars.map(\.value)
        guard let first = nfd.first, first < 0x80 else { return nil }
        var base = UInt8(first)
        if base >= UInt8(ascii: "A") && base <= UInt8(ascii: "Z") { base += 32 }
        guard base >= UInt8(ascii: "a") && base <= UInt8(ascii: "z") else { return nil }
        var letter = Letter(base: base)
        var sawTone = false
        for mark in nfd.dropFirst() {
            if let tone = Tone(combiningMark: mark), !sawTone {
                letter.tone = tone
                sawTone = true
            } else if let letterMark = LetterMark(combiningMark: mark), letter.mark == .none, letterMark.fits(base) {
                letter.mark = letterMark
            } else {
                return nil
            }
        }
        return letter
    }
}
