import CSearchKernels

/// Lays out a segment's columns in ``SegmentFormat`` and opens it: the last step of
/// both building (``SegmentBuilder``) and merging (``SegmentMerger``).
enum SegmentAssembler {
    /// A keyword field's values: its sorted folded keys with their display values, and
    /// each document's key numbers (sorted, no repeats).
    struct KeywordColumn {
        var keys: [String] = []
        var displays: [String] = []
        var documentOffsets: [UInt32] = [0]
        var documentKeys: [UInt32] = []

        init() {}

        /// The column of documents given as (folded key, display value) pairs; the first
        /// display seen for a key is kept.
        init(documents: [[(key: String, display: String)]]) {
            var displayByKey: [String: String] = [:]
            for values in documents {
                for value in values where displayByKey[value.key] == nil { displayByKey[value.key] = value.display }
            }
            keys = displayByKey.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            displays = keys.map { displayByKey[$0]! }
            var keyID: [String: UInt32] = [:]
            for (id, key) in keys.enumerated() { keyID[key] = UInt32(id) }
            for values in documents { appendDocument(Set(values.map { keyID[$0.key]! }).sorted()) }
        }

        mutating func appendDocument(_ sortedKeys: [UInt32]) {
            documentKeys.append(contentsOf: sortedKeys)
            documentOffsets.append(UInt32(documentKeys.count))
        }
    }

    /// Every document's stored fields, one after another.
    struct StoredColumn {
        /// Where each document's bytes start in `bytes`, and where the last ends.
        var offsets: [UInt64] = [0]
        var bytes: [UInt8] = []
        var checksums: [UInt32] = []

        mutating func append(_ record: UnsafeRawBufferPointer, checksum: UInt32? = nil) {
            bytes.append(contentsOf: record)
            offsets.append(UInt64(bytes.count))
            checksums.append(checksum ?? hz_crc32c(0, record.baseAddress, record.count))
        }
    }

    /// - Parameters:
    ///   - termKeys: terms (space byte first) in byte order.
    ///   - norms: per text field, one norm byte a document.
    ///   - numbers: per numeric field, one value a document (`SegmentBuilder.missingNumber` for none).
    static func assemble(schema: IndexSchema, termKeys: [[UInt8]], termDocFrequency: [UInt32], termFirstBlock: [UInt32],
                         termPositionsStart: [UInt64], encoder: PostingsEncoder, norms: [[UInt8]], fieldTokenTotals: [UInt64],
                         ids: [String], stored: StoredColumn, keywords: [KeywordColumn], numbers: [[Int64]]) -> Segment {
        var termOffsets: [UInt32] = [0]
        var termBytes: [UInt8] = []
        for key in termKeys {
            termBytes.append(contentsOf: key)
            termOffsets.append(UInt32(termBytes.count))
        }
        let (idOffsets, idBytes, idOrder) = IDColumn.encode(ids)
        // Without positions (no field keeps them), where each term's and block's positions start is left out too.
        let termPositionsStart = encoder.positions.isEmpty ? [] : termPositionsStart
        let blockPositionsOffset = encoder.positions.isEmpty ? [] : encoder.blockPositionsOffset
        let keywordSections = keywords.map(encodedSections)
        let flatNorms = norms.flatMap { $0 }
        let sectionCount = SegmentFormat.sectionCount(keywordFields: schema.keywordFields.count, numericFields: schema.numericFields.count)
        // The exact size: the header, the section table, each section aligned to 8.
        typealias B = BlobWriter
        var capacity = SegmentFormat.fixedHeaderBytes + sectionCount * 16
        capacity += B.size(ofSection: termOffsets.count, UInt32.self) + B.size(ofSection: termBytes.count, UInt8.self)
        capacity += B.size(ofSection: termDocFrequency.count, UInt32.self) + B.size(ofSection: termFirstBlock.count, UInt32.self)
        capacity += B.size(ofSection: termPositionsStart.count, UInt64.self)
        capacity += B.size(ofSection: encoder.blockLastDoc.count, UInt32.self) + B.size(ofSection: encoder.blockWordOffset.count, UInt32.self)
        capacity += B.size(ofSection: blockPositionsOffset.count, UInt32.self) + B.size(ofSection: encoder.blockWidths.count, UInt8.self)
        capacity += B.size(ofSection: encoder.blockMaxFrequency.count, UInt16.self) + B.size(ofSection: encoder.blockMinNorm.count, UInt8.self)
        capacity += B.size(ofSection: encoder.postings.count, UInt32.self) + B.size(ofSection: encoder.positions.count, UInt8.self)
        capacity += B.size(ofSection: flatNorms.count, UInt8.self) + B.size(ofSection: fieldTokenTotals.count, UInt64.self)
        capacity += B.size(ofSection: idOffsets.count, UInt32.self) + B.size(ofSection: idBytes.count, UInt8.self)
        capacity += B.size(ofSection: idOrder.count, UInt32.self)
        // Documents that store nothing: the three stored sections are left empty (12 bytes a document).
        let storedOffsets = stored.bytes.isEmpty ? [] : stored.offsets
        let storedChecksums = stored.bytes.isEmpty ? [] : stored.checksums
        capacity += B.size(ofSection: storedOffsets.count, UInt64.self) + B.size(ofSection: stored.bytes.count, UInt8.self)
        capacity += B.size(ofSection: storedChecksums.count, UInt32.self)
        for sections in keywordSections {
            capacity += B.size(ofSection: sections.keyOffsets.count, UInt32.self) + B.size(ofSection: sections.keyBytes.count, UInt8.self)
            capacity += B.size(ofSection: sections.displayOffsets.count, UInt32.self) + B.size(ofSection: sections.displayBytes.count, UInt8.self)
            capacity += B.size(ofSection: sections.column.documentOffsets.count, UInt32.self)
            capacity += B.size(ofSection: sections.column.documentKeys.count, UInt32.self)
        }
        for column in numbers { capacity += B.size(ofSection: column.count, Int64.self) }
        var writer = BlobWriter(capacity: capacity)
        for byte in SegmentFormat.magic { writer.appendRaw(byte) }
        writer.appendRaw(SegmentFormat.version)
        writer.appendRaw(SegmentFormat.byteOrderMark)
        writer.appendRaw(UInt32(ids.count))
        writer.appendRaw(UInt32(schema.textFields.count))
        writer.appendRaw(UInt32(schema.keywordFields.count))
        writer.appendRaw(UInt32(schema.numericFields.count))
        writer.appendRaw(UInt32(sectionCount))
        let tableOffset = writer.count
        for _ in 0..<(sectionCount * 2) { writer.appendRaw(UInt64(0)) }

        writer.appendSection(termOffsets)
        writer.appendSection(termBytes)
        writer.appendSection(termDocFrequency)
        writer.appendSection(termFirstBlock)
        writer.appendSection(termPositionsStart)
        writer.appendSection(encoder.blockLastDoc)
        writer.appendSection(encoder.blockWordOffset)
        writer.appendSection(blockPositionsOffset)
        writer.appendSection(encoder.blockWidths)
        writer.appendSection(encoder.blockMaxFrequency)
        writer.appendSection(encoder.blockMinNorm)
        writer.appendSection(encoder.postings)
        writer.appendSection(encoder.positions)
        writer.appendSection(flatNorms)
        writer.appendSection(fieldTokenTotals)
        writer.appendSection(idOffsets)
        writer.appendSection(idBytes)
        writer.appendSection(idOrder)
        writer.appendSection(storedOffsets)
        writer.appendSection(stored.bytes)
        writer.appendSection(storedChecksums)
        for sections in keywordSections {
            writer.appendSection(sections.keyOffsets)
            writer.appendSection(sections.keyBytes)
            writer.appendSection(sections.displayOffsets)
            writer.appendSection(sections.displayBytes)
            writer.appendSection(sections.column.documentOffsets)
            writer.appendSection(sections.column.documentKeys)
        }
        for column in numbers { writer.appendSection(column) }
        writer.align()
        precondition(writer.count == capacity, "segment sized \(capacity), written \(writer.count)")
        for (index, section) in writer.sections.enumerated() {
            writer.store(section.offset, at: tableOffset + index * 16)
            writer.store(section.length, at: tableOffset + index * 16 + 8)
        }
        do {
            return try Segment(adopting: writer.storage, count: writer.count)
        } catch {
            preconditionFailure("a segment assembled here failed its own checks: \(error)")
        }
    }

    /// A keyword column's key and display tables as bytes and offsets.
    private static func encodedSections(_ column: KeywordColumn)
        -> (keyOffsets: [UInt32], keyBytes: [UInt8], displayOffsets: [UInt32], displayBytes: [UInt8], column: KeywordColumn) {
        var keyOffsets: [UInt32] = [0], keyBytes: [UInt8] = []
        var displayOffsets: [UInt32] = [0], displayBytes: [UInt8] = []
        for (key, display) in zip(column.keys, column.displays) {
            keyBytes.append(contentsOf: key.utf8)
            keyOffsets.append(UInt32(keyBytes.count))
            displayBytes.append(contentsOf: display.utf8)
            displayOffsets.append(UInt32(displayBytes.count))
        }
        return (keyOffsets, keyBytes, displayOffsets, displayBytes, column)
    }

}
