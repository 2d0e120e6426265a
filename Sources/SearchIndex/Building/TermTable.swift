/// Interns terms (byte strings) to dense ids while a segment is built.
///
/// Open addressing over one byte arena: interning a term already seen costs a
/// hash and a comparison, no allocation. A term is its term space's byte
/// (``TermSpace``) followed by its UTF-8 bytes.
struct TermTable {
    private(set) var bytes: [UInt8] = []
    /// Start of term `id` in ``bytes``; `offsets[id + 1]` is its end.
    private(set) var offsets: [UInt32] = [0]
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var mask: Int

    init(capacity: Int = 1 << 16) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        bytes.reserveCapacity(capacity * 8)
    }

    /// An empty table to hold a property's place while its table is borrowed (never interned into).
    static let placeholder = TermTable(capacity: 0)

    var count: Int { offsets.count - 1 }

    /// The id of the term `space` + `term`, added when new.
    ///
    /// - Complexity: O(*m*) in the term's length, amortised.
    mutating func intern(_ space: TermSpace, _ term: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(space.rawValue)
        for byte in term { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01B3 }
        hash ^= hash >> 29
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash && equals(Int(id), space, term) { return UInt32(id) }
            slot = (slot + 1) & mask
        }
        let id = count
        bytes.append(space.rawValue)
        bytes.append(contentsOf: term)
        offsets.append(UInt32(bytes.count))
        hashes.append(hash)
        slots[slot] = Int32(id)
        if count * 2 > slots.count { grow() }
        return UInt32(id)
    }

    /// The bytes of term `id` (space byte first).
    func term(_ id: Int) -> ArraySlice<UInt8> { bytes[Int(offsets[id])..<Int(offsets[id + 1])] }

    private func equals(_ id: Int, _ space: TermSpace, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(offsets[id])
        let end = Int(offsets[id + 1])
        guard end - start == term.count + 1, bytes[start] == space.rawValue else { return false }
        return bytes.withUnsafeBufferPointer { all in
            memcmpEqual(all.baseAddress! + start + 1, term.baseAddress, term.count)
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for id in 0..<count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}

@inline(__always)
func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
    guard let b else { return count == 0 }
    for index in 0..<count where a[index] != b[index] { return false }
    return true
}
