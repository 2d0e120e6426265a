extension String {
    /// The text of `bytes` when they are UTF-8, else `nil`: the check of ``JSONParser`` and the index's stored records.
    ///
    /// `String(validating:as:)` is generic and was not specialised here: looking up its metadata for every string took
    /// more time than reading the string. `String(decoding:as:)` is specialised for contiguous UTF-8 but mends bad bytes
    /// with U+FFFD, so the mended text is compared with the bytes: equal exactly when they were valid. ASCII needs no check.
    ///
    /// - Complexity: O(*n*) in the number of bytes.
    @inlinable
    public init?(validUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if !ascii {
            guard text.utf8.count == bytes.count else { return nil }
            let same = text.utf8.withContiguousStorageIfAvailable { mended in
                var difference: UInt8 = 0
                for offset in 0..<mended.count { difference |= mended[offset] ^ bytes[offset] }
                return difference == 0
            } ?? text.utf8.elementsEqual(bytes)
            guard same else { return nil }
        }
        self = text
    }
}
