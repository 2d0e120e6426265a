/// Encodes the postings of one term after another into blocks of 128 documents:
/// doc deltas and per-field term frequencies packed with exceptions (``PatchedPacking``), with skip data (last doc,
/// offsets) and the figures that bound a block's score (largest tf, smallest norm).
struct PostingsEncoder {
    let fieldCount: Int
    private(set) var blockLastDoc: [UInt32] = []
    private(set) var blockWordOffset: [UInt32] = []
    private(set) var blockPositionsOffset: [UInt32] = []
    private(set) var blockWidths: [UInt8] = []
    private(set) var blockMaxFrequency: [UInt16] = []
    private(set) var blockMinNorm: [UInt8] = []
    private(set) var postings: [UInt32] = []
    /// Positions of all terms; callers append through ``appendPosition(_:)``.
    private(set) var positions: [UInt8] = []

    private var docs: [UInt32]
    private var frequencies: [UInt32]  // field-major: frequencies[field * 128 + i]
    private var norms: [UInt8]          // field-major, as frequencies
    private var pending = 0
    private var pendingPositionsStart = 0
    private var termPositionsStart = 0
    private var termBlocks = 0
    private var previousLastDoc: UInt32 = 0
    private var scratch: [UInt32]

    init(fieldCount: Int) {
        self.fieldCount = fieldCount
        docs = [UInt32](repeating: 0, count: SegmentFormat.blockSize)
        frequencies = [UInt32](repeating: 0, count: SegmentFormat.blockSize * fieldCount)
        norms = [UInt8](repeating: 0, count: SegmentFormat.blockSize * fieldCount)
        scratch = [UInt32](repeating: 0, count: SegmentFormat.blockSize)
    }

    var blockCount: Int { blockLastDoc.count }

    /// Starts a term; returns where its positions start.
    mutating func beginTerm() -> UInt64 {
        termPositionsStart = positions.count
        termBlocks = 0
        previousLastDoc = 0
        pending = 0
        return UInt64(termPositionsStart)
    }

    /// Adds a document (in increasing order) with its term frequency and norm in
    /// each field. Its positions follow through ``appendPosition(_:)``.
    mutating func add(doc: UInt32, frequencies docFrequencies: UnsafeBufferPointer<UInt32>, norms docNorms: UnsafeBufferPointer<UInt8>) {
        if pending == 0 { pendingPositionsStart = positions.count }
        docs[pending] = doc
        for field in 0..<fieldCount {
            frequencies[field * SegmentFormat.blockSize + pending] = docFrequencies[field]
            norms[field * SegmentFormat.blockSize + pending] = docNorms[field]
        }
        pending += 1
        if pending == SegmentFormat.blockSize { flushBlock() }
    }

    /// Appends one position delta as a varint.
    @inline(__always)
    /// Appends positions already encoded (a document's, copied by a merge).
    mutating func appendPositionBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        positions.append(contentsOf: bytes)
    }

    mutating func appendPosition(_ value: UInt32) {
        Varint.append(UInt64(value), to: &positions)
    }

    /// Ends the term; the last block may hold fewer than 128 documents.
    mutating func endTerm() {
        if pending > 0 { flushBlock() }
    }

    private mutating func flushBlock() {
        let count = pending
        var previous = previousLastDoc
        for index in 0..<count {
            scratch[index] = docs[index] &- previous
            previous = docs[index]
        }
        blockLastDoc.append(docs[count - 1])
        blockWordOffset.append(UInt32(postings.count))
        blockPositionsOffset.append(UInt32(pendingPositionsStart - termPositionsStart))
        blockWidths.append(scratch.withUnsafeBufferPointer {
            PatchedPacking.pack(UnsafeBufferPointer(rebasing: $0[0..<count]), lessOne: false, interleaved: true, into: &postings)
        })
        for field in 0..<fieldCount {
            let base = field * SegmentFormat.blockSize
            var maxFrequency: UInt32 = 0
            var minNorm: UInt8 = 255
            for index in 0..<count {
                let frequency = frequencies[base + index]
                if frequency > 0 {
                    maxFrequency = max(maxFrequency, frequency)
                    minNorm = min(minNorm, norms[base + index])
                }
            }
            blockMaxFrequency.append(UInt16(min(maxFrequency, UInt32(UInt16.max))))
            blockMinNorm.append(maxFrequency == 0 ? 0 : minNorm)
            blockWidths.append(frequencies.withUnsafeBufferPointer {
                PatchedPacking.pack(UnsafeBufferPointer(rebasing: $0[base..<(base + count)]), maximumExceptions: 7, into: &postings)
            })
        }
        previousLastDoc = docs[count - 1]
        termBlocks += 1
        pending = 0
    }
}


