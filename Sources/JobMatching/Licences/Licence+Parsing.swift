/// Reading licences out of folded text (lower case, no accents, space-separated syllables,
/// as ``VietnameseText/VietnameseAnalyzer/foldedText(_:)`` writes it).
///
/// | text (any accents, any case) | licence |
/// |---|---|
/// | `bằng C`, `bằng lái C`, `bằng lái xe hạng C`, `GPLX hạng C`, `lái xe hạng C`, `giấy phép lái xe C`, `driving licence C` | driving C |
/// | `chứng chỉ xe nâng`, `chứng chỉ vận hành xe nâng`, `bằng xe nâng`, `forklift licence` / `certificate` | forklift |
/// | `chứng chỉ cẩu trục`, `chứng chỉ vận hành cần cẩu`, `crane certificate` | crane |
/// | `hàn 6G`, `chứng chỉ hàn 3G`, `welder 6G`, a skill that is only `6G` | welding 6G |
/// | `an toàn điện bậc 3`, `bậc 3 an toàn điện`, `bậc an toàn điện 3/5` | electrical safety grade 3 |
///
/// A class letter counts only right after a licence word (`bằng đại học` is no licence;
/// `hạng C` alone is not either, nor `tiếng Anh bằng B`), and a welding position only next
/// to a welding word or alone.
extension Licence {
    static let drivingClasses: Set<Substring> = ["b1", "b2", "b", "c1", "c", "d1", "d2", "d", "e", "fb2", "fc", "fd", "fe",
                                                 "be", "ce", "c1e", "d1e", "d2e", "de"]

    /// The licences named in one item of folded text (a skill, a title, a sentence of requirements).
    ///
    /// - Complexity: O(*n*) in the item's syllables.
    private static let forkliftPhrases = [" chung chi xe nang ", " chung chi lai xe nang ", " chung chi van hanh xe nang ", " bang xe nang ",
                                          " bang lai xe nang ", " forklift licence ", " forklift license ", " forklift certificate "]
    private static let cranePhrases = [" chung chi cau truc ", " chung chi van hanh cau truc ", " chung chi can cau ", " chung chi van hanh can cau ",
                                       " crane certificate ", " crane licence ", " crane license "]
    private static let weldingWords: Set<Substring> = ["han", "weld", "welder", "welding", "tho"]

    public static func named(inFolded folded: String) -> [Licence] {
        let words = folded.split(separator: " ")
        var found: [Licence] = []
        func add(_ licence: Licence) { if !found.contains(licence) { found.append(licence) } }
        let text = " " + folded + " "
        for phrase in forkliftPhrases where text.containsBytes(phrase) { add(Licence(.forklift)) }
        for phrase in cranePhrases where text.containsBytes(phrase) { add(Licence(.crane)) }

        // Old language and computing certificates were graded A, B, C too (`tiếng Anh bằng B`).
        let aboutLanguages = (text.containsBytes(" tieng ") || text.containsBytes(" anh van ") || text.containsBytes(" ngoai ngu ")
                              || text.containsBytes(" tin hoc ") || text.containsBytes(" english ")) && !text.containsBytes(" lai ")
        for (index, word) in words.enumerated() {
            // Driving: a class right after a licence word.
            if drivingClasses.contains(word), index > 0, !aboutLanguages {
                let before = words[max(0, index - 4)..<index]
                let last = before.last!
                let triggered: Bool
                switch last {
                case "bang", "gplx", "licence", "license": triggered = !(last == "bang" && before.dropLast().last == "xe")
                case "hang": triggered = before.contains("bang") || before.contains("gplx") || before.contains("lai") || before.contains("phep")
                case "lai": triggered = before.dropLast().last == "bang"
                case "xe": triggered = before.suffix(3).elementsEqual(["bang", "lai", "xe"]) || before.suffix(3).elementsEqual(["phep", "lai", "xe"])
                default: triggered = false
                }
                if triggered { add(Licence(.driving, String(word))) }
            }
            // Welding: 1G … 6G next to a welding word, or alone.
            if word.count == 2, let digit = word.first, ("1"..."6").contains(digit), word.last == "g" {
                let near = words[max(0, index - 3)..<min(words.count, index + 2)]
                if words.count <= 2 || near.contains(where: weldingWords.contains) { add(Licence(.welding, String(word))) }
            }
            // Electrical safety: "an toan dien" with "bac N" before or after.
            if word == "dien", index >= 2, words[index - 2] == "an", words[index - 1] == "toan" {
                let window = words[max(0, index - 4)..<min(words.count, index + 4)]
                for (offset, candidate) in zip(window.indices, window) where candidate == "bac" {
                    for next in words[(offset + 1)..<min(words.count, offset + 5)] {
                        if let digit = next.first, ("1"..."5").contains(digit), next.count == 1 || next.dropFirst().first == "/" {
                            add(Licence(.electricalSafety, String(digit)))
                            break
                        }
                    }
                }
            }
        }
        return found
    }

    /// Whether an item of folded requirements marks what it names as required
    /// (`bắt buộc có bằng lái C`), which makes it a hard condition.
    public static func isMandatory(folded: String) -> Bool {
        let text = " " + folded + " "
        return text.containsBytes(" bat buoc ") || text.containsBytes(" required ") || text.containsBytes(" mandatory ")
    }
}
