import JobRecords
import Testing
@testable import JobMatching

/// The allocator against brute force: on small fairs, every set of pairs that keeps the
/// capacities is tried, and the best by (preferred pairs, places filled, candidates placed,
/// total score) must equal what the allocator finds.
@Suite struct BoothAllocatorTests {
    /// The best (preferred, filled, placed, total in hundredths) over every feasible subset of pairs.
    private func bruteForce(candidates: Int, capacities: [Int], pairs: [BoothAllocator.Pair], perCandidate: Int) -> (Int, Int, Int, Int64) {
        var best: (Int, Int, Int, Int64) = (0, 0, 0, 0)
        for mask in 0..<(1 << pairs.count) {
            var perBooth = [Int](repeating: 0, count: capacities.count)
            var perPerson = [Int](repeating: 0, count: candidates)
            var total: Int64 = 0
            var feasible = true
            for (index, pair) in pairs.enumerated() where mask & (1 << index) != 0 {
                perBooth[pair.booth] += 1
                perPerson[pair.candidate] += 1
                total += Int64((pair.score * 100).rounded())
                if perBooth[pair.booth] > capacities[pair.booth] || perPerson[pair.candidate] > perCandidate { feasible = false; break }
            }
            guard feasible else { continue }
            let preferred = pairs.indices.filter { mask & (1 << $0) != 0 && pairs[$0].preferred }.count
            let value = (preferred, perBooth.reduce(0, +), perPerson.filter { $0 > 0 }.count, total)
            if value > best { best = value }
        }
        return best
    }

    private func value(_ allocation: BoothAllocator.Allocation, _ pairs: [BoothAllocator.Pair]) -> (Int, Int, Int, Int64) {
        (allocation.chosen.filter { pairs[$0].preferred }.count, allocation.filled, allocation.placed,
         allocation.chosen.reduce(Int64(0)) { $0 + Int64((pairs[$1].score * 100).rounded()) })
    }

    /// Cases where a greedy choice (best score first) goes wrong, written out.
    @Test func handPickedCases() {
        // One place at booth 0; candidate 0 is best there but the only one for booth 1:
        // greedy sends 0 to booth 0 and leaves booth 1 empty.
        let pairs = [BoothAllocator.Pair(candidate: 0, booth: 0, score: 9), .init(candidate: 1, booth: 0, score: 5),
                     .init(candidate: 0, booth: 1, score: 2)]
        let one = BoothAllocator(perCandidate: 1).allocate(candidates: 2, capacities: [1, 1], pairs: pairs)
        #expect(Set(one.chosen) == [1, 2])
        #expect(one.filled == 2 && one.placed == 2 && one.totalScore == 7)
        // Two booths each allowed: candidate 0 takes both.
        let two = BoothAllocator(perCandidate: 2).allocate(candidates: 2, capacities: [1, 1], pairs: pairs)
        #expect(two.filled == 2 && two.placed == 2)  // placing candidate 1 outweighs 0's better score at booth 0
        // Placing one more candidate outweighs a better total: 0 → booth 1, 1 → booth 0.
        let spread = [BoothAllocator.Pair(candidate: 0, booth: 0, score: 10), .init(candidate: 0, booth: 1, score: 10),
                      .init(candidate: 1, booth: 0, score: 1)]
        let fair = BoothAllocator(perCandidate: 2).allocate(candidates: 2, capacities: [1, 1], pairs: spread)
        #expect(Set(fair.chosen) == [1, 2])
        // No pairs, no capacity, a booth nobody may visit.
        #expect(BoothAllocator(perCandidate: 3).allocate(candidates: 3, capacities: [2, 0, 4], pairs: []).filled == 0)
        let closed = BoothAllocator(perCandidate: 3).allocate(candidates: 1, capacities: [0, 1],
                                                              pairs: [.init(candidate: 0, booth: 0, score: 5), .init(candidate: 0, booth: 1, score: 1)])
        #expect(closed.chosen == [1])
        // Preferred pairs first (a booth of the candidate's trade), then as many placed as possible: candidate 0 of both
        // booths' trade takes the one candidate 1, of a related trade, cannot use, though booth 1 suits 0 better.
        let trade = [BoothAllocator.Pair(candidate: 0, booth: 0, score: 3, preferred: true), .init(candidate: 0, booth: 1, score: 8, preferred: true),
                     .init(candidate: 1, booth: 1, score: 9)]
        #expect(Set(BoothAllocator(perCandidate: 1).allocate(candidates: 2, capacities: [1, 1], pairs: trade).chosen) == [0, 2])
        // A related candidate never takes the place of one of the trade, however better the score.
        let before = [BoothAllocator.Pair(candidate: 0, booth: 0, score: 1, preferred: true), .init(candidate: 1, booth: 0, score: 20)]
        #expect(BoothAllocator(perCandidate: 1).allocate(candidates: 2, capacities: [1], pairs: before).chosen == [0])
        // Negative scores are still made when they fill a place (the caller sets a minimum score).
        let low = BoothAllocator(perCandidate: 1).allocate(candidates: 1, capacities: [1], pairs: [.init(candidate: 0, booth: 0, score: -3)])
        #expect(low.chosen == [0])
    }

    /// 400 random small fairs, each against brute force.
    @Test func equalsBruteForceOnRandomFairs() {
        var generator = SplitMix64(seed: 20261203)
        for round in 0..<400 {
            let candidates = Int.random(in: 1...5, using: &generator)
            let booths = Int.random(in: 1...3, using: &generator)
            let capacities = (0..<booths).map { _ in Int.random(in: 0...3, using: &generator) }
            var pairs: [BoothAllocator.Pair] = []
            for c in 0..<candidates {
                for b in 0..<booths where Int.random(in: 0..<10, using: &generator) < 6 && pairs.count < 12 {
                    // Ties on purpose: scores from a small set.
                    pairs.append(.init(candidate: c, booth: b, score: Double(Int.random(in: 1...6, using: &generator)) * 1.25))
                }
            }
            let perCandidate = Int.random(in: 1...3, using: &generator)
            // With one booth each, some pairs preferred (a booth of the candidate's trade).
            if perCandidate == 1 {
                for index in pairs.indices { pairs[index].preferred = Int.random(in: 0..<3, using: &generator) == 0 }
            }
            let allocation = BoothAllocator(perCandidate: perCandidate).allocate(candidates: candidates, capacities: capacities, pairs: pairs)
            let expected = bruteForce(candidates: candidates, capacities: capacities, pairs: pairs, perCandidate: perCandidate)
            #expect(value(allocation, pairs) == expected, "fair \(round): \(capacities) \(pairs) per candidate \(perCandidate)")
            // The chosen pairs keep the capacities.
            for b in 0..<booths { #expect(allocation.chosen.filter { pairs[$0].booth == b }.count <= capacities[b]) }
            for c in 0..<candidates { #expect(allocation.chosen.filter { pairs[$0].candidate == c }.count <= perCandidate) }
        }
    }
}
