/// Scores and marks of the documents of one window of a ranked OR (at most
/// ``capacity`` documents), reused from window to window.
final class WindowBuffer {
    static let capacity = 4096
    let scores = UnsafeMutablePointer<UInt64>.allocate(capacity: WindowBuffer.capacity)
    let marks = UnsafeMutablePointer<UInt64>.allocate(capacity: WindowBuffer.capacity / 64)
    /// The window's candidates still in the running (their scores so far are in `scores`).
    let candidates = UnsafeMutablePointer<UInt32>.allocate(capacity: WindowBuffer.capacity)

    init() { marks.initialize(repeating: 0, count: WindowBuffer.capacity / 64) }

    deinit {
        scores.deallocate()
        marks.deallocate()
        candidates.deallocate()
    }
}
