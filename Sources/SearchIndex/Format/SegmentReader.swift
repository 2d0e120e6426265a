/// Reads a segment's header and sections, checking bounds as it goes.
struct SegmentReader {
    let base: UnsafeRawPointer
    let count: Int
    private var sectionCount = 0

    init(base: UnsafeRawPointer, count: Int) {
        self.base = base
        self.count = count
    }

    func damage(_ what: String) -> IndexError { IndexError(.damaged, "segment is damaged: \(what)") }

    private func load<T: FixedWidthInteger>(_ offset: Int, as type: T.Type) -> T {
        T(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    mutating func header() throws -> (documentCount: Int, fieldCount: Int, keywordFieldCount: Int, numericFieldCount: Int) {
        guard count >= SegmentFormat.fixedHeaderBytes else { throw damage("shorter than its header") }
        guard (0..<4).allSatisfy({ base.load(fromByteOffset: $0, as: UInt8.self) == SegmentFormat.magic[$0] }) else {
            throw IndexError(.notAnIndex, "not a HezaMatch segment (bad magic)")
        }
        let version = load(4, as: UInt32.self)
        guard version == SegmentFormat.version else {
            throw IndexError(.unsupportedVersion, "segment format version \(version); this build reads version \(SegmentFormat.version)")
        }
        guard load(8, as: UInt32.self) == SegmentFormat.byteOrderMark else { throw damage("wrong byte order") }
        let documents = Int(load(12, as: UInt32.self))
        let fields = Int(load(16, as: UInt32.self))
        let keywords = Int(load(20, as: UInt32.self))
        let numerics = Int(load(24, as: UInt32.self))
        sectionCount = Int(load(28, as: UInt32.self))
        guard fields >= 1, fields <= 8, keywords < 64, numerics < 64,
              sectionCount == SegmentFormat.sectionCount(keywordFields: keywords, numericFields: numerics),
              SegmentFormat.fixedHeaderBytes + sectionCount * 16 <= count else {
            throw damage("header is inconsistent")
        }
        return (documents, fields, keywords, numerics)
    }

    /// Section `index` as an array of `T`, optionally of exactly `expected` elements.
    func section<T: FixedWidthInteger>(_ index: Int, count expected: Int? = nil) throws -> UnsafeBufferPointer<T> {
        guard index < sectionCount else { throw damage("section \(index) is missing") }
        let entry = SegmentFormat.fixedHeaderBytes + index * 16
        let offset = load(entry, as: UInt64.self)
        let length = load(entry + 8, as: UInt64.self)
        let size = UInt64(MemoryLayout<T>.stride)
        guard offset % 8 == 0, offset <= UInt64(count), length <= UInt64(count) - offset, length % size == 0 else {
            throw damage("section \(index) lies outside the segment")
        }
        let elements = Int(length / size)
        if let expected, elements != expected { throw damage("section \(index) has \(elements) entries, expected \(expected)") }
        return UnsafeBufferPointer(start: (base + Int(offset)).assumingMemoryBound(to: T.self), count: elements)
    }

    /// Checks that `offsets` start at 0, never decrease, and end within `limit`.
    func checkOffsets(_ offsets: UnsafeBufferPointer<UInt32>, limit: Int, what: String) throws {
        guard let first = offsets.first, first == 0, Int(offsets.last!) <= limit else { throw damage("\(what) out of range") }
        var previous: UInt32 = 0
        for offset in offsets {
            guard offset >= previous else { throw damage("\(what) out of order") }
            previous = offset
        }
    }
}
