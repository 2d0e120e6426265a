/// The one pass over UTF-8 bytes behind ``VietnameseAnalyzer``.
///
/// Keeps its buffers between tokens, so that a Latin token costs no allocation.
struct TokenScanner {
    private var letters: [Letter] = []
    private var canonical: [UInt8] = []
    private var folded: [UInt8] = []
    /// Whether the current token has a scalar outside ``LetterTable``.
    private var foreign = false
    private var position = 0
    private let table = LetterTable.shared

    typealias Body = (TokenSpan, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Void

    init() {
        letters.reserveCapacity(32)
        canonical.reserveCapacity(64)
        folded.reserveCapacity(32)
    }

    /// - Complexity: O(*n*) in `bytes.count`.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ body: Body) {
        let count = bytes.count
        var start = -1  // the current token's first byte, or -1 between tokens
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                let lower = byte | 0x20
                if lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z") {
                    if start < 0 { start = index }
                    letters.append(Letter(base: lower))
                } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    if start < 0 { start = index }
                    letters.append(Letter(base: byte))
                } else if start >= 0, TokenScanner.isNumberConnector(byte),
                          let last = letters.last, TokenScanner.isDigit(last.base),
                          index + 1 < count, TokenScanner.isDigit(bytes[index + 1]) {
                    letters.append(Letter(base: byte))
                } else if start >= 0 {
                    flush(bytes, start..<index, body)
                    start = -1
                }
                index += 1
                continue
            }
            let (scalar, length) = TokenScanner.decode(bytes, at: index)
            if let letter = table.letter(for: scalar) {
                if start < 0 { start = index }
                letters.append(letter)
            } else if scalar >= 0x0300 && scalar < 0x0370 {
                if start >= 0 { attach(mark: scalar) }  // a mark before any letter is dropped
            } else if TokenScanner.isWordScalar(scalar) {
                if start < 0 { start = index }
                foreign = true
                letters.append(Letter(base: 0))
            } else if start >= 0 {
                flush(bytes, start..<index, body)
                start = -1
            }
            index += length
        }
        if start >= 0 { flush(bytes, start..<count, body) }
    }

    /// A combining mark after a letter: a tone, or a letter mark, or (any other
    /// mark, or a mark that does not fit) a reason to take the ICU path.
    private mutating func attach(mark scalar: UInt32) {
        guard !foreign, let last = letters.indices.last, letters[last].isLetter else {
            foreign = true
            return
        }
        if let tone = Tone(combiningMark: scalar) {
            letters[last].tone = tone
        } else if let mark = LetterMark(combiningMark: scalar), letters[last].mark == .none, mark.fits(letters[last].base) {
            letters[last].mark = mark
        } else {
            foreign = true
        }
    }

    private mutating func flush(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: Body) {
        defer {
            letters.removeAll(keepingCapacity: true)
            foreign = false
        }
        if foreign {
            flushForeign(bytes, range, body)
            return
        }
        SyllableSpelling.normalize(&letters, in: letters.indices)
        canonical.removeAll(keepingCapacity: true)
        folded.removeAll(keepingCapacity: true)
        for letter in letters {
            folded.append(letter.base)
            if letter.mark == .none && letter.tone == .level {
                canonical.append(letter.base)
            } else if let scalar = table.scalar(for: letter) {
                TokenScanner.appendUTF8(scalar, to: &canonical)
            } else {
                // No precomposed letter (a tone typed on a consonant): keep the marks as typed.
                canonical.append(letter.base)
                if let mark = TokenScanner.combining(letter.mark) { TokenScanner.appendUTF8(mark, to: &canonical) }
                if let tone = TokenScanner.combining(letter.tone) { TokenScanner.appendUTF8(tone, to: &canonical) }
            }
        }
        let span = TokenSpan(position: position, utf8Range: range)
        position += 1
        canonical.withUnsafeBufferPointer { canonicalBytes in
            folded.withUnsafeBufferPointer { foldedBytes in
                body(span, canonicalBytes, foldedBytes)
            }
        }
    }

    /// The ICU path, for a token with letters outside the Latin table.
    private mutating func flushForeign(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: Body) {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        guard text.unicodeScalars.contains(where: { TokenScanner.isWrittenWithoutSpaces($0.value) }) else {
            emitForeign(text, range, body)
            return
        }
        // Chinese, Japanese, Thai…: ICU's dictionary word breaks, offsets mapped back to UTF-8.
        let utf16 = Array(text.utf16)
        var utf8Offset = [Int](repeating: 0, count: utf16.count + 1)
        var u16 = 0
        var u8 = 0
        for scalar in text.unicodeScalars {
            let width16 = UTF16.width(scalar)
            for step in 0..<width16 { utf8Offset[u16 + step] = u8 }
            u16 += width16
            u8 += UTF8.width(scalar)
        }
        utf8Offset[u16] = u8
        for word in ICUNormalizer.wordRanges(utf16: utf16) {
            let piece = String(decoding: utf16[word], as: UTF16.self)
            let lower = range.lowerBound + utf8Offset[word.lowerBound]
            let upper = range.lowerBound + utf8Offset[word.upperBound]
            emitForeign(piece, lower..<upper, body)
        }
    }

    private mutating func emitForeign(_ text: String, _ range: Range<Int>, _ body: Body) {
        let canonicalText = ICUNormalizer.normalize(text, to: .nfkcCasefold)
        var foldedText = String.UnicodeScalarView()
        for scalar in ICUNormalizer.normalize(canonicalText, to: .nfd).unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                if scalar.value == 0x0111 || scalar.value == 0x00F0 {
                    foldedText.append("d")
                } else {
                    foldedText.append(scalar)
                }
            }
        }
        var canonicalBytes = Array(canonicalText.utf8)
        var foldedBytes = Array(String(foldedText).utf8)
        if canonicalBytes.isEmpty { return }
        let span = TokenSpan(position: position, utf8Range: range)
        position += 1
        canonicalBytes.withUnsafeMutableBufferPointer { c in
            foldedBytes.withUnsafeMutableBufferPointer { f in
                body(span, UnsafeBufferPointer(c), UnsafeBufferPointer(f))
            }
        }
    }

    // MARK: Character classes

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    @inline(__always)
    private static func isNumberConnector(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "/")
    }

    /// Letters, numbers and marks of any script make words; the rest separates them.
    private static func isWordScalar(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// Scripts whose words are not separated by spaces, which ICU segments by dictionary.
    private static func isWrittenWithoutSpaces(_ value: UInt32) -> Bool {
        switch value {
        case 0x0E00...0x0EFF,  // Thai, Lao
             0x1000...0x109F,  // Myanmar
             0x1780...0x17FF,  // Khmer
             0x2E80...0x9FFF,  // CJK radicals, kana, ideographs
             0xF900...0xFAFF,  // CJK compatibility ideographs
             0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }

    // MARK: UTF-8

    /// The scalar at `index` of valid UTF-8 (a Swift string's bytes) and its length.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0xE0 {
            return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F), 4)
    }

    @inline(__always)
    private static func appendUTF8(_ scalar: UInt32, to buffer: inout [UInt8]) {
        if scalar < 0x80 {
            buffer.append(UInt8(scalar))
        } else if scalar < 0x800 {
            buffer.append(UInt8(0xC0 | scalar >> 6))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        } else if scalar < 0x10000 {
            buffer.append(UInt8(0xE0 | scalar >> 12))
            buffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        } else {
            buffer.append(UInt8(0xF0 | scalar >> 18))
            buffer.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            buffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    private static func combining(_ mark: LetterMark) -> UInt32? {
        switch mark {
        case .none, .stroke: return nil
        case .circumflex: return 0x0302
        case .breve: return 0x0306
        case .horn: return 0x031B
        }
    }

    private static func combining(_ tone: Tone) -> UInt32? {
        switch tone {
        case .level: return nil
        case .grave: return 0x0300
        case .acute: return 0x0301
        case .hookAbove: return 0x0309
        case .tilde: return 0x0303
        case .dotBelow: return 0x0323
        }
    }
}
