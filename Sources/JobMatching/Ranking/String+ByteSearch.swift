#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether `needle`'s UTF-8 bytes occur in this string's: the search for folded text
    /// (`" lai xe nang "` in `" nhan vien lai xe nang hang "`), where a byte match is a
    /// match. Foundation's `contains` compares Unicode strings through `NSString`; on a
    /// fair's hundreds of thousands of comparisons it took a third of the time.
    ///
    /// - Complexity: O(*n* · *m*) at worst (`strstr`), linear in practice.
    func containsBytes(_ needle: String) -> Bool {
        withCString { haystack in needle.withCString { strstr(haystack, $0) != nil } }
    }
}
