import JobRecords
import VietnameseText

/// A posting's side of the comparison, folded once: its title, each skill and each sentence of
/// its requirements (apart, so that nothing matches across two of them), their synonym groups,
/// the licences it names and the level its title says. A shortlist compares one posting with
/// many candidates: this is computed once for all of them.
struct PostingTrades: Sendable {
    /// The posting's id.
    let id: String
    /// Each item folded and padded with spaces (`" tho han "`); the title first.
    let items: [String]
    /// Each item's canonical form padded (accents kept), when it is written with accents: a trade written with accents
    /// is found only where the accents agree (`may` is not `máy`).
    let canonicalItems: [String?]
    /// The synonym groups of each item, and of all of them.
    let itemGroups: [Set<Int>]
    let groups: Set<Int>
    /// The licences named, each with whether its item marks it required; of several of one
    /// kind (`bằng lái C, bằng FC`), the lowest, since either is asked.
    let licences: [(licence: Licence, mandatory: Bool)]
    /// The level the title says, if any.
    let level: JobLevel?
    /// The posting's skills as written, and folded (`items[1...skills.count]`).
    let skills: [(text: String, folded: String)]
    /// Its occupations (``OccupationTaxonomy``), from the title, else the skills.
    let occupations: [OccupationTaxonomy.Found]

    init(_ posting: JobPosting, synonyms: SynonymTable, occupations taxonomy: OccupationTaxonomy = OccupationTaxonomy()) {
        id = posting.id
        let analyzer = VietnameseAnalyzer()
        let written = [posting.title] + (posting.skills ?? []) + CandidateTrades.items(posting.requirements ?? "")
        let folded = written.map { analyzer.foldedText($0) }
        items = folded.map { " " + $0 + " " }
        let canonical = written.map { analyzer.canonicalText($0) }
        canonicalItems = zip(canonical, folded).map { $0 == $1 ? nil : " " + $0 + " " }
        let levelGroups = GenericSkills.levelGroups(synonyms)  // a level is no trade
        itemGroups = zip(folded, canonical).map { Set(synonyms.groups(in: $0, canonical: $1).map(\.group)).subtracting(levelGroups) }
        groups = itemGroups.reduce(into: Set<Int>()) { $0.formUnion($1) }
        var found: [(licence: Licence, mandatory: Bool)] = []
        for item in folded {
            let mandatory = Licence.isMandatory(folded: item)
            for licence in Licence.named(inFolded: item) {
                if let index = found.firstIndex(where: { $0.licence.kind == licence.kind }) {
                    // Two of one kind: the one the other covers is what is asked at least.
                    if found[index].licence.satisfies(licence) { found[index].licence = licence }
                    found[index].mandatory = found[index].mandatory || mandatory
                } else {
                    found.append((licence, mandatory))
                }
            }
        }
        licences = found
        level = JobLevel(title: posting.title)
        skills = zip(posting.skills ?? [], folded.dropFirst()).map { (TableText.trimmed(Substring($0)), $1) }
        occupations = taxonomy.occupations(of: posting)
    }
}
