import CSearchKernels

/// Lays out a segment's columns in ``SegmentFormat`` and opens it: the last step of
/// both building (``SegmentBuilder``) and merging (``SegmentMerger``).
enum SegmentAssembler {
    /// A keyword field's values, document by document.
    struct KeywordColumn {
        /// Per document: (folded key, display value) pairs.
        var documents: [[(key: String, display: String)]]
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
        var writer = BlobWriter(reservingCapacity: encoder.postings.count * 4 + encoder.positions.count + termBytes.count * 2 + stored.bytes.count)
        for byte in SegmentFormat.magic { writer.appendRaw(byte) }
        writer.appendRaw(SegmentFormat.version)
        writer.appendRaw(SegmentFormat.byteOrderMark)
        writer.appendRaw(UInt32(ids.count))
        writer.appendRaw(UInt32(schema.textFields.count))
        writer.appendRaw(UInt32(schema.keywordFields.count))
        writer.appendRaw(UInt32(schema.numericFields.count))
        let sectionCount = SegmentFormat.sectionCount(keywordFields: schema.keywordFields.count, numericFields: schema.numericFields.count)
        writer.appendRaw(UInt32(sectionCount))
        let tableOffset = writer.bytes.count
        for _ in 0..<(sectionCount * 2) { writer.appendRaw(UInt64(0)) }

        writer.appendSection(termOffsets)
        writer.appendSection(termBytes)
        writer.appendSection(termDocFrequency)
        writer.appendSection(termFirstBlock)
        writer.appendSection(termPositionsStart)
        writer.appendSection(encoder.blockLastDoc)
        writer.appendSection(encoder.blockWordOffset)
        writer.appendSection(encoder.blockPositionsOffset)
        writer.appendSection(encoder.blockWidths)
        writer.appendSection(encoder.blockMaxFrequency)
        writer.appendSection(encoder.blockMinNorm)
        writer.appendSection(encoder.postings)
        writer.appendSection(encoder.positions)
        writer.appendSection(norms.flatMap { $0 })
        writer.appendSection(fieldTokenTotals)
        var idOffsets: [UInt32] = [0]
        var idBytes: [UInt8] = []
        for id in ids {
            idBytes.append(contentsOf: id.utf8)
            idOffsets.append(UInt32(idBytes.count))
        }
        let idOrder = (0..<ids.count).sorted { ids[$0].utf8.lexicographicallyPrecedes(ids[$1].utf8) }.map { UInt32($0) }
        writer.appendSection(idOffsets)
        writer.appendSection(idBytes)
        writer.appendSection(idOrder)
        writer.appendSection(stored.offsets)
        writer.appendSection(stored.bytes)
        writer.appendSection(stored.checksums)
        for column in keywords { appendKeywordSections(column, to: &writer) }
        for column in numbers { writer.appendSection(column) }

        var bytes = writer.bytes
        for (index, section) in writer.sections.enumerated() {
            store(section.offset, into: &bytes, at: tableOffset + index * 16)
            store(section.length, into: &bytes, at: tableOffset + index * 16 + 8)
        }
        do {
            return try Segment(bytes: bytes)
        } catch {
            preconditionFailure("a segment assembled here failed its own checks: \(error)")
        }
    }

    private static func appendKeywordSections(_ column: KeywordColumn, to writer: inout BlobWriter) {
        var displayByKey: [String: String] = [:]
        for values in column.documents {
            for value in values where displayByKey[value.key] == nil { displayByKey[value.key] = value.display }
        }
        let keys = displayByKey.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var keyID: [String: UInt32] = [:]
        var keyOffsets: [UInt32] = [0], keyBytes: [UInt8] = []
        var displayOffsets: [UInt32] = [0], displayBytes: [UInt8] = []
        for (id, key) in keys.enumerated() {
            keyID[key] = UInt32(id)
            keyBytes.append(contentsOf: key.utf8)
            keyOffsets.append(UInt32(keyBytes.count))
            displayBytes.append(contentsOf: displayByKey[key]!.utf8)
            displayOffsets.append(UInt32(displayBytes.count))
        }
        var docValueOffsets: [UInt32] = [0], docValues: [UInt32] = []
        for values in column.documents {
            docValues.append(contentsOf: Set(values.map { keyID[$0.key]! }).sorted())
            docValueOffsets.append(UInt32(docValues.count))
        }
        writer.appendSection(keyOffsets)
        writer.appendSection(keyBytes)
        writer.appendSection(displayOffsets)
        writer.appendSection(displayBytes)
        writer.appendSection(docValueOffsets)
        writer.appendSection(docValues)
    }

    private static func store(_ value: UInt64, into bytes: inout [UInt8], at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            for index in 0..<8 { bytes[offset + index] = raw[index] }
        }
    }
}
