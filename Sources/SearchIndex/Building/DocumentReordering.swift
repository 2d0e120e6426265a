import Dispatch
import Foundation

/// Document-id reordering by recursive graph bisection (Dhulipala et al., KDD 2016; the
/// method of Lucene's `BPIndexReorderer`): documents that share terms get near numbers,
/// so postings have smaller gaps (a smaller index) and a term's best documents gather in
/// fewer blocks (more blocks skipped by block-max pruning).
///
/// The documents are split in two halves; documents move to the half where more of
/// their terms are, in swaps of pairs whose gains add up above zero, for a few rounds;
/// then each half is split again, down to ``leafSize`` documents. The gain of moving a
/// document is what it lowers the log-gap cost of its terms, Σ over the halves of
/// d · log₂(n / (d + 1)) for a term in d of a half's n documents; in a balanced split it
/// is slightly negative, so documents do not swap for nothing.
///
/// - Complexity: O(*p* · *r* · log(*n* / leaf)) for *p* postings of the terms considered,
///   *r* rounds, *n* documents; O(*p* + *n* + *t*) memory for *t* terms.
struct DocumentReordering {
    /// Terms of each document (term numbers), in compressed-row form.
    let termStarts: [Int]
    let terms: [UInt32]
    let termCount: Int
    var rounds = 12
    var leafSize = 64

    var documentCount: Int { termStarts.count - 1 }

    /// The new order: `order[newNumber]` is the old number of the document placed there.
    func order() -> [UInt32] {
        let n = documentCount
        var documents = (0..<n).map { UInt32($0) }
        guard n >= 2 * leafSize else { return documents }
        documents.withUnsafeMutableBufferPointer { buffer in
            termStarts.withUnsafeBufferPointer { starts in
                terms.withUnsafeBufferPointer { terms in
                    let context = Context(starts: starts.baseAddress!, terms: terms.baseAddress!, rounds: rounds, leafSize: leafSize)
                    let base = buffer.baseAddress!
                    var first = Workspace(termCount: termCount, documentCount: n)
                    context.bisectOnce(base, count: n, workspace: &first)
                    // The two halves on the two cores, each with its own counts.
                    let half = n / 2
                    let sendable = UnsafeSendable(base)
                    DispatchQueue.concurrentPerform(iterations: 2) { side in
                        var workspace = Workspace(termCount: termCount, documentCount: n - half)
                        let start = side == 0 ? sendable.pointer : sendable.pointer + half
                        context.bisect(start, count: side == 0 ? half : n - half, workspace: &workspace)
                    }
                }
            }
        }
        return documents
    }

    private struct UnsafeSendable: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<UInt32>
        init(_ pointer: UnsafeMutablePointer<UInt32>) { self.pointer = pointer }
    }

    /// Counts of each term on each side, and the gains of one node (reused down the recursion).
    private struct Workspace {
        var left: [Int32]
        var right: [Int32]
        var leftGains: [(gain: Float, slot: Int32)]
        var rightGains: [(gain: Float, slot: Int32)]
        /// cost[x] = x · log₂(n / (x + 1)) for each half's n.
        var leftCost: [Float] = []
        var rightCost: [Float] = []

        init(termCount: Int, documentCount: Int) {
            left = [Int32](repeating: 0, count: termCount)
            right = [Int32](repeating: 0, count: termCount)
            leftGains = []
            rightGains = []
            leftGains.reserveCapacity(documentCount / 2 + 1)
            rightGains.reserveCapacity(documentCount / 2 + 1)
        }
    }

    private struct Context: @unchecked Sendable {  // read-only pointers into arrays that outlive the work
        let starts: UnsafePointer<Int>
        let terms: UnsafePointer<UInt32>
        let rounds: Int
        let leafSize: Int

        func bisect(_ documents: UnsafeMutablePointer<UInt32>, count: Int, workspace: inout Workspace) {
            guard count >= 2 * leafSize else { return }
            bisectOnce(documents, count: count, workspace: &workspace)
            let half = count / 2
            bisect(documents, count: half, workspace: &workspace)
            bisect(documents + half, count: count - half, workspace: &workspace)
        }

        /// Splits `documents` into two halves by swapping documents that gain from moving.
        func bisectOnce(_ documents: UnsafeMutablePointer<UInt32>, count: Int, workspace: inout Workspace) {
            let half = count / 2
            func forEachTerm(of document: UInt32, _ body: (Int) -> Void) {
                for position in starts[Int(document)]..<starts[Int(document) + 1] { body(Int(terms[position])) }
            }
            func costs(_ n: Int) -> [Float] { (0...(n + 1)).map { Float(Double($0) * Foundation.log2(Double(n) / Double($0 + 1))) } }
            workspace.leftCost = costs(half)
            workspace.rightCost = costs(count - half)
            let leftCost = workspace.leftCost, rightCost = workspace.rightCost
            workspace.left.withUnsafeMutableBufferPointer { left in
                workspace.right.withUnsafeMutableBufferPointer { right in
                    for slot in 0..<half { forEachTerm(of: documents[slot]) { left[$0] += 1 } }
                    for slot in half..<count { forEachTerm(of: documents[slot]) { right[$0] += 1 } }
                    for _ in 0..<rounds {
                        workspace.leftGains.removeAll(keepingCapacity: true)
                        workspace.rightGains.removeAll(keepingCapacity: true)
                        for slot in 0..<half {
                            var gain: Float = 0
                            forEachTerm(of: documents[slot]) {
                                let l = Int(left[$0]), r = Int(right[$0])
                                gain += leftCost[l] + rightCost[r] - leftCost[l - 1] - rightCost[r + 1]
                            }
                            workspace.leftGains.append((gain, Int32(slot)))
                        }
                        for slot in half..<count {
                            var gain: Float = 0
                            forEachTerm(of: documents[slot]) {
                                let l = Int(left[$0]), r = Int(right[$0])
                                gain += rightCost[r] + leftCost[l] - rightCost[r - 1] - leftCost[l + 1]
                            }
                            workspace.rightGains.append((gain, Int32(slot)))
                        }
                        workspace.leftGains.sort { $0.gain > $1.gain || ($0.gain == $1.gain && $0.slot < $1.slot) }
                        workspace.rightGains.sort { $0.gain > $1.gain || ($0.gain == $1.gain && $0.slot < $1.slot) }
                        var swapped = 0
                        for pair in 0..<min(workspace.leftGains.count, workspace.rightGains.count) {
                            let fromLeft = workspace.leftGains[pair], fromRight = workspace.rightGains[pair]
                            guard fromLeft.gain + fromRight.gain > 0 else { break }
                            let a = documents[Int(fromLeft.slot)], b = documents[Int(fromRight.slot)]
                            forEachTerm(of: a) { left[$0] -= 1; right[$0] += 1 }
                            forEachTerm(of: b) { right[$0] -= 1; left[$0] += 1 }
                            documents[Int(fromLeft.slot)] = b
                            documents[Int(fromRight.slot)] = a
                            swapped += 1
                        }
                        if swapped == 0 { break }
                    }
                    // Leave the counts at zero for the next node.
                    for slot in 0..<half { forEachTerm(of: documents[slot]) { left[$0] = 0 } }
                    for slot in half..<count { forEachTerm(of: documents[slot]) { right[$0] = 0 } }
                }
            }
        }
    }
}
