import Synchronization
import VietnameseText
import JobRecords

/// Completes job titles as a job seeker types (`ky su d` → `Kỹ sư điện tử`), by folded prefix.
///
/// Keeps each distinct title (compared folded) with the number of postings using it;
/// the sorted list is rebuilt on the first request after a change.
public final class TitleSuggester: Sendable {
    private struct State {
        var titles: [String: (display: String, count: Int)] = [:]
        var sorted: [(key: String, display: String, count: Int)]? = nil
    }

    private let state = Mutex(State())

    public init(titles: [String]) {
        state.withLock { state in
            for title in titles { Self.add(title, to: &state) }
        }
    }

    private static func add(_ title: String, to state: inout State) {
        let key = VietnameseAnalyzer().foldedText(title)
        guard !key.isEmpty else { return }
        state.titles[key, default: (title, 0)].count += 1
        state.sorted = nil
    }

    /// Records a change of titles (a posting added, replaced or deleted).
    public func update(removing old: String?, adding new: String?) {
        state.withLock { state in
            if let old {
                let key = VietnameseAnalyzer().foldedText(old)
                if let entry = state.titles[key] {
                    state.titles[key] = entry.count > 1 ? (entry.display, entry.count - 1) : nil
                    state.sorted = nil
                }
            }
            if let new { Self.add(new, to: &state) }
        }
    }

    /// Up to `limit` titles whose folded form starts with the folded `prefix`, most used first.
    ///
    /// - Complexity: O(log *t* + *m*) for *m* titles with the prefix (plus a sort after a change).
    public func suggest(_ prefix: String, limit: Int = 10) -> [String] {
        var key = VietnameseAnalyzer().foldedText(prefix)
        if prefix.last?.isWhitespace == true && !key.isEmpty { key += " " }
        guard !key.isEmpty else { return [] }
        return state.withLock { state in
            if state.sorted == nil {
                state.sorted = state.titles.map { ($0.key, $0.value.display, $0.value.count) }.sorted { $0.key < $1.key }
            }
            let sorted = state.sorted!
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
}
