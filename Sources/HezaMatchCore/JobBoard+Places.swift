import Foundation
import JobRecords

/// What the pages and the maintenance loop ask of the board beyond its answers, so that they need not reach its store
/// or reference tables.
extension JobBoard {
    /// Where the store is (a path, or a PostgreSQL URL without its password), for messages.
    public var location: String { store.location }

    /// A candidate's home as today's map names it (a commune of 2025, with its province), or `nil`.
    public func homeName(of profile: CandidateProfile) -> String? {
        reference.places.homeName(of: profile)
    }

    /// `name` (a commune, an old district, a province) as today's map spells it, or `nil` when the map has no such place.
    public func placeName(_ name: String) -> String? {
        reference.places.canonicalName(name)
    }

    /// Waits until the store has changed or `timeout` has passed (another process's write, a replica's catch-up).
    ///
    /// - Returns: whether a change was seen.
    public func waitForChanges(timeout: Duration) async -> Bool {
        await store.waitForChanges(timeout: timeout)
    }
}
