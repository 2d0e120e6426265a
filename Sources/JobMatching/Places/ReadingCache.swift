import Synchronization

/// The last few thousand places read, by their text: the same district or zone is written on thousands of
/// records, and a bulk load or a shortlist reads each record's places.
///
/// Bounded: when full it starts again empty (a record's text is read in microseconds).
final class ReadingCache: Sendable {
    private let entries = Mutex<[String: PlaceReading?]>([:])
    private let capacity: Int

    init(capacity: Int = 8_192) {
        self.capacity = capacity
    }

    /// The reading of `text`, from the cache or from `read` (and then kept).
    ///
    /// - Complexity: O(1) expected, besides `read` on a miss.
    func reading(of text: String, _ read: (String) -> PlaceReading?) -> PlaceReading? {
        if let found = entries.withLock({ $0[text] }) { return found }
        let reading = read(text)
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[text] = reading
        }
        return reading
    }
}
