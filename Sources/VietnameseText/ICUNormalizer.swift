import CICUBridge

/// Unicode normalisation and word boundaries through ICU.
///
/// Every ICU call in HezaMatch goes through this file, in a module that never
/// imports Foundation: Foundation on Linux ships its own copy of the ICU headers,
/// and the two must not meet in one Swift module (see ARCHITECTURE.md).
/// ICU serves the boundaries (building ``LetterTable`` once, and text outside the
/// Latin script); the hot path of ``VietnameseAnalyzer`` never calls it.
enum ICUNormalizer {
    /// The normalisation forms HezaMatch uses.
    enum Form: Int32 {
        case nfc = 0
        case nfd = 1
        /// NFKC with Unicode case folding: compatibility forms (full-width
        /// letters, ligatures) become plain ones, and case is folded.
        case nfkcCasefold = 2
    }

    /// `text` in normalisation form `form`; `text` itself if ICU fails.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    static func normalize(_ text: String, to form: Form) -> String {
        let source = Array(text.utf16)
        if source.isEmpty { return text }
        var capacity = source.count * 3 + 8
        while true {
            var target = [UInt16](repeating: 0, count: capacity)
            let length = source.withUnsafeBufferPointer { src in
                target.withUnsafeMutableBufferPointer { dst in
                    hz_normalize(form.rawValue, src.baseAddress, Int32(src.count), dst.baseAddress, Int32(dst.count))
                }
            }
            if length < 0 { return text }
            if Int(length) <= capacity {
                return String(decoding: target[0..<Int(length)], as: UTF16.self)
            }
            capacity = Int(length)
        }
    }

    /// The words of `text` by ICU's word-break rules, as ranges of UTF-16 offsets.
    ///
    /// Used for scripts written without spaces between words (Chinese, Japanese,
    /// Thai), which ICU segments by dictionary.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    static func wordRanges(utf16 text: [UInt16]) -> [Range<Int>] {
        if text.isEmpty { return [] }
        var capacity = text.count / 2 + 4
        while true {
            var bounds = [Int32](repeating: 0, count: capacity * 2)
            let count = text.withUnsafeBufferPointer { src in
                bounds.withUnsafeMutableBufferPointer { dst in
                    hz_word_bounds(src.baseAddress, Int32(src.count), dst.baseAddress, Int32(capacity))
                }
            }
            if count < 0 { return [0..<text.count] }
            if Int(count) <= capacity {
                return (0..<Int(count)).map { Int(bounds[2 * $0])..<Int(bounds[2 * $0 + 1]) }
            }
            capacity = Int(count)
        }
    }
}
