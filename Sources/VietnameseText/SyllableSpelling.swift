/// Spelling rules that make two ways of writing one Vietnamese syllable equal.
///
/// Applied to the letters of a token that looks like one Vietnamese syllable:
/// an onset from the Vietnamese list (`b c ch d đ g gh gi h k kh l m n ng ngh nh
/// p ph qu r s t th tr v x`, or none), one to three vowels in a row, and a final
/// from (`c ch m n ng nh p t`, or none). Tokens that do not look like that
/// (`ISO9001`, `café`, `résumé`) keep their marks exactly where they were typed.
///
/// **Tone placement** (the convention of the canonical form, "kiểu cũ", the one
/// most Vietnamese newspapers and Wikipedia use):
/// 1. on the vowel that carries a letter mark (`â ă ê ô ơ ư`); on the second of
///    two (`ươ` → `ơ`: `người`);
/// 2. else, in a closed syllable, on the last vowel (`hoàn`, `huỳnh`);
/// 3. else, of three vowels, on the middle one (`khoái`, `khuỷu`);
/// 4. else, on the first vowel (`hòa`, `thủy`, `khỏe`, `úy`, `mía`, `cái`).
/// `u` after `q` and `i` after `g` belong to the onset when another vowel
/// follows (`quý`, `gìn` but `già`). So `hoà` → `hòa`, `thuỷ` → `thủy`, and a
/// mark typed on the wrong vowel, as phones often do (`vịêt`), moves to the right
/// one (`việt`). When several tones were typed, the last one wins.
///
/// **i and y**: after a one-letter onset `h k l m s t` or `qu`, an open syllable
/// whose only vowel is `i` is spelled `y`, the more common spelling: `kĩ` → `kỹ`,
/// `lí` → `lý`, `KI` → `ky`, `quí` → `quý`, `sĩ` → `sỹ`.
enum SyllableSpelling {
    /// Rewrites `letters[range]` by the rules above when they look like a syllable.
    ///
    /// - Complexity: O(*n*) in the number of letters.
    static func normalize(_ letters: inout [Letter], in range: Range<Int>) {
        guard let shape = SyllableShape(letters, range) else { return }
        var tone = Tone.level
        for index in range where letters[index].tone != .level {
            tone = letters[index].tone
            letters[index].tone = .level
        }
        let nucleus = shape.nucleus
        if nucleus.count == 1, letters[nucleus.lowerBound].base == UInt8(ascii: "i"),
           letters[nucleus.lowerBound].mark == .none, shape.finalIsEmpty, shape.takesY {
            letters[nucleus.lowerBound].base = UInt8(ascii: "y")
        }
        guard tone != .level else { return }
        letters[toneVowel(letters, nucleus: nucleus, closed: !shape.finalIsEmpty)].tone = tone
    }

    /// The index of the vowel that carries the tone, by rules 1 to 4.
    private static func toneVowel(_ letters: [Letter], nucleus: Range<Int>, closed: Bool) -> Int {
        var marked: Int? = nil
        for index in nucleus where letters[index].mark != .none { marked = index }
        if let marked { return marked }
        if closed { return nucleus.upperBound - 1 }
        switch nucleus.count {
        case 3: return nucleus.lowerBound + 1
        default: return nucleus.lowerBound
        }
    }
}

/// Where the onset, the vowels and the final of a syllable are, or `nil` when the
/// letters do not make a Vietnamese syllable.
private struct SyllableShape {
    var nucleus: Range<Int>
    var finalIsEmpty: Bool
    /// Whether the onset is one after which `i` and `y` are two spellings of one sound.
    var takesY: Bool

    init?(_ letters: [Letter], _ range: Range<Int>) {
        guard !range.isEmpty, range.count <= 8 else { return nil }
        var firstVowel = -1
        var lastVowel = -1
        for index in range {
            let letter = letters[index]
            guard letter.isLetter else { return nil }
            if letter.isVowel {
                if firstVowel < 0 { firstVowel = index }
                else if lastVowel != index - 1 { return nil }  // vowels split by a consonant
                lastVowel = index
            }
        }
        guard firstVowel >= 0 else { return nil }
        var onset = range.lowerBound..<firstVowel
        var nucleus = firstVowel..<(lastVowel + 1)
        let final = (lastVowel + 1)..<range.upperBound
        // `qu` and `gi` + vowel: the u or i belongs to the onset.
        if nucleus.count > 1, onset.count == 1 {
            let consonant = letters[onset.lowerBound].base
            let vowel = letters[nucleus.lowerBound]
            if (consonant == UInt8(ascii: "q") && vowel.base == UInt8(ascii: "u") && vowel.mark == .none)
                || (consonant == UInt8(ascii: "g") && vowel.base == UInt8(ascii: "i") && vowel.mark == .none) {
                onset = onset.lowerBound..<(onset.upperBound + 1)
                nucleus = (nucleus.lowerBound + 1)..<nucleus.upperBound
            }
        }
        guard nucleus.count <= 3,
              SyllableShape.isOnset(letters, onset),
              SyllableShape.isFinal(letters, final) else { return nil }
        self.nucleus = nucleus
        self.finalIsEmpty = final.isEmpty
        self.takesY = SyllableShape.takesY(letters, onset)
    }

    private static func spelled(_ letters: [Letter], _ range: Range<Int>) -> UInt32 {
        // Up to three ASCII letters packed into one number, đ counted as "đ" = 0x7F.
        var code: UInt32 = 0
        for index in range {
            let letter = letters[index]
            code = code << 8 | UInt32(letter.mark == .stroke ? 0x7F : letter.base)
        }
        return code
    }

    private static func code(_ text: String) -> UInt32 {
        text.utf8.reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static let onsets: Set<UInt32> = Set(
        ["b", "c", "ch", "d", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
         "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"].map(code)
    ).union([0x7F])  // đ
    private static let finals: Set<UInt32> = Set(["c", "ch", "m", "n", "ng", "nh", "p", "t"].map(code))
    private static let yOnsets: Set<UInt32> = Set(["h", "k", "l", "m", "s", "t", "qu"].map(code))

    private static func isOnset(_ letters: [Letter], _ range: Range<Int>) -> Bool {
        if range.isEmpty { return true }
        guard range.count <= 3 else { return false }
        for index in range where letters[index].mark != .none && letters[index].mark != .stroke { return false }
        return onsets.contains(spelled(letters, range))
    }

    private static func isFinal(_ letters: [Letter], _ range: Range<Int>) -> Bool {
        if range.isEmpty { return true }
        guard range.count <= 2 else { return false }
        for index in range where letters[index].mark != .none { return false }
        return finals.contains(spelled(letters, range))
    }

    private static func takesY(_ letters: [Letter], _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count <= 2 else { return false }
        return yOnsets.contains(spelled(letters, range))
    }
}
