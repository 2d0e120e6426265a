/// The byte layout of a segment, the same in memory and on disk.
///
/// ```
/// "HZSG" · version: u32 · byte-order mark 0x01020304: u32 · docCount: u32
/// textFields: u32 · keywordFields: u32 · numericFields: u32 · sectionCount: u32
/// (offset: u64, length in bytes: u64) × sectionCount
/// sections, each aligned to 8 bytes (see `Section`)
/// ```
/// All integers are little-endian. Section `n` of keyword field `k` is
/// `Section.keywordBase + 6k + n`; numeric field `i` is after the keyword ones.
enum SegmentFormat {
    static let magic: [UInt8] = Array("HZSG".utf8)
    /// 5: a block's 128 document deltas packed in four interleaved lanes (``BitPacking/packInterleaved(_:width:into:)``),
    /// unpacked and summed with vectors; 4 packed them one after another (the same words, another order).
    /// 4: postings packed with exceptions, frequencies stored less one where none is 0 (``PatchedPacking``), each run
    /// described by a byte in `blockWidths`; 3 packed every value at the width of the largest.
    /// 3: ids front-coded in blocks of 16, their order bit-packed (``IDColumn``), and the positions' starts left
    /// out when there are no positions; 2 kept ids as offsets and bytes, and the starts always.
    static let version: UInt32 = 5
    static let byteOrderMark: UInt32 = 0x0102_0304
    /// magic, version, bom, docCount, 3 field counts, sectionCount.
    static let fixedHeaderBytes = 32
    /// Documents a postings block holds (the last block of a term may hold fewer).
    static let blockSize = 128

    enum Section: Int {
        /// [u32] termCount + 1: where each term starts in `termBytes`.
        case termOffsets = 0
        /// [u8]: terms sorted by bytes, each its space byte then UTF-8.
        case termBytes
        /// [u32] termCount: documents containing the term.
        case termDocFrequency
        /// [u32] termCount + 1: the term's first block.
        case termFirstBlock
        /// [u64] termCount: where the term's positions start in `positions`; empty when `positions` is.
        case termPositionsStart
        /// [u32] blockCount: last document of the block.
        case blockLastDoc
        /// [u32] blockCount: first word of the block in `postings`.
        case blockWordOffset
        /// [u32] blockCount: first byte of the block's positions, after the term's start; empty when `positions` is.
        case blockPositionsOffset
        /// [u8] blockCount × (1 + textFields): descriptors (``PatchedPacking``) of the doc deltas' run, then of each
        /// field's tfs.
        case blockWidths
        /// [u16] blockCount × textFields: largest tf of the field in the block.
        case blockMaxFrequency
        /// [u8] blockCount × textFields: smallest field norm among the block's docs that have the term there.
        case blockMinNorm
        /// [u32]: each block's runs of doc deltas and term frequencies (``PatchedPacking``), blocks in order.
        case postings
        /// [u8]: positions, varint deltas per document and field.
        case positions
        /// [u8] textFields × docCount: field norms, field-major.
        case norms
        /// [u64] textFields: total tokens of each field.
        case fieldTokenTotals
        /// [u32] blockCount + 1, [u8]: document ids, front-coded in blocks of 16 documents (``IDColumn``).
        case idOffsets
        case idBytes
        /// [u32]: documents in the order of their ids' bytes, bit-packed at the width of docCount - 1.
        case idOrder
        /// [u64] docCount + 1: where each document's stored fields start in `storedBytes`; empty (as the next
        /// two) when no document stores anything.
        case storedOffsets
        /// [u8]: each document's stored fields (``IndexDocument/stored``), as the caller encoded them.
        case storedBytes
        /// [u32] docCount: CRC-32C of each document's stored fields, checked when read.
        case storedChecksums

        static let keywordBase = 21
    }

    /// Per keyword field: sorted folded keys, display values, and each document's values.
    enum KeywordSection: Int {
        case keyOffsets = 0, keyBytes, displayOffsets, displayBytes, docValueOffsets, docValues
        static let count = 6
    }

    static func sectionCount(keywordFields: Int, numericFields: Int) -> Int {
        Section.keywordBase + KeywordSection.count * keywordFields + numericFields
    }
}
