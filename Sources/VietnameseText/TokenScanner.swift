/// The one pass over UTF-8 bytes behind ``VietnameseAnalyzer``.
///
/// Keeps fixed buffers between tokens, so that a Latin token costs no allocation
/// and no reference counting. A token longer than ``maximumLetters`` letters is
/// cut there: its first letters are indexed, its offsets still span it all.
final class TokenScanner {
    /// Letters a token keeps at most (a 64-letter "word" is no longer a word).
    static let maximumLetters = 64

    private let letters = UnsafeMutablePointer<Letter>.allocate(capacity: TokenScanner.maximumLetters)
    private var letterCount = 0
    /// Canonical form: at most 5 bytes a letter (base + two combining marks).
    private let canonical = UnsafeMutablePointer<UInt8>.allocate(capacity: TokenScanner.maximumLetters * 5)
    private let folded = UnsafeMutablePointer<UInt8>.allocate(capacity: TokenScanner.maximumLetters)
    /// Whether the current token has a scalar outside ``LetterTable``.
    private var foreign = false
    private var position = 0
    private let table = LetterTable.shared
    /// The forms of tokens met before, for a scanner kept across texts (``AnalysisSession``); `nil`: none kept.
    private let memo: TokenMemo?

    typealias Body = (TokenSpan, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Void

    init(remembering: Bool = false) {
        memo = remembering ? TokenMemo() : nil
    }

    deinit {
        letters.deallocate()
        canonical.deallocate()
        folded.deallocate()
        memo?.free()
    }

    @inline(__always)
    private func append(_ letter: Letter) {
        if letterCount < TokenScanner.maximumLetters {
            letters[letterCount] = letter
            letterCount += 1
        }
    }

    /// The same over a text's UTF-8, made contiguous first (the analyzer's and a session's way in).
    func scan(_ text: String, _ body: Body) {
        var text = text
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { bytes in scan(bytes, body) }
    }

    /// - Complexity: O(*n*) in `bytes.count`.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ body: Body) {
        position = 0  // a scanner kept across texts counts each text's positions from 0
        letterCount = 0
        foreign = false
        let count = bytes.count
        var start = -1  // the current token's first byte, or -1 between tokens
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                let lower = byte | 0x20
                if lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z") {
                    if start < 0 { start = index }
                    append(Letter(base: lower))
                } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    if start < 0 { start = index }
                    append(Letter(base: byte))
                } else if start >= 0, TokenScanner.isNumberConnector(byte), letterCount > 0,
                          TokenScanner.isDigit(letters[letterCount - 1].base),
                          index + 1 < count, TokenScanner.isDigit(bytes[index + 1]) {
                    append(Letter(base: byte))
                } else if start >= 0 {
                    flush(bytes, start..<index, body)
                    start = -1
                }
                index += 1
                continue
            }
            let (scalar, length) = TokenScanner.decode(bytes, at: index)
            let entry = table.entry(for: scalar)
            if entry != 0 {
                if start < 0 { start = index }
                append(LetterTable.letter(entry))
            } else if scalar >= 0x0300 && scalar < 0x0370 {
                if start >= 0 { attach(mark: scalar) }  // a mark before any letter is dropped
            } else if TokenScanner.isWordScalar(scalar) {
                if start < 0 { start = index }
                foreign = true
                append(Letter(base: 0))
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
    private func attach(mark scalar: UInt32) {
        guard !foreign, letterCount > 0, letters[letterCount - 1].isLetter else {
            foreign = true
            return
        }
        let last = letterCount - 1
        if let tone = Tone(combiningMark: scalar) {
            letters[last].tone = tone
        } else if let mark = LetterMark(combiningMark: scalar), letters[last].mark == .none, mark.fits(letters[last].base) {
            letters[last].mark = mark
        } else {
            foreign = true
        }
    }

    private func flush(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: Body, remembering: Bool = true) {
        defer {
            letterCount = 0
            foreign = false
        }
        if foreign {
            flushForeign(bytes, range, body)
            return
        }
        // A Latin token's forms follow from its bytes alone: those of a spelling met before are taken as they were.
        let written = bytes.baseAddress! + range.lowerBound
        var hash: UInt32 = 0
        let memo = remembering && range.count <= TokenMemo.maximumKeyBytes ? self.memo : nil
        if let memo {
            hash = TokenMemo.hash(written, range.count)
            if let forms = memo.forms(of: written, range.count, hash: hash) {
                let span = TokenSpan(position: position, utf8Range: range)
                position += 1
                body(span, forms.canonical, forms.folded)
                return
            }
        }
        // A token cut at `maximumLetters` may end on a connector (`1,0,1,`): it joins digits only.
        while letterCount > 0 && TokenScanner.isNumberConnector(letters[letterCount - 1].base) { letterCount -= 1 }
        SyllableSpelling.normalize(letters, count: letterCount)
        var canonicalCount = 0
        for index in 0..<letterCount {
            let letter = letters[index]
            folded[index] = letter.base
            if letter.mark == .none && letter.tone == .level {
                canonical[canonicalCount] = letter.base
                canonicalCount += 1
            } else if let scalar = table.scalar(for: letter) {
                canonicalCount += TokenScanner.writeUTF8(scalar, to: canonical + canonicalCount)
            } else {
                // No precomposed letter (a tone typed on a consonant): keep the marks as typed.
                canonical[canonicalCount] = letter.base
                canonicalCount += 1
                if let mark = TokenScanner.combining(letter.mark) { canonicalCount += TokenScanner.writeUTF8(mark, to: canonical + canonicalCount) }
                if let tone = TokenScanner.combining(letter.tone) { canonicalCount += TokenScanner.writeUTF8(tone, to: canonical + canonicalCount) }
            }
        }
        let span = TokenSpan(position: position, utf8Range: range)
        position += 1
        body(span, UnsafeBufferPointer(start: canonical, count: canonicalCount), UnsafeBufferPointer(start: folded, count: letterCount))
        memo?.remember(written, range.count, hash: hash, canonical: UnsafeBufferPointer(start: canonical, count: canonicalCount),
                       folded: UnsafeBufferPointer(start: folded, count: letterCount))
    }

    /// The ICU path, for a token with letters outside the Latin table.
    private func flushForeign(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: Body) {
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
            let ascii = Array(piece.utf8)
            if !ascii.isEmpty, ascii.allSatisfy({ ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") || TokenScanner.isDigit($0) }) {
                // Latin letters among Chinese or Japanese (`電ti`): the Latin path, as they would be alone.
                letterCount = 0
                foreign = false
                for byte in ascii { append(Letter(base: TokenScanner.isDigit(byte) ? byte : byte | 0x20)) }
                flush(bytes, lower..<upper, body, remembering: false)
            } else {
                emitForeign(piece, lower..<upper, body)
            }
        }
    }

    private func emitForeign(_ text: String, _ range: Range<Int>, _ body: Body) {
        // Compatibility forms may bring separators (ŀ is l + middle dot): only word scalars stay,
        // so that a token's forms analyse again to themselves.
        var canonicalText = String.UnicodeScalarView()
        for scalar in ICUNormalizer.normalize(text, to: .nfkcCasefold).unicodeScalars where TokenScanner.isWordScalar(scalar.value) {
            canonicalText.append(scalar)
        }
        var foldedText = String.UnicodeScalarView()
        for scalar in ICUNormalizer.normalize(String(canonicalText), to: .nfd).unicodeScalars {
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
        // As a Latin token, at most `maximumLetters` letters are kept.
        var canonicalBytes = Array(String(String.UnicodeScalarView(canonicalText.prefix(TokenScanner.maximumLetters))).utf8)
        var foldedBytes = Array(String(String.UnicodeScalarView(foldedText.prefix(TokenScanner.maximumLetters))).utf8)
        if !foldedBytes.isEmpty, foldedBytes.count <= TokenScanner.maximumLetters,
           foldedBytes.allSatisfy({ ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || TokenScanner.isDigit($0) }) {
            // Folded to plain Latin letters (`kǐ` → `ki`): the same spelling rules as a Latin token (`ky`).
            letterCount = 0
            for byte in foldedBytes { append(Letter(base: byte)) }
            SyllableSpelling.normalize(letters, count: letterCount)
            foldedBytes = (0..<letterCount).map { letters[$0].base }
            letterCount = 0
        }
        // A token of marks alone (a stray Arabic vowel sign) folds to nothing: not a word.
        if canonicalBytes.isEmpty || foldedBytes.isEmpty { return }
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
        if value >= 0x2000 && value < 0x2070 { return false }  // general punctuation: “ ” – … •
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

    /// Writes `scalar` as UTF-8 at `target` and returns the number of bytes written.
    @inline(__always)
    private static func writeUTF8(_ scalar: UInt32, to target: UnsafeMutablePointer<UInt8>) -> Int {
        if scalar < 0x80 {
            target[0] = UInt8(scalar)
            return 1
        }
        if scalar < 0x800 {
            target[0] = UInt8(0xC0 | scalar >> 6)
            target[1] = UInt8(0x80 | scalar & 0x3F)
            return 2
        }
        if scalar < 0x10000 {
            target[0] = UInt8(0xE0 | scalar >> 12)
            target[1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            target[2] = UInt8(0x80 | scalar & 0x3F)
            return 3
        }
        target[0] = UInt8(0xF0 | scalar >> 18)
        target[1] = UInt8(0x80 | scalar >> 12 & 0x3F)
        target[2] = UInt8(0x80 | scalar >> 6 & 0x3F)
        target[3] = UInt8(0x80 | scalar & 0x3F)
        return 4
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
