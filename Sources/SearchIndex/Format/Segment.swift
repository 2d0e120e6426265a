import CSearchKernels
import Synchronization

/// An immutable set of indexed documents: one block of memory in ``SegmentFormat``,
/// the same bytes that are written to disk.
///
/// Opening a segment checks its structure (every section in bounds, every offset
/// table in order, every block inside the postings), so that a damaged segment
/// is refused with an ``IndexError`` instead of crashing a query later. After
/// that, every read is pointer arithmetic: no parsing, no allocation.
///
/// The bytes are either the segment's own memory (a segment just built or merged)
/// or a part of a memory-mapped index file (``MappedFile``), which the segment keeps
/// mapped while it lives.
public final class Segment: @unchecked Sendable {
    /// Where the bytes live.
    enum Backing {
        /// Memory this segment allocated and frees.
        case owned(UnsafeMutableRawBufferPointer)
        /// Part of a mapped file, kept mapped by this reference.
        case mapped(MappedFile)
    }

    private let backing: Backing
    private let base: UnsafeRawPointer
    private let byteCount: Int
    /// A number no other segment of this process has: keys of caches per segment.
    let serial: UInt64
    private static let serials = Atomic<UInt64>(0)

    public let documentCount: Int
    let fieldCount: Int
    let keywordFieldCount: Int
    let numericFieldCount: Int
    let termCount: Int
    let blockCount: Int

    let termOffsets: UnsafePointer<UInt32>
    let termBytes: UnsafePointer<UInt8>
    let termDocFrequency: UnsafePointer<UInt32>
    let termFirstBlock: UnsafePointer<UInt32>
    /// Where each term's positions start; read through ``positionsStart(ofTerm:)`` (empty without positions).
    private let termPositionsStart: UnsafePointer<UInt64>
    let blockLastDoc: UnsafePointer<UInt32>
    let blockWordOffset: UnsafePointer<UInt32>
    /// Where each block's positions start after its term's; read through ``positionsOffset(ofBlock:)``.
    private let blockPositionsOffset: UnsafePointer<UInt32>
    /// Whether any document has positions (a field keeps them and has words).
    let keepsPositions: Bool
    let blockWidths: UnsafePointer<UInt8>
    let blockMaxFrequency: UnsafePointer<UInt16>
    let blockMinNorm: UnsafePointer<UInt8>
    let postings: UnsafePointer<UInt32>
    let postingsWordCount: Int
    /// Whether at least 8 readable bytes of the segment follow its postings, so that a
    /// block is unpacked with 8-byte loads that may read past its last word (always so
    /// in the files this project writes: the positions, norms and ids come after).
    let postingsAllowOverread: Bool
    let positions: UnsafePointer<UInt8>
    let positionsByteCount: Int
    let norms: UnsafePointer<UInt8>
    let fieldTokenTotals: [UInt64]
    /// The documents' ids, front-coded (``IDColumn``).
    let ids: IDColumn
    let keywordColumns: [KeywordColumn]
    let numericColumns: [UnsafePointer<Int64>]
    /// Whether any document stores a record (else the stored sections are empty).
    let storesRecords: Bool
    private let storedOffsets: UnsafePointer<UInt64>
    private let storedData: UnsafePointer<UInt8>
    private let storedChecksums: UnsafePointer<UInt32>
    /// Where the stored-fields bytes are in the segment: checked record by record
    /// when read, not as a whole when a file is opened.
    let storedByteRange: Range<Int>

    /// One keyword field's values.
    struct KeywordColumn {
        let keyCount: Int
        let keyOffsets: UnsafePointer<UInt32>
        let keyBytes: UnsafePointer<UInt8>
        let displayOffsets: UnsafePointer<UInt32>
        let displayBytes: UnsafePointer<UInt8>
        let docValueOffsets: UnsafePointer<UInt32>
        let docValues: UnsafePointer<UInt32>
    }

    /// The segment's bytes, for writing to disk.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: byteCount) }

    /// Opens a segment from a copy of `bytes`.
    ///
    /// - Throws: ``IndexError`` `.damaged` when the bytes are not a consistent segment.
    /// - Complexity: O(*n*) in the size of the segment (one pass of checks).
    convenience init(bytes: [UInt8]) throws {
        let storage = bytes.withUnsafeBytes(Segment.alignedCopy)
        try self.init(backing: .owned(storage), base: UnsafeRawPointer(storage.baseAddress!), count: bytes.count)
    }

    private static func alignedCopy(_ bytes: UnsafeRawBufferPointer) -> UnsafeMutableRawBufferPointer {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 16), alignment: 16)
        storage.copyMemory(from: bytes)
        return storage
    }

    /// Opens a segment from `storage` (16-byte aligned), which it then owns and frees.
    ///
    /// - Throws: ``IndexError`` `.damaged` when the bytes are not a consistent segment
    ///   (then `storage` is freed).
    convenience init(adopting storage: UnsafeMutableRawBufferPointer, count: Int) throws {
        try self.init(backing: .owned(storage), base: UnsafeRawPointer(storage.baseAddress!), count: count)
    }

    /// Opens the segment at `offset` of a mapped file, without copying it.
    ///
    /// - Throws: ``IndexError`` `.damaged` when the bytes are not a consistent segment.
    convenience init(mapped file: MappedFile, offset: Int, count: Int) throws {
        try self.init(backing: .mapped(file), base: file.base + offset, count: count)
    }

    /// Opens a segment from `count` bytes at `base` (8-byte aligned), kept alive by `backing`.
    private init(backing: Backing, base: UnsafeRawPointer, count: Int) throws {
        self.backing = backing
        self.base = base
        self.byteCount = count
        serial = Segment.serials.add(1, ordering: .relaxed).newValue
        var reader = SegmentReader(base: base, count: count)
        do {
            let header = try reader.header()
            documentCount = header.documentCount
            fieldCount = header.fieldCount
            keywordFieldCount = header.keywordFieldCount
            numericFieldCount = header.numericFieldCount
            typealias S = SegmentFormat.Section
            let offsets: UnsafeBufferPointer<UInt32> = try reader.section(S.termOffsets.rawValue)
            guard offsets.count >= 1 else { throw reader.damage("term offsets are empty") }
            termCount = offsets.count - 1
            let termBytesSection: UnsafeBufferPointer<UInt8> = try reader.section(S.termBytes.rawValue)
            try reader.checkOffsets(offsets, limit: termBytesSection.count, what: "term offsets")
            let docFrequency: UnsafeBufferPointer<UInt32> = try reader.section(S.termDocFrequency.rawValue, count: termCount)
            let firstBlock: UnsafeBufferPointer<UInt32> = try reader.section(S.termFirstBlock.rawValue, count: termCount + 1)
            // A segment without positions (no field keeps them) has the positions' three sections empty.
            let positionsSection: UnsafeBufferPointer<UInt8> = try reader.section(S.positions.rawValue)
            let positionsKept = !positionsSection.isEmpty
            let positionsStart: UnsafeBufferPointer<UInt64> = try reader.section(S.termPositionsStart.rawValue, count: positionsKept ? termCount : 0)
            let lastDoc: UnsafeBufferPointer<UInt32> = try reader.section(S.blockLastDoc.rawValue)
            blockCount = lastDoc.count
            let wordOffset: UnsafeBufferPointer<UInt32> = try reader.section(S.blockWordOffset.rawValue, count: blockCount)
            let positionsOffset: UnsafeBufferPointer<UInt32> = try reader.section(S.blockPositionsOffset.rawValue, count: positionsKept ? blockCount : 0)
            let widths: UnsafeBufferPointer<UInt8> = try reader.section(S.blockWidths.rawValue, count: blockCount * (1 + fieldCount))
            let maxFrequency: UnsafeBufferPointer<UInt16> = try reader.section(S.blockMaxFrequency.rawValue, count: blockCount * fieldCount)
            let minNorm: UnsafeBufferPointer<UInt8> = try reader.section(S.blockMinNorm.rawValue, count: blockCount * fieldCount)
            let postingsSection: UnsafeBufferPointer<UInt32> = try reader.section(S.postings.rawValue)
            let normsSection: UnsafeBufferPointer<UInt8> = try reader.section(S.norms.rawValue, count: fieldCount * documentCount)
            let totals: UnsafeBufferPointer<UInt64> = try reader.section(S.fieldTokenTotals.rawValue, count: fieldCount)
            let idOffsetsSection: UnsafeBufferPointer<UInt32> = try reader.section(S.idOffsets.rawValue)
            let idBytesSection: UnsafeBufferPointer<UInt8> = try reader.section(S.idBytes.rawValue)
            let idOrderSection: UnsafeBufferPointer<UInt32> = try reader.section(S.idOrder.rawValue)
            if let problem = IDColumn.validate(offsets: idOffsetsSection, bytes: idBytesSection, order: idOrderSection,
                                               documentCount: documentCount) {
                throw reader.damage(problem)
            }
            // A segment whose documents store nothing has the three stored sections empty.
            let storedOffsetsSection: UnsafeBufferPointer<UInt64> = try reader.section(S.storedOffsets.rawValue)
            let storedBytesSection: UnsafeBufferPointer<UInt8> = try reader.section(S.storedBytes.rawValue)
            let storedChecksumsSection: UnsafeBufferPointer<UInt32> = try reader.section(S.storedChecksums.rawValue)
            let storesRecords = !storedOffsetsSection.isEmpty
            if storesRecords {
                guard storedOffsetsSection.count == documentCount + 1, storedChecksumsSection.count == documentCount else {
                    throw reader.damage("stored-field sections hold the wrong number of entries")
                }
                guard storedOffsetsSection[0] == 0, storedOffsetsSection[documentCount] <= UInt64(storedBytesSection.count),
                      zip(storedOffsetsSection.dropFirst(), storedOffsetsSection).allSatisfy({ $0 >= $1 }) else {
                    throw reader.damage("stored-field offsets out of range")
                }
            } else {
                guard storedBytesSection.isEmpty, storedChecksumsSection.isEmpty else {
                    throw reader.damage("stored-field bytes without offsets")
                }
            }

            // Every term's blocks: in order, as many as its documents need, inside the postings.
            var previousEnd = 0
            for term in 0..<termCount {
                let start = Int(firstBlock[term]), end = Int(firstBlock[term + 1])
                let documents = Int(docFrequency[term])
                guard documents <= documentCount, start == previousEnd, end >= start, end <= blockCount,
                      end - start == (documents + SegmentFormat.blockSize - 1) / SegmentFormat.blockSize,
                      !positionsKept || positionsStart[term] <= UInt64(positionsSection.count) else {
                    throw reader.damage("term \(term) has inconsistent blocks")
                }
                previousEnd = end
                var previousLast: UInt32 = 0
                for block in start..<end {
                    let count = block == end - 1 ? documents - (end - start - 1) * SegmentFormat.blockSize : SegmentFormat.blockSize
                    // The runs' packed values inside the block; their exception areas, in the postings
                    // themselves, are kept inside it when read (``PostingsCursor``), so opening reads no postings.
                    var words = 0
                    for run in 0...fieldCount {
                        let descriptor = widths[block * (1 + fieldCount) + run]
                        let bits = PatchedPacking.width(descriptor)
                        guard bits <= 32 else { throw reader.damage("block \(block) has a width of \(bits) bits") }
                        words += PatchedPacking.packedWords(descriptor, count: count)
                    }
                    let blockEnd = block + 1 < blockCount ? Int(wordOffset[block + 1]) : postingsSection.count
                    guard Int(wordOffset[block]) + words <= blockEnd, blockEnd <= postingsSection.count,
                          lastDoc[block] < UInt32(documentCount), block == start || lastDoc[block] > previousLast,
                          !positionsKept || positionsStart[term] + UInt64(positionsOffset[block]) <= UInt64(positionsSection.count) else {
                        throw reader.damage("block \(block) points outside the segment")
                    }
                    previousLast = lastDoc[block]
                }
            }
            guard previousEnd == blockCount else { throw reader.damage("blocks belong to no term") }

            var keywordColumns: [KeywordColumn] = []
            for field in 0..<keywordFieldCount {
                let base = S.keywordBase + SegmentFormat.KeywordSection.count * field
                let keyOffsets: UnsafeBufferPointer<UInt32> = try reader.section(base)
                guard keyOffsets.count >= 1 else { throw reader.damage("keyword field \(field) has no key table") }
                let keyBytes: UnsafeBufferPointer<UInt8> = try reader.section(base + 1)
                try reader.checkOffsets(keyOffsets, limit: keyBytes.count, what: "keyword keys")
                let displayOffsets: UnsafeBufferPointer<UInt32> = try reader.section(base + 2, count: keyOffsets.count)
                let displayBytes: UnsafeBufferPointer<UInt8> = try reader.section(base + 3)
                try reader.checkOffsets(displayOffsets, limit: displayBytes.count, what: "keyword display values")
                let docValueOffsets: UnsafeBufferPointer<UInt32> = try reader.section(base + 4, count: documentCount + 1)
                let docValues: UnsafeBufferPointer<UInt32> = try reader.section(base + 5)
                try reader.checkOffsets(docValueOffsets, limit: docValues.count, what: "keyword document values")
                guard docValues.allSatisfy({ Int($0) < keyOffsets.count - 1 }) else { throw reader.damage("a keyword value is out of range") }
                keywordColumns.append(KeywordColumn(
                    keyCount: keyOffsets.count - 1, keyOffsets: keyOffsets.baseAddress!, keyBytes: keyBytes.baseAddress!,
                    displayOffsets: displayOffsets.baseAddress!, displayBytes: displayBytes.baseAddress!,
                    docValueOffsets: docValueOffsets.baseAddress!, docValues: docValues.baseAddress!))
            }
            var numericColumns: [UnsafePointer<Int64>] = []
            for field in 0..<numericFieldCount {
                let values: UnsafeBufferPointer<Int64> = try reader.section(S.keywordBase + SegmentFormat.KeywordSection.count * keywordFieldCount + field, count: documentCount)
                numericColumns.append(values.baseAddress!)
            }
            termOffsets = offsets.baseAddress!
            termBytes = termBytesSection.baseAddress!
            termDocFrequency = docFrequency.baseAddress!
            termFirstBlock = firstBlock.baseAddress!
            termPositionsStart = positionsStart.baseAddress!
            keepsPositions = positionsKept
            blockLastDoc = lastDoc.baseAddress!
            blockWordOffset = wordOffset.baseAddress!
            blockPositionsOffset = positionsOffset.baseAddress!
            blockWidths = widths.baseAddress!
            blockMaxFrequency = maxFrequency.baseAddress!
            blockMinNorm = minNorm.baseAddress!
            postings = postingsSection.baseAddress!
            postingsWordCount = postingsSection.count
            let postingsEnd = UnsafeRawPointer(postingsSection.baseAddress!) + postingsSection.count * 4
            postingsAllowOverread = postingsEnd + 8 <= base + count
            positions = positionsSection.baseAddress!
            positionsByteCount = positionsSection.count
            norms = normsSection.baseAddress!
            fieldTokenTotals = Array(totals)
            ids = IDColumn(offsets: idOffsetsSection.baseAddress!, bytes: idBytesSection.baseAddress!, order: idOrderSection.baseAddress!,
                           documentCount: documentCount, orderWidth: IDColumn.orderWidth(documentCount: documentCount))
            self.keywordColumns = keywordColumns
            self.numericColumns = numericColumns
            self.storesRecords = storesRecords
            storedOffsets = storedOffsetsSection.baseAddress!
            storedData = storedBytesSection.baseAddress!
            storedChecksums = storedChecksumsSection.baseAddress!
            let storedStart = UnsafeRawPointer(storedBytesSection.baseAddress!) - base
            storedByteRange = storedStart..<(storedStart + storedBytesSection.count)
        } catch {
            if case .owned(let storage) = backing { storage.deallocate() }
            throw error
        }
    }

    deinit {
        if case .owned(let storage) = backing { storage.deallocate() }
    }

    // MARK: Terms

    /// The ordinal of the term `space` + `term`, or `nil` when no document has it.
    ///
    /// - Complexity: O(log *t*) comparisons for *t* terms.
    func termOrdinal(_ space: TermSpace, _ term: [UInt8]) -> Int? {
        var key = [space.rawValue]
        key.append(contentsOf: term)
        var low = 0, high = termCount
        while low < high {
            let middle = (low + high) / 2
            let order = compare(termAt: middle, with: key)
            if order == 0 { return middle }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// The bytes of term `ordinal`, its space byte first.
    func termKey(_ ordinal: Int) -> UnsafeBufferPointer<UInt8> {
        let start = Int(termOffsets[ordinal])
        return UnsafeBufferPointer(start: termBytes + start, count: Int(termOffsets[ordinal + 1]) - start)
    }

    /// The first ordinal whose key is not less than `key` (for prefix scans).
    func lowerBound(_ key: [UInt8]) -> Int {
        var low = 0, high = termCount
        while low < high {
            let middle = (low + high) / 2
            if compare(termAt: middle, with: key) < 0 { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func compare(termAt ordinal: Int, with key: [UInt8]) -> Int {
        let term = termKey(ordinal)
        let count = min(term.count, key.count)
        for index in 0..<count where term[index] != key[index] {
            return term[index] < key[index] ? -1 : 1
        }
        return term.count - key.count
    }

    // MARK: Documents

    /// The id of document `doc`.
    ///
    /// - Complexity: O(16 × the id's length) (``IDColumn``).
    func id(of doc: Int) -> String { ids.id(of: doc) }

    /// The document with id `id`, or `nil`.
    ///
    /// - Complexity: O(log *n*) probes of up to 16 ids each.
    func doc(withID id: String) -> Int? { ids.doc(withID: id) }

    /// Where term `ordinal`'s positions start in ``positions`` (0 in a segment without positions).
    @inline(__always)
    func positionsStart(ofTerm ordinal: Int) -> Int { keepsPositions ? Int(termPositionsStart[ordinal]) : 0 }

    /// Where block `block`'s positions start after its term's (0 in a segment without positions).
    @inline(__always)
    func positionsOffset(ofBlock block: Int) -> Int { keepsPositions ? Int(blockPositionsOffset[block]) : 0 }

    /// Where block `block`'s words end in ``postings``: where the next block's start (blocks are in order).
    @inline(__always)
    func postingsEnd(ofBlock block: Int) -> UnsafePointer<UInt32> {
        postings + (block &+ 1 < blockCount ? Int(blockWordOffset[block &+ 1]) : postingsWordCount)
    }

    /// The field norm (quantised length) of `doc` in text field `field`.
    @inline(__always)
    func norm(field: Int, doc: Int) -> UInt8 { norms[field * documentCount + doc] }

    // MARK: Stored fields

    /// The bytes stored with `doc` (``IndexDocument/stored``), after checking them
    /// against their CRC-32C.
    ///
    /// - Throws: ``IndexError`` `.damaged` when they do not match.
    /// - Complexity: O(*n*) in their length.
    func stored(_ doc: Int) throws -> [UInt8] {
        let bytes = storedBytes(of: doc)
        guard hz_crc32c(0, bytes.baseAddress, bytes.count) == storedChecksum(of: doc) else {
            throw IndexError(.damaged, "the stored fields of document \(id(of: doc)) are damaged (checksum mismatch)")
        }
        return Array(bytes)
    }

    /// Document `doc`'s stored record, unchecked (empty when the segment stores none).
    func storedBytes(of doc: Int) -> UnsafeRawBufferPointer {
        guard storesRecords else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let start = Int(storedOffsets[doc]), end = Int(storedOffsets[doc + 1])
        return UnsafeRawBufferPointer(start: storedData + start, count: end - start)
    }

    /// The CRC-32C recorded for document `doc`'s stored record (that of no bytes when none is stored).
    func storedChecksum(of doc: Int) -> UInt32 { storesRecords ? storedChecksums[doc] : 0 }

    /// The CRC-32C of the segment's bytes but its stored-fields bytes (which are
    /// checked record by record): what an index file records for the segment.
    ///
    /// - Complexity: O(*n*) in the size of the segment.
    var checksum: UInt32 {
        let before = hz_crc32c(0, base, storedByteRange.lowerBound)
        return hz_crc32c(before, base + storedByteRange.upperBound, byteCount - storedByteRange.upperBound)
    }

    // MARK: Keywords

    /// The key ids of `doc` in keyword field `field`.
    func keywordValues(field: Int, doc: Int) -> UnsafeBufferPointer<UInt32> {
        let column = keywordColumns[field]
        let start = Int(column.docValueOffsets[doc])
        return UnsafeBufferPointer(start: column.docValues + start, count: Int(column.docValueOffsets[doc + 1]) - start)
    }

    /// The id of the folded key `key` in keyword field `field`, or `nil`.
    func keywordKeyID(field: Int, key: String) -> UInt32? {
        let column = keywordColumns[field]
        let target = Array(key.utf8)
        var low = 0, high = column.keyCount
        while low < high {
            let middle = (low + high) / 2
            let start = Int(column.keyOffsets[middle])
            let candidate = UnsafeBufferPointer(start: column.keyBytes + start, count: Int(column.keyOffsets[middle + 1]) - start)
            if candidate.elementsEqual(target) { return UInt32(middle) }
            if candidate.lexicographicallyPrecedes(target) { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// The folded key and the display value of key `id` of keyword field `field`.
    func keyword(field: Int, id: UInt32) -> (key: String, display: String) {
        let column = keywordColumns[field]
        func string(_ offsets: UnsafePointer<UInt32>, _ bytes: UnsafePointer<UInt8>) -> String {
            let start = Int(offsets[Int(id)])
            return String(decoding: UnsafeBufferPointer(start: bytes + start, count: Int(offsets[Int(id) + 1]) - start), as: UTF8.self)
        }
        return (string(column.keyOffsets, column.keyBytes), string(column.displayOffsets, column.displayBytes))
    }

    /// The value of `doc` in numeric field `field`, or `nil` when it has none.
    @inline(__always)
    func number(field: Int, doc: Int) -> Int64? {
        let value = numericColumns[field][doc]
        return value == SegmentBuilder.missingNumber ? nil : value
    }
}
