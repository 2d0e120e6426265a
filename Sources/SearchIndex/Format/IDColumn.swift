/// A segment's document ids, front-coded (segment format 3).
///
/// ```
/// idOffsets  [u32] blockCount + 1: where each block of 16 documents starts in idBytes
/// idBytes    [u8]: per document, in document order: varint bytes shared with the previous id of its block
///            (0 for a block's first), varint length of the rest, the rest
/// idOrder    [u32]: the documents in their ids' byte order, bit-packed at the width of docCount - 1
/// ```
///
/// Ids written one after another share long prefixes (`P-0001`, `P-0002`; `d1041`, `d1042`), so a block takes
/// about 3 bytes a document where plain offsets and bytes took 4 + the id's length; the order, 4 bytes a document
/// before, takes 18 bits at 200,000 documents. Lucene and tantivy keep ids compressed the same way (in blocks).
struct IDColumn {
    /// Documents a block holds.
    static let blockSize = 16

    let offsets: UnsafePointer<UInt32>
    let bytes: UnsafePointer<UInt8>
    let order: UnsafePointer<UInt32>
    let documentCount: Int
    let orderWidth: Int

    /// The width `documentCount` documents' numbers are packed at in `idOrder`.
    static func orderWidth(documentCount: Int) -> Int { BitPacking.width(UInt32(max(documentCount, 1) - 1)) }

    /// The three sections for `ids` (in document order).
    ///
    /// - Complexity: O(*n* log *n*) in the documents (the order's sort).
    static func encode(_ ids: [String]) -> (offsets: [UInt32], bytes: [UInt8], order: [UInt32]) {
        var offsets: [UInt32] = []
        offsets.reserveCapacity(ids.count / blockSize + 2)
        var bytes: [UInt8] = []
        var previous: [UInt8] = []
        for (doc, id) in ids.enumerated() {
            let utf8 = Array(id.utf8)
            if doc % blockSize == 0 {
                offsets.append(UInt32(bytes.count))
                previous = []
            }
            var shared = 0
            while shared < min(previous.count, utf8.count), previous[shared] == utf8[shared] { shared += 1 }
            Varint.append(UInt64(shared), to: &bytes)
            Varint.append(UInt64(utf8.count - shared), to: &bytes)
            bytes.append(contentsOf: utf8[shared...])
            previous = utf8
        }
        offsets.append(UInt32(bytes.count))
        let sorted = (0..<ids.count).sorted { ids[$0].utf8.lexicographicallyPrecedes(ids[$1].utf8) }.map { UInt32($0) }
        var order: [UInt32] = []
        sorted.withUnsafeBufferPointer { BitPacking.pack($0, width: orderWidth(documentCount: ids.count), into: &order) }
        return (offsets, bytes, order)
    }

    /// The number of blocks `documentCount` documents take (offsets hold one more).
    static func blockCount(documentCount: Int) -> Int { (documentCount + blockSize - 1) / blockSize }

    /// Checks every block decodes inside its bytes and the order names each document once, so that the reads
    /// below need no checks: a damaged segment is refused when opened.
    ///
    /// - Complexity: O(*n*) in the documents and the ids' bytes.
    static func validate(offsets: UnsafeBufferPointer<UInt32>, bytes: UnsafeBufferPointer<UInt8>, order: UnsafeBufferPointer<UInt32>,
                         documentCount: Int) -> String? {
        guard offsets.count == blockCount(documentCount: documentCount) + 1, offsets.first == 0,
              Int(offsets.last!) == bytes.count, offsets.allSatisfy({ Int($0) <= bytes.count }) else { return "id offsets out of range" }
        guard zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else { return "id offsets out of order" }
        for block in 0..<(offsets.count - 1) {
            var index = Int(offsets[block])
            let end = Int(offsets[block + 1])
            var length = 0
            for _ in 0..<min(blockSize, documentCount - block * blockSize) {
                // Compared as read (a damaged varint may exceed Int), converted after.
                guard let shared = Varint.read(bytes.baseAddress!, at: &index, end: end), shared <= UInt64(length),
                      let rest = Varint.read(bytes.baseAddress!, at: &index, end: end), rest <= UInt64(end - index)
                else { return "id bytes of block \(block) are damaged" }
                index += Int(rest)
                length = Int(shared) + Int(rest)
            }
            guard index == end else { return "id bytes of block \(block) are damaged" }
        }
        let width = orderWidth(documentCount: documentCount)
        guard order.count == BitPacking.wordCount(count: documentCount, width: width) else { return "id order has the wrong size" }
        var seen = [Bool](repeating: false, count: documentCount)
        for position in 0..<documentCount {
            let doc = Int(BitPacking.value(at: position, in: order.baseAddress!, width: width))
            guard doc < documentCount, !seen[doc] else { return "id order names a missing document" }
            seen[doc] = true
        }
        return nil
    }

    /// The id of `doc`, decoded into `buffer` (its previous content replaced).
    ///
    /// - Complexity: O(16 × the id's length): the ids of its block before it are decoded too.
    func decode(_ doc: Int, into buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        let block = doc / Self.blockSize
        var index = Int(offsets[block])
        for _ in 0...(doc % Self.blockSize) { step(&index, end: Int(offsets[block + 1]), &buffer) }
    }

    /// Decodes the id at `index` over the previous one in `buffer`, moving `index` past it.
    @inline(__always)
    private func step(_ index: inout Int, end: Int, _ buffer: inout [UInt8]) {
        let shared = Int(Varint.read(bytes, at: &index, end: end)!)
        let rest = Int(Varint.read(bytes, at: &index, end: end)!)
        buffer.removeLast(buffer.count - shared)
        buffer.append(contentsOf: UnsafeBufferPointer(start: bytes + index, count: rest))
        index += rest
    }

    /// Calls `body` with every document and its id, in document order, each block decoded once.
    ///
    /// - Complexity: O(*n*) in the ids' bytes.
    func forEach(_ body: (_ doc: Int, _ id: String) throws -> Void) rethrows {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32)
        var index = 0
        for doc in 0..<documentCount {
            if doc % Self.blockSize == 0 { index = Int(offsets[doc / Self.blockSize]); buffer.removeAll(keepingCapacity: true) }
            step(&index, end: Int(offsets[doc / Self.blockSize + 1]), &buffer)
            try body(doc, String(decoding: buffer, as: UTF8.self))
        }
    }

    /// The id of `doc`.
    func id(of doc: Int) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32)
        decode(doc, into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// The document with id `id`, or `nil`.
    ///
    /// - Complexity: O(log *n*) probes, each decoding up to 16 ids.
    func doc(withID id: String) -> Int? {
        let key = Array(id.utf8)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32)
        var low = 0, high = documentCount
        while low < high {
            let middle = (low + high) / 2
            let doc = Int(BitPacking.value(at: middle, in: order, width: orderWidth))
            decode(doc, into: &buffer)
            if buffer == key { return doc }
            if buffer.lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}
