import SearchIndex
import VietnameseText

/// Saved searches indexed so that a posting finds the ones it may answer without looking at them all (a
/// percolator): each search is filed under the terms of one of its required words (the word and its synonym
/// groups' tokens), or, with no word, under one of its keyword filters' values, or with the few that ask for
/// nothing a posting's words or keywords can name. A posting looks up its own terms and keyword values; each
/// search found is then checked exactly (``SavedSearchCriteria/admits(_:)``).
///
/// The word a search is filed under is the one whose terms have the fewest searches filed under them yet, so
/// that a common word (`công nhân`) does not make one long list every posting that has it must read.
///
/// - Complexity: adding or removing a search is O(*t*) for its *t* terms (removal empties its slot for the next); ``candidates(for:)`` is O(*p* + *c*) for *p* terms and keyword values of
///   the posting and *c* searches filed under them.
public struct AlertIndex: Sendable {
    private struct Entry: Sendable {
        var id: String
        var criteria: SavedSearchCriteria
        var keys: [String]
    }

    private var entries: [Entry?] = []
    private var free: [Int32] = []
    private var slotOfID: [String: Int32] = [:]
    private var lists: [String: [Int32]] = [:]
    /// Searches with neither a word nor a keyword filter (a radius only): checked for every posting.
    private var unfiled: [Int32] = []

    public init() {}

    /// How many searches are indexed.
    public var count: Int { slotOfID.count }

    /// Indexes `criteria` as alert `id` (replacing what `id` had).
    public mutating func insert(id: String, criteria: SavedSearchCriteria) {
        remove(id: id)
        let keys = Self.keys(for: criteria, lists: lists)
        let slot: Int32
        if let reused = free.popLast() {
            slot = reused
            entries[Int(slot)] = Entry(id: id, criteria: criteria, keys: keys)
        } else {
            slot = Int32(entries.count)
            entries.append(Entry(id: id, criteria: criteria, keys: keys))
        }
        slotOfID[id] = slot
        if keys.isEmpty { unfiled.append(slot) }
        for key in keys { lists[key, default: []].append(slot) }
    }

    /// Forgets alert `id`.
    public mutating func remove(id: String) {
        guard let slot = slotOfID.removeValue(forKey: id), let entry = entries[Int(slot)] else { return }
        entries[Int(slot)] = nil
        if entry.keys.isEmpty { unfiled.removeAll { $0 == slot } }
        for key in entry.keys {
            lists[key]?.removeAll { $0 == slot }
            if lists[key]?.isEmpty == true { lists[key] = nil }
        }
        free.append(slot)
    }

    /// The alerts whose searches `facts` answers, exactly.
    public func matches(_ facts: PostingFacts) -> [String] {
        var found: [String] = []
        var seen = Set<Int32>()
        func check(_ slot: Int32) {
            guard seen.insert(slot).inserted, let entry = entries[Int(slot)], entry.criteria.admits(facts) else { return }
            found.append(entry.id)
        }
        for term in facts.terms { for slot in lists[term] ?? [] { check(slot) } }
        for (field, values) in facts.keywords {
            for value in values { for slot in lists[Self.keywordKey(field, value)] ?? [] { check(slot) } }
        }
        for slot in unfiled { check(slot) }
        return found
    }

    /// How many searches `facts` would look at (for the benchmark: the work before the exact checks).
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
        let analyzer = VietnameseAnalyzer()
        for filter in criteria.filters {
            if case .keyword(let field, let values) = filter, !values.isEmpty {
                return Array(Set(values.map { keywordKey(field, analyzer.foldedText($0)) }))
            }
        }
        return []
    }

    private static func cost(_ terms: [String], _ lists: [String: [Int32]]) -> Int {
        terms.reduce(0) { $0 + (lists[$1]?.count ?? 0) }
    }
}
