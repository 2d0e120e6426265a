/// Reading the hand-written reference tables (`Corpus/*.tsv`) fast: split and trimmed as UTF-8 bytes, not
/// `Character`s (Foundation's `trimmingCharacters` and a `Character` split cost milliseconds at every start).
enum TableText {
    /// The lines of `text`, empty ones included (line numbers stay right).
    static func lines(_ text: String) -> [Substring] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// The tab-separated cells of `line`, each without the spaces, tabs and carriage returns around it.
    static func cells(_ line: Substring) -> [String] {
        line.utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { trimmed(Substring($0)) }
    }

    /// `text` without the ASCII spaces, tabs and carriage returns at either end.
    static func trimmed(_ text: Substring) -> String {
        let utf8 = text.utf8
        func blank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
        guard let first = utf8.firstIndex(where: { !blank($0) }), let last = utf8.lastIndex(where: { !blank($0) }) else { return "" }
        return String(Substring(utf8[first...last]))
    }
}
