/// Writes a segment's sections one after another, each aligned to 8 bytes, into one
/// block of memory sized beforehand, and records where each section is. The block
/// becomes the segment's own memory: a segment is assembled without a copy.
struct BlobWriter {
    private(set) var storage: UnsafeMutableRawBufferPointer
    private(set) var count = 0
    private(set) var sections: [(offset: UInt64, length: UInt64)] = []

    /// A writer for exactly `capacity` bytes (``size(ofSection:)`` sums them).
    init(capacity: Int) {
        storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(capacity, 16), alignment: 16)
    }

    /// Bytes a section of `count` elements of `T` takes, its alignment included.
    static func size<T>(ofSection count: Int, _ type: T.Type) -> Int {
        (count * MemoryLayout<T>.stride + 7) & ~7
    }

    mutating func appendRaw<T: FixedWidthInteger>(_ value: T) {
        precondition(count + MemoryLayout<T>.size <= storage.count, "segment larger than sized")
        storage.storeBytes(of: value.littleEndian, toByteOffset: count, as: T.self)
        count += MemoryLayout<T>.size
    }

    mutating func align() {
        while count % 8 != 0 {
            storage[count] = 0
            count += 1
        }
    }

    /// Appends `values` as one section.
    mutating func appendSection<T: FixedWidthInteger>(_ values: [T]) {
        align()
        let offset = count
        values.withUnsafeBytes { raw in  // little-endian hosts only (checked at load)
            precondition(count + raw.count <= storage.count, "segment larger than sized")
            if raw.count > 0 { (storage.baseAddress! + count).copyMemory(from: raw.baseAddress!, byteCount: raw.count) }
            count += raw.count
        }
        sections.append((UInt64(offset), UInt64(count - offset)))
    }

    /// Writes `value` at `offset` (a table entry filled in once the sections are placed).
    func store(_ value: UInt64, at offset: Int) {
        storage.storeBytes(of: value.littleEndian, toByteOffset: offset, as: UInt64.self)
    }
}
