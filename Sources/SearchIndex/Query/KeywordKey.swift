import VietnameseText

/// Folds keyword values the way the index stores them.
enum KeywordKey {
    static func fold(_ value: String) -> String { VietnameseAnalyzer().foldedText(value) }
}
