import Foundation
import Testing
import CSearchKernels
@testable import SearchIndex

/// The C loop that adds a run of postings into a window of ranked OR (`hz_add_postings`) gives the sums the Swift
/// scorer gives: `SegmentPlan.fixedPoint(BM25F.oneFieldScore(…))` for every norm byte and for frequencies in the
/// table, past it and past the clamp, set then added, and only into marked slots when asked.
@Suite struct WindowKernelTests {
    @Test(arguments: [1, 17, 300])
    func addsWhatTheScorerScores(frequencyStep: Int) {
        let scorer = BM25F(schema: singleFieldSchema, averageLengths: [37.5])
        let weight = 2.718
        let start: UInt32 = 5_000, count = 700
        let docs = (0..<count).map { start + UInt32($0 * 3) }  // every third slot, to the window's last words
        let frequencies = (0..<count).map { UInt32(1 + ($0 * frequencyStep) % 70_000) }
        var norms = [UInt8](repeating: 0, count: Int(start) + 3 * count)
        for (i, doc) in docs.enumerated() { norms[Int(doc)] = UInt8(truncatingIfNeeded: i * 7) }
        let end = docs[count - 2]  // the last posting is past the window
        func expected(_ i: Int) -> UInt64 {
            SegmentPlan.fixedPoint(scorer.oneFieldScore(frequency: frequencies[i], norm: norms[Int(docs[i])], weight: weight))
        }
        let window = WindowBuffer()
        func add(onlyMarked: Bool) -> Int {
            docs.withUnsafeBufferPointer { d in
                frequencies.withUnsafeBufferPointer { f in
                    norms.withUnsafeBufferPointer { n in
                        hz_add_postings(d.baseAddress!, f.baseAddress!, 0, count, end, start, n.baseAddress!, scorer.saturated,
                                        scorer.factors, weight, scorer.k1, window.marks, window.scores, onlyMarked ? 1 : 0)
                    }
                }
            }
        }
        #expect(add(onlyMarked: false) == count - 1)
        #expect(add(onlyMarked: false) == count - 1)
        for i in 0..<(count - 1) {
            let slot = Int(docs[i] - start)
            #expect(window.marks[slot >> 6] & (1 << UInt64(slot & 63)) != 0)
            #expect(window.scores[slot] == 2 &* expected(i), "posting \(i): tf \(frequencies[i])")
        }
        // Only the marked: unmark every other posting's slot, add once more.
        for i in stride(from: 0, to: count - 1, by: 2) {
            let slot = Int(docs[i] - start)
            window.marks[slot >> 6] &= ~(1 << UInt64(slot & 63))
        }
        #expect(add(onlyMarked: true) == count - 1)
        for i in 0..<(count - 1) {
            let slot = Int(docs[i] - start)
            #expect(window.scores[slot] == (i % 2 == 0 ? 2 : 3) &* expected(i))
            #expect((window.marks[slot >> 6] & (1 << UInt64(slot & 63)) != 0) == (i % 2 == 1))
        }
    }
}

extension WindowKernelTests {
    /// `hz_keep_candidates` lists the marked slots above the limit in order and unmarks the rest, as the loop with
    /// a branch does: random marks and scores, limits from none (-1) to above every score.
    @Test(arguments: [Int64(-1), 0, 1 << 30, 1 << 33, Int64.max])
    func listsTheCandidatesAboveTheLimit(hopeless: Int64) {
        var generator = SeededGenerator(seed: UInt64(truncatingIfNeeded: hopeless &+ 7))
        let window = WindowBuffer()
        let words = 37, start: UInt32 = 90_000
        var expectedCandidates: [UInt32] = []
        var expectedMarks = [UInt64](repeating: 0, count: words)
        for word in 0..<words {
            let bits = generator.next() & generator.next()  // a quarter of the slots marked
            window.marks[word] = bits
            for bit in 0..<64 where bits & (1 << UInt64(bit)) != 0 {
                let slot = word << 6 | bit
                window.scores[slot] = generator.next() >> 29  // up to 2³⁵
                if Int64(bitPattern: window.scores[slot]) > hopeless {
                    expectedCandidates.append(start + UInt32(slot))
                    expectedMarks[word] |= 1 << UInt64(bit)
                }
            }
        }
        let live = hz_keep_candidates(window.marks, window.scores, words, start, hopeless, window.candidates)
        #expect(Array(UnsafeBufferPointer(start: window.candidates, count: live)) == expectedCandidates)
        #expect(Array(UnsafeBufferPointer(start: window.marks, count: words)) == expectedMarks)
        #expect(hopeless != -1 || live > 100)
    }
}

extension WindowKernelTests {
    /// `hz_list_postings` (one essential clause) lists, marks and scores what `hz_add_postings` then
    /// `hz_keep_candidates` do, at limits from none to above every score.
    @Test(arguments: [-1.0, 0.5, 1.2, 1.9, 99])
    func listsAsItScoresWhatAddingThenKeepingLists(limit: Double) {
        let scorer = BM25F(schema: singleFieldSchema, averageLengths: [40])
        let weight = 1.7, start: UInt32 = 64_000, count = 128
        var generator = SeededGenerator(seed: 5)
        var docs: [UInt32] = []
        var doc = start + 3
        for _ in 0..<count {
            docs.append(doc)
            doc += 1 + UInt32(generator.next() % 20)
        }
        let frequencies = (0..<count).map { _ in UInt32(1 + generator.next() % 6) }
        let norms = (0..<Int(doc)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let end = docs[count - 3]
        let hopeless = SegmentPlan.hopeless(limit)
        let added = WindowBuffer(), listed = WindowBuffer()
        var listedCount = 0
        let (addedEnd, listedEnd) = docs.withUnsafeBufferPointer { d in
            frequencies.withUnsafeBufferPointer { f in
                norms.withUnsafeBufferPointer { n in
                    (hz_add_postings(d.baseAddress!, f.baseAddress!, 0, count, end, start, n.baseAddress!, scorer.saturated, scorer.factors,
                                     weight, scorer.k1, added.marks, added.scores, 0),
                     hz_list_postings(d.baseAddress!, f.baseAddress!, 0, count, end, start, n.baseAddress!, scorer.saturated, scorer.factors,
                                      weight, scorer.k1, hopeless, listed.marks, listed.scores, listed.candidates, &listedCount))
                }
            }
        }
        let words = Int(end - start) / 64 + 1
        let kept = hz_keep_candidates(added.marks, added.scores, words, start, hopeless, added.candidates)
        #expect(addedEnd == count - 2 && listedEnd == count - 2)
        #expect(listedCount == kept)
        let candidates = Array(UnsafeBufferPointer(start: listed.candidates, count: listedCount))
        #expect(candidates == Array(UnsafeBufferPointer(start: added.candidates, count: kept)))
        #expect(Array(UnsafeBufferPointer(start: listed.marks, count: words)) == Array(UnsafeBufferPointer(start: added.marks, count: words)))
        #expect(candidates.allSatisfy { listed.scores[Int($0 - start)] == added.scores[Int($0 - start)] })
        #expect(limit > 50 ? kept == 0 : limit < 0 ? kept == count - 2 : (0 < kept && kept < count - 2))
    }
}
