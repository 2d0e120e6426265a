extension LegacyEncoding {
    /// How much `text` reads as Vietnamese: +1 for each word that is a Vietnamese syllable
    /// with marks (`học`), −1 for each word with a character that is neither ASCII nor a
    /// Vietnamese letter, or with Vietnamese letters that make no syllable (`T«i`, `chaøo`,
    /// `Toâi`); words in plain ASCII count 0.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    public static func vietnameseScore(_ text: String) -> Int {
        var score = 0
        for core in words(text) {
            guard !core.isEmpty, !core.unicodeScalars.allSatisfy({ $0.isASCII }) else { continue }
            score += isMarkedSyllable(core) ? 1 : -1
        }
        return score
    }

    private static func isEdgePunctuation(_ character: Character) -> Bool {
        character.isASCII && !character.isLetter && !character.isNumber || "“”‘’…–—".contains(character)
    }

    /// Whether `word` is one Vietnamese syllable written with at least one mark (`học`, `Đường`).
    public static func isMarkedSyllable(_ word: String) -> Bool {
        var keys = ""
        for scalar in ICUNormalizer.normalize(word.lowercased(), to: .nfd).unicodeScalars {
            switch scalar.value {
            case 0x61...0x7A: keys.unicodeScalars.append(scalar)
            case 0x111: keys += "dd"
            case 0x302: keys += "^"
            case 0x306: keys += "("
            case 0x31B: keys += "+"
            case 0x301: keys += "'"
            case 0x300: keys += "`"
            case 0x309: keys += "?"
            case 0x303: keys += "~"
            case 0x323: keys += "."
            default: return false
            }
        }
        return keys.count > word.count - 1 && KeystrokeDecoder.decode(Substring(keys)) != nil
    }

    /// Bytes that are not UTF-8 (a line of an old export): the byte encoding in which they
    /// read as the most Vietnamese text, and that text; `nil` when none reads as Vietnamese
    /// (``vietnameseScore(_:)`` above 0). Of two encodings that score alike, the first of
    /// ``byteEncodings`` (TCVN3, VNI, VISCII, Windows-1258).
    public static func detect<Bytes: Collection>(_ bytes: Bytes) -> (encoding: LegacyEncoding, text: String)? where Bytes.Element == UInt8 {
        var best: (encoding: LegacyEncoding, text: String, score: Int)?
        for encoding in byteEncodings {
            guard let text = encoding.decode(bytes) else { continue }
            let score = vietnameseScore(text)
            if score > 0, score > best?.score ?? 0 { best = (encoding, text, score) }
        }
        return best.map { ($0.encoding, $0.text) }
    }

    /// Text that is legacy bytes once read as Windows-1252 or Latin-1 (`Xin chaøo`, `T«i ®i
    /// häc`), repaired (`Xin chào`, `Tôi đi học`), with the encoding it was in; `nil` when the
    /// text does not look so: when it is ASCII, when a character has no Windows-1252 byte (as
    /// `ư`, `đ`, `ạ` have none), when a word that was a Vietnamese syllable would stop being
    /// one, or when no reading makes more words with an ASCII letter into syllables.
    public static func repairMisreading(_ text: String) -> (text: String, encoding: LegacyEncoding)? {
        // Real Vietnamese text nearly always has a letter beyond Latin-1 (ư ơ đ ạ ế…): not misread, at once.
        guard text.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x100 {
                bytes.append(UInt8(scalar.value))
            } else if let byte = windows1252Specials[scalar.value] {
                bytes.append(byte)
            } else {
                return nil
            }
        }
        // Judged word by word: only words with an ASCII letter count (`T«i`, `chaøo`; not `©`, `½`),
        // and no word that was a syllable may stop being one. Where every such word is a syllable
        // already (`Thái Bình`, `Nhân viên kho`), nothing can be gained.
        let words = Self.words(text)
        guard words.contains(where: { word in
            word.unicodeScalars.contains { $0.value >= 0x80 } && word.contains { $0.isASCII && $0.isLetter } && !isMarkedSyllable(word)
        }) else { return nil }
        var best: (text: String, encoding: LegacyEncoding, gain: Int)?
        for encoding in byteEncodings {
            guard let decoded = encoding.decode(bytes), decoded != text else { continue }
            let decodedWords = Self.words(decoded)
            guard decodedWords.count == words.count else { continue }
            var gain = 0
            var broken = false
            for (before, after) in zip(words, decodedWords) where before != after {
                let wasSyllable = isMarkedSyllable(before)
                let isSyllable = isMarkedSyllable(after)
                if wasSyllable && !isSyllable { broken = true; break }
                guard before.contains(where: { $0.isASCII && $0.isLetter }) else { continue }
                gain += (isSyllable ? 1 : -1) - (wasSyllable ? 1 : -1)
            }
            if !broken, gain > 0, gain > best?.gain ?? 0 { best = (decoded, encoding, gain) }
        }
        return best.map { ($0.text, $0.encoding) }
    }

    /// The words of a text without the punctuation at their edges.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "/" || $0 == "-" }).map { word in
            String(String(word.drop(while: isEdgePunctuation).reversed()).drop(while: isEdgePunctuation).reversed())
        }
    }

    /// A character of Latin-1 or Windows-1252 that is not a Vietnamese letter: a sign that
    /// legacy bytes were read as Windows-1252 (`«`, `®`, `ø`, `ï`, `ñ`…).
    static func isMisreadingSign(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value >= 0x80 && scalar.value < 0x100 { return !vietnameseLatin1.contains(scalar.value) }
        return windows1252Specials[scalar.value] != nil
    }

    /// The letters of Latin-1 that Vietnamese uses.
    static let vietnameseLatin1: Set<UInt32> = Set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý".unicodeScalars.map(\.value))

    /// Windows-1252's characters in 0x80…0x9F, by scalar.
    static let windows1252Specials: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02C6: 0x88,
        0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93,
        0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B,
        0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    /// VIQR text decoded word by word (RFC 1456): `To^i ddi ho.c.` → `Tôi đi học.`. A mark
    /// counts where it follows its vowel (a tone may follow the vowel's other marks and a final
    /// consonant); after a word's last consonant, `.` `?` are punctuation; `\` before a mark
    /// keeps it literal. A word is decoded only when what it spells is a Vietnamese syllable.
    public static func decodeVIQR(_ text: String) -> String {
        var output = ""
        var word = ""
        func flush() {
            output += decodeVIQRWord(word)
            word = ""
        }
        for character in text {
            if character.isWhitespace {
                flush()
                output.append(character)
            } else {
                word.append(character)
            }
        }
        flush()
        return output
    }

    private static func decodeVIQRWord(_ word: String) -> String {
        let characters = Array(word)
        guard let last = characters.lastIndex(where: { $0.isASCII && $0.isLetter }) else { return word.filter { $0 != "\\" } }
        var end = last + 1
        if "aeiouyAEIOUY".contains(characters[last]) {
            while end < characters.count, "^(+".contains(characters[end]) { end += 1 }
            if end < characters.count, "'`?~.".contains(characters[end]) { end += 1 }
        }
        let start = characters.firstIndex(where: { $0.isASCII && $0.isLetter })!
        let core = Array(characters[start..<end])
        let rest = String(characters[end...]).filter { $0 != "\\" }
        let head = String(characters[..<start])
        let marks: [Character: String] = ["^": "\u{302}", "(": "\u{306}", "+": "\u{31B}", "'": "\u{301}", "`": "\u{300}",
                                          "?": "\u{309}", "~": "\u{303}", ".": "\u{323}"]
        var composed = ""
        var marked = false
        var index = 0
        while index < core.count {
            let character = core[index]
            if (character == "d" || character == "D"), index + 1 < core.count, core[index + 1] == "d" || core[index + 1] == "D" {
                composed += character == "D" ? "Đ" : "đ"
                marked = true
                index += 2
                continue
            }
            if let mark = marks[character] {
                composed += mark
                marked = true
            } else {
                composed.append(character)
            }
            index += 1
        }
        let decoded = ICUNormalizer.normalize(composed, to: .nfc)
        guard marked, isMarkedSyllable(decoded) else { return word.filter { $0 != "\\" } }
        return head + decoded + rest
    }

    /// NFC text as VIQR (for tests and round trips): `Tôi đi học` → `To^i ddi ho.c`.
    public static func encodeVIQR(_ text: String) -> String {
        var output = ""
        for character in ICUNormalizer.normalize(text, to: .nfc) {
            var letter = ""
            var marks = ""
            var tone = ""
            for scalar in ICUNormalizer.normalize(String(character), to: .nfd).unicodeScalars {
                switch scalar.value {
                case 0x111: letter = "dd"
                case 0x110: letter = "DD"
                case 0x302: marks += "^"
                case 0x306: marks += "("
                case 0x31B: marks += "+"
                case 0x301: tone = "'"
                case 0x300: tone = "`"
                case 0x309: tone = "?"
                case 0x303: tone = "~"
                case 0x323: tone = "."
                default: letter.unicodeScalars.append(scalar)
                }
            }
            output += letter + marks + tone
        }
        return output
    }
}
