import SearchIndex

/// Alerts indexed so that a posting finds the ones it may answer without looking at them all (a percolator).
///
/// Alerts with the same criteria (everyone who saved `công nhân may` in Tràng Duệ) share one entry, checked once.
/// Each entry is filed under the terms of one of its required words (the word and its synonym groups' tokens),
/// or, with no word, under one of its keyword filters' values, or with the few that ask for nothing a posting's
/// words or keywords can name. A posting looks up its own terms and keyword values; each entry found is then
/// checked exactly (``SavedSearchCriteria/admits(_:)``).
///
/// The word an entry is filed under is the one whose terms have the fewest entries filed under them yet, so that a
/// common word (`công nhân`) does not make one long list every posting that has it must read.
///
/// - Complexity: adding an alert is O(*t*) for its criteria's *t* terms; removing one is O(*g* + *t* · *l*) for the
///   *g* alerts of its entry and the *l* entries of each list (when the entry goes); ``matches(_:)`` is O(*p* + *e* + *a*)
///   for the posting's *p* terms and keyword values, the *e* entries filed under them and the *a* alerts answered.
public struct AlertIndex: Sendable {
    /// An alert, and the candidate of a profile alert.
    public struct Member: Sendable, Hashable {
        public var id: String
        public var candidate: String?
    }

    /// Per slot (an entry: one criteria and the alerts that share it), in parallel arrays so that a check reads
    /// its criteria in place: the criteria (`nil` for a free slot), the keys it is filed under, its alerts.
    private var criteriaOf: [SavedSearchCriteria?] = []
    private var keysOf: [[String]] = []
    private var membersOf: [[Member]] = []
    private var free: [Int32] = []
    private var slotOfID: [String: Int32] = [:]
    private var slotOfCriteria: [SavedSearchCriteria: Int32] = [:]
    private var lists: [String: [Int32]] = [:]
    /// Entries with neither a word nor a keyword filter (a radius only): checked for every posting.
    private var unfiled: [Int32] = []

    public init() {}

    /// How many alerts are indexed.
    public var count: Int { slotOfID.count }

    /// How many distinct criteria they have.
    public var distinctCriteria: Int { slotOfCriteria.count }

    /// Indexes `criteria` as alert `id` (replacing what `id` had), a profile alert's with its `candidate`.
    public mutating func insert(id: String, criteria: SavedSearchCriteria, candidate: String? = nil) {
        remove(id: id)
        let member = Member(id: id, candidate: candidate)
        if let slot = slotOfCriteria[criteria] {
            membersOf[Int(slot)].append(member)
            slotOfID[id] = slot
            return
        }
        let keys = Self.keys(for: criteria, lists: lists)
        let slot: Int32
        if let reused = free.popLast() {
            slot = reused
            (criteriaOf[Int(slot)], keysOf[Int(slot)], membersOf[Int(slot)]) = (criteria, keys, [member])
        } else {
            slot = Int32(criteriaOf.count)
            criteriaOf.append(criteria)
            keysOf.append(keys)
            membersOf.append([member])
        }
        slotOfID[id] = slot
        slotOfCriteria[criteria] = slot
        if keys.isEmpty { unfiled.append(slot) }
        for key in keys { lists[key, default: []].append(slot) }
    }

    /// Forgets alert `id`.
    public mutating func remove(id: String) {
        guard let slot = slotOfID.removeValue(forKey: id), let criteria = criteriaOf[Int(slot)] else { return }
        membersOf[Int(slot)].removeAll { $0.id == id }
        guard membersOf[Int(slot)].isEmpty else { return }
        let keys = keysOf[Int(slot)]
        (criteriaOf[Int(slot)], keysOf[Int(slot)]) = (nil, [])
        slotOfCriteria[criteria] = nil
        if keys.isEmpty { unfiled.removeAll { $0 == slot } }
        for key in keys {
            lists[key]?.removeAll { $0 == slot }
            if lists[key]?.isEmpty == true { lists[key] = nil }
        }
        free.append(slot)
    }

    /// The alerts whose criteria `facts` answers, exactly: one list per criteria answered (shared, not copied).
    public func matches(_ facts: PostingFacts) -> [[Member]] {
        var found: [[Member]] = []
        var seen = Set<Int32>()
        func check(_ slot: Int32) {
            guard seen.insert(slot).inserted, criteriaOf[Int(slot)]?.admits(facts) == true else { return }
            found.append(membersOf[Int(slot)])
        }
        for term in facts.terms { for slot in lists[term] ?? [] { check(slot) } }
        for (field, values) in facts.keywords {
            for value in values { for slot in lists[Self.keywordKey(field, value)] ?? [] { check(slot) } }
        }
        for slot in unfiled { check(slot) }
        return found
    }

    /// How many entries `facts` would look at (for the benchmark: the exact checks made).
    public func candidateCount(for facts: PostingFacts) -> Int {
        var total = unfiled.count
        for term in facts.terms { total += lists[term]?.count ?? 0 }
        for (field, values) in facts.keywords { for value in values { total += lists[Self.keywordKey(field, value)]?.count ?? 0 } }
        return total
    }

    static func keywordKey(_ field: String, _ value: String) -> String { "\u{1}\(field)=\(value)" }

    /// The terms of the required word with the shortest lists; with no word, a keyword filter's values.
    private static func keys(for criteria: SavedSearchCriteria, lists: [String: [Int32]]) -> [String] {
        if let best = criteria.requirements.min(by: { cost($0.terms, lists) < cost($1.terms, lists) }) { return best.terms }
        for filter in criteria.filters {
            // The criteria's keyword values are folded already.
            if case .keyword(let field, let values) = filter, !values.isEmpty {
                return Array(Set(values.map { keywordKey(field, $0) }))
            }
        }
        return []
    }

    private static func cost(_ terms: [String], _ lists: [String: [Int32]]) -> Int {
        terms.reduce(0) { $0 + (lists[$1]?.count ?? 0) }
    }
}
