/// Walks one term's postings in one segment, document by document, decoding one
/// block of 128 at a time; skips whole blocks by their last document without
/// decoding them.
///
/// `doc` is the current document, or ``PostingsCursor/exhausted`` past the end.
/// Frequencies and positions of the current document are decoded only when asked.
final class PostingsCursor {
    static let exhausted = UInt32.max

    let segment: Segment
    let docFrequency: Int
    private let fieldCount: Int
    private let firstBlock: Int
    private let endBlock: Int
    private let positionFields: [Bool]
    private let positionsStart: Int
    /// The block decoded now (or the block `shallowAdvance` moved to).
    private(set) var block: Int
    private var decodedBlock = -1
    /// The last document of the decoded block (its last decoded document).
    private var decodedLastDoc: UInt32 = 0
    private var count = 0
    private var index = 0
    private(set) var doc: UInt32 = 0
    /// Where the decoded block's words end.
    private var blockEnd: UnsafePointer<UInt32>
    /// Where each field's frequencies start in block `frequencyRunsBlock`, with their exceptions (see
    /// ``findFrequencyRuns()``).
    private let frequencyRuns: UnsafeMutablePointer<(words: UnsafePointer<UInt32>, exceptions: PatchedPacking.Exceptions?)?>
    private var frequencyRunsBlock = -1
    private let docs: UnsafeMutablePointer<UInt32>
    private let frequencies: UnsafeMutablePointer<UInt32>
    private var frequenciesDecoded = false
    /// Frequencies of the decoded block read alone (``frequency(field:)``).
    private var packedReads = 0
    /// The block, document and byte where positions were last found (see ``positionsStartOfCurrentDocument()``).
    private var positionsBlock = -1
    private var positionsIndex = 0
    private var positionsPointer: UnsafePointer<UInt8>

    /// A cursor on the term with ordinal `ordinal`, before its first document
    /// (call ``nextDoc()`` or ``advance(to:)``).
    init(segment: Segment, ordinal: Int, positionFields: [Bool]) {
        self.segment = segment
        self.fieldCount = segment.fieldCount
        self.positionFields = positionFields
        firstBlock = Int(segment.termFirstBlock[ordinal])
        endBlock = Int(segment.termFirstBlock[ordinal + 1])
        docFrequency = Int(segment.termDocFrequency[ordinal])
        positionsStart = segment.positionsStart(ofTerm: ordinal)
        block = firstBlock
        docs = .allocate(capacity: SegmentFormat.blockSize)
        frequencies = .allocate(capacity: SegmentFormat.blockSize * segment.fieldCount)
        doc = 0
        index = -1
        positionsPointer = segment.positions
        blockEnd = segment.postings
        frequencyRuns = .allocate(capacity: max(segment.fieldCount, 1))
        frequencyRuns.initialize(repeating: nil, count: max(segment.fieldCount, 1))
    }

    deinit {
        docs.deallocate()
        frequencies.deallocate()
        frequencyRuns.deallocate()
    }

    /// Documents in block `block` of this term.
    @inline(__always)
    private func documents(inBlock block: Int) -> Int {
        block == endBlock - 1 ? docFrequency - (endBlock - firstBlock - 1) * SegmentFormat.blockSize : SegmentFormat.blockSize
    }

    private func decode(_ block: Int) {
        self.block = block
        decodedBlock = block
        decodedLastDoc = segment.blockLastDoc[block]
        count = documents(inBlock: block)
        let words = segment.postings + Int(segment.blockWordOffset[block])
        blockEnd = segment.postingsEnd(ofBlock: block)
        let descriptor = segment.blockWidths[block * (1 + fieldCount)]
        let previous: UInt32 = block == firstBlock ? 0 : segment.blockLastDoc[block - 1]
        // The doc run's packed words were checked to lie inside the block when the segment was opened.
        let sum = PatchedPacking.unpackRunningSums(words, count: count, descriptor: descriptor,
                                                   exceptions: PatchedPacking.exceptions(descriptor, count: count, at: words, end: blockEnd),
                                                   start: previous, overread: segment.postingsAllowOverread, interleaved: true, into: docs)
        if sum != UInt64(segment.blockLastDoc[block]) {
            // Damaged postings (a segment opened without its file's checksum): the deltas do not
            // add up to the block's last document, which was checked when the segment was opened.
            // Keep that one document, so that no document number beyond the segment is ever read.
            count = 1
            docs[0] = segment.blockLastDoc[block]
        }
        frequenciesDecoded = false
        packedReads = 0
        index = 0
    }

    private func decodeFrequencies() {
        let descriptors = segment.blockWidths + decodedBlock * (1 + fieldCount)
        if frequencyRunsBlock != decodedBlock { findFrequencyRuns() }
        for field in 0..<fieldCount {
            let output = frequencies + field * SegmentFormat.blockSize
            if let run = frequencyRuns[field] {
                PatchedPacking.unpack(run.words, count: count, descriptor: descriptors[1 + field], exceptions: run.exceptions,
                                      overread: segment.postingsAllowOverread, into: output)
            } else {
                output.update(repeating: 0, count: count)
            }
        }
        frequenciesDecoded = true
    }

    /// Moves to the next document and returns it.
    @discardableResult
    func nextDoc() -> UInt32 {
        if decodedBlock < 0 {
            guard firstBlock < endBlock else { doc = Self.exhausted; return doc }
            decode(firstBlock)
        } else {
            index += 1
            if index >= count {
                guard decodedBlock + 1 < endBlock else { doc = Self.exhausted; return doc }
                decode(decodedBlock + 1)
            }
        }
        doc = docs[index]
        return doc
    }

    /// Moves to the first document at or after `target` and returns it.
    ///
    /// - Complexity: O(log *b*) to find the block among *b*, then O(128) to decode it.
    @inline(__always)
    @discardableResult
    func advance(to target: UInt32) -> UInt32 {
        // Inlined where the target is in the decoded block (most look-ups); the rest is a call.
        if decodedBlock >= 0 && doc != Self.exhausted {
            if doc >= target { return doc }
            if decodedLastDoc >= target { return walk(to: target) }
        }
        return advance(pastBlockTo: target)
    }

    /// ``advance(to:)`` when no block is decoded, the cursor is past its end, or the target is past the decoded block.
    @inline(never)
    private func advance(pastBlockTo target: UInt32) -> UInt32 {
        if decodedBlock < 0 || segment.blockLastDoc[decodedBlock] < target {
            guard let found = blockContaining(target, from: decodedBlock < 0 ? firstBlock : decodedBlock + 1) else {
                doc = Self.exhausted
                decodedBlock = endBlock - 1
                return doc
            }
            decode(found)
        }
        return walk(to: target)
    }

    /// Moves through the decoded block to its first document at or after `target` (the block's last document,
    /// at least `target`, ends the walk).
    @inline(__always)
    private func walk(to target: UInt32) -> UInt32 {
        // A local index: the loop keeps it in a register (a stored property could alias `docs`).
        var i = index
        while docs[i] < target { i &+= 1 }
        index = i
        doc = docs[i]
        return doc
    }

    /// The decoded block, from the current document on, with its frequencies decoded: for
    /// loops that score a run of documents without a call per document (then ``move(toIndex:)``).
    @inline(__always)
    func decodedRun() -> (docs: UnsafePointer<UInt32>, frequencies: UnsafePointer<UInt32>, index: Int, count: Int) {
        if !frequenciesDecoded { decodeFrequencies() }
        return (UnsafePointer(docs), UnsafePointer(frequencies), index, count)
    }

    /// Moves to document `newIndex` of the decoded block (`index ≤ newIndex ≤ count`; at `count`,
    /// to the next block's first document) and returns it.
    @inline(__always)
    @discardableResult
    func move(toIndex newIndex: Int) -> UInt32 {
        if newIndex < count {
            index = newIndex
            doc = docs[newIndex]
            return doc
        }
        index = count - 1
        return nextDoc()
    }

    /// The first block from `start` whose last document is at least `target`.
    private func blockContaining(_ target: UInt32, from start: Int) -> Int? {
        var low = start, high = endBlock
        // Galloping first: targets are usually near.
        var step = 1
        while low + step < high && segment.blockLastDoc[low + step - 1] < target {
            low += step
            step <<= 1
        }
        high = min(high, low + step)
        while low < high {
            let middle = (low + high) / 2
            if segment.blockLastDoc[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low < endBlock ? low : nil
    }

    /// Moves the block pointer (without decoding) to the block that would hold
    /// `target`, for block-max bounds. Returns that block, or `nil` past the end.
    func shallowAdvance(to target: UInt32) -> Int? {
        if decodedBlock >= 0 && segment.blockLastDoc[block] >= target { return block }
        guard let found = blockContaining(target, from: max(block, firstBlock)) else { return nil }
        block = found
        return found
    }

    /// The last document of block `block`.
    @inline(__always)
    func lastDoc(ofBlock block: Int) -> UInt32 { segment.blockLastDoc[block] }

    /// The blocks of this term.
    var blocks: Range<Int> { firstBlock..<endBlock }

    /// The term frequency of the current document in text field `field`.
    @inline(__always)
    func frequency(field: Int) -> UInt32 {
        if !frequenciesDecoded {
            // Three documents of a block are read alone; from the fourth, the block's frequencies are decoded at once
            // (a dense AND scores most of a block: reading each alone, through its run's exceptions, cost it 28%).
            packedReads &+= 1
            if packedReads <= 3 { return packedFrequency(field: field) }
            decodeFrequencies()
        }
        return frequencies[field * SegmentFormat.blockSize + index]
    }

    /// The current document's frequency read from the packed block, without decoding the
    /// block's other 127: a lookup for one candidate needs one value.
    private func packedFrequency(field: Int) -> UInt32 {
        if frequencyRunsBlock != decodedBlock { findFrequencyRuns() }
        guard let run = frequencyRuns[field] else { return 0 }
        let descriptor = segment.blockWidths[decodedBlock * (1 + fieldCount) + 1 + field]
        return PatchedPacking.value(at: index, in: run.words, descriptor: descriptor, exceptions: run.exceptions)
    }

    /// Finds where each field's frequencies start in the decoded block (after the doc deltas' run and the
    /// fields' before it), `nil` for a run that does not lie inside the block. Opening a segment checks the
    /// packed words of every run but not the exception areas, which are in the postings themselves: a damaged
    /// exception count could otherwise send a later run past the block.
    private func findFrequencyRuns() {
        let descriptors = segment.blockWidths + decodedBlock * (1 + fieldCount)
        var words = segment.postings + Int(segment.blockWordOffset[decodedBlock])
        words += PatchedPacking.runWords(descriptors[0], count: count, at: words, end: blockEnd)
        for field in 0..<fieldCount {
            let descriptor = descriptors[1 + field]
            let packed = PatchedPacking.packedWords(descriptor, count: count)
            if words + packed <= blockEnd {
                let exceptions = PatchedPacking.exceptions(descriptor, count: count, at: words, end: blockEnd)
                frequencyRuns[field] = (words, exceptions)
                words += packed + PatchedPacking.exceptionWords(exceptions?.count ?? 0)
            } else {
                frequencyRuns[field] = nil
            }
        }
        frequencyRunsBlock = decodedBlock
    }

    /// Where the current document's positions start: found by skipping the positions
    /// of the documents before it in the block, from the last document asked about
    /// (so walking a block document by document reads each byte once).
    private func positionsStartOfCurrentDocument() -> UnsafePointer<UInt8> {
        if !frequenciesDecoded { decodeFrequencies() }
        if positionsBlock != decodedBlock || positionsIndex > index {
            positionsBlock = decodedBlock
            positionsIndex = 0
            positionsPointer = segment.positions + positionsStart + segment.positionsOffset(ofBlock: decodedBlock)
        }
        while positionsIndex < index {
            positionsPointer = skipPositions(of: positionsIndex, from: positionsPointer, fields: fieldCount)
            positionsIndex += 1
        }
        return positionsPointer
    }

    /// The pointer after the positions of document `document` (of the block) in the first `fields` fields
    /// (never past the end of the positions: damaged frequencies cannot send it outside the segment).
    private func skipPositions(of document: Int, from start: UnsafePointer<UInt8>, fields: Int) -> UnsafePointer<UInt8> {
        var cursor = start
        let end = segment.positions + segment.positionsByteCount
        for f in 0..<fields where positionFields[f] {
            for _ in 0..<frequencies[f * SegmentFormat.blockSize + document] {
                while cursor < end && cursor.pointee & 0x80 != 0 { cursor += 1 }
                if cursor >= end { return end }
                cursor += 1
            }
        }
        return cursor
    }

    /// The positions of the current document in text field `field`, in order.
    func positions(field: Int) -> [UInt32] {
        guard positionFields[field] else { return [] }
        var cursor = skipPositions(of: index, from: positionsStartOfCurrentDocument(), fields: field)
        var result: [UInt32] = []
        let frequency = Int(frequencies[field * SegmentFormat.blockSize + index])
        result.reserveCapacity(min(frequency, 1024))
        var position: UInt32 = 0
        let end = segment.positions + segment.positionsByteCount
        for _ in 0..<frequency {
            var value: UInt32 = 0
            var shift: UInt32 = 0
            while true {
                guard cursor < end else { return result }  // damaged: no position past the segment's
                let byte = cursor.pointee
                cursor += 1
                if shift < 32 { value |= UInt32(byte & 0x7F) << shift }
                if byte & 0x80 == 0 { break }
                shift += 7
            }
            position &+= value
            result.append(position)
        }
        return result
    }

    /// The encoded positions of the current document, every field: the same bytes in
    /// any segment, so that a merge copies them without decoding.
    func positionBytes() -> UnsafeBufferPointer<UInt8> {
        let start = positionsStartOfCurrentDocument()
        let end = skipPositions(of: index, from: start, fields: fieldCount)
        return UnsafeBufferPointer(start: start, count: end - start)
    }
}
