import CICUBridge

/// Vietnamese alphabetical order, for lists people read (places, employers, facets): `a ă â
/// b c d đ e ê … o ô ơ … u ư …`, the tones after the letters (ICU's collation for "vi").
/// Byte order puts `Đình Vũ` after `Yên Bái`; folded order puts it among the `D`s.
///
/// | list | order |
/// |---|---|
/// | `Đồ Sơn`, `Dương Kinh`, `An Dương`, `Ân Thi` | `An Dương`, `Ân Thi`, `Dương Kinh`, `Đồ Sơn` |
public enum VietnameseCollation {
    /// Whether `a` comes before `b`; byte order where ICU cannot compare.
    ///
    /// - Complexity: O(*n*) in the shorter string's length.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf16), right = Array(b.utf16)
        let order = left.withUnsafeBufferPointer { l in
            right.withUnsafeBufferPointer { r in
                hz_collate_vietnamese(l.baseAddress, Int32(l.count), r.baseAddress, Int32(r.count))
            }
        }
        if order == -2 || order == 0 { return a < b }
        return order < 0
    }

    /// `names` in Vietnamese order.
    ///
    /// - Complexity: O(*n* log *n*) comparisons.
    public static func sorted<S: Sequence>(_ names: S) -> [String] where S.Element == String {
        names.sorted(by: precedes)
    }

    /// Whether person `a` comes before person `b` in a list of people, as Vietnamese lists
    /// are sorted: by the given name (the last word), then by the whole name (`Trần Văn An`
    /// before `Lê Thị Bình`).
    public static func namePrecedes(_ a: String, _ b: String) -> Bool {
        let givenA = a.split(separator: " ").last.map(String.init) ?? a
        let givenB = b.split(separator: " ").last.map(String.init) ?? b
        if givenA != givenB { return precedes(givenA, givenB) }
        return precedes(a, b)
    }
}
