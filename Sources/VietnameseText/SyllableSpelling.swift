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
/// `lí` → `lý`, `KI` → `ky`, `quí` → `quý`, `sĩ` → `sỹ`. After `b n v x`, where `i` is by far
/// the more common spelling and `y` is mostly in names, it is spelled `i`: `Vy` → `vi`, `Ny` →
/// `ni`, `xy` → `xi`, `by` → `bi` (the pairs of Cốc Cốc's tokenizer's i/y table). `ay` and `ai`
/// are two rhymes, not spellings: `may`/`mai`, `tay`/`tai` stay apart.
enum SyllableSpelling {
    /// Rewrites the `count` letters at `letters` by the rules above when they look
    /// like a syllable; leaves them as they are otherwise.
    ///
    /// - Complexity: O(*n*) in the number of letters; no allocation.
    static func normalize(_ letters: UnsafeMutablePointer<Letter>, count: Int) {
        guard let shape = SyllableShape(letters, count) else { return }
        var tone = Tone.level
        for index in 0..<count where letters[index].tone != .level {
            tone = letters[index].tone
            letters[index].tone = .level
        }
        let nucleus = shape.nucleus
        if nucleus.count == 1, letters[nucleus.lowerBound].base == UInt8(ascii: "i"),
           letters[nucleus.lowerBound].mark == .none, shape.finalIsEmpty, shape.takesY {
            letters[nucleus.lowerBound].base = UInt8(ascii: "y")
        }
        if nucleus.count == 1, letters[nucleus.lowerBound].base == UInt8(ascii: "y"),
           letters[nucleus.lowerBound].mark == .none, shape.finalIsEmpty, shape.takesI {
            letters[nucleus.lowerBound].base = UInt8(ascii: "i")
        }
        guard tone != .level else { return }
        letters[toneVowel(letters, nucleus: nucleus, closed: !shape.finalIsEmpty)].tone = tone
    }

    /// The index of the vowel that carries the tone, by rules 1 to 4.
    private static func toneVowel(_ letters: UnsafeMutablePointer<Letter>, nucleus: Range<Int>, closed: Bool) -> Int {
        var marked = -1
        for index in nucleus where letters[index].mark != .none { marked = index }
        if marked >= 0 { return marked }
        if closed { return nucleus.upperBound - 1 }
        return nucleus.count == 3 ? nucleus.lowerBound + 1 : nucleus.lowerBound
    }
}

/// Where the onset, the vowels and the final of a syllable are, or `nil` when the
/// letters do not make a Vietnamese syllable.
private struct SyllableShape {
    var nucleus: Range<Int>
    var finalIsEmpty: Bool
    /// Whether the onset is one after which `i` and `y` are two spellings of one sound, `y` the usual one.
    var takesY: Bool
    /// The same, `i` the usual one (`b n v x`).
    var takesI: Bool

    init?(_ letters: UnsafeMutablePointer<Letter>, _ count: Int) {
        guard count > 0, count <= 8 else { return nil }
        var firstVowel = -1
        var lastVowel = -1
        for index in 0..<count {
            let letter = letters[index]
            guard letter.isLetter else { return nil }
            if letter.isVowel {
                if firstVowel < 0 { firstVowel = index }
                else if lastVowel != index - 1 { return nil }  // vowels split by a consonant
                lastVowel = index
            }
        }
        guard firstVowel >= 0 else { return nil }
        var onset = 0..<firstVowel
        var nucleus = firstVowel..<(lastVowel + 1)
        let final = (lastVowel + 1)..<count
        // `qu` and `gi` + vowel: the u or i belongs to the onset.
        if nucleus.count > 1, onset.count == 1 {
            let consonant = letters[0].base
            let vowel = letters[nucleus.lowerBound]
            if vowel.mark == .none,
               (consonant == UInt8(ascii: "q") && vowel.base == UInt8(ascii: "u"))
                || (consonant == UInt8(ascii: "g") && vowel.base == UInt8(ascii: "i")) {
                onset = 0..<(onset.upperBound + 1)
                nucleus = (nucleus.lowerBound + 1)..<nucleus.upperBound
            }
        }
        guard nucleus.count <= 3, onset.count <= 3, final.count <= 2 else { return nil }
        let onsetCode = SyllableShape.spelled(letters, onset, allowStroke: true)
        let finalCode = SyllableShape.spelled(letters, final, allowStroke: false)
        guard SyllableShape.isOnset(onsetCode), SyllableShape.isFinal(finalCode) else { return nil }
        self.nucleus = nucleus
        self.finalIsEmpty = final.isEmpty
        self.takesY = SyllableShape.takesY(onsetCode)
        self.takesI = [0x62, 0x6E, 0x76, 0x78].contains(onsetCode)  // b n v x
    }

    /// Up to three letters packed into one number (`"ngh"` → 0x6E6768), `đ` as 0x7F;
    /// 0 for none; `UInt32.max` for a letter that cannot stand there.
    private static func spelled(_ letters: UnsafeMutablePointer<Letter>, _ range: Range<Int>, allowStroke: Bool) -> UInt32 {
        var code: UInt32 = 0
        for index in range {
            let letter = letters[index]
            switch letter.mark {
            case .none: code = code << 8 | UInt32(letter.base)
            case .stroke where allowStroke: code = code << 8 | 0x7F
            default: return .max
            }
        }
        return code
    }

    private static func isOnset(_ code: UInt32) -> Bool {
        switch code {
        case 0,  // none
             0x62, 0x63, 0x64, 0x67, 0x68, 0x6B, 0x6C, 0x6D, 0x6E, 0x70, 0x72, 0x73, 0x74, 0x76, 0x78, 0x7F,  // b c d g h k l m n p r s t v x đ
             0x6368, 0x6768, 0x6769, 0x6B68, 0x6E67, 0x6E68, 0x7068, 0x7175, 0x7468, 0x7472,  // ch gh gi kh ng nh ph qu th tr
             0x6E6768:  // ngh
            return true
        default:
            return false
        }
    }

    private static func isFinal(_ code: UInt32) -> Bool {
        switch code {
        case 0, 0x63, 0x6D, 0x6E, 0x70, 0x74,  // none c m n p t
             0x6368, 0x6E67, 0x6E68:  // ch ng nh
            return true
        default:
            return false
        }
    }

    private static func takesY(_ code: UInt32) -> Bool {
        switch code {
        case 0x68, 0x6B, 0x6C, 0x6D, 0x73, 0x74, 0x7175:  // h k l m s t qu
            return true
        default:
            return false
        }
    }
}
