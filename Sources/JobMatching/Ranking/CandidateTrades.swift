import Foundation
import JobRecords
import VietnameseText

/// A candidate's trades (skills, desired titles, major), folded and with their synonym
/// groups, and the licences they hold: computed once a request, compared with many postings.
struct CandidateTrades {
    /// Each trade: as written, folded, folded and padded with spaces, its synonym groups, whether it is generic, and,
    /// when written with accents, its canonical form padded (`" công nhân may "`: `may`, sewing, is not `máy`).
    ///
    /// `whole`: the groups the phrase is a name of (``names(_:_:)``: not only found inside it); `parts`: each other
    /// group, with the words of the phrase it was found in (`điện tử` of `Kỹ sư điện tử`).
    private var phrases: [(text: String, folded: String, padded: String, groups: Set<Int>, generic: Bool, canonical: String?,
                           whole: Set<Int>, parts: [Int: String])] = []
    /// Two-syllable words (``SynonymTable/twoSyllableWords``): a trade is not found inside one.
    private let words: Set<String>
    /// The licences the candidate holds (skills, summary, major, desired titles).
    let licences: [Licence]
    /// The candidate's occupations (``OccupationTaxonomy``): desired titles, major, skills.
    let occupations: [OccupationTaxonomy.Found]
    /// The desired titles and major, folded: the trades the candidate names as theirs, not skills they have.
    private let ownTrades: Set<String>

    init(_ profile: CandidateProfile, synonyms: SynonymTable, generic: GenericSkills = .shared,
         occupations taxonomy: OccupationTaxonomy = OccupationTaxonomy()) {
        let analyzer = VietnameseAnalyzer()
        words = synonyms.twoSyllableWords
        let levelGroups = GenericSkills.levelGroups(synonyms)  // a level is no trade
        var seen = Set<String>()
        var licences: [Licence] = []
        // The desired titles and major, even when also a skill.
        let own = Set(((profile.desiredTitles ?? []) + (profile.major.map { [$0] } ?? [])).map { analyzer.foldedText($0) })
        for phrase in (profile.skills ?? []) + (profile.desiredTitles ?? []) + (profile.major.map { [$0] } ?? []) {
            let folded = analyzer.foldedText(phrase)
            guard !folded.isEmpty, seen.insert(folded).inserted else { continue }
            licences += Licence.named(inFolded: folded).filter { !licences.contains($0) }
            let canonical = analyzer.canonicalText(phrase)
            let found = synonyms.groups(in: folded, canonical: canonical)
            // Whether one of the group's phrases names the whole trade (`thợ điện công nghiệp`: `điện công nghiệp`,
            // though `thợ điện` is the phrase found first); asked of the candidate's own trades only (a skill is no title).
            var whole = Set<Int>(), parts: [Int: String] = [:]
            if own.contains(folded) {
                for item in found {
                    if Self.names(synonyms.groups[item.group], folded) {
                        whole.insert(item.group)
                    } else if parts[item.group] == nil {
                        parts[item.group] = Self.words(item.phrase, of: phrase, folded: folded)
                    }
                }
            }
            phrases.append((TableText.trimmed(Substring(phrase)), folded, " " + folded + " ",
                            Set(found.map(\.group)).subtracting(levelGroups),
                            generic.contains(folded: folded), canonical == folded ? nil : " " + canonical + " ", whole, parts))
        }
        for sentence in Self.items(profile.summary ?? "") {
            licences += Licence.named(inFolded: analyzer.foldedText(sentence)).filter { !licences.contains($0) }
        }
        self.licences = licences
        occupations = taxonomy.occupations(of: profile)
        ownTrades = own
    }

    /// What a posting and the candidate share.
    struct Shared {
        /// The candidate's trades the posting names, directly or through a synonym group, each group once (at most three).
        var trades: [String] = []
        /// Generic skills both name (``GenericSkills``), at most two.
        var generic: [String] = []
        /// Whether the posting's title is one of the candidate's trades (the job is the trade,
        /// not only a skill it mentions).
        var inTitle = false
        /// Whether one of ``trades`` is a desired title or the major (the candidate's own trade), not only a skill, that
        /// the posting names whole or by a group the title is a name of (not only by a group found inside it: ``fields``).
        var namesOwnTrade = false
        /// The desired titles and major among ``trades`` that the posting names only by a group found inside them,
        /// with those words: `Kỹ sư điện tử` → `điện tử` at an assembly line (a field in common, not the trade).
        var fields: [String: String] = [:]
    }

    /// What the posting's title, skills or requirements name of the candidate's trades.
    ///
    /// Each skill, the title and each sentence of the requirements is compared on its own:
    /// a phrase or a synonym never matches across two skills or two fields. A trade named
    /// twice (`lái xe`, `tài xế`: one synonym group) counts once.
    func shared(with posting: JobPosting, synonyms: SynonymTable) -> Shared {
        shared(with: PostingTrades(posting, synonyms: synonyms))
    }

    /// The same, with the posting folded once for many candidates.
    func shared(with posting: PostingTrades) -> Shared {
        guard !phrases.isEmpty else { return Shared() }
        let items = posting.items, itemGroups = posting.itemGroups, postingGroups = posting.groups
        var shared = Shared()
        var counted = Set<Int>()
        var countedText = Set<String>()
        for phrase in phrases {
            // A one-syllable trade (a major written `Hàn`, `Điện`) names the item only when it is the
            // whole item: `hàn` in `hàn linh kiện` is soldering, not the welder's trade.
            // A longer one names it where it is whole words: `kỹ thuật viên điện` is not in `kỹ thuật viên điện tử`,
            // nor `lái xe` in `lái xe nâng` (`điện tử`, `xe nâng`: words of two syllables).
            let oneSyllable = !phrase.folded.contains(" ")
            func names(_ index: Int) -> Bool {
                let item = items[index]
                guard oneSyllable ? item == phrase.padded : Self.occursAsWholeWords(phrase.padded, in: item, words: words) else { return false }
                // Both written with accents: the accents agree too (`công nhân may`, sewing, is not in `vận hành máy`).
                if let canonical = phrase.canonical, let canonicalItem = posting.canonicalItems[index] {
                    return oneSyllable ? canonicalItem == canonical : canonicalItem.containsBytes(canonical)
                }
                return true
            }
            let direct = items.indices.contains(where: names)
            let viaGroup = phrase.groups.intersection(postingGroups)
            guard direct || !viaGroup.isEmpty else { continue }
            if !phrase.generic && (names(0) || !phrase.groups.isDisjoint(with: itemGroups[0])) {
                shared.inTitle = true
            }
            if phrase.generic {
                if shared.generic.count < 2 { shared.generic.append(phrase.text) }
                continue
            }
            // The candidate's own trade named whole, or by a group it is a name of (even when a trade before it counted
            // the group); or only by a group found inside it (`điện tử` in `kỹ sư điện tử`, at an assembly line): a
            // field in common, not the trade, where the occupations say they are strangers (MatchSignals).
            let own = ownTrades.contains(phrase.folded), whole = direct || !viaGroup.isDisjoint(with: phrase.whole)
            if own && whole { shared.namesOwnTrade = true }
            // Counted once: a trade whose groups were all counted already adds nothing; but an own trade the posting
            // names whole is said instead of one it names only by a field inside it (a reason never claims a trade found
            // inside a longer word: the major `Điện tử viễn thông`, not the desired title `Kỹ sư điện tử`, at an
            // assembly line of `linh kiện điện tử`).
            let groups = direct ? phrase.groups : viaGroup
            if !groups.isEmpty && groups.isSubset(of: counted) {
                if own && whole, let field = shared.trades.firstIndex(where: { shared.fields[$0] != nil }),
                   countedText.insert(phrase.folded).inserted {
                    shared.fields[shared.trades[field]] = nil
                    shared.trades[field] = phrase.text
                }
                continue
            }
            guard countedText.insert(phrase.folded).inserted else { continue }
            counted.formUnion(groups)
            if shared.trades.count < 3 { shared.trades.append(phrase.text) }
            if own && !whole, let part = viaGroup.sorted().lazy.compactMap({ phrase.parts[$0] }).first {
                shared.fields[phrase.text] = part
            }
        }
        return shared
    }

    /// Words that say a job's role, not its trade (folded): `nhân viên QC` is the QC trade, `thợ điện công nghiệp` the
    /// industrial electrician's, `Import Export Staff` the import-export trade, a major `Công nghệ vi mạch bán dẫn`
    /// semiconductors; a level (`kỹ sư`, `engineer`) or another word (`cơ` of `cơ điện tử`) is not one.
    static let roleWords: Set<String> = ["nhan", "vien", "cong", "nghe", "chuyen", "tho", "technology", "staff", "worker", "operator", "employee", "officer",
                                         "specialist", "executive", "clerk"]

    /// Whether a group's phrases (folded) name the whole folded trade `folded`: with every run of them taken out, what
    /// is left only says a role (``roleWords``): `nhan vien qc`, `cong nghe vi mach ban dan` (two phrases of one group),
    /// not `co dien tu` or `ky su dien tu`.
    ///
    /// - Complexity: O(*p* · *n*) for *p* phrases and a trade of *n* bytes.
    static func names(_ phrases: [String], _ folded: String) -> Bool {
        var rest = " " + folded + " "
        var found = false
        for phrase in phrases.sorted(by: { $0.count > $1.count }) {
            while let range = rest.range(of: " " + phrase + " ") {
                rest.replaceSubrange(range, with: " ")
                found = true
            }
        }
        return found && rest.split(separator: " ").allSatisfy { roleWords.contains(String($0)) }
    }

    /// The words of `text` (as written) that fold to `part`, a run of the syllables of `folded` (its folded form);
    /// `part` itself when the two do not have the same syllables.
    static func words(_ part: String, of text: String, folded: String) -> String {
        let syllables = folded.split(separator: " "), written = text.split(whereSeparator: \.isWhitespace)
        let wanted = part.split(separator: " ")
        guard syllables.count == written.count, !wanted.isEmpty, wanted.count <= syllables.count else { return part }
        for start in 0...(syllables.count - wanted.count) where syllables[start..<(start + wanted.count)].elementsEqual(wanted) {
            return written[start..<(start + wanted.count)].joined(separator: " ")
        }
        return part
    }

    /// Whether `padded` (` folded phrase `) occurs in `item` (` folded text `) at least once where its first
    /// syllable does not end a two-syllable word begun before it, and its last does not begin one after it.
    ///
    /// | phrase | item | |
    /// |---|---|---|
    /// | `ky thuat vien dien` | `ky thuat vien dien tu` | no (`dien tu`) |
    /// | `tho dien` | `tho dien cong nghiep` | yes |
    /// | `lai xe` | `lai xe nang hang` | no (`xe nang`) |
    /// | `lai xe` | `lai xe tai, lai xe nang` | yes (the first) |
    ///
    /// - Complexity: O(*n* · *m*) for an item of *n* bytes and a phrase of *m*, as the byte search.
    static func occursAsWholeWords(_ padded: String, in item: String, words: Set<String>) -> Bool {
        guard item.containsBytes(padded) else { return false }
        if words.isEmpty { return true }
        let phrase = padded.split(separator: " "), syllables = item.split(separator: " ")
        guard let first = phrase.first, let last = phrase.last, phrase.count <= syllables.count else { return false }
        for start in 0...(syllables.count - phrase.count) where syllables[start..<(start + phrase.count)].elementsEqual(phrase) {
            let end = start + phrase.count
            if start > 0, words.contains("\(syllables[start - 1]) \(first)") { continue }
            if end < syllables.count, words.contains("\(last) \(syllables[end])") { continue }
            return true
        }
        return false
    }

    /// Whether the candidate names a skill (folded): the same phrase, one containing it or
    /// contained in it on whole syllables, or one of its synonym group.
    func covers(folded skill: String, synonyms: SynonymTable) -> Bool {
        let padded = " " + skill + " "
        let groups = Set(synonyms.groups(in: skill).map(\.group))
        return phrases.contains { phrase in
            padded.containsBytes(phrase.padded) || phrase.padded.containsBytes(padded) || !phrase.groups.isDisjoint(with: groups)
        }
    }

    /// The items of a free text: its sentences and clauses (split at `.`, `;`, `,`, line breaks).
    static func items(_ text: String) -> [String] {
        // Split on scalars, not Characters: this runs for every candidate of a shortlist.
        text.unicodeScalars.split(whereSeparator: { [".", ";", ",", "\n", "•"].contains($0) })
            .map { String(String.UnicodeScalarView($0)) }.filter { !$0.allSatisfy(\.isWhitespace) }
    }
}
