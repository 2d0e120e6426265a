import JobRecords

/// The candidate–booth pairs of a job fair, each candidate numbered once for the ``BoothAllocator``: those of a
/// booth's trade (``BoothAllocator/Pair/preferred``), then those of a related trade or of general work.
///
/// A candidate with any pair fits some booth (`summary.eligible_candidates`), whether or not the booth has places left.
struct FairPairs {
    private var numbers: [String: Int] = [:]
    private var ids: [String] = []
    private var taken: Set<Pairing> = []
    /// The pairs, and the ranked candidate of each (the same index).
    private(set) var pairs: [BoothAllocator.Pair] = []
    private(set) var ranked: [RankedCandidate] = []

    private struct Pairing: Hashable {
        var candidate: Int
        var booth: Int
    }

    /// Candidates with at least one pair.
    var count: Int { ids.count }
    var candidates: Set<String> { Set(ids) }

    /// The id of a candidate's number.
    func id(of number: Int) -> String { ids[number] }

    /// Whether the candidate already has a pair at the booth. O(1).
    func contains(_ id: String, booth: Int) -> Bool {
        guard let number = numbers[id] else { return false }
        return taken.contains(Pairing(candidate: number, booth: booth))
    }

    /// Adds a pair; a candidate's second pair at one booth is ignored. O(1) amortised.
    mutating func add(_ id: String, booth: Int, _ candidate: RankedCandidate, ofTheTrade: Bool) {
        let number = numbers[id] ?? ids.count
        if number == ids.count {
            numbers[id] = number
            ids.append(id)
        }
        guard taken.insert(Pairing(candidate: number, booth: booth)).inserted else { return }
        pairs.append(BoothAllocator.Pair(candidate: number, booth: booth, score: candidate.score, preferred: ofTheTrade))
        ranked.append(candidate)
    }
}
