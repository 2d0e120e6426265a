/// Phrase checks on positions.
extension SegmentPlan {
    /// Whether the cursors' terms (all on one document) stand next to each other, in
    /// order, in some field.
    static func adjacent(_ cursors: [PostingsCursor], fieldCount: Int) -> Bool {
        for field in 0..<fieldCount {
            let lists = cursors.map { $0.positions(field: field) }
            guard let first = lists.first, !first.isEmpty, lists.allSatisfy({ !$0.isEmpty }) else { continue }
            for start in first {
                var all = true
                for (offset, list) in lists.enumerated().dropFirst() {
                    if !SegmentPlan.sortedContains(list, start &+ UInt32(offset)) {
                        all = false
                        break
                    }
                }
                if all { return true }
            }
        }
        return false
    }

    static func sortedContains(_ list: [UInt32], _ value: UInt32) -> Bool {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < list.count && list[low] == value
    }
}
