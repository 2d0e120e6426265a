/// Writes a segment's sections one after another, each aligned to 8 bytes, and
/// records where each one is.
struct BlobWriter {
    private(set) var bytes: [UInt8] = []
    private(set) var sections: [(offset: UInt64, length: UInt64)] = []

    init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    mutating func appendRaw<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func align() {
        while bytes.count % 8 != 0 { bytes.append(0) }
    }

    /// Appends `values` as one section.
    mutating func appendSection<T: FixedWidthInteger>(_ values: [T]) {
        align()
        let offset = bytes.count
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }  // little-endian hosts only (checked at load)
        sections.append((UInt64(offset), UInt64(bytes.count - offset)))
    }
}
