/// Words typed as keystrokes without an input method, decoded into the Vietnamese syllable they
/// spell: Telex (`kyx suw ddieenj tuwr`), VNI (`ky4 su7 d9ie65n tu73`) and VIQR (`ky~ su+ ddie^.n tu+?`),
/// keys in any order after the vowel (`dduwowcj`, `duocwdj`), a doubled vowel even after the final (`chana` → chân,
/// `tonog` → tông).
///
/// | method | tones (sắc huyền hỏi ngã nặng, none) | letters |
/// |---|---|---|
/// | Telex | `s f r x j`, `z` | `aa ee oo` → â ê ô; `w` → ă ơ ư (`uow` → ươ; `w` alone → ư); `dd` → đ |
/// | VNI | `1 2 3 4 5`, `0` | `6` → â ê ô; `7` → ơ ư; `8` → ă; `9` → đ |
/// | VIQR | `' \` ? ~ .` | `^` → â ê ô; `+` → ơ ư; `(` → ă; `dd`, `d-` → đ |
///
/// A token is decoded only when it used at least one key of the method and what it spells is a
/// Vietnamese syllable (an onset of the language, a rhyme of its inventory, and a tone its final
/// allows: `c ch p t` take only sắc or nặng). `shift`, `ISO`, `CNC`, `6G`, `B2`, `welder` are not
/// syllables and stay as typed; words that are syllables when decoded (`test` → `tét`) must be
/// kept by the caller, who knows the words of its index (``decodeQuery(_:keep:)``).
public enum KeystrokeDecoder {
    /// The syllable `token` spells, canonical (NFC, classic tone placement), or `nil`.
    ///
    /// - Complexity: O(*n*) in the token's length.
    ///
    /// - Parameter capsLock: the token was typed with Caps Lock on (``decodeQuery(_:keep:)`` decides): a word
    ///   in capitals is then decoded too, and the syllable given in small letters (`DDINHF` → `đình`).
    public static func decode(_ token: Substring, capsLock: Bool = false) -> String? {
        guard token.count >= 2, token.count <= 12, token.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        // An acronym in capitals (`MISA`, `HSK`) is not typed Vietnamese, unless the whole query was typed in capitals.
        if !capsLock, token.count <= 5, token.allSatisfy({ $0.isUppercase || $0.isNumber }) { return nil }
        let lower = Array(token.lowercased())
        guard lower.first!.isLetter else { return nil }
        var letters: [Slot] = []
        var tone: Character? = nil
        var usedKey = false
        var stroke = false
        func hasVowel() -> Bool { letters.contains { $0.isVowel } }
        /// Applies a horn or breve: `uo` → ươ, else the last u, o (horn) or a (breve).
        func hook(horn: Bool, breve: Bool) -> Bool {
            // `uo` (or `ưo`) anywhere in the vowels takes the horn on both, also with a vowel typed after it (`ruouwj`,
            // `ruwojuw` → rượu, `huouw` → hươu): except after q, where the u is the onset's (`quow` → quơ).
            if horn, let u = letters.indices.dropLast().first(where: {
                letters[$0].base == "u" && letters[$0].mark != "^" && letters[$0 + 1].base == "o" && letters[$0 + 1].mark == nil
                    && !($0 > 0 && letters[$0 - 1].base == "q")
            }) {
                letters[u].mark = "+"; letters[u + 1].mark = "+"; return true
            }
            guard let last = letters.lastIndex(where: { $0.isVowel && "uoa".contains($0.base) && $0.mark == nil }) else { return false }
            // `ua` + w is `ưa` (`truaw` → trưa, `huaws` → hứa), the order Unikey accepts: Vietnamese has no `uă`
            // (except after q, where the u is the onset's: `quawn` → quăn).
            if letters[last].base == "a", last > 0, letters[last - 1].base == "u", letters[last - 1].mark == nil, horn,
               !(last > 1 && letters[last - 2].base == "q") {
                letters[last - 1].mark = "+"; return true
            }
            // `uu` + w is `ưu` (`cuuws` → cứu): Vietnamese has no `uư`.
            if letters[last].base == "u", last > 0, letters[last - 1].base == "u", letters[last - 1].mark == nil, horn {
                letters[last - 1].mark = "+"; return true
            }
            if letters[last].base == "a" { guard breve else { return false }; letters[last].mark = "(" } else { guard horn else { return false }; letters[last].mark = "+" }
            return true
        }
        func circumflex() -> Bool {
            guard let last = letters.lastIndex(where: { "aeo".contains($0.base) && $0.mark == nil }) else { return false }
            letters[last].mark = "^"
            return true
        }
        func strokeOnset() -> Bool {
            guard letters.first?.base == "d", !stroke else { return false }
            stroke = true
            return true
        }
        var index = 0
        while index < lower.count {
            let c = lower[index]
            defer { index += 1 }
            if hasVowel() {
                // Tone keys of the three methods.
                if let mapped = Self.toneKeys[c], mapped != "z" || tone != nil {  // `z` clears a tone typed before it
                    // Telex tone letters are letters too: a final `s` would be no final of Vietnamese anyway.
                    tone = mapped == "z" ? nil : mapped
                    usedKey = true
                    continue
                }
                switch c {
                case "w", "7", "+": guard hook(horn: true, breve: c == "w") else { return nil }; usedKey = true; continue
                case "8", "(": guard hook(horn: false, breve: true) else { return nil }; usedKey = true; continue
                case "6", "^": guard circumflex() else { return nil }; usedKey = true; continue
                case "9": guard strokeOnset() else { return nil }; usedKey = true; continue
                case "d" where letters.first?.base == "d" && !stroke:
                    stroke = true; usedKey = true; continue  // `duocwdj`: the stroke typed after the vowels (d is no final)
                case "a", "e", "o":
                    // Telex doubles: `aa` → â, also out of order (`dieen`, `ddaau`), and after the final or part of it, as
                    // Unikey takes them (`chana` → chân, `tonog` → tông, `vietej` → việt): what follows the vowel is vowels,
                    // then at most two letters of a final.
                    if let last = letters.lastIndex(where: { $0.base == c && $0.mark == nil }),
                       Self.couldEndARhyme(letters[last...].dropFirst()) {
                        letters[last].mark = "^"; usedKey = true; continue
                    }
                default: break
                }
            } else {
                if c == "d", letters.count == 1, letters[0].base == "d" { stroke = true; usedKey = true; continue }  // `dd`
                if c == "-", letters.count == 1, letters[0].base == "d" { stroke = true; usedKey = true; continue }   // VIQR `d-`
                if c == "w" { letters.append(Slot(base: "u", mark: "+")); usedKey = true; continue }                  // Telex `w` alone: ư
                if c == "9", letters.first?.base == "d" { stroke = true; usedKey = true; continue }
            }
            guard c.isLetter else { return nil }
            letters.append(Slot(base: c, mark: nil))
        }
        guard usedKey else { return nil }
        return spell(letters, stroke: stroke, tone: tone, capitalized: !capsLock && token.first!.isUppercase)
    }

    /// `text` with each word typed as keystrokes replaced by its syllable, and whether any was,
    /// keeping the words `keep` says are words as typed (of the index, of a vocabulary).
    ///
    /// Caps Lock: when every word in capitals that `keep` does not know spells a syllable as keys (`KCN DDINHF
    /// VUX`, `LAIS XE NAANG`, `CO6NG NHA6N`), the query was typed with Caps Lock on and those words are decoded;
    /// when one does not (`HSK`, `CNC`), words in capitals of up to five letters stay as typed (acronyms).
    ///
    /// | query | `keep` knows | result |
    /// |---|---|---|
    /// | `KCN DDINHF VUX` | `kcn` | `KCN đình vũ` |
    /// | `LAIS XE NAANG` | `xe` | `lái XE nâng` |
    /// | `MISA ke toans` | `misa` | `MISA ke toán` |
    /// | `HSK VUX` | — | `HSK VUX` (`HSK` spells nothing) |
    public static func decodeQuery(_ text: String, keep: (String) -> Bool) -> (text: String, changed: Bool) {
        var changed = false
        let split = text.split(separator: " ", omittingEmptySubsequences: false)
        let capitals = split.filter { isCapitals($0) && !keep($0.lowercased()) }
        let capsLock = !capitals.isEmpty && capitals.allSatisfy { decode($0, capsLock: true) != nil }
        let words = split.map { word -> String in
            guard !keep(word.lowercased()), let syllable = decode(word, capsLock: capsLock && isCapitals(word)) else { return String(word) }
            changed = true
            return syllable
        }
        return (words.joined(separator: " "), changed)
    }

    /// A word of two characters or more with letters, all of them capitals (`DDINHF`, `CO6NG`, `CO^NG`).
    static func isCapitals(_ word: Substring) -> Bool {
        word.count >= 2 && word.contains(where: \.isLetter) && !word.contains(where: \.isLowercase)
    }

    /// Letters that may follow a vowel being marked: vowels, then at most two letters of a final (`n`, `ng`, `ch`…).
    static func couldEndARhyme(_ after: ArraySlice<Slot>) -> Bool {
        let consonants = after.drop(while: \.isVowel)
        return consonants.count <= 2 && consonants.allSatisfy { !$0.isVowel && "cghmnpt".contains($0.base) }
    }

    static let toneKeys: [Character: Character] = [
        "s": "s", "f": "f", "r": "r", "x": "x", "j": "j", "z": "z",
        "1": "s", "2": "f", "3": "r", "4": "x", "5": "j", "0": "z",
        "'": "s", "`": "f", "?": "r", "~": "x", ".": "j",
    ]

    struct Slot {
        var base: Character
        var mark: Character?   // ^ circumflex, + horn, ( breve
        var isVowel: Bool { "aeiouy".contains(base) }
    }

    static let onsets: Set<String> = ["", "b", "c", "ch", "d", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
                                      "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"]
    static let finals: Set<String> = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "y", "o", "u"]

    /// The rhymes of Vietnamese, written with `^ + (` after the marked vowel.
    static let rhymes: Set<String> = {
        let list = """
        a ac ach ai am an ang anh ao ap at au ay a(c a(m a(n a(ng a(p a(t a^c a^m a^n a^ng a^p a^t a^u a^y
        e ec em en eng eo ep et e^ e^ch e^m e^n e^nh e^p e^t e^u
        i ia ich im in inh ip it iu ie^c ie^m ie^n ie^ng ie^p ie^t ie^u
        o oc oi om on ong op ot oa oac oach oai oam oan oang oanh oao oap oat oay oa(c oa(m oa(n oa(ng oa(t oe oen oeo oet ooc oong
        o^ o^c o^i o^m o^n o^ng o^p o^t o+ o+i o+m o+n o+p o+t
        u ua ua^n ua^ng ua^t ua^y uc ui um un ung up ut uy uya uych uye^n uye^t uynh uyt uyu ue^ ue^ch ue^nh uo+ uo^c uo^i uo^m uo^n uo^ng uo^t uyn
        u+ u+a u+c u+i u+u u+ng u+t u+m u+n u+o+c u+o+i u+o+m u+o+n u+o+ng u+o+p u+o+t u+o+u
        y ye^m ye^n ye^t ye^u
        """
        return Set(list.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }()

    /// The syllable, or `nil` when the letters make none.
    static func spell(_ letters: [Slot], stroke: Bool, tone: Character?, capitalized: Bool) -> String? {
        let plain = String(letters.map(\.base))
        // Try every onset, longest first, with a rhyme of the inventory after it.
        for onsetLength in stride(from: min(3, letters.count), through: 0, by: -1) {
            let onset = String(plain.prefix(onsetLength))
            // `q` alone before a rhyme of `u` (`quyfnh` → quỳnh, `quyts` → quýt: the rhymes `uynh`, `uyt` after `q`).
            // Only before `uy`: `qux`, `qus` are no syllables and stay as typed.
            let qBeforeU = onset == "q" && letters.count > 2 && letters[1].base == "u" && letters[1].mark == nil && letters[2].base == "y"
            guard onsets.contains(onset) || qBeforeU, letters.prefix(onsetLength).allSatisfy({ $0.mark == nil }) else { continue }
            var rhymeSlots = letters.dropFirst(onsetLength)
            guard let firstRhyme = rhymeSlots.first, firstRhyme.isVowel else { continue }
            var rhyme = rhymeSlots.map { String($0.base) + ($0.mark.map(String.init) ?? "") }.joined()
            // `ươ` closing the syllable is `uơ` after h, kh and th (`thuorw` → thuở, `huow` → huơ, `khuow` → khuơ: the
            // horn typed once marked both), the only onsets it has; not English's `wow` or `burrow`.
            if rhyme == "u+o+", ["h", "kh", "th"].contains(onset) { rhyme = "uo+"; rhymeSlots[rhymeSlots.startIndex].mark = nil }
            guard rhymes.contains(rhyme) else { continue }
            if stroke && onset != "d" { return nil }
            // A syllable closed by c, ch, p or t has sắc or nặng, and no other tone nor none.
            let stop = ["c", "ch", "p", "t"].contains { rhyme.hasSuffix($0) }
            if stop && tone != "s" && tone != "j" { return nil }
            return compose(onset: stroke ? "đ" : onset, rhyme: Array(rhymeSlots), tone: tone, capitalized: capitalized)
        }
        return nil
    }

    /// Letters and tone to text, the tone on the vowel the canonical form puts it on.
    static func compose(onset: String, rhyme: [Slot], tone: Character?, capitalized: Bool) -> String {
        let marked: [Character: [Character: String]] = [
            "^": ["a": "â", "e": "ê", "o": "ô"], "+": ["o": "ơ", "u": "ư"], "(": ["a": "ă"],
        ]
        var text = onset
        var toneAdded = false
        let combining: [Character: String] = ["s": "\u{301}", "f": "\u{300}", "r": "\u{309}", "x": "\u{303}", "j": "\u{323}"]
        for slot in rhyme {
            text += slot.mark.flatMap { marked[$0]?[slot.base] } ?? String(slot.base)
            if let tone, !toneAdded, slot.isVowel { text += combining[tone]!; toneAdded = true }
        }
        // The analyzer's canonical form moves the tone to its vowel and composes to NFC.
        var canonical = VietnameseAnalyzer().tokens(in: text).first?.canonical ?? text
        if capitalized, let first = canonical.first { canonical = first.uppercased() + canonical.dropFirst() }
        return canonical
    }
}
