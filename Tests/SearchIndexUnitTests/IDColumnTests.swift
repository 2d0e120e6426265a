import Testing
@testable import SearchIndex

/// Front-coded ids (``IDColumn``, segment format 3): every id read back, found by itself and by nothing else, in
/// blocks full and partial; damaged bytes refused when the segment opens.
@Suite struct IDColumnTests {
    /// Encodes `ids` and runs `body` over a column reading the encoded sections, or returns the validation's verdict.
    private func withColumn<R>(_ ids: [String], damage: (inout [UInt32], inout [UInt8], inout [UInt32]) -> Void = { _, _, _ in },
                               _ body: (IDColumn?, String?) throws -> R) rethrows -> R {
        var (offsets, bytes, order) = IDColumn.encode(ids)
        damage(&offsets, &bytes, &order)
        bytes.append(0)  // a non-empty buffer, so that every base address exists
        order.append(0)
        return try offsets.withUnsafeBufferPointer { o in
            try bytes.withUnsafeBufferPointer { b in
                try order.withUnsafeBufferPointer { w in
                    let byteSection = UnsafeBufferPointer(rebasing: b[0..<(b.count - 1)])
                    let orderSection = UnsafeBufferPointer(rebasing: w[0..<(w.count - 1)])
                    if let problem = IDColumn.validate(offsets: o, bytes: byteSection, order: orderSection, documentCount: ids.count) {
                        return try body(nil, problem)
                    }
                    let column = IDColumn(offsets: o.baseAddress!, bytes: b.baseAddress!, order: w.baseAddress!, documentCount: ids.count,
                                          orderWidth: IDColumn.orderWidth(documentCount: ids.count))
                    return try body(column, nil)
                }
            }
        }
    }

    @Test(arguments: [0, 1, 2, 15, 16, 17, 33, 100])
    func everyIdReadsBackAndFindsItsDocument(count: Int) throws {
        // Shared prefixes of every length, ids that are prefixes of others, a repeat of the previous, accents, empty.
        let pool = ["P-0001", "P-0002", "P-00010", "P-0001", "d9", "d10", "d100", "thợ hàn", "thợ", "", "Đình Vũ", "z", "P-"]
        let ids = (0..<count).map { pool[$0 % pool.count] + ($0 >= pool.count ? "#\($0)" : "") }
        try withColumn(ids) { column, problem in
            #expect(problem == nil)
            let column = try #require(column)
            for (doc, id) in ids.enumerated() {
                #expect(column.id(of: doc) == id)
                let found = try #require(column.doc(withID: id))
                #expect(ids[found] == id)  // the id repeated (P-0001) finds one of its documents
            }
            var walked: [String] = []
            column.forEach { doc, id in #expect(doc == walked.count); walked.append(id) }
            #expect(walked == ids)
            for missing in ["P-0003", "P-00", "d1", "thợ hà", "zz", "~"] where !ids.contains(missing) {
                #expect(column.doc(withID: missing) == nil, "\(missing)")
            }
        }
    }

    /// | damage | refused as |
    @Test func damagedSectionsAreRefused() {
        let ids = (0..<40).map { "P-\($0)" }
        let cases: [(String, (inout [UInt32], inout [UInt8], inout [UInt32]) -> Void, String)] = [
            ("an offset past the bytes", { o, _, _ in o[1] = 10_000 }, "id offsets out of range"),
            ("a block's bytes cut short", { o, b, _ in b.removeLast(); o[o.count - 1] -= 1 }, "id bytes of block 2 are damaged"),
            ("more shared than the previous id has", { _, b, _ in b[3 + 2] = 9 }, "id bytes of block 0 are damaged"),
            // A suffix length of 2^63 (nine continuation bytes, then 1): larger than any Int conversion allows.
            ("a suffix length beyond Int", { o, b, _ in
                b.replaceSubrange(1..<2, with: [UInt8](repeating: 0x80, count: 9) + [1])
                for index in 1..<o.count { o[index] += 9 }
            }, "id bytes of block 0 are damaged"),
            ("offsets out of order", { o, _, _ in o[1] = o[2] + 1 }, "id offsets out of order"),
            ("a document twice in the order", { _, _, w in w[0] = 0 }, "id order names a missing document"),
            ("the order one word short", { _, _, w in w.removeLast() }, "id order has the wrong size"),
            ("a block missing", { o, _, _ in o.removeLast() }, "id offsets out of range"),
        ]
        for (what, damage, expected) in cases {
            withColumn(ids, damage: damage) { column, problem in
                #expect(column == nil, "\(what)")
                #expect(problem == expected, "\(what)")
            }
        }
    }
}
