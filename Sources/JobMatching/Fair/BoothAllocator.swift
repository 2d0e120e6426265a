/// Chooses booths for candidates at a job fair: an exact min-cost flow.
///
/// The network: source → each candidate → each booth the candidate may visit → sink.
/// - source → candidate: one unit with a bonus for placing the candidate at all, then
///   ``perCandidate`` − 1 units without it;
/// - candidate → booth: one unit, worth the pair's score (only the admissible pairs);
/// - booth → sink: the booth's capacity, with a bonus for each place filled.
///
/// The bonuses are large enough to make the objective lexicographic: first as many
/// booth places filled as the pairs allow, then as many candidates placed as possible,
/// then the greatest total score. Scores count in hundredths (two decimals). With one
/// booth a candidate, places filled and candidates placed are the same, and pairs may be
/// ``Pair/preferred``: as many of them chosen as possible comes before the rest (the job
/// fair's candidates of a booth's trade before those of a related trade or general work).
///
/// Solved by successive shortest paths (Dijkstra with Johnson potentials, the first
/// potentials from the network's topological order, since the costs are negative).
/// A candidate not yet placed can be reached only from the source, so its distance is
/// final at once: its booth edges are relaxed in one linear pass, and only the booths
/// and the candidates already placed go through the heap.
///
/// - Complexity: O(F · (P + V log V)) for F units of flow (≤ the booths' capacity),
///   P admissible pairs and V candidates placed so far plus booths.
public struct BoothAllocator: Sendable {
    /// A candidate who may visit a booth, and how well they fit (higher is better).
    public struct Pair: Sendable, Hashable {
        public var candidate: Int
        public var booth: Int
        public var score: Double
        /// Chosen before any pair that is not (only with one booth a candidate).
        public var preferred: Bool

        public init(candidate: Int, booth: Int, score: Double, preferred: Bool = false) {
            self.candidate = candidate
            self.booth = booth
            self.score = score
            self.preferred = preferred
        }
    }

    /// What was chosen: indexes into the pairs given.
    public struct Allocation: Sendable {
        public var chosen: [Int]
        /// Booth places filled, candidates with at least one booth, sum of the chosen scores.
        public var filled: Int
        public var placed: Int
        public var totalScore: Double
        /// Augmenting paths found (one unit each).
        public var augmentations: Int
    }

    /// Booths a candidate visits at most.
    public var perCandidate: Int

    public init(perCandidate: Int) {
        precondition(perCandidate >= 1, "a candidate visits at least one booth")
        self.perCandidate = perCandidate
    }

    /// The allocation that fills most booth places, then places most candidates, then
    /// has the greatest total score, under the capacities; with one booth a candidate, the
    /// most preferred pairs before all that.
    ///
    /// - Parameters:
    ///   - candidates: how many candidates (indexes `0..<candidates`);
    ///   - capacities: each booth's places;
    ///   - pairs: the admissible candidate–booth pairs, each at most once.
    public func allocate(candidates: Int, capacities: [Int], pairs: [Pair]) -> Allocation {
        let booths = capacities.count
        let source = 0, sink = candidates + booths + 1
        func candidateNode(_ c: Int) -> Int { 1 + c }
        func boothNode(_ b: Int) -> Int { 1 + candidates + b }
        let nodes = candidates + booths + 2

        // Costs in hundredths; bonuses that no change of the lower terms can outweigh.
        let costs = pairs.map { Int64(($0.score * 100).rounded()) }
        let totalPlaces = capacities.reduce(0) { $0 + max(0, $1) }
        let largest = costs.map { abs($0) }.max() ?? 0
        let scoreRange = Int64(totalPlaces) * (2 * largest + 1) + 1
        let placeBonus = scoreRange
        let alone = perCandidate == 1  // a place filled is a candidate placed: one bonus says both
        precondition(alone || !pairs.contains(where: \.preferred), "preferred pairs need one booth a candidate")
        let fillBonus = alone ? 0 : placeBonus * Int64(min(candidates, totalPlaces) + 1) + scoreRange
        let preferBonus = alone ? placeBonus * Int64(min(candidates, totalPlaces) + 1) + scoreRange : 0

        // Edges in pairs (forward at an even index, its reverse after it), grouped by tail (CSR).
        var tails: [Int32] = [], heads: [Int32] = [], capacity: [Int32] = [], cost: [Int64] = []
        func addEdge(_ from: Int, _ to: Int, _ units: Int, _ price: Int64) {
            tails += [Int32(from), Int32(to)]
            heads += [Int32(to), Int32(from)]
            capacity += [Int32(units), 0]
            cost += [price, -price]
        }
        for c in 0..<candidates {
            addEdge(source, candidateNode(c), 1, -placeBonus)
            if perCandidate > 1 { addEdge(source, candidateNode(c), perCandidate - 1, 0) }
        }
        let firstPairEdge = tails.count
        for (index, pair) in pairs.enumerated() {
            precondition((0..<candidates).contains(pair.candidate) && (0..<booths).contains(pair.booth), "pair \(index) out of range")
            addEdge(candidateNode(pair.candidate), boothNode(pair.booth), 1, -costs[index] - (pair.preferred ? preferBonus : 0))
        }
        for b in 0..<booths where capacities[b] > 0 {
            addEdge(boothNode(b), sink, capacities[b], -fillBonus)
        }
        var start = [Int](repeating: 0, count: nodes + 1)
        for tail in tails { start[Int(tail) + 1] += 1 }
        for v in 0..<nodes { start[v + 1] += start[v] }
        var order = [Int32](repeating: 0, count: tails.count)
        var fill = start
        for (edge, tail) in tails.enumerated() {
            order[fill[Int(tail)]] = Int32(edge)
            fill[Int(tail)] += 1
        }

        // First potentials: shortest distances in the DAG source → candidates → booths → sink.
        let infinity = Int64.max / 4
        var potential = [Int64](repeating: infinity, count: nodes)
        potential[source] = 0
        for c in 0..<candidates { potential[candidateNode(c)] = -placeBonus }
        for edge in stride(from: firstPairEdge, to: tails.count, by: 2) where capacity[edge] > 0 {
            let from = Int(tails[edge]), to = Int(heads[edge])
            if potential[from] < infinity { potential[to] = min(potential[to], potential[from] + cost[edge]) }
        }
        for b in 0..<booths { potential[sink] = min(potential[sink], potential[boothNode(b)] == infinity ? infinity : potential[boothNode(b)] - fillBonus) }
        // Nodes no path reaches keep a finite potential that makes no edge negative.
        let unreachable = (potential.filter { $0 < infinity }.min() ?? 0) - fillBonus - preferBonus - placeBonus - scoreRange
        for v in 0..<nodes where potential[v] == infinity { potential[v] = unreachable }

        var used = [Int32](repeating: 0, count: candidates)  // booths each candidate has
        var distance = [Int64](repeating: infinity, count: nodes)
        var parent = [Int32](repeating: -1, count: nodes)
        var done = [Bool](repeating: false, count: nodes)
        var heap = MinHeap()
        var augmentations = 0
        func relax(from node: Int) {
            let base = distance[node] + potential[node]
            for slot in start[node]..<start[node + 1] {
                let edge = Int(order[slot])
                guard capacity[edge] > 0 else { continue }
                let to = Int(heads[edge])
                guard !done[to] else { continue }
                let d = base + cost[edge] - potential[to]
                if d < distance[to] {
                    distance[to] = d
                    parent[to] = Int32(edge)
                    heap.push(d, Int32(to))
                }
            }
        }
        while true {
            for v in 0..<nodes { distance[v] = infinity; parent[v] = -1; done[v] = false }
            distance[source] = 0
            done[source] = true
            heap.removeAll()
            // The source: candidates not yet placed are final at once, and relax their booths.
            for slot in start[source]..<start[source + 1] {
                let edge = Int(order[slot])
                guard capacity[edge] > 0 else { continue }
                let to = Int(heads[edge])
                let d = cost[edge] + potential[source] - potential[to]
                guard d < distance[to] else { continue }
                distance[to] = d
                parent[to] = Int32(edge)
                if used[to - 1] == 0 {
                    done[to] = true
                    relax(from: to)
                } else {
                    heap.push(d, Int32(to))
                }
            }
            while let top = heap.pop() {
                let (d, node) = (top.0, Int(top.1))
                if done[node] || d > distance[node] { continue }
                done[node] = true
                if node == sink { break }
                relax(from: node)
            }
            guard done[sink] else { break }
            let reach = distance[sink]
            // The path's true cost: stop when it no longer lowers the total.
            guard reach + potential[sink] - potential[source] < 0 else { break }
            for v in 0..<nodes { potential[v] += min(distance[v], reach) }
            var node = sink
            while node != source {
                let edge = Int(parent[node])
                capacity[edge] -= 1
                capacity[edge ^ 1] += 1
                let tail = Int(tails[edge])
                if tail >= 1 && tail <= candidates && node > candidates {
                    used[tail - 1] += 1  // candidate → booth
                } else if node >= 1 && node <= candidates && tail > candidates && tail != sink {
                    used[node - 1] -= 1  // booth → candidate: the candidate leaves that booth
                }
                node = tail
            }
            augmentations += 1
        }

        var chosen: [Int] = []
        var placed = Set<Int>()
        var total = 0.0
        for index in pairs.indices where capacity[firstPairEdge + 2 * index] == 0 {
            chosen.append(index)
            placed.insert(pairs[index].candidate)
            total += pairs[index].score
        }
        return Allocation(chosen: chosen, filled: chosen.count, placed: placed.count, totalScore: total, augmentations: augmentations)
    }
}

/// A binary min-heap of (key, node), ties by node.
private struct MinHeap {
    private var keys: [Int64] = []
    private var nodes: [Int32] = []

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }

    private func less(_ i: Int, _ j: Int) -> Bool { keys[i] != keys[j] ? keys[i] < keys[j] : nodes[i] < nodes[j] }

    mutating func push(_ key: Int64, _ node: Int32) {
        keys.append(key)
        nodes.append(node)
        var child = keys.count - 1
        while child > 0 {
            let up = (child - 1) / 2
            guard less(child, up) else { break }
            keys.swapAt(child, up)
            nodes.swapAt(child, up)
            child = up
        }
    }

    mutating func pop() -> (Int64, Int32)? {
        guard let first = keys.first else { return nil }
        let top = (first, nodes[0])
        let last = keys.count - 1
        keys.swapAt(0, last)
        nodes.swapAt(0, last)
        keys.removeLast()
        nodes.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < keys.count && less(left, smallest) { smallest = left }
            if right < keys.count && less(right, smallest) { smallest = right }
            guard smallest != parent else { break }
            keys.swapAt(parent, smallest)
            nodes.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }
}
