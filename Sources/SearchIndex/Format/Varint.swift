/// Unsigned numbers in 7-bit groups, lowest first, the high bit set on every byte but the last (LEB128, as
/// Lucene's VInt and protobuf's varint): positions in segments, stored records, the search aids' file.
///
/// - Complexity: O(1): at most 10 bytes a number.
public enum Varint {
    /// Appends `value` to `bytes`.
    @inlinable
    public static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// The number at `index` in `bytes` (before `end`), moving `index` past it; `nil` when the bytes end first or
    /// the number is longer than 64 bits.
    @inlinable
    public static func read(_ bytes: [UInt8], at index: inout Int, end: Int) -> UInt64? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return read(base, at: &index, end: min(end, buffer.count))
        }
    }

    /// The number at `index` in the memory at `bytes` (before `end`), as above: for a mapped segment's bytes.
    @inlinable
    public static func read(_ bytes: UnsafePointer<UInt8>, at index: inout Int, end: Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < end, shift < 64 {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        return nil
    }
}
