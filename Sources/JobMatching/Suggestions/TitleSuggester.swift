import VietnameseText

/// Completes job titles as a job seeker types (`ky su d` → `Kỹ sư điện tử`), by folded prefix.
///
/// Built once from the titles of the postings and how many postings use each (titles compared
/// folded: the most used spelling is shown), then only read: a change of the postings makes a new
/// one, off the request path (`SearchAidsKeeper` in HezaMatchCore).
public struct TitleSuggester: Sendable {
    /// Folded title, the spelling shown, and the postings using it; sorted by folded title.
    private let sorted: [(key: String, display: String, count: Int)]

    /// - Parameter titles: each title as written, with the number of postings using it.
    /// - Complexity: O(*t* log *t*) for *t* titles.
    public init(titles: [String: Int]) {
        let analyzer = VietnameseAnalyzer()
        var merged: [String: (display: String, shown: Int, count: Int)] = [:]
        for (title, count) in titles where count > 0 {
            let key = analyzer.foldedText(title)
            guard !key.isEmpty else { continue }
            var entry = merged[key] ?? (title, 0, 0)
            entry.count += count
            // The spelling most postings use (ties: the first in code-point order, so the result does not
            // depend on the dictionary's order).
            if count > entry.shown || (count == entry.shown && title < entry.display) { (entry.display, entry.shown) = (title, count) }
            merged[key] = entry
        }
        sorted = merged.map { ($0.key, $0.value.display, $0.value.count) }.sorted { $0.key < $1.key }
    }

    /// A suggester of `titles`, each used by one posting.
    public init(titles: [String]) {
        self.init(titles: titles.reduce(into: [:]) { $0[$1, default: 0] += 1 })
    }

    /// Up to `limit` titles whose folded form starts with the folded `prefix`, most used first.
    ///
    /// - Complexity: O(log *t* + *m* log *m*) for *m* titles with the prefix.
    public func suggest(_ prefix: String, limit: Int = 10) -> [String] {
        var key = VietnameseAnalyzer().foldedText(prefix)
        if prefix.last?.isWhitespace == true && !key.isEmpty { key += " " }
        guard !key.isEmpty else { return [] }
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].key < key { low = middle + 1 } else { high = middle }
        }
        var found: [(String, Int)] = []
        var index = low
        while index < sorted.count && sorted[index].key.hasPrefix(key) {
            found.append((sorted[index].display, sorted[index].count))
            index += 1
        }
        return found.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
    }
}
